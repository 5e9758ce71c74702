"""``kg eval`` (:mod:`kg.eval.score`): a graph scored against gold annotations."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import GRAPH_SUFFIXES, domain_errors, graph_option


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@graph_option(help=f"The graph to score ({GRAPH_SUFFIXES}).")
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
