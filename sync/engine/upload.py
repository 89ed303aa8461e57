"""Uploading the page blobs of one submission, on up to ``concurrency`` connections.

Each connection has its own client (``client.worker()`` when the client offers
one), so one connection's round-trip gap is filled by another's data. On a
submission's first attempt a blob this engine has not touched is sent straight
away at offset 0 (no HEAD: the station never began it; were the platform to hold
it anyway, its 409 answer corrects the offset at the cost of one chunk); on later
attempts ``blob_state`` is asked first and the upload resumes at the platform's
offset.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Sequence
from typing import BinaryIO

from sync.blobs import BlobNotFound
from sync.engine.api import Abilities, PlatformAPI
from sync.store import Store

__all__ = ["MAX_TOUCHED", "UPLOAD_CONCURRENCY", "BlobUploader", "UploadProgress"]

log = logging.getLogger(__name__)

#: page blobs of one submission uploaded at once, each on its own connection. A
#: submission costs about ceil(pages / UPLOAD_CONCURRENCY) x chunks-per-page + 1 idle
#: round trips (the connections finish their chunks in step on a shared link): with
#: 3 pages of 300 KB on a 512 kbit/s, 300 ms link, 2 gives goodput 0.90, 3 gives 0.94
#: (bench/sync_throughput.py (b)). Each connection holds one chunk in memory.
UPLOAD_CONCURRENCY = 3
#: blobs remembered as touched by this engine (beyond that the memory restarts; a
#: forgotten blob costs at most one chunk answered by 409 on a later first attempt)
MAX_TOUCHED = 4096


class _Cancelled(Exception):
    """Raised in a worker's progress callback: another upload failed, stop here."""


class UploadProgress:
    """Byte accounting for one submission. Upload connections report from their own
    threads; ``report(bytes_done)`` is called, one at a time, with the sum over all
    blobs (monotonic: never a smaller number than before)."""

    def __init__(
        self,
        bytes_total: int,
        *,
        report: Callable[[int], None],
        answered: Callable[[], None],
    ) -> None:
        self.bytes_total = bytes_total
        self._report = report
        self._answered = answered
        self._finished: dict[str, int] = {}
        self._partial: dict[str, int] = {}
        self._last = -1
        self._lock = threading.RLock()

    def _bytes_done(self) -> int:
        return min(self.bytes_total, sum(self._finished.values()) + sum(self._partial.values()))

    def start(self, offsets: dict[str, int], sizes: dict[str, int]) -> None:
        """What the platform holds of each blob before this attempt sends a byte: the
        first figure shown, so a resumed upload starts at its offset, never at 0."""
        with self._lock:
            for sha, offset in offsets.items():
                if offset > sizes[sha]:  # complete (see BlobUploader._platform_offsets)
                    self._finished[sha] = sizes[sha]
                else:
                    self._partial[sha] = max(offset, self._partial.get(sha, 0))
            self.report(self._bytes_done())

    def reached(self) -> None:
        """The platform answered (so it is online)."""
        with self._lock:
            self._answered()

    def blob_at(self, sha: str, offset: int) -> None:
        with self._lock:
            if sha not in self._finished:
                self._partial[sha] = max(offset, self._partial.get(sha, 0))
            self.report(self._bytes_done())

    def blob_done(self, sha: str, size: int) -> None:
        with self._lock:
            self._partial.pop(sha, None)
            self._finished[sha] = size
            self.report(self._bytes_done())

    def report(self, bytes_done: int) -> None:
        with self._lock:
            if bytes_done <= self._last:
                return
            self._last = bytes_done
            self._report(bytes_done)


class BlobUploader:
    """Sends the blobs the platform lacks; remembers which blobs it has touched."""

    def __init__(
        self, store: Store, client: PlatformAPI, abilities: Abilities, *, concurrency: int
    ) -> None:
        self.store = store
        self.client = client
        self.abilities = abilities
        self.concurrency = max(1, concurrency)
        self._workers: list[PlatformAPI] = []
        self._touched: set[str] = set()
        self._touched_lock = threading.Lock()

    def upload(
        self,
        shas: Sequence[str],
        sizes: dict[str, int],
        progress: UploadProgress,
        *,
        check_state: bool,
        first_attempt: bool = False,
    ) -> None:
        """Upload the blobs the platform lacks. ``first_attempt``: the submission was
        never tried before, so its blobs untouched by this engine need no HEAD.
        Returns once every blob is complete; on the first error the other uploads stop
        at their next chunk boundary and that error is raised once all have stopped."""
        todo = list(dict.fromkeys(shas))
        for sha in todo:
            if sha not in sizes:
                sizes[sha] = self.store.blob_size(sha)
        clients = self._clients(len(todo))
        offsets: dict[str, int | None] = dict.fromkeys(todo)
        if check_state:
            known = self._platform_offsets(clients[0], todo, sizes, progress, first_attempt)
            progress.start(known, sizes)
            offsets.update(known)
            todo = [sha for sha in todo if known[sha] <= sizes[sha]]  # not complete
        if len(clients) == 1:
            for sha in todo:
                self._one(clients[0], sha, sizes[sha], progress, offsets[sha], None)
            return
        # longest first: the connections finish at about the same time
        pending = deque(sorted(todo, key=lambda sha: -sizes[sha]))
        lock = threading.Lock()
        cancel = threading.Event()
        errors: list[Exception] = []

        def work(client: PlatformAPI) -> None:
            while not cancel.is_set():
                with lock:
                    if not pending:
                        return
                    sha = pending.popleft()
                try:
                    self._one(client, sha, sizes[sha], progress, offsets[sha], cancel)
                except _Cancelled:
                    return
                except Exception as e:
                    with lock:
                        errors.append(e)
                    cancel.set()
                    return

        threads = [
            threading.Thread(target=work, args=(c,), name=f"sync-upload-{i}", daemon=True)
            for i, c in enumerate(clients[1:], start=1)
        ]
        for t in threads:
            t.start()
        try:
            work(clients[0])
        except BaseException:
            cancel.set()
            raise
        finally:
            for t in threads:
                t.join()
        if errors:
            raise errors[0]  # the first failure; the others were (mostly) its echoes

    def close(self) -> None:
        for worker in self._workers:
            self.abilities.close(worker)
        self._workers = []

    def _clients(self, blobs: int) -> list[PlatformAPI]:
        """The engine's client plus up to ``concurrency - 1`` worker clients."""
        n = min(self.concurrency, blobs)
        if n <= 1 or self.abilities.workers is None:
            return [self.client]
        while len(self._workers) < n - 1:
            worker = self.abilities.make_worker()
            if worker is None:
                break
            self._workers.append(worker)
        return [self.client, *self._workers[: n - 1]]

    def _touch(self, sha: str) -> bool:
        """Remember that this engine sent something about ``sha``; True if it had before."""
        with self._touched_lock:
            if sha in self._touched:
                return True
            if len(self._touched) >= MAX_TOUCHED:
                self._touched.clear()
            self._touched.add(sha)
            return False

    def _platform_offsets(
        self, client: PlatformAPI, shas: Sequence[str], sizes: dict[str, int],
        progress: UploadProgress, first_attempt: bool,
    ) -> dict[str, int]:
        """How many bytes of each blob the platform holds, before any is sent.

        A blob of a first attempt that this engine never touched is at 0 without
        asking (the station never began it); every other blob is asked for (HEAD), all
        of them up front, so the progress shown from the start is what the platform
        has and an upload resumes at its offset. A complete blob is at its size + 1
        (so that an empty blob the platform lacks, at 0 = its size, is still sent)."""
        offsets: dict[str, int] = {}
        for sha in shas:
            with self._touched_lock:
                touched = sha in self._touched
            if first_attempt and not touched and self.store.has_blob(sha):
                offsets[sha] = 0
                continue
            state = client.blob_state(sha)
            progress.reached()
            offsets[sha] = sizes[sha] + 1 if state.complete else min(state.offset, sizes[sha])
        return offsets

    def _one(
        self,
        client: PlatformAPI,
        sha: str,
        size: int,
        progress: UploadProgress,
        offset: int | None,
        cancel: threading.Event | None,
    ) -> None:
        """Upload one blob from ``offset`` (what the platform holds, as just read or
        known); None: ``upload_blob`` asks the platform itself."""
        self._touch(sha)
        if not self.store.has_blob(sha):
            raise BlobNotFound(sha)
        seen: list[int] = []

        def open_fn() -> BinaryIO:
            return self.store.open_blob(sha)

        def on_progress(at: int, _size: int) -> None:
            if seen and at != seen[0]:
                progress.reached()  # a PATCH was answered
            seen.append(at)
            progress.blob_at(sha, at)
            if cancel is not None and cancel.is_set():
                raise _Cancelled

        if offset is None:
            client.upload_blob(sha, size, open_fn, progress=on_progress)
        else:
            client.upload_blob(sha, size, open_fn, progress=on_progress, offset=offset)
        progress.reached()
        progress.blob_done(sha, size)
