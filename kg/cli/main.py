"""The ``kg`` command line, with :mod:`kg.cli.scale`: the only code that
prints or exits. Library code raises :class:`kg.errors.KGError`, turned
here into one ``Error:`` line and a non-zero exit code."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from kg import __version__
from kg.cli.options import domain_errors, injected_extractor, jobs_option, progress_bar
from kg.cli.scale import extract, merge, push


@click.group()
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Build, query, view and score a knowledge graph from Chinese news."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# --- build (kg.run.build) -------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Folder for graph.ttl and graph.html.")
@click.option("--model", default="blank:zh", show_default=True,
              help="spaCy pipeline: blank:zh (offline default: spaCy Chinese + jieba + curated "
                   "patterns) or an installed pipeline such as zh_core_web_sm, or its path.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out facts whose evidence is less confident than this.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read.")
@click.option("--no-html", is_flag=True, help="Write graph.ttl only.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Extract in N worker processes (0: one per CPU); the graph is the same.")
@click.option("--no-cache", is_flag=True,
              help="Extract every document again and keep no cache (by default each document's "
                   "extraction is kept in OUT/.kg-cache and reused while text and pipeline match).")
@domain_errors
def build(paths, out_dir, model, min_confidence, strict, no_html, jobs, no_cache):
    """Build the knowledge graph from Chinese news files.

    PATHS are .txt files or folders searched recursively (default: seeds/).
    Files that cannot be read are skipped with a warning and the command
    exits with status 1 at the end; --strict stops at the first one.
    A rebuild extracts only new or changed documents (cache in OUT/.kg-cache).
    """
    from kg.run.build import build as run_build

    paths = [Path(p) for p in paths] or [Path("seeds")]
    click.echo(f"model: {model}" + (" (spaCy Chinese + jieba, offline)" if model == "blank:zh" else ""),
               err=True)
    progress, close = progress_bar("extracting")
    try:
        result = run_build(paths, out_dir, model, min_confidence=min_confidence, strict=strict,
                           html=not no_html, progress=progress, jobs=jobs_option(jobs),
                           cache=not no_cache, extractor=injected_extractor())
    finally:
        close()
    for line in result.skipped:
        click.echo(f"skipped: {line}", err=True)
    for line in result.warnings:
        click.echo(f"warning: {line}", err=True)
    if not result.documents:
        raise click.ClickException(f"no input file could be read ({len(result.skipped)} skipped, "
                                   f"see the lines above); {out_dir} was left as it was")
    ents = ", ".join(f"{c} {n}" for c, n in sorted(result.entities.items()))
    rels = ", ".join(f"{p} {n}" for p, n in sorted(result.relations.items()) if n)
    click.echo(f"documents: {result.documents}" + (f" ({result.extracted} extracted, {result.cached} "
                                                     "from the cache)" if result.cached else ""))
    click.echo(f"entities: {sum(result.entities.values())} ({ents})")
    click.echo(f"relations: {sum(result.relations.values())} ({rels})")
    click.echo(f"wrote {out_dir / 'graph.ttl'}" + ("" if no_html else f" and {out_dir / 'graph.html'}")
               + f" in {result.seconds:.1f} s")
    if result.skipped:
        raise click.ClickException(f"{len(result.skipped)} file(s) skipped; see the lines above")


# --- eval (kg.eval.score) ---------------------------------------------------------

@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/graph.ttl"), show_default=True,
              help="The graph to score (.ttl, .nt, .nq or .trig).")
@click.option("--docs", help="Score only these gold docs, comma-separated (e.g. 000,002); "
                             "default: the gold docs the graph contains.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure and list as JSON.")
@click.option("--show", type=click.IntRange(min=0), default=20, show_default=True,
              help="Rows per list in the text report; 0: only the summary and the per-predicate table.")
@domain_errors
def eval_(gold_dir, graph_file, docs, as_json, show):
    """Score a graph against gold annotations.

    GOLD_DIR holds entities.tsv, triples.tsv and attributes.tsv (see
    its README for the format and the matching rules). Prints relation
    precision / recall / F1 (overall and per predicate), entity recall
    (any type and typed), precision and duplicates, attribute recall and
    precision; then the missed and false-positive rows with their
    evidence sentences.
    """
    import json

    from kg.eval.score import evaluate, format_report, load_gold
    from kg.graph.store import load_graph

    gold = load_gold(gold_dir)
    doc_ids = [d for d in docs.split(",") if d.strip()] if docs else None
    # rdflib's own store: the scorer needs each triple once (Oxigraph gives a triple once
    # per named graph of a .nq or .trig file) and plain literals as rdflib parses them
    report = evaluate(gold, load_graph(graph_file, "memory"), doc_ids)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(format_report(report, show))


# --- query (kg.graph.query) -------------------------------------------------------


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


@cli.command("query")
@click.argument("query_name", metavar="FILE.rq|NAME", required=False)
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/graph.ttl"), show_default=True,
              help="The graph to query (.ttl, .nt, .nq or .trig).")
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
@domain_errors
def query(query_name, graph_file, fmt, binds, list_queries, endpoint, default_graph, store):
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
    from kg.graph.store import load_graph

    if list_queries:
        entries = all_queries()
        width = max((len(name) for name, _ in entries), default=0)
        for name, question in entries:
            click.echo(f"{name:<{width}}  {question}")
        return
    if not query_name:
        raise click.UsageError("give a query file or NAME, or --list to see the names")
    path = resolve_query(query_name)
    source = _query_source(path)
    text = read_query(path)
    init = check_query(text, binds, source=source)  # fail fast, before loading a large graph
    if endpoint:
        from kg.graph.endpoint import run_query as run_remote

        result, labels = run_remote(endpoint, text, init, default_graph=default_graph)
        click.echo(format_result(result, labels, fmt))
        return
    if default_graph:
        raise click.UsageError("--default-graph goes with --endpoint")
    graph = load_graph(graph_file, store)
    click.echo(format_result(run_query(graph, text, binds, source=source), graph, fmt))


# --- view (kg.view.page) ---------------------------------------------------------


@cli.command("view")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/graph.ttl"), show_default=True,
              help="The graph to draw (.ttl, .nt, .nq or .trig).")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page; default: beside the graph, as .html "
                   "(output/graph.html).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the web browser.")
@domain_errors
def view(graph_file, out_file, open_page):
    """Draw the graph as one interactive HTML page that works offline.

    Nodes are coloured and shaped by class (legend on the left), edges
    labelled by relation in Chinese and English. Hover a node for its
    aliases and documents, an edge for its evidence sentences and source
    files; tick classes and relations to filter; type to search names.
    `kg build` writes the same page as graph.html beside graph.ttl.
    """
    from kg.graph.store import load_graph
    from kg.run.files import write_atomically
    from kg.view.page import render_page

    out = out_file or graph_file.with_suffix(".html")
    page = render_page(load_graph(graph_file))
    write_atomically(out.parent, {out.name: page.html}, what="the page",
                     fix="choose another --out file")
    click.echo(f"wrote {out} ({page.nodes} nodes, {page.edges} edges)")
    if open_page:
        click.launch(str(out))


for _command in (extract, merge, push):
    cli.add_command(_command)
