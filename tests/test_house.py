"""The house: stages import only the stages below them, modules stay small,
the repository's ontology and queries are the ones the package ships, and
the relation patterns are checked against the frames and the ontology."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.lexicon import load_lexicon
from kg.resources import DATA_DIR, ONTOLOGY_FILE, QUERIES_DIR

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "kg"

# the stages in the order data flows; a module may import its own stage and
# the ones before it. The base (errors, model, resources, lexicon, ontology)
# is below every stage; view and eval are side by side.
LAYERS = {
    "kg": 0, "kg.errors": 0, "kg.model": 0, "kg.resources": 0, "kg.lexicon": 0,
    "kg.ontology": 0, "kg.data": 0,
    "kg.text": 1, "kg.mentions": 2, "kg.facts": 3, "kg.graph": 4,
    "kg.view": 5, "kg.eval": 5, "kg.run": 6, "kg.cli": 7,
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> tuple[str, int]:
    parts = module.split(".")
    for n in (2, 1):
        name = ".".join(parts[:n])
        if name in LAYERS:
            return name, LAYERS[name]
    raise AssertionError(f"{module} belongs to no stage; add its package to LAYERS")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("kg"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
            out.add(node.module)
    return out


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO)))
def test_stages_import_only_lower_stages(path):
    module = _module(path)
    stage, level = _layer(module)
    for imported in _imports(path):
        other, other_level = _layer(imported)
        assert other_level < level or other == stage or (other_level == level == 0), (
            f"{module} ({stage}) imports {imported} ({other}), a stage above or beside it")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO)))
def test_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


def test_the_layer_check_can_fail(tmp_path):
    """The check above sees a higher stage imported from a lower one."""
    bad = tmp_path / "x.py"
    bad.write_text("from kg.run.build import build\n", encoding="utf-8")
    assert _layer(next(iter(_imports(bad))))[1] > LAYERS["kg.text"]


def test_repository_links_are_the_shipped_files():
    assert (REPO / "ontology" / "kg.ttl").resolve() == ONTOLOGY_FILE.resolve()
    assert (REPO / "queries").resolve() == QUERIES_DIR.resolve()
    assert ONTOLOGY_FILE.is_relative_to(DATA_DIR) and QUERIES_DIR.is_relative_to(DATA_DIR)
    assert sorted(QUERIES_DIR.glob("*.rq"))


# --- relation patterns: checked at load, errors name the file and line ------------------

def _broken_data(tmp_path, edit) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "relations.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [i for i, line in enumerate(lines) if line.strip().startswith("{")]
    first = json.loads(lines[rows[0]])
    lines[rows[0]] = edit(first)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data, rows[0] + 1


@pytest.mark.parametrize("edit, message", [
    (lambda row: json.dumps({**row, "trigers": ["x"]}), "unknown key 'trigers'"),
    (lambda row: json.dumps({**row, "frame": "no-such-frame"}), "unknown frame 'no-such-frame'"),
    (lambda row: json.dumps({**row, "predicate": "likes"}), "unknown predicate 'likes'"),
    (lambda row: json.dumps({**row, "confidence": "high"}), "'confidence' must be a number in (0, 1]"),
    (lambda row: json.dumps({**row, "triggers": "发布"}), "'triggers' must be a list of non-empty strings"),
    (lambda row: json.dumps({k: v for k, v in row.items() if k != "frame"}), "the pattern has no 'frame'"),
    (lambda row: "{not json", "not valid JSON"),
])
def test_a_bad_pattern_is_an_error_naming_its_line(tmp_path, edit, message):
    from kg.facts.extractor import RelationExtractor
    from kg.ontology.schema import load_schema

    data, line = _broken_data(tmp_path, edit)
    with pytest.raises(KGError) as info:
        RelationExtractor(load_lexicon.__wrapped__(data), load_schema())
    assert f"relations.jsonl, line {line}: " in str(info.value)
    assert message in str(info.value)


def test_every_frame_is_used_and_every_pattern_has_a_frame():
    from kg.facts.frames import registered

    frames = registered()
    used = {row["frame"] for _, row in load_lexicon().patterns}
    assert used <= set(frames)
    assert set(frames) <= used, f"frames no pattern uses: {sorted(set(frames) - used)}"
