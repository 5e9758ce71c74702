"""Where the data files live: ``kg/data/`` (package data) and the
repository's ``ontology/`` folder."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``kg/data``."""
    return DATA_DIR / name
