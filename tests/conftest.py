"""Fixtures many test modules share."""

from __future__ import annotations

import pytest

from kg.run.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The offline default pipeline, loaded once for the whole run
    (extraction is pure: no test changes it)."""
    return Extractor()
