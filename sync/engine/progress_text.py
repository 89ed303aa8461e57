"""Delivery progress as text for a terminal (`yiwang sync`), with the same figures
as the clerk window's badge: the submission being sent counted from 1 (n of N,
reaching N of N) and the bytes of it the platform holds (after a cut: the
platform's offset, never 0 again).

On a terminal one line is rewritten in place; into a pipe or a log a line is
written when the item changes, when it is delivered, and otherwise at most every
``every`` seconds, so a long upload does not flood a journal.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TextIO

from sync.engine.events import EventKind, SyncEvent

__all__ = ["TerminalProgress", "human_bytes", "progress_text"]


def human_bytes(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n / (1024 * 1024):.1f} MiB"


def progress_text(event: SyncEvent) -> str | None:
    """One line for a progress or delivery event; None for other events."""
    receipt = event.params.get("receipt_no")
    name = f" ({receipt})" if isinstance(receipt, str) and receipt else ""
    figures = f"{human_bytes(event.bytes_done)} of {human_bytes(event.bytes_total)}"
    if event.kind is EventKind.PROGRESS:
        return (f"sync: sending {event.item} of {event.total}{name}: "
                f"{figures} on the platform")
    if event.kind is EventKind.DELIVERED:
        case = event.params.get("case_no")
        return (f"sync: delivered {event.item} of {event.total}{name}: {figures}"
                f" on the platform, case {case}")
    if event.kind is EventKind.RETRY:
        return f"sync: item {event.item} of {event.total} interrupted; will resume"
    return None


class TerminalProgress:
    """An ``on_event`` callback writing :func:`progress_text` to ``stream``. Events
    come from the engine's upload threads: one lock keeps the lines whole."""

    def __init__(
        self,
        stream: TextIO,
        *,
        every: float = 5.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._every = every
        self._monotonic = monotonic
        try:
            self._tty = stream.isatty()
        except (AttributeError, ValueError):
            self._tty = False
        self._lock = threading.Lock()
        self._last_item: tuple[int, int] | None = None
        self._last_at = float("-inf")
        self._open_line = False

    def __call__(self, event: SyncEvent) -> None:
        text = progress_text(event)
        if text is None:
            return
        # a closed terminal must not stop delivery
        with self._lock, contextlib.suppress(OSError, ValueError):
            self._show(event, text)

    def _show(self, event: SyncEvent, text: str) -> None:
        now = self._monotonic()
        if self._tty:
            end = "\n" if event.kind is not EventKind.PROGRESS else ""
            self._stream.write("\r\x1b[K" + text + end)
            self._open_line = not end
            self._stream.flush()
            return
        item = (event.item, event.total)
        changed = item != self._last_item or event.kind is not EventKind.PROGRESS
        finished = event.bytes_total > 0 and event.bytes_done >= event.bytes_total
        if not (changed or finished or now - self._last_at >= self._every):
            return
        # after a delivery or a cut, the next figure of any item is news
        self._last_item = item if event.kind is EventKind.PROGRESS else None
        self._last_at = now
        self._stream.write(text + "\n")
        self._stream.flush()

    def close(self) -> None:
        """End a line left open on a terminal."""
        with self._lock:
            if self._open_line:
                self._stream.write("\n")
                self._stream.flush()
                self._open_line = False
