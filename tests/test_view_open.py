"""``kg view --open``: the page in the user's browser, or — on a server or
a terminal without a display — one error line and exit status 1 (the page
is still written). The browser is a stand-in: no test starts one."""

from __future__ import annotations

import webbrowser
from pathlib import Path

from click.testing import CliRunner

from kg.cli.main import cli

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"


class _Browser:
    def __init__(self, works: bool):
        self.works = works
        self.opened: list[str] = []

    def open(self, url: str) -> bool:
        self.opened.append(url)
        return self.works


def _view(tmp_path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["view", "--graph", str(FIXTURE), "--out", str(out), "--open"])
    return result, out


def test_opens_the_page_in_the_browser(tmp_path, monkeypatch):
    browser = _Browser(works=True)
    monkeypatch.setattr(webbrowser, "get", lambda *a: browser)
    result, out = _view(tmp_path)
    assert result.exit_code == 0, result.output
    assert browser.opened == [out.resolve().as_uri()]


def _no_browser(*args):
    raise webbrowser.Error("could not locate runnable browser")


def test_no_browser_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(webbrowser, "get", _no_browser)
    result, out = _view(tmp_path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"wrote {out} (")
    assert lines[1:] == [f"Error: no web browser to open {out} with; the page is written: "
                         "open it in a browser yourself (or set BROWSER)"]
    assert out.is_file()


def test_a_browser_that_fails_is_one_line(tmp_path, monkeypatch):
    browser = _Browser(works=False)
    monkeypatch.setattr(webbrowser, "get", lambda *a: browser)
    result, out = _view(tmp_path)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith("Error: no web browser to open")
