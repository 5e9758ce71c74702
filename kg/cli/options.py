"""What the command modules share: turning library errors into one
``Error:`` line, --jobs, and the progress bar."""

from __future__ import annotations

import functools

import click

from kg.errors import KGError


def domain_errors(func):
    """Turn library errors into ``click.ClickException`` (one line, exit 1)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def jobs_option(jobs: int) -> int:
    """--jobs 0 → one worker per CPU."""
    if jobs:
        return jobs
    from kg.run.parallel import available_cpus

    return available_cpus()


def injected_extractor():
    """The extractor a program embedding the CLI passed as
    ``cli.main(args, obj={"extractor": …})`` (the tests pass theirs), else None:
    ``kg build`` and ``kg extract`` then extract with it (one process)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(dict) if ctx is not None else None
    return obj.get("extractor") if obj else None


def progress_bar(label: str):
    """A progress callback drawing a bar on stderr (for 20 or more items) and its closer."""
    state = {}

    def progress(i, n):
        if n >= 20:
            if "bar" not in state:
                state["bar"] = click.progressbar(length=n, label=label,
                                                 file=click.get_text_stream("stderr"))
                state["bar"].__enter__()
            state["bar"].update(1)

    def close():
        if "bar" in state:
            state["bar"].__exit__(None, None, None)

    return progress, close
