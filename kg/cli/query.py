"""``kg query`` (:mod:`kg.graph.query`, :mod:`kg.graph.endpoint`): a SPARQL
read query on a graph file or a SPARQL server, printed for people."""

from __future__ import annotations

import sys
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


def _query_text(query_name: str | None, expression: str | None) -> tuple[str, str]:
    """The query's text and how messages name it: ``-e TEXT``, ``-`` (stdin),
    a file or a NAME of queries/."""
    from kg.graph.query import read_query, resolve_query

    if expression is not None:
        if query_name:
            raise click.UsageError("give a query file or NAME, or -e QUERY, not both")
        return _with_prefixes(expression), "-e"
    if query_name == "-":
        return _with_prefixes(sys.stdin.read()), "stdin"
    if not query_name:
        raise click.UsageError("give a query file or NAME, - (stdin), -e QUERY, or --list "
                               "to see the names")
    path = resolve_query(query_name)
    return read_query(path), _query_source(path)


def _with_prefixes(text: str) -> str:
    """A query typed at the command line may use kg's prefixes (kg:, kgr:,
    rdfs: …) without declaring them: the ones it uses are declared on its
    first line (so the line numbers of errors stay as typed)."""
    import re

    from kg.ontology.vocab import PREFIXES

    bare = re.sub(r"<[^>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|#[^\n]*", " ", text)
    declared = {p.lower() for p in re.findall(r"PREFIX\s+([\w-]*):", bare, re.I)}
    used = [p for p in sorted(PREFIXES) if p not in declared
            and re.search(rf"(?<![\w?$:-]){re.escape(p)}:", bare)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}> " for p in used) + text


def _style(iris: bool, bom: bool, lang: str | None = None):
    """How values are shown; a table fits $COLUMNS, or the terminal it is printed on."""
    import os
    import shutil

    from kg.graph.results import Style

    width = None
    if os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    elif sys.stdout.isatty():
        width = shutil.get_terminal_size().columns
    return Style(iris=iris, lang=lang, width=width, bom=bom)


@click.command("query")
@click.argument("query_name", metavar="FILE.rq|NAME|-", required=False)
@click.option("-e", "--expression", metavar="QUERY",
              help="Run this query text (e.g. -e 'SELECT * WHERE { ?s ?p ?o } LIMIT 5').")
@graph_option
@click.option("--format", "fmt",
              type=click.Choice(["table", "csv", "tsv", "json", "turtle", "ntriples"]),
              help="table (default for SELECT and ASK): aligned columns fit to $COLUMNS; "
                   "csv/tsv: a header row; json: SPARQL 1.1 Query Results JSON; turtle "
                   "(default for CONSTRUCT and DESCRIBE) or ntriples: the graph they give.")
@click.option("--iris", is_flag=True,
              help="Show IRIs (kgr:deepseek) instead of labels and file names.")
@click.option("--lang", type=click.Choice(["en", "zh"]),
              help="Show entities, classes and relations by their labels in this language "
                   "(where the graph or the ontology has one) and the column headers in it.")
@click.option("--bom", is_flag=True,
              help="With --format csv or tsv: start with a UTF-8 byte-order mark, so "
                   "spreadsheets read the Chinese right.")
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
def query(query_name, expression, graph_file, fmt, iris, lang, bom, binds, list_queries, endpoint,
          default_graph, store, allow_service, timeout):
    """Run a read-only SPARQL query on the graph and print the answer.

    FILE.rq is a query file; NAME runs queries/NAME.rq (see --list); - reads
    the query from stdin, -e QUERY takes it from the command line. Only
    SELECT, ASK, CONSTRUCT and DESCRIBE are accepted; from - and -e, kg's
    prefixes (kg: kgr: kgd: kgs: rdf: rdfs: skos: prov: dcterms: xsd:) need
    no PREFIX line. Entities and documents
    are printed by their labels and file names (--iris: their IRIs), text
    without inline pinyin glosses.

    \b
    Examples:
      kg query --list
      kg query models_by_company
      kg query praise_and_criticism --bind target=OpenAI --format csv
      kg query evidence --bind subject=DeepSeek --bind relation=released
      kg query -e 'SELECT ?s WHERE { ?s a kg:Company }' --iris
      kg query founders --format csv --bom > founders.csv
    """
    from kg.graph.query import check_query, list_queries as all_queries, run_query
    from kg.graph.results import format_result
    from kg.graph.store import default_store, load_graph

    if list_queries:
        entries = all_queries()
        width = max((len(name) for name, _ in entries), default=0)
        for name, question in entries:
            echo(f"{name:<{width}}  {question}")
        return
    text, source = _query_text(query_name, expression)
    style = _style(iris, bom, lang)
    init = check_query(text, binds, source=source, allow_service=allow_service,  # fail fast, before
                       rdflib_store=not endpoint and (store or default_store()) == "memory")  # loading
    if endpoint:
        from kg.graph.endpoint import run_query as run_remote

        result, labels = run_remote(endpoint, text, init, default_graph=default_graph,
                                    timeout=timeout or None)
        echo(format_result(result, labels, fmt, style), lines=True, json_text=fmt == "json")
        return
    if default_graph:
        raise click.UsageError("--default-graph goes with --endpoint")
    graph = load_graph(graph_file, store)
    echo(format_result(run_query(graph, text, binds, source=source, allow_service=allow_service,
                                 timeout=timeout or None), graph, fmt, style),
         lines=True, json_text=fmt == "json")
