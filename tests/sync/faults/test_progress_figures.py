"""The progress figures tell the truth, through a real cut on the fault proxy.

The item being sent counts from 1 and reaches N of N; the bytes are what the
platform holds of the submission: after a cut the first figure of the resumed
pass is the platform's offset (as a HEAD answers it), never 0 again.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from typing import Any

from intake.submission import Submission
from sync.client import PlatformClient
from sync.engine import SyncEngine, SyncEvent
from sync.engine.events import EventKind
from sync.engine.progress_text import TerminalProgress, progress_text
from sync.store import Store
from tests.helpers.fault_proxy import Fault, FaultProxy, matching
from tests.helpers.platform_admin import Admin

PAGE = 600_000  # three 256 KiB chunks per page
CHUNK = 256 * 1024


class Clock:
    def __init__(self) -> None:
        self.skipped = 0.0

    def __call__(self) -> float:
        return time.time() + self.skipped


def _engine(store: Store, client: PlatformClient, clock: Clock, events: list[SyncEvent],
            **kw: Any) -> SyncEngine:
    return SyncEngine(store, client, base_delay=0.02, max_delay=0.1, clock=clock,
                      on_event=events.append, **kw)


def _figures(events: list[SyncEvent]) -> list[tuple[str, int, int, int]]:
    return [(e.kind.value, e.item, e.total, e.bytes_done) for e in events
            if e.kind in (EventKind.PROGRESS, EventKind.DELIVERED)]


def test_items_count_from_one_and_reach_n_of_n(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin,
) -> None:
    subs = [accept(pages=1, page_size=PAGE, tag=os.urandom(8).hex()) for _ in range(3)]
    events: list[SyncEvent] = []
    report = _engine(store, proxied_client, Clock(), events).run_once()
    assert report.delivered == 3
    figures = _figures(events)
    progress = [f for f in figures if f[0] == "progress"]
    assert {f[1] for f in progress} == {1, 2, 3}
    assert all(f[2] == 3 for f in figures)
    assert progress[0] == ("progress", 1, 3, 0)  # a first attempt: the platform has nothing
    delivered = [f for f in figures if f[0] == "delivered"]
    assert [f[1] for f in delivered] == [1, 2, 3]
    assert delivered[-1] == ("delivered", 3, 3, PAGE)
    # within one submission the bytes only grow, and they reach its size
    for n in (1, 2, 3):
        mine = [f[3] for f in figures if f[1] == n]
        assert mine == sorted(mine) and mine[-1] == PAGE
    last = [e for e in events if e.kind is EventKind.DELIVERED][-1]
    assert progress_text(last) == (
        f"sync: delivered 3 of 3 ({subs[2].receipt_no}): 585.9 KiB of 585.9 KiB on the"
        f" platform, case {store.get(subs[2].uuid).case_no}")


def test_after_a_cut_the_figure_resumes_at_the_platforms_offset(
    store: Store, accept: Callable[..., Submission], proxy: FaultProxy,
    proxied_client: PlatformClient, admin: Admin,
) -> None:
    sub = accept(pages=2, page_size=PAGE, tag=os.urandom(8).hex())
    clock = Clock()
    cut: list[SyncEvent] = []
    # the first chunk arrives, then every PATCH is cut (the client's own resumes too)
    proxy.set_schedule(matching("PATCH /v1/blobs/", Fault.reset(300), skip=1, times=None))
    first = _engine(store, proxied_client, clock, cut, upload_concurrency=1).run_once()
    assert first.retried == 1 and proxy.triggered["reset"] >= 1
    assert max(e.bytes_done for e in cut if e.kind is EventKind.PROGRESS) == CHUNK
    proxy.set_schedule(None)
    held = sum(proxied_client.blob_state(sha).offset for sha in sub.blob_hashes)
    assert held == CHUNK  # what the platform has: the chunk before the cut
    clock.skipped += 1.0
    resumed: list[SyncEvent] = []
    out = io.StringIO()
    printer = TerminalProgress(out, every=3600.0)

    def seen(event: SyncEvent) -> None:
        resumed.append(event)
        printer(event)

    engine = SyncEngine(store, proxied_client, base_delay=0.02, max_delay=0.1, clock=clock,
                        on_event=seen)
    assert engine.run_once().delivered == 1
    figures = _figures(resumed)
    assert figures[0] == ("progress", 1, 1, CHUNK), figures[:3]
    assert all(f[3] >= CHUNK for f in figures), "never falls back to 0"
    assert figures[-1] == ("delivered", 1, 1, 2 * PAGE)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"sync: sending 1 of 1 ({sub.receipt_no}): 256.0 KiB of ")
    assert lines[-1].startswith(f"sync: delivered 1 of 1 ({sub.receipt_no}): 1.1 MiB of 1.1 MiB")
