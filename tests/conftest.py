"""Fixtures many test modules share."""

from __future__ import annotations

import pytest

from kg.run.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The offline default pipeline, loaded once for the whole run
    (extraction is pure: no test changes it)."""
    return Extractor()


class Listener:
    """A TCP server on 127.0.0.1 (port 0, so never a port in use) in a thread
    of the test process: it records every connection's first bytes and
    answers with ``reply`` (bytes, or a function of the request that writes
    to the socket itself). Tests use it to see whether kg made a request."""

    def __init__(self, reply=b"HTTP/1.1 500 No\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"):
        import socket
        import threading

        self.reply = reply
        self.requests: list[bytes] = []
        self.arrived = threading.Event()
        self.stopped = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)       # how often the loop looks at `stopped`, not a wait the tests need
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import socket

        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            with conn:
                conn.settimeout(5)
                try:
                    data = conn.recv(65536)
                except OSError:
                    data = b""
                self.requests.append(data)
                self.arrived.set()
                try:
                    if callable(self.reply):
                        self.reply(data, conn, self.stopped)
                    else:
                        conn.sendall(self.reply)
                except OSError:
                    pass

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture
def listener():
    """A :class:`Listener` that answers HTTP 500 to anything; closed after the test."""
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def make_listener():
    """``make_listener(reply)``: Listeners with other answers; all closed after the test."""
    made = []

    def make(reply):
        made.append(Listener(reply))
        return made[-1]
    yield make
    for server in made:
        server.close()
