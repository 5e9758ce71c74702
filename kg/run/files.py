"""The one way kg writes a file: atomically.

Every output — ``graph.ttl`` and ``graph.html``, the page of ``kg view``,
the ``.nq``/``.json`` pairs of ``kg extract``, the entries of the cache —
goes through :func:`write_atomically`: each file is written to a temporary
name in its folder, then all are renamed into place together, so a failed
or interrupted write leaves the previous files as they were and no
temporary file behind. New files get the usual permissions (0666 less the
umask); a replaced file keeps its own."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import threading
from pathlib import Path
from typing import BinaryIO, Callable

from kg.errors import KGError

__all__ = ["check_out_dir", "output_lock", "write_atomically"]

_FOLDER_FIX = "choose another --out folder"


def check_out_dir(out_dir: Path, *, what: str = "the graph", fix: str = _FOLDER_FIX) -> None:
    """Create ``out_dir`` if needed, or say in one line why it cannot hold ``what``."""
    try:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except FileExistsError:     # a file holds the path
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(out_dir)) from None
    except OSError as exc:
        raise _out_error(out_dir, exc, what, fix) from exc
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise KGError(f"{out_dir}: cannot write {what} there (permission denied); {fix}")


def _out_error(out_dir: Path, exc: OSError, what: str, fix: str) -> KGError:
    return KGError(f"{out_dir}: cannot write {what} there ({exc.strerror or exc}); {fix}")


@contextlib.contextmanager
def output_lock(out_dir: Path, *, what: str = "a graph", fix: str = _FOLDER_FIX):
    """Hold an exclusive lock on the folder ``out_dir`` itself (``flock`` on its
    descriptor: no lock file to leave behind) for the block, so that two
    builds never mix their files in one folder; a KGError in one line when
    another process holds it. Released when the block ends or the process dies.
    (Without ``fcntl``, as on Windows, nothing is locked.)"""
    try:
        import fcntl
    except ImportError:    # pragma: no cover - not POSIX
        yield
        return
    try:
        fd = os.open(out_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise _out_error(out_dir, exc, what, fix) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KGError(f"{out_dir}: another kg process is writing {what} there; wait for it "
                          f"to finish or {fix}") from None
        yield
    finally:
        os.close(fd)


def write_atomically(out_dir: Path, files: dict[str, bytes | Callable[[BinaryIO], None]], *,
                     what: str = "the graph",
                     fix: str = _FOLDER_FIX, durable: bool = True) -> None:
    """Write every file to a temporary name in ``out_dir`` first
    (``.NAME.<random>.tmp``), then rename them into place in the order
    given; on any error or interrupt no temporary file is left and the
    previous files stay as they were. Ctrl-C is held back during the
    renames, so the files are replaced all together or not at all.
    ``durable`` syncs the files and the folder to disk (off for entries
    that can be made again, such as the cache's). A file's data is its
    bytes, or a function that writes them to the open binary file (a big
    file made as it is written). An OSError becomes a
    :class:`KGError` naming ``out_dir`` and ``what``, ending with ``fix``."""
    check_out_dir(out_dir, what=what, fix=fix)
    temps: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            tmp, fd = _create_temp(out_dir, name)
            temps.append((name, tmp))
            with os.fdopen(fd, "wb") as fh:
                _keep_mode(fh.fileno(), out_dir / name)
                if isinstance(data, bytes):
                    fh.write(data)
                else:
                    data(fh)
                if durable:
                    fh.flush()
                    os.fsync(fh.fileno())
        with _interrupts_held():
            for name, tmp in temps:
                os.replace(tmp, out_dir / name)
        if durable:
            _fsync_dir(out_dir)
    except OSError as exc:
        raise _out_error(out_dir, exc, what, fix) from exc
    finally:
        for _, tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def _create_temp(out_dir: Path, name: str) -> tuple[Path, int]:
    """A new file ``.NAME.<random>.tmp``, created with mode 0666 less the umask."""
    while True:
        tmp = out_dir / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _keep_mode(fd: int, target: Path) -> None:
    with contextlib.suppress(OSError):
        os.fchmod(fd, stat.S_IMODE(target.stat().st_mode))


def _fsync_dir(out_dir: Path) -> None:
    """Make the renames durable (POSIX; not possible on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(out_dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _interrupts_held():
    """Ctrl-C and SIGTERM wait until the block is done, then act as usual.
    (Only the main thread may set signal handlers; elsewhere, no holding.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum, frame):
        received.append(signum)

    held = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, hold) for signum in held}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(received):
            signal.raise_signal(signum)
