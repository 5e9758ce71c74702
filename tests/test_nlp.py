"""The one loading path: the offline default and an installed statistical
pipeline (here a small one the test builds and saves itself)."""

from __future__ import annotations

import pytest
import spacy
from click.testing import CliRunner

from kg.cli.main import cli
from kg.errors import ModelNotFound
from kg.mentions.pipeline import MENTIONS_KEY, load_pipeline


def test_default_pipeline_keeps_known_names_whole():
    nlp = load_pipeline()
    doc = nlp("如英伟达和前谷歌员工都在谈论DeepSeek-R1模型。")
    words = [t.text for t in doc]
    assert "DeepSeek-R1" in words
    assert doc.text == "如英伟达和前谷歌员工都在谈论DeepSeek-R1模型。"
    mentions = {m.text: m.cls for m in doc.user_data[MENTIONS_KEY]}
    assert mentions["DeepSeek-R1"] == "AIModel"
    assert "kg_mentions" in nlp.pipe_names


def test_missing_model_names_the_install_command():
    with pytest.raises(ModelNotFound, match="python -m spacy download zh_core_web_sm"):
        load_pipeline("zh_core_web_sm_not_installed")


@pytest.fixture(scope="module")
def saved_pipeline(tmp_path_factory):
    """A statistical-style pipeline: spaCy's Chinese class plus an NER stand-in
    (an entity ruler named ``ner``) that knows one invented person."""
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"TEXT": "石磊鸣"}]}])
    path = tmp_path_factory.mktemp("model") / "zh_test_pipeline"
    nlp.to_disk(path)
    return path


def test_installed_pipeline_runs_its_components_on_our_words(saved_pipeline):
    nlp = load_pipeline(str(saved_pipeline))
    assert nlp.pipe_names == ["ner", "kg_mentions"]
    doc = nlp("石磊鸣昨天在北京谈到了DeepSeek。")
    found = {(m.text, m.cls, m.source) for m in doc.user_data[MENTIONS_KEY]}
    assert ("石磊鸣", "Person", "statistical") in found
    assert any(e.text == "石磊鸣" and e.label_ == "Person" for e in doc.ents)


def test_build_with_model_option_uses_the_pipeline(saved_pipeline, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("石磊鸣宣布加入OpenAI。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(out), "--model",
                                      str(saved_pipeline), "--no-html"])
    assert result.exit_code == 0, result.output
    assert f"model: {saved_pipeline}" in result.output
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "石磊鸣" in ttl


def test_build_with_missing_model_is_one_error_line(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("DeepSeek发布了新模型。", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "o"),
                                      "--model", "zh_core_web_sm_not_installed"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith(
        "Error: spaCy pipeline 'zh_core_web_sm_not_installed' is not installed")
