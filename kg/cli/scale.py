"""``kg extract``, ``kg merge`` and ``kg push``: the commands for corpora
bigger than one build and graphs bigger than one process."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import (domain_errors, echo, injected_extractor, jobs_option, max_file_size_option,
                            min_confidence_option, model_option, no_html_option, out_option,
                            progress_bar, strict_option)
from kg.cli.validate import shapes_line


# --- extract / merge (kg.run.mapreduce) -------------------------------------------


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for one <doc_id>.nq and one <doc_id>.json per document.")
@model_option(help="spaCy pipeline, as for `kg build`.")
@jobs_option(help="Extract in N worker processes (0: one per CPU).")
@strict_option
@click.option("--force", is_flag=True,
              help="Extract again even documents whose files are already in --out.")
@max_file_size_option
@domain_errors
def extract(paths, out_dir, model, jobs, strict, force, max_file_size):
    """Extract documents into one file pair per document (the map step).

    For each document writes OUT/<doc_id>.nq — N-Quads, one named graph (the
    document's IRI) with the document, the entities it names and its facts
    with evidence — and OUT/<doc_id>.json, the extraction `kg merge` reads.
    Run it on slices of a corpus on any number of machines (a shell loop,
    GNU parallel, Spark, Ray), then `kg merge` the folders into one graph.
    Documents already extracted by the same pipeline version are skipped.

    \b
    Example:
      kg extract part-1/ --out extracted/ && kg extract part-2/ --out extracted/
      kg merge extracted/ --out output/
    """
    from kg.run.mapreduce import extract_to_folder

    progress, close = progress_bar("extracting")
    try:
        result = extract_to_folder([Path(p) for p in paths], out_dir, model, jobs=jobs,
                                   strict=strict, force=force, progress=progress,
                                   extractor=injected_extractor(), max_file_size=max_file_size)
    finally:
        close()
    for line in result.skipped:
        echo(f"skipped: {line}", err=True)
    echo(f"documents: {result.documents} ({result.extracted} extracted, "
               f"{result.unchanged} already in {out_dir})")
    echo(f"wrote {result.extracted} .nq/.json pair(s) to {out_dir} in {result.seconds:.1f} s")
    if result.skipped:
        raise click.ClickException(f"{len(result.skipped)} file(s) skipped; see the lines above")


@click.command("merge")
@click.argument("folders", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@out_option
@min_confidence_option
@no_html_option
@click.option("--stream/--in-memory", "stream", default=None,
              help="Merge with bounded memory (extractions read twice, spilled to a temporary "
                   "SQLite file; graph.ttl written as it is made), or with everything in memory. "
                   "Default: streamed from 5000 extraction files. Same graph.ttl either way.")
@domain_errors
def merge(folders, out_dir, min_confidence, no_html, stream):
    """Merge the output of `kg extract` into one graph (the reduce step).

    Reads every <doc_id>.json under FOLDERS, resolves entities across all
    documents and writes graph.ttl and graph.html: the same files `kg build`
    writes for the same documents. A streamed merge (--stream) keeps its
    memory bounded with --no-html and leaves the shapes check to
    `kg validate --fast`.
    """
    from kg.run.mapreduce import merge_folders

    result = merge_folders(folders, out_dir, min_confidence=min_confidence, html=not no_html,
                           stream=stream)
    ents = ", ".join(f"{c} {n}" for c, n in sorted(result.entities.items()))
    echo(f"documents: {result.documents}")
    echo(f"entities: {sum(result.entities.values())} ({ents})")
    echo(f"relations: {sum(result.relations.values())}")
    if result.streamed:
        echo(f"shapes: not checked (streamed merge); `kg validate --fast {out_dir / 'graph.ttl'}` "
             "checks them")
    else:
        echo(f"shapes: {shapes_line(result.violations, out_dir / 'graph.ttl')}")
    echo(f"wrote {out_dir / 'graph.ttl'}" + ("" if no_html else f" and {out_dir / 'graph.html'}")
               + f" in {result.seconds:.1f} s")


# --- push (kg.graph.endpoint) -------------------------------------------------------


@click.command("push")
@click.argument("graph_file", required=False, type=click.Path(dir_okay=False, path_type=Path),
                default=Path("output/graph.ttl"))
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's SPARQL Graph Store Protocol URL, e.g. http://localhost:7878/store "
                   "(Oxigraph), http://localhost:3030/DATASET/data (Fuseki), "
                   "http://localhost:8890/sparql-graph-crud (Virtuoso).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Load into this named graph (default: the default graph).")
@click.option("--append", is_flag=True,
              help="Add to the graph (HTTP POST) instead of replacing it (HTTP PUT).")
@domain_errors
def push(graph_file, endpoint, graph_iri, append):
    """Load a graph file (default: output/graph.ttl) into a SPARQL server.

    Uses the SPARQL 1.1 Graph Store HTTP Protocol, so any server that speaks
    it works: Oxigraph, Apache Jena Fuseki, Virtuoso, managed stores. Query
    it afterwards with `kg query NAME --endpoint QUERY_URL`.
    """
    from kg.graph.endpoint import push as push_file

    result = push_file(graph_file, endpoint, graph_iri, append=append)
    target = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    echo(f"{'added' if append else 'loaded'} {graph_file} ({result.bytes:,} bytes) into "
               f"{target} at {endpoint} (HTTP {result.status})")
