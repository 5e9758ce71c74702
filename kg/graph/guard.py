"""What keeps a query local and its bindings inert (issue 17).

* :func:`remote_parts` finds what would make a query reach another host:
  ``SERVICE`` (federated query, in any store) and ``FROM``/``FROM NAMED``
  (rdflib's own store downloads those graphs). ``kg query`` refuses them
  unless ``--allow-service`` is given.
* :func:`check_iri` is the one test of an IRI given from outside (``--bind``,
  terms written into query text): an absolute IRI without the characters
  SPARQL and Turtle forbid in ``<…>`` (spaces, controls, ``<>"{}|^`\\``),
  so a value can never close the IRI and add query text."""

from __future__ import annotations

import re

from kg.errors import QueryError

__all__ = ["check_iri", "iri_problem", "refuse_remote", "remote_parts"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_FORBIDDEN = re.compile(r"""[\x00-\x20<>"{}|^`\\\x7f-\x9f]""")
IRI_FIX = ("write an IRI as <https://…> without spaces, quotes, <>{}|^` or \\, "
           "or give a name")


def iri_problem(iri: str) -> str | None:
    """Why ``iri`` (without its ``<>``) is no absolute IRI, or None when it is one."""
    bad = _FORBIDDEN.search(iri)
    if bad:
        return f"it holds {bad.group()!r}, which an IRI cannot"
    if not _SCHEME.match(iri):
        return "it does not start with a scheme such as https:"
    return None


def check_iri(iri: str, shown: str | None = None, *, what: str = "") -> str:
    """``iri`` itself, or a QueryError saying why it is none (``shown``: as the user wrote it)."""
    problem = iri_problem(iri)
    if problem:
        raise QueryError(f"{what}{shown if shown is not None else iri} is not an IRI ({problem}); "
                         f"{IRI_FIX}")
    return iri


def _walk(node, found: list[tuple[str, str]], rdflib_store: bool) -> None:
    name = getattr(node, "name", None)
    if name == "ServiceGraphPattern":
        term = node.get("term")
        found.append(("SERVICE", f"?{term}" if type(term).__name__ == "Variable" else str(term)))
    elif name == "DatasetClause" and rdflib_store:
        found.append(("FROM", str(node["default"] if "default" in node else node["named"])))
    if isinstance(node, dict):
        for value in node.values():
            _walk(value, found, rdflib_store)
    elif isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        for value in node:
            _walk(value, found, rdflib_store)


def remote_parts(tree, *, rdflib_store: bool = False) -> list[tuple[str, str]]:
    """(keyword, where) for each part of a parsed query that reaches another
    host: ``SERVICE``, and with ``rdflib_store`` also ``FROM`` (which rdflib loads)."""
    found: list[tuple[str, str]] = []
    _walk(tree, found, rdflib_store)
    return found


def refuse_remote(tree, source: str, *, rdflib_store: bool = False) -> None:
    """A QueryError for the first remote part of a parsed query."""
    for keyword, where in remote_parts(tree, rdflib_store=rdflib_store):
        raise QueryError(f"{source}: {keyword} would make this query fetch data from another "
                         f"host ({where}); pass --allow-service to let it")
