"""``kg query`` (:mod:`kg.graph.query`, :mod:`kg.graph.endpoint`): a SPARQL
read query on a graph file or a SPARQL server, printed for people."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import domain_errors, echo, graph_option


def _parse_binds(ctx, param, values):
    """``--bind VAR=VALUE`` options → {VAR: VALUE} (a leading ? is dropped)."""
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise click.BadParameter(f"expected VAR=VALUE, got {item!r}", ctx=ctx, param=param)
        out[name] = value
    return out


def _query_source(path: Path) -> str:
    """How a query file is named in messages: ``queries/NAME.rq`` for the
    queries that ship with kg, else relative to here when possible."""
    from kg.resources import QUERIES_DIR

    if path.resolve().parent == QUERIES_DIR.resolve():
        return f"queries/{path.name}"
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return f"queries/{path.name}" if path.parent.name == "queries" else str(path)


@click.command("query")
@click.argument("query_name", metavar="FILE.rq|NAME", required=False)
@graph_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True,
              help="table: aligned columns; csv/tsv: with a header row; json: a list of "
                   "row objects. ASK prints true/false, CONSTRUCT/DESCRIBE print Turtle.")
@click.option("--bind", "binds", multiple=True, metavar="VAR=VALUE", callback=_parse_binds,
              help="Give a query variable a value (repeatable). <IRI> or kgr:x / kg:x / kgd:x "
                   "→ an IRI, an integer → a number, anything else → a string.")
@click.option("--list", "list_queries", is_flag=True,
              help="List the queries in queries/ with the question each answers.")
@click.option("--endpoint", metavar="URL",
              help="Run the query on a SPARQL server (SPARQL 1.1 Protocol) instead of --graph, "
                   "e.g. http://localhost:7878/query (Oxigraph); load it with `kg push`.")
@click.option("--default-graph", "default_graph", metavar="IRI",
              help="With --endpoint: query this named graph (the IRI given to `kg push --graph`).")
@click.option("--store", type=click.Choice(["oxigraph", "memory"]), default=None,
              help="Where to load --graph: oxigraph (default when oxrdflib is installed; fast, "
                   "little memory) or memory (rdflib's own store).")
@click.option("--allow-service", is_flag=True,
              help="Let the query reach other hosts: SERVICE (federated query) and, with "
                   "--store memory, FROM <IRI> (which rdflib downloads). Off by default: "
                   "a query makes no network request unless --endpoint or this is given.")
@click.option("--timeout", type=click.FloatRange(min=0), default=300, show_default=True,
              metavar="SECONDS", help="Stop a query that runs longer than this (0: no limit); "
                                      "Ctrl-C stops one at any time.")
@domain_errors
def query(query_name, graph_file, fmt, binds, list_queries, endpoint, default_graph, store,
          allow_service, timeout):
    """Run a read-only SPARQL query on the graph and print the answer.

    FILE.rq is a query file; NAME runs queries/NAME.rq (see --list). Only
    SELECT, ASK, CONSTRUCT and DESCRIBE are accepted. Entities and documents
    are printed by their labels and file names, not their IRIs.

    \b
    Examples:
      kg query --list
      kg query models_by_company
      kg query praise_and_criticism --bind target=OpenAI --format csv
      kg query evidence --bind subject=DeepSeek --bind relation=released
    """
    from kg.graph.query import check_query, format_result, list_queries as all_queries
    from kg.graph.query import read_query, resolve_query, run_query
    from kg.graph.store import default_store, load_graph

    if list_queries:
        entries = all_queries()
        width = max((len(name) for name, _ in entries), default=0)
        for name, question in entries:
            echo(f"{name:<{width}}  {question}")
        return
    if not query_name:
        raise click.UsageError("give a query file or NAME, or --list to see the names")
    path = resolve_query(query_name)
    source = _query_source(path)
    text = read_query(path)
    init = check_query(text, binds, source=source, allow_service=allow_service,  # fail fast, before
                       rdflib_store=not endpoint and (store or default_store()) == "memory")  # loading
    if endpoint:
        from kg.graph.endpoint import run_query as run_remote

        result, labels = run_remote(endpoint, text, init, default_graph=default_graph,
                                    timeout=timeout or None)
        echo(format_result(result, labels, fmt), lines=True, json_text=fmt == "json")
        return
    if default_graph:
        raise click.UsageError("--default-graph goes with --endpoint")
    graph = load_graph(graph_file, store)
    echo(format_result(run_query(graph, text, binds, source=source, allow_service=allow_service,
                                 timeout=timeout or None), graph, fmt),
         lines=True, json_text=fmt == "json")
