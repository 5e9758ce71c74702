"""The ``kg`` command line: the only code that prints or exits."""

from kg.cli.main import cli

__all__ = ["cli"]
