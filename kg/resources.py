"""Where the files that ship inside the package live: ``kg/data/`` holds the
word lists, the gazetteer, the ontology (``kg.ttl``) and the SPARQL queries
(``queries/*.rq``). The repository's top-level ``ontology/kg.ttl`` and
``queries/`` are links to these."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KGError

DATA_DIR = Path(__file__).resolve().parent / "data"
ONTOLOGY_FILE = DATA_DIR / "kg.ttl"
QUERIES_DIR = DATA_DIR / "queries"


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``kg/data``; a missing one is an error
    (a broken installation), never a silently disabled mechanism."""
    path = DATA_DIR / name
    if not path.is_file():
        raise KGError(f"data file {path} is missing; reinstall kg "
                      "(`pip install --force-reinstall kg`) or restore it from the repository")
    return path
