"""``kg validate`` (:mod:`kg.graph.validate`): check a graph against the
SHACL shapes made from the ontology, one line per violation."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import domain_errors


def shapes_line(violations: list, graph_file: Path) -> str:
    """The one line ``kg build`` prints about the shapes of what it wrote."""
    from kg.graph.validate import summary

    if not violations:
        return summary(violations)
    return f"{summary(violations)}; `kg validate {graph_file}` lists them"


@click.command("validate")
@click.argument("graph_file", metavar="[GRAPH]", required=False,
                type=click.Path(dir_okay=False, path_type=Path), default=Path("output/graph.ttl"))
@click.option("--shapes", "shapes_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Check against these SHACL shapes (Turtle) instead of the ontology's.")
@click.option("--fast", is_flag=True,
              help="Run the check `kg build` runs (the same shapes, without pySHACL; a second "
                   "for a large graph) instead of pySHACL.")
@click.option("--print-shapes", is_flag=True,
              help="Print the shapes made from the ontology (Turtle) and exit.")
@domain_errors
def validate(graph_file, shapes_file, fast, print_shapes):
    """Check GRAPH (.ttl, .nt, .nq or .trig; default output/graph.ttl) against SHACL shapes.

    The shapes are made from the ontology: every entity has one class and a
    label (one per language); subjects and objects of relations and
    attributes fit their domains and ranges; attribute values have their
    datatypes; every asserted relation has a statement with evidence;
    statements and documents carry their provenance. Prints one line per
    violation (focus node, property, value: what is wrong) and exits 1 when
    there is any.

    \b
    Examples:
      kg validate output/graph.ttl
      kg validate output/graph.ttl --fast
      kg validate --print-shapes > shapes.ttl
    """
    from kg.graph.store import load_graph
    from kg.graph.validate import load_shapes, summary, validate_graph

    if print_shapes:
        from kg.ontology.shapes import shapes_turtle

        click.echo(shapes_turtle(), nl=False)
        return
    shapes = load_shapes(shapes_file)
    if fast:
        from kg.graph.shapecheck import check_triples

        violations = check_triples(load_graph(graph_file), shapes)
    else:
        violations = validate_graph(load_graph(graph_file, "memory"), shapes)
    for violation in violations:
        click.echo(violation.line())
    if violations:
        raise click.ClickException(f"{graph_file}: {summary(violations)}")
    click.echo(f"{graph_file}: {summary(violations)}")
