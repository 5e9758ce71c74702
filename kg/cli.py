"""The ``kg`` command line. The only module that prints or exits: library
code raises :class:`kg.errors.KGError`, turned here into one ``Error:`` line
and a non-zero exit code."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import click

from kg.errors import KGError


def _domain_errors(func):
    """Turn library errors into ``click.ClickException`` (one line, exit 1)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


@click.group()
@click.version_option(package_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Build, query, view and score a knowledge graph from Chinese news."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# --- build (kg.pipeline) ----------------------------------------------------


# --- eval (kg.eval) ---------------------------------------------------------


# --- query (kg.query) -------------------------------------------------------


# --- view (kg.view) ---------------------------------------------------------
