"""``kg diff OLD NEW`` (:mod:`kg.graph.diff`): what a new build changed."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import domain_errors


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "turtle"]), default="table",
              show_default=True, help="Readable lines, JSON, or Turtle (one kg:Addition or "
                                      "kg:Removal statement node per change).")
@domain_errors
def diff(old, new, fmt):
    """What changed from the graph OLD to the graph NEW.

    OLD and NEW are graph files or build folders (their graph.ttl). Lists
    the documents, entities, aliases, facts and attributes added (+) and
    removed (-), each with the documents that bring it and an evidence
    sentence, then a one-line summary. The same two graphs always give
    the same output.
    """
    from kg.graph.diff import diff_graphs, load_index
    from kg.graph.diff_render import render

    changes = diff_graphs(load_index(old), load_index(new))
    click.echo(render(changes, fmt).decode("utf-8"), nl=False)
