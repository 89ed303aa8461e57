"""A hard deadline on one whole HTTP exchange, response head included.

Socket timeouts bound each read, not the exchange: a platform (or anything between)
that drips its status line and headers one byte at a time, each within the read
timeout, could hold the engine for days. :class:`DeadlineAdapter` (mounted by the
client on its session for the platform's URL) remembers, per thread, the
connection a request goes out on; :func:`deadline` shuts that socket down when the
time is up, which wakes the blocked read, and reports that it did.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

import requests
import urllib3
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

__all__ = ["DeadlineAdapter", "deadline", "mount_deadline"]

_local = threading.local()


class _Tracked:
    """Connection mix-in: tell the calling thread's deadline which socket to cut."""

    def request(self, *args: Any, **kwargs: Any) -> None:
        box: list[Any] | None = getattr(_local, "box", None)
        if box is not None:
            box.append(self)
        super().request(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_Tracked, urllib3.connection.HTTPConnection):
    pass


class _HTTPSConnection(_Tracked, urllib3.connection.HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class DeadlineAdapter(requests.adapters.HTTPAdapter):
    """A stock adapter whose connections can be cut by :func:`deadline`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def mount_deadline(session: requests.Session, base_url: str) -> None:
    """Mount a :class:`DeadlineAdapter` for ``base_url`` unless a custom adapter serves it."""
    prefix = base_url.rstrip("/") + "/"
    current = session.get_adapter(prefix)
    if type(current) is requests.adapters.HTTPAdapter:
        session.mount(prefix, DeadlineAdapter())


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[threading.Event]:
    """Within the block, this thread's requests on a :class:`DeadlineAdapter` are cut
    after ``seconds``; the event yielded is set when that happened."""
    box: list[Any] = []
    fired = threading.Event()

    def cut() -> None:
        fired.set()
        for conn in box:
            sock = getattr(conn, "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(seconds, cut)
    timer.daemon = True
    outer = getattr(_local, "box", None)
    _local.box = box
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()
        _local.box = outer
