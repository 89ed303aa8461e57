"""Audit entries recorded from any thread without waiting on the disk.

The clerk window records an entry for every action (card read, full number
shown, capture, print...). An audit write is a ``synchronous=FULL`` SQLite
commit; the GUI thread must not wait for it, so :class:`AuditTrail` queues
entries (stamped with the time of the action) and one writer thread appends
them in order. :meth:`flush` waits until everything queued is on disk.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

log = logging.getLogger(__name__)

__all__ = ["AuditSink", "AuditTrail"]


class AuditSink(Protocol):
    def audit(
        self,
        actor: str,
        action: str,
        subject: str | None = None,
        detail: Mapping[str, Any] | None = None,
        *,
        now: datetime | None = None,
    ) -> None: ...


_Entry = tuple[str, str, str | None, dict[str, Any], datetime]
_STOP = None


class AuditTrail:
    def __init__(
        self, sink: AuditSink, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._sink = sink
        self._clock = clock
        self._queue: queue.Queue[_Entry | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def record(
        self,
        actor: str,
        action: str,
        subject: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> None:
        """Queue one entry; never blocks. No personal data in ``detail``."""
        with self._lock:
            if self._closed:
                log.warning("audit entry %s by %s after close: dropped", action, actor)
                return
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audit", daemon=True)
                self._thread.start()
            self._queue.put((actor, action, subject, dict(detail or {}), self._clock()))

    def _run(self) -> None:
        while True:
            entry = self._queue.get()
            try:
                if entry is _STOP:
                    return
                actor, action, subject, detail, at = entry
                try:
                    self._sink.audit(actor, action, subject, detail, now=at)
                except Exception:
                    # a lost audit entry is logged loudly; it must not take the window down
                    log.exception("could not write audit entry %s by %s", action, actor)
            finally:
                self._queue.task_done()

    def flush(self) -> None:
        """Wait until every entry queued so far is written."""
        self._queue.join()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._queue.put(_STOP)
            thread.join(timeout=10)
