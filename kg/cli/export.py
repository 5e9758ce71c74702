"""``kg export`` (:mod:`kg.graph.export`): the graph for Gephi, Cytoscape,
Neo4j and JSON-LD or N-Triples consumers, written with the one atomic writer."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import domain_errors

_TO = ["graphml", "gexf", "csv", "jsonld", "ntriples"]   # kg.graph.export.EXPORTS (a test keeps them in step)


@click.command("export")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", type=click.Choice(_TO), required=True,
              help="graphml or gexf: entities and relations for Gephi, Cytoscape, yEd; csv: "
                   "nodes.csv and relationships.csv for neo4j-admin database import; jsonld, "
                   "ntriples: every triple.")
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="The file to write (a folder for --to csv); default: beside GRAPH "
                   "(graph.graphml, graph.gexf, graph.jsonld, graph.nt, graph-neo4j/).")
@domain_errors
def export(graph_file, to, out):
    """Export GRAPH (.ttl, .nt, .nq or .trig) for network and RDF tools.

    \b
    Examples:
      kg export output/graph.ttl --to graphml        # open in Gephi or Cytoscape
      kg export output/graph.ttl --to csv             # then:
      neo4j-admin database import full --nodes=output/graph-neo4j/nodes.csv \\
          --relationships=output/graph-neo4j/relationships.csv
    """
    from kg.graph.export import SUFFIXES, export as run_export
    from kg.graph.store import load_graph
    from kg.run.files import write_atomically

    files = run_export(load_graph(graph_file, "memory"), to)
    if to == "csv":
        folder = out or graph_file.with_name(f"{graph_file.stem}-neo4j")
    else:
        target = out or graph_file.with_suffix(SUFFIXES[to])
        folder = target.parent
        files = {target.name: data for data in files.values()}
    write_atomically(folder, files, what="the export", fix="choose another --out")
    for name, data in files.items():
        click.echo(f"wrote {folder / name} ({len(data):,} bytes)")
