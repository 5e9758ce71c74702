"""The ``kg`` command group. The commands live beside it (:mod:`kg.cli.build`,
:mod:`kg.cli.query`, :mod:`kg.cli.view`, :mod:`kg.cli.score`,
:mod:`kg.cli.scale`); together they are the only code that prints or exits.
Library code raises :class:`kg.errors.KGError`, turned into one ``Error:``
line and a non-zero exit code (:func:`kg.cli.options.domain_errors`)."""

from __future__ import annotations

import logging

import click

from kg import __version__
from kg.cli.build import build
from kg.cli.diff import diff
from kg.cli.export import export
from kg.cli.options import EscapingGroup, printable
from kg.cli.query import query
from kg.cli.scale import extract, merge, push
from kg.cli.score import audit, eval_
from kg.cli.validate import validate
from kg.cli.view import view


class _EscapingFormatter(logging.Formatter):
    """Log lines (-v) through :func:`kg.cli.options.printable`: one line each."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record), keep="\n")


@click.group(cls=EscapingGroup)
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Build, query, view and score a knowledge graph from Chinese news."""
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler()
    handler.setFormatter(_EscapingFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


for _command in (build, eval_, audit, query, validate, export, view, extract, merge, push, diff):
    cli.add_command(_command)
