"""Run a query so that it can be stopped: Ctrl-C ends it, and so does a time
limit (``kg query --timeout``).

The query runs — and its answer is read in full — in a worker thread while
the calling thread waits, so Ctrl-C reaches the caller at once even while
Oxigraph evaluates in native code (it releases the GIL). On Ctrl-C or at
the deadline the worker is asked to stop (an exception raised in it at its
next Python instruction: rdflib's engine stops there; Oxigraph's native
evaluation runs on in the background until it returns, and ends with the
process)."""

from __future__ import annotations

import ctypes
import threading
from typing import Callable, TypeVar

from rdflib.query import Result

from kg.errors import QueryError

__all__ = ["DEFAULT_TIMEOUT", "QueryStopped", "bounded", "materialize"]

DEFAULT_TIMEOUT = 300.0      # seconds
T = TypeVar("T")


class QueryStopped(BaseException):
    """Raised inside a worker to stop it (a BaseException, so no ``except Exception`` swallows it)."""


def materialize(result: Result) -> Result:
    """Read the whole answer (rows, graph or boolean), so no work is left for later."""
    if result.type == "SELECT":
        result.bindings     # noqa: B018 - the property reads the rows into a list
    return result


def _stop(thread: threading.Thread) -> None:
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                   ctypes.py_object(QueryStopped))


def bounded(work: Callable[[], T], timeout: float | None, *, source: str = "query",
            late: Callable[[float], Exception] | None = None) -> T:
    """``work()`` in a worker thread, waited for at most ``timeout`` seconds
    (None: no limit); at the deadline ``late(timeout)`` (default: a QueryError)
    is raised, on Ctrl-C KeyboardInterrupt. An exception of ``work`` is raised here."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except QueryStopped:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = exc
    thread = threading.Thread(target=run, name="kg-query", daemon=True)
    thread.start()
    try:
        thread.join(timeout)
    except BaseException:       # Ctrl-C while waiting
        _stop(thread)
        raise
    if thread.is_alive():
        _stop(thread)
        if late is not None:
            raise late(timeout)
        raise QueryError(f"{source}: the query did not finish within {timeout:g} s; make it "
                         "more selective (fewer unconstrained patterns), or raise --timeout")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
