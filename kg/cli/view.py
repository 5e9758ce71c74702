"""``kg view`` (:mod:`kg.view.page`): the graph as one offline HTML page,
written with the one atomic writer (:mod:`kg.run.files`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import GRAPH_SUFFIXES, domain_errors, echo, graph_option


@click.command("view")
@graph_option(help=f"The graph to draw ({GRAPH_SUFFIXES}).")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page; default: beside the graph, as .html "
                   "(output/graph.html).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the web browser.")
@click.option("--lang", type=click.Choice(["en", "zh"]),
              help="Label nodes in this language where the graph has a label in it "
                   "(default: zh, the graph's own).")
@domain_errors
def view(graph_file, out_file, open_page, lang):
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
    page = render_page(load_graph(graph_file), lang)
    write_atomically(out.parent, {out.name: page.html}, what="the page",
                     fix="choose another --out file")
    echo(f"wrote {out} ({page.nodes} nodes, {page.edges} edges)")
    if open_page:
        _open_in_browser(out)


def _open_in_browser(page: Path) -> None:
    """The page in the user's web browser, or one line saying there is none
    (a server or a terminal without a display: xdg-open would print a
    screenful of its own attempts and still exit 0)."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        browser = None
    if browser is None or not browser.open(page.resolve().as_uri()):
        raise click.ClickException(f"no web browser to open {page} with; the page is written: "
                                   f"open it in a browser yourself (or set BROWSER)")
