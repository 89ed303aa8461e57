"""The retention purge, run by the engine when its queue is idle.

Page images of delivered submissions go after ``retention_days``, and so does the
link from a 一次性告知书 to its card holder; pages of drafts never accepted after a
day. Ages are measured on the platform's clock when the client knows it (``clock``),
so a station clock that runs fast cannot purge early; how often the purge runs is
measured on the monotonic clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sync.crypto import StorageError
from sync.store import Store

__all__ = ["ABANDONED_PAGES_AFTER", "PURGE_EVERY", "RetentionPurger"]

log = logging.getLogger(__name__)

PURGE_EVERY = 24 * 3600.0
#: pages captured for a draft that was never accepted (or removed from it)
ABANDONED_PAGES_AFTER = timedelta(hours=24)


class RetentionPurger:
    """Runs the purge at most once per PURGE_EVERY (call :meth:`maybe` when idle)."""

    def __init__(
        self,
        store: Store,
        retention_days: int,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.older_than = timedelta(days=retention_days)
        self.clock = clock
        self.monotonic = monotonic
        self.last: float | None = None

    def maybe(self) -> None:
        now = self.monotonic()
        if self.last is not None and now - self.last < PURGE_EVERY:
            return
        self.last = now
        at = datetime.fromtimestamp(self.clock(), UTC)
        try:
            result = self.store.purge_delivered_blobs(self.older_than, at)
            if result.blobs_deleted:
                log.info("retention purge removed %d page image(s)", result.blobs_deleted)
            self.store.purge_unreferenced_blobs(ABANDONED_PAGES_AFTER, at)
            # a notice's card holder (keyed hash) is personal data too: same period
            self.store.purge_notice_holders(self.older_than, at)
        except StorageError:
            log.exception("retention purge failed")
