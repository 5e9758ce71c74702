"""What the command modules share: the options more than one command takes
(one decorator each, so a name, default or help text is written once),
turning library errors into one ``Error:`` line, and the progress bar.

Each option decorator is used bare (``@jobs_option``) or, where a command
words its help differently, with that help (``@jobs_option(help=…)``)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import click

from kg.errors import KGError

GRAPH_SUFFIXES = ".ttl, .nt, .nq or .trig"   # kg.graph.store.GRAPH_FORMATS (a test keeps them in step)


# C0 and C1 controls, DEL, bidi overrides and isolates, line/paragraph separators, and
# the lone surrogates a file name that is not UTF-8 becomes (os.fsdecode)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                     "\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def printable(text: str, *, keep: str = "", json_string: bool = False) -> str:
    """``text`` with every character that could drive a terminal written as a
    visible escape (``\\n``, ``\\x1b``, ``\\u202e``; a byte of a file name
    that is not UTF-8 as ``\\xff``), except those in ``keep`` (``"\\n\\t"``
    for a table). ``json_string``: escapes JSON reads back (``\\u001b``)."""
    def escape(match: re.Match) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        if json_string:
            return f"\\u{code:04x}"
        if 0xDC80 <= code <= 0xDCFF:          # a byte os.fsdecode could not decode
            return f"\\x{code - 0xDC00:02x}"
        return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return _UNSAFE.sub(escape, text)


def echo(message: str = "", *, err: bool = False, lines: bool = False, json_text: bool = False,
         nl: bool = True) -> None:
    """``click.echo`` of :func:`printable` text: one line (``\\n`` escaped too) or,
    with ``lines``, many (line breaks and tabs kept); ``json_text``: JSON, whose
    strings get JSON escapes. The only way kg/cli prints."""
    keep = "\n\t" if lines or json_text else ""
    click.echo(printable(message, keep=keep, json_string=json_text), err=err, nl=nl)


class EscapingGroup(click.Group):
    """A command group whose error lines (``Error: …``, click's own usage
    errors too) are printed through :func:`printable`."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            exc.message = printable(exc.message)
            raise


def domain_errors(func):
    """Turn library errors into ``click.ClickException`` (one line, exit 1)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def _option(*param_decls, **attrs):
    """An option decorator for ``@name`` and ``@name(help=…)``."""
    def decorator(fn=None, **overrides):
        option = click.option(*param_decls, **{**attrs, **overrides})
        return option if fn is None else option(fn)
    return decorator


def _cpus(ctx, param, jobs: int) -> int:
    """--jobs 0 → one worker per CPU."""
    if jobs:
        return jobs
    from kg.run.parallel import available_cpus

    return available_cpus()


graph_option = _option(
    "--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
    default=Path("output/graph.ttl"), show_default=True,
    help=f"The graph to query ({GRAPH_SUFFIXES}).")

out_option = _option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"), show_default=True, help="Folder for graph.ttl and graph.html.")

model_option = _option(
    "--model", default="blank:zh", show_default=True,
    help="spaCy pipeline: blank:zh (offline default: spaCy Chinese + rjieba (or jieba) + curated "
         "patterns) or an installed pipeline such as zh_core_web_sm, or its path.")

jobs_option = _option(
    "--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, callback=_cpus,
    help="Extract in N worker processes (0: one per CPU); the graph is the same.")

strict_option = _option(
    "--strict", is_flag=True, help="Stop at the first file that cannot be read.")

min_confidence_option = _option(
    "--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
    help="Leave out facts whose evidence is less confident than this.")

no_html_option = _option("--no-html", is_flag=True, help="Write graph.ttl only.")


def _bytes(ctx, param, mb: float) -> int:
    return int(mb * 1_000_000)


max_file_size_option = _option(
    "--max-file-size", "max_file_size", type=click.FloatRange(min=0, min_open=True), default=50,
    show_default=True, metavar="MB", callback=_bytes,
    help="Skip (in one line, without reading it) an input file bigger than this many MB.")


def injected_extractor():
    """The extractor a program embedding the CLI passed as
    ``cli.main(args, obj={"extractor": …})`` (the tests pass theirs), else None:
    ``kg build`` and ``kg extract`` then extract with it (one process)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(dict) if ctx is not None else None
    return obj.get("extractor") if obj else None


def progress_bar(label: str):
    """A progress callback and its closer: on a terminal a bar on stderr
    (for 20 or more items); otherwise (a log, a pipe, a cron job) one line
    ``LABEL: I/N`` on stderr at every tenth of the way, so a long build
    shows it is alive."""
    state = {}
    stderr = click.get_text_stream("stderr")

    def progress(i, n):
        if n < 20:
            return
        if not stderr.isatty():
            step = max(1, n // 10)
            if i % step == 0 or i == n:
                click.echo(f"{label}: {i}/{n} documents", err=True)
            return
        if "bar" not in state:
            state["bar"] = click.progressbar(length=n, label=label, file=stderr)
            state["bar"].__enter__()
        state["bar"].update(1)

    def close():
        if "bar" in state:
            state["bar"].__exit__(None, None, None)

    return progress, close
