"""``kg build`` (:mod:`kg.run.build`): news files → graph.ttl and graph.html."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import (domain_errors, echo, injected_extractor, jobs_option, max_file_size_option,
                            min_confidence_option, model_option, no_html_option, out_option,
                            progress_bar, strict_option)
from kg.cli.validate import shapes_line


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@out_option
@model_option
@min_confidence_option
@strict_option
@no_html_option
@jobs_option
@click.option("--no-cache", is_flag=True,
              help="Extract every document again and keep no cache (by default each document's "
                   "extraction is kept in OUT/.kg-cache and reused while text and pipeline match).")
@max_file_size_option
@domain_errors
def build(paths, out_dir, model, min_confidence, strict, no_html, jobs, no_cache, max_file_size):
    """Build the knowledge graph from Chinese news files.

    PATHS are news files or folders searched recursively for them
    (default: seeds/): .txt, JSON Lines feeds (.jsonl, .jsonl.gz), web
    pages (.html, .htm), Markdown with front matter (.md) and web archives
    (.warc, .warc.gz). A rebuild into the same --out prints what changed.
    Files that cannot be read are skipped with a warning and the command
    exits with status 1 at the end; --strict stops at the first one.
    A rebuild extracts only new or changed documents (cache in OUT/.kg-cache).
    """
    from kg.run.build import build as run_build

    paths = [Path(p) for p in paths] or [Path("seeds")]
    from kg.text.segment import segmenter_version

    echo(f"model: {model}" + (f" (spaCy Chinese + {segmenter_version().split()[0]}, offline)"
                              if model == "blank:zh" else ""), err=True)
    progress, close = progress_bar("extracting")
    try:
        result = run_build(paths, out_dir, model, min_confidence=min_confidence, strict=strict,
                           html=not no_html, progress=progress, jobs=jobs,
                           cache=not no_cache, extractor=injected_extractor(),
                           max_file_size=max_file_size)
    finally:
        close()
    for line in result.skipped:
        echo(f"skipped: {line}", err=True)
    for line in result.warnings:
        echo(f"warning: {line}", err=True)
    if not result.documents:
        raise click.ClickException(f"no input file could be read ({len(result.skipped)} skipped, "
                                   f"see the lines above); {out_dir} was left as it was")
    ents = ", ".join(f"{c} {n}" for c, n in sorted(result.entities.items()))
    rels = ", ".join(f"{p} {n}" for p, n in sorted(result.relations.items()) if n)
    parts = result.feed.parts(result.skipped)
    if result.cached:
        parts.append(f"{result.extracted} extracted, {result.cached} from the cache")
    echo(f"documents: {result.documents}" + (f" ({'; '.join(parts)})" if parts else ""))
    echo(f"entities: {sum(result.entities.values())} ({ents})")
    echo(f"relations: {sum(result.relations.values())} ({rels})")
    echo(f"shapes: {shapes_line(result.violations, out_dir / 'graph.ttl')}")
    if result.changes:
        echo(f"changes since the previous build: {result.changes}")
    echo(f"wrote {out_dir / 'graph.ttl'}" + ("" if no_html else f" and {out_dir / 'graph.html'}")
               + f" in {result.seconds:.1f} s")
    if result.skipped:
        raise click.ClickException(f"{len(result.skipped)} file(s) skipped; see the lines above")
