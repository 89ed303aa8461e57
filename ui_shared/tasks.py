"""Run work off the GUI thread and get the result back on it.

One serial lane for anything that writes the station's disk (SQLite, blobs,
the printer), so writes never interleave; a lane of its own for the accept, so
a citizen's accept never waits behind housekeeping, list queries or page
writes queued on the disk lane (the store keeps the accept's transaction first
in line too); a small pool for image work. Callbacks always run on the GUI
thread, so they may touch widgets.

A worker thread never holds the last reference to anything the caller handed
in: the work, its callbacks and an error's traceback usually reach a widget
(a bound method, a closure over ``self``), and a Qt widget destroyed on a
worker thread crashes the process. The GUI thread keeps those references in
:class:`_Board` and drops them itself once the result is delivered.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)
T = TypeVar("T")

_Task = tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]


class _Relay(QObject):
    done = Signal(int)  # token of a finished task


class _Board:
    """Tasks handed out and their outcomes, shared by the GUI thread and the workers.

    Only the GUI thread adds or removes tasks; a worker borrows a task's callable
    while it runs and files the outcome before it says so, so that its own
    references are gone by the time the GUI thread lets go of its copies."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._lock = threading.Lock()
        self.tasks: dict[int, _Task] = {}
        self._outcomes: dict[int, tuple[bool, Any]] = {}

    def add(self, token: int, task: _Task) -> None:
        with self._lock:
            self.tasks[token] = task

    def work_of(self, token: int) -> Callable[[], Any] | None:
        with self._lock:
            task = self.tasks.get(token)
        return None if task is None else task[0]

    def file(self, token: int, ok: bool, value: Any) -> None:
        with self._lock:
            self._outcomes[token] = (ok, value)

    def announce(self, token: int) -> None:
        self._relay.done.emit(token)

    def collect(self, token: int) -> tuple[_Task, tuple[bool, Any]] | None:
        with self._lock:
            task = self.tasks.pop(token, None)
            outcome = self._outcomes.pop(token, None)
        if task is None or outcome is None:
            return None
        return task, outcome

    def clear(self) -> None:
        with self._lock:
            self.tasks.clear()
            self._outcomes.clear()


def _without_traceback(error: BaseException) -> BaseException:
    """The error as the callback needs it: its frames (and their locals) stay behind."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return error


def _work(board: _Board, token: int) -> None:
    """Runs on a worker thread."""
    fn = board.work_of(token)
    if fn is None:  # dropped by shutdown()
        return
    try:
        value: Any = fn()
        ok = True
    except BaseException as error:  # handed to the caller's on_error, never lost
        log.warning("background task failed: %r", error)
        value = _without_traceback(error)
        ok = False
    del fn
    board.file(token, ok, value)
    del value
    board.announce(token)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, *, image_workers: int = 2) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._board = _Board(self._relay)
        self._tokens = itertools.count(1)
        # lanes (name: workers): disk, accept (and its receipt print), image, and the
        # platform queries a person waits for (not the sync engine's delivery: a slow
        # link must not hold up storing pages on the disk lane). Each pool is made on
        # its first task: a first screen shown before any task starts no thread and
        # loads no concurrent.futures (cold start)
        self._workers = {"disk": 1, "accept": 1, "image": image_workers, "network": 1}
        self._pools: dict[str, ThreadPoolExecutor] = {}
        self._closed = False

    def _pool(self, lane: str) -> ThreadPoolExecutor:
        pool = self._pools.get(lane)
        if pool is None:
            from concurrent.futures import ThreadPoolExecutor

            pool = self._pools[lane] = ThreadPoolExecutor(
                max_workers=self._workers[lane], thread_name_prefix=lane
            )
        return pool

    def disk(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._submit("disk", fn, on_done, on_error)

    def accept(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """The accept (and its receipt print) on its own lane and thread."""
        self._submit("accept", fn, on_done, on_error)

    def image(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._submit("image", fn, on_done, on_error)

    def network(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._submit("network", fn, on_done, on_error)

    def _submit(
        self,
        lane: str,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        if self._closed:
            return
        token = next(self._tokens)
        self._board.add(token, (fn, on_done, on_error))
        self._pool(lane).submit(_work, self._board, token)

    @Slot(int)
    def _deliver(self, token: int) -> None:
        collected = self._board.collect(token)
        if collected is None or self._closed:
            return
        (_fn, on_done, on_error), (ok, value) = collected
        if ok:
            on_done(value)
        else:
            on_error(value)

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until the work queued so far on every lane has finished; False when it
        takes longer than `timeout` per lane. For benchmarks and tests that measure a
        quiet process, never for the GUI thread in use. Results are still delivered by
        the event loop afterwards."""
        for lane, pool in list(self._pools.items()):
            workers = self._workers[lane]
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
        pools = self._pools
        for lane in ("accept", "disk"):  # an accept in progress always completes
            if lane in pools:
                pools[lane].shutdown(wait=True)
        for lane in ("image", "network"):
            if lane in pools:
                pools[lane].shutdown(wait=True, cancel_futures=True)
        self._board.clear()  # here, on the GUI thread
