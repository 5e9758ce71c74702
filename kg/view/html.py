"""The HTML page of ``kg view``: pyvis draws the network, this module makes
the page offline and safe and adds the legend, filters and search.

Article text is untrusted. It reaches the page only (a) as pyvis node and
edge labels, which pyvis embeds with Jinja ``tojson`` (``<``, ``>``, ``&``,
``'`` escaped), and (b) in this module's own data block, serialised by
:func:`script_json`. Tooltips are set from that block as strings, which
vis-network shows as text (``innerText``); pyvis never sees a title, so its
"any title containing href switches every tooltip to HTML" rule cannot
trigger, and its raw ``heading=`` and select menu are not used.
"""

from __future__ import annotations

import html
import json
import re

from kg.view.labels import load_labels

__all__ = ["FONT", "page", "script_json", "strip_remote"]

FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
MAX_LABEL = 28  # characters of a node label drawn on the canvas (the tooltip has it all)
_JS_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
               "\u2028": "\\u2028", "\u2029": "\\u2029"}
_REMOTE_TAGS = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.I | re.S)
_REMOTE_REF = re.compile(r"<(?:link|script|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//",
                         re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*")
_DEAD = re.compile(r"<!--(?:(?!-->).)*node_modules(?:(?!-->).)*-->\s*|//# sourceMappingURL=[^\s<]+", re.S)
_SVG = {
    "dot": '<circle cx="7" cy="7" r="6"/>',
    "square": '<rect x="1" y="1" width="12" height="12"/>',
    "diamond": '<polygon points="7,0 14,7 7,14 0,7"/>',
    "star": '<polygon points="7,0 8.8,5 14,5.2 9.8,8.4 11.3,13.5 7,10.5 2.7,13.5 4.2,8.4 0,5.2 5.2,5"/>',
    "triangle": '<polygon points="7,1 13.5,13 0.5,13"/>',
    "triangleDown": '<polygon points="0.5,1 13.5,1 7,13"/>',
    "hexagon": '<polygon points="7,0 13,3.5 13,10.5 7,14 1,10.5 1,3.5"/>',
}
_CSS = """
html, body { margin: 0; height: 100%; font-family: FONT; }
.card { border: 0; }
#mynetwork { width: calc(100vw - 256px); height: 100vh; margin-left: 256px; border: 0; float: none; }
#kg-panel { position: fixed; top: 8px; left: 8px; z-index: 10; width: 240px;
  max-height: calc(100vh - 16px); overflow: auto; box-sizing: border-box; padding: 8px 10px;
  background: rgba(255,255,255,.95); border: 1px solid #ccc; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,.15); font-size: 13px; }
#kg-panel h1 { font-size: 15px; margin: 0 0 2px; }
#kg-panel summary { font-weight: bold; margin-top: 6px; cursor: pointer; }
#kg-panel label { display: flex; align-items: center; gap: 5px; margin: 1px 0; cursor: pointer; }
#kg-panel .kg-n { color: #888; margin-left: auto; }
#kg-panel .kg-empty { opacity: .45; }
#kg-panel .kg-hint { color: #666; font-size: 12px; }
#kg-search { width: 100%; box-sizing: border-box; margin: 4px 0 0; }
div.vis-tooltip { white-space: pre-wrap; max-width: 480px; font-family: FONT;
  font-size: 13px; line-height: 1.4; }
""".replace("FONT", FONT)
_JS = """
(function () {
  "use strict";
  var N = KG.nodes, E = KG.edges, legend = document.getElementById("kg-legend");
  var box = document.getElementById("kg-search"), status = document.getElementById("kg-status");
  // Tooltips: strings, which vis-network shows as plain text.
  nodes.update(Object.keys(N).map(function (id) { return {id: id, title: N[id].t}; }));
  edges.update(Object.keys(E).map(function (id) { return {id: id, title: E[id].t}; }));
  function switches(kind) {
    var on = {}, boxes = legend.querySelectorAll("input[data-" + kind + "]");
    for (var i = 0; i < boxes.length; i++) on[boxes[i].getAttribute("data-" + kind)] = boxes[i].checked;
    return on;
  }
  function search() {
    var q = box.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); status.textContent = ""; return; }
    var hits = Object.keys(N).filter(function (id) {
      return N[id].s.indexOf(q) >= 0 && !nodes.get(id).hidden;
    });
    network.selectNodes(hits, false);
    status.textContent = hits.length + KG_MATCHES + (hits.length === 1 ? "" : "es");
    if (hits.length === 1) network.focus(hits[0], {scale: 1.2, animation: false});
    else if (hits.length > 1) network.fit({nodes: hits, animation: false});
  }
  function filter() {
    var cls = switches("class"), rel = switches("relation"), hidden = {};
    nodes.update(Object.keys(N).map(function (id) {
      hidden[id] = cls[N[id].c] === false;
      return {id: id, hidden: hidden[id]};
    }));
    edges.update(Object.keys(E).map(function (id) {
      var e = E[id];
      return {id: id, hidden: rel[e.r] === false || hidden[e.f] || hidden[e.to]};
    }));
    search();
  }
  legend.addEventListener("change", function (ev) {
    if (ev.target.type === "checkbox") filter();
  });
  box.addEventListener("input", search);
  if (KG.stabilise) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
    });
  }
  legend.setAttribute("data-kg-drawn", String(nodes.length));
})();
"""


def script_json(obj) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&``, U+2028/9 left raw."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JS_ESCAPES[m.group()], text)


def strip_remote(page_html: str) -> str:
    """Remove pyvis's CDN ``<link>``/``<script>`` tags; fail if any remote reference is left."""
    page_html = _REMOTE_TAGS.sub("", page_html)
    left = _REMOTE_REF.search(page_html)
    if left:  # pragma: no cover - only if a pyvis upgrade changes its template
        raise RuntimeError(f"remote resource left in the page: {left.group(0)[:80]}")
    return page_html


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"


def _swatch(style) -> str:
    if style.kind == "class":
        body = f'<g fill="{style.colour}" stroke="#555" stroke-width=".6">{_SVG[style.shape]}</g>'
        return f'<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">{body}</svg>'
    dash = ' stroke-dasharray="4 3"' if style.shape == "dashed" else ""
    return ('<svg width="26" height="10" viewBox="0 0 26 10" aria-hidden="true">'
            f'<line x1="0" y1="5" x2="20" y2="5" stroke="{style.colour}" stroke-width="2"{dash}/>'
            f'<polygon points="19,1 26,5 19,9" fill="{style.colour}"/></svg>')


def _legend(data, styles) -> str:
    e, label = html.escape, load_labels()
    sizes = label.format("counts", nodes=len(data.nodes), edges=len(data.edges))
    parts = ['<div id="kg-panel"><div id="kg-legend">',
             f"<h1>{e(label['title'])}</h1>",
             f'<div class="kg-hint">{e(sizes)}</div>',
             f'<input id="kg-search" type="search" placeholder="{e(label["search"])}" '
             'aria-label="search names">', '<div id="kg-status" class="kg-hint"></div>',
             f"<details open><summary>{e(label['classes'])}</summary>"]
    for kind, counts, closing in (("class", data.classes, "</details><details open>"
                                   f"<summary>{e(label['relations'])}</summary>"),
                                  ("relation", data.relations, "</details>")):
        for (k, key), style in styles.items():
            if k != kind:
                continue
            n = counts.get(key, 0)
            empty = "" if n else ' class="kg-empty"'
            parts.append(f'<label{empty}><input type="checkbox" checked data-{kind}="{e(key)}">'
                         f'{_swatch(style)}<span>{e(style.zh)} {e(style.en)}</span>'
                         f'<span class="kg-n">{n}</span></label>')
        parts.append(closing)
    parts.append(f'<div class="kg-hint">{e(label["hover"])}</div>')
    parts.append("</div></div>")
    return "\n".join(parts)


def _network(data, styles, positions) -> str:
    """pyvis's page for the nodes and edges (labels only; titles come later)."""
    from pyvis.network import Network  # imports IPython: keep it out of module import

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    for node in data.nodes:
        style = styles[("class", node["cls"])]
        extra = {"x": positions[node["id"]][0], "y": positions[node["id"]][1]} if positions else {}
        if node.get("conflicts"):       # its documents disagree: a thick border of the mark's colour
            extra.update(color={"background": style.colour, "border": styles[("mark", "Conflict")].colour},
                         borderWidth=4)
        else:
            extra["color"] = style.colour
        net.add_node(node["id"], label=_short(node["label"]), shape=style.shape,
                     size=min(10 + 3 * node["degree"] ** 0.5, 30), **extra)
    pairs: dict[frozenset, int] = {}
    for edge in data.edges:
        style = styles[("relation", edge["relation"])]
        pair = frozenset((edge["source"], edge["target"]))
        k = pairs[pair] = pairs.get(pair, -1) + 1
        smooth = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * k} if k else False
        net.add_edge(edge["source"], edge["target"], id=edge["id"], label=style.label,
                     color=style.colour, dashes=style.shape == "dashed", smooth=smooth)
    physics = ({"enabled": False} if positions else
               {"enabled": True, "solver": "forceAtlas2Based",
                "stabilization": {"enabled": True, "iterations": 200, "fit": True}})
    net.options = {
        "physics": physics,
        "layout": {"randomSeed": 0, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": True,
                        "hideEdgesOnDrag": len(data.edges) > 500},
        "nodes": {"font": {"size": 14, "face": FONT}, "borderWidth": 1},
        "edges": {"smooth": False, "width": 1.2, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "face": FONT, "align": "middle", "color": "#555"}},
    }
    return strip_remote(net.generate_html())


def page(data, styles, positions) -> str:
    """The complete page: pyvis's network plus title, styles, legend and script."""
    text = _DEAD.sub("", _EMPTY_HEADING.sub("", _network(data, styles, positions)))
    head_end = text.index("</head>")
    body_start = text.index("<body>", head_end) + len("<body>")
    body_end = text.rindex("</body>")
    payload = {
        "nodes": {n["id"]: {"t": n["title"], "c": n["cls"],
                            "s": " ".join([n["label"], *n["aliases"]]).lower()} for n in data.nodes},
        "edges": {e["id"]: {"t": e["title"], "r": e["relation"], "f": e["source"], "to": e["target"]}
                  for e in data.edges},
        "stabilise": positions is None,
    }
    label = load_labels()
    js = _JS.replace("KG_MATCHES", script_json(" " + label["matches"]))
    script = f'<script type="text/javascript">\nvar KG = {script_json(payload)};\n{js}</script>\n'
    head = (f"<title>{html.escape(label['title'])} · kg view</title>\n"
            f'<style type="text/css">{_CSS}</style>\n')
    out = (text[:head_end] + head + text[head_end:body_start] + "\n" + _legend(data, styles)
           + text[body_start:body_end] + script + text[body_end:])
    out = out.replace("<html>", '<!DOCTYPE html>\n<html lang="zh">', 1)
    return out if out.endswith("\n") else out + "\n"
