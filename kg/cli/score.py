"""``kg eval`` (:mod:`kg.eval.score`): a graph scored against gold annotations."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import GRAPH_SUFFIXES, domain_errors, echo, graph_option


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
        echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, sort_keys=True), json_text=True)
    else:
        echo(format_report(report, show), lines=True)


@click.command("audit")
@click.argument("graph_file", metavar="GRAPH", required=False,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--per-relation", type=click.IntRange(min=0), default=10, show_default=True,
              help="Distinct facts sampled per relation.")
@click.option("--per-class", type=click.IntRange(min=0), default=5, show_default=True,
              help="Entity nodes sampled per class.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the sample: the same graph and seed give the same sheet.")
@click.option("--texts", "texts", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="The files or folders the graph was built from (repeatable), to show the "
                   "sentence before each evidence.")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the sheet here (default: print it).")
@click.option("--score", "sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Tally a judged sheet instead: precision per relation and per class.")
@domain_errors
def audit(graph_file, per_relation, per_class, seed, texts, out_file, sheet):
    """Sample a graph's facts and entities for judging, or tally a judged sheet.

    Writes a TSV judging sheet: per relation up to N distinct facts with an
    evidence sentence, the sentence before it, the file and the offsets, and
    per class up to M entity nodes; fill its `verdict` column (correct,
    wrong, debatable) and optionally `error`. `kg audit --score SHEET`
    prints precision per relation, per class and overall with 95% Wilson
    intervals (debatable rows left out, and a strict figure counting them
    as wrong), and the error classes.

    \b
    Examples:
      kg audit output/graph.ttl --texts corpus/ --per-relation 10 --seed 7 --out sheet.tsv
      kg audit --score sheet.tsv
    """
    import io

    from kg.eval.audit import format_tally, read_sheet, sample, tally, write_sheet

    if sheet is not None:
        if graph_file is not None:
            raise click.UsageError("give a GRAPH to sample or --score SHEET to tally, not both")
        echo(format_tally(tally(read_sheet(sheet))), lines=True)
        return
    if graph_file is None:
        raise click.UsageError("give the GRAPH to sample (or --score SHEET to tally a judged one)")
    from kg.graph.store import load_graph

    rows = sample(load_graph(graph_file, "memory"), per_relation, per_class, seed,
                  _texts(texts) if texts else None)
    buffer = io.StringIO()
    write_sheet(rows, buffer)
    if out_file is None:
        echo(buffer.getvalue(), lines=True, nl=False)
        return
    from kg.run.files import write_atomically

    write_atomically(out_file.parent, {out_file.name: buffer.getvalue().encode("utf-8")},
                     what="the sheet", fix="choose another --out file")
    echo(f"wrote {out_file} ({len(rows)} rows); fill its verdict column, then "
               f"`kg audit --score {out_file}`", err=True)


def _texts(paths) -> dict[str, str]:
    """File name → original text of every readable input document (text files
    and feed articles alike, read as `kg build` reads them; bad ones left out)."""
    from kg.run.build import read_documents

    return {name: doc.original for doc in read_documents(paths, False, []) for name in doc.files}
