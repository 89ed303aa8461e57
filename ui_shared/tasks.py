"""Run work off the GUI thread and get the result back on it.

One serial lane for anything that writes the station's disk (SQLite, blobs,
the printer), so writes never interleave; a lane of its own for the accept, so
a citizen's accept never waits behind housekeeping, list queries or page
writes queued on the disk lane (the store keeps the accept's transaction first
in line too); a small pool for image work. Callbacks always run on the GUI
thread, so they may touch widgets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    done = Signal(object, object)  # callback, value

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: object) -> None:
        callback(value)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, *, image_workers: int = 2) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self._relay._deliver)
        self._disk = ThreadPoolExecutor(max_workers=1, thread_name_prefix="disk")
        self._accept = ThreadPoolExecutor(max_workers=1, thread_name_prefix="accept")
        self._image = ThreadPoolExecutor(max_workers=image_workers, thread_name_prefix="image")
        self._image_workers = image_workers
        self._closed = False

    def disk(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._submit(self._disk, fn, on_done, on_error)

    def accept(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """The accept (and its receipt print) on its own lane and thread."""
        self._submit(self._accept, fn, on_done, on_error)

    def image(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._submit(self._image, fn, on_done, on_error)

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        if self._closed:
            return
        future = pool.submit(fn)

        def finished(f: Future[T]) -> None:
            # Runs on the worker thread: only hand over to the GUI thread here.
            if f.cancelled():  # dropped by shutdown()
                return
            error = f.exception()
            if error is not None:
                log.warning("background task failed: %r", error)
                self._relay.done.emit(lambda e: self._finish(on_error, e), error)
            else:
                self._relay.done.emit(lambda v: self._finish(on_done, v), f.result())

        future.add_done_callback(finished)

    def _finish(self, callback: Callable[[Any], None], value: object) -> None:
        if not self._closed:
            callback(value)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until the work queued so far on every lane has finished; False when it
        takes longer than `timeout` per lane. For benchmarks and tests that measure a
        quiet process, never for the GUI thread in use. Results are still delivered by
        the event loop afterwards."""
        lanes = ((self._disk, 1), (self._accept, 1), (self._image, self._image_workers))
        for pool, workers in lanes:
            # every worker of the lane waiting at the barrier = nothing else is running,
            # and the pool's queue is first in, first out
            barrier = threading.Barrier(workers + 1)
            for _ in range(workers):
                pool.submit(barrier.wait, timeout)
            try:
                barrier.wait(timeout)
            except threading.BrokenBarrierError:
                return False
        return True

    def shutdown(self) -> None:
        """Wait for running work (a half-written blob must finish), drop queued callbacks."""
        self._closed = True
        self._accept.shutdown(wait=True)  # an accept in progress always completes
        self._disk.shutdown(wait=True)
        self._image.shutdown(wait=True, cancel_futures=True)
