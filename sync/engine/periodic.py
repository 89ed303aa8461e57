"""The engine's periodic work after the queue is pushed: status pull, catalog pull,
heartbeat, and the retention purge while idle.

Each task knows when it is next due (:meth:`PeriodicTasks.due_times`) so the
engine never oversleeps one. Due times are on the monotonic clock: a wall clock
set back never postpones a task.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sync.catalog_sync import CatalogSync
from sync.client import AuthError, SyncError, TransientError
from sync.engine.api import HeartbeatAPI, PlatformAPI
from sync.engine.events import EventKind, EventSink
from sync.engine.link import LinkMonitor
from sync.engine.timing import Timekeeper
from sync.problems import Code, Problem
from sync.store import Store

__all__ = ["STATUS_PAGES_PER_RUN", "PeriodicTasks"]

log = logging.getLogger(__name__)

STATUS_PAGES_PER_RUN = 20


class PeriodicTasks:
    def __init__(
        self,
        store: Store,
        client: PlatformAPI,
        link: LinkMonitor,
        events: EventSink,
        time: Timekeeper,
        *,
        heartbeat: HeartbeatAPI | None,
        heartbeat_info: Callable[[], dict[str, Any]],
        heartbeat_interval: float | None,
        catalog: CatalogSync | None,
        catalog_interval: float,
        on_idle: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.link = link
        self.events = events
        self.time = time
        self.heartbeat = heartbeat
        self.heartbeat_info = heartbeat_info
        self.heartbeat_interval = heartbeat_interval
        self.catalog = catalog
        self.catalog_interval = catalog_interval
        self.on_idle = on_idle
        self._catalog_due: float | None = None  # monotonic; None = on the next pass
        self._heartbeat_due: float | None = None
        #: more work for every pass after the status pull (e.g. evaluations to deliver);
        #: each returns True when the platform refused our credentials
        self.pass_tasks: list[Callable[[], bool]] = []

    def run(self) -> tuple[int, bool]:
        """Status, the extra pass tasks, catalog, heartbeat; returns (new status
        events, auth failed)."""
        updates, auth = self.pull_status()
        for task in self.pass_tasks:
            if auth:
                break
            try:
                auth = task()
            except Exception:  # one broken task must not stop delivery or the others
                log.exception("sync pass task failed")
        if not auth:
            auth = self.pull_catalog()
        if not auth:
            self.maybe_heartbeat()
        return updates, auth

    def idle(self) -> None:
        """The queue is empty: housekeeping may run (the retention purge)."""
        if self.on_idle is not None:
            try:
                self.on_idle()
            except Exception:
                log.exception("idle housekeeping failed")

    def pull_status(self) -> tuple[int, bool]:
        """Fetch status events after the stored cursor; returns (new events, auth_failed)."""
        applied = 0
        cursor = self.store.status_cursor()
        try:
            for _ in range(STATUS_PAGES_PER_RUN):
                events, nxt = self.client.status_updates(cursor)
                self.link.answered()
                if events or (nxt is not None and nxt != cursor):
                    new = self.store.apply_status_events(
                        events, cursor=nxt, now=self.time.now_dt()
                    )
                    applied += new
                    if new:
                        self.events.emit(
                            EventKind.STATUS, Problem.of(Code.STATUS_UPDATES, count=new),
                            done=new, total=len(events),
                        )
                if not events or nxt is None or nxt == cursor:
                    break
                cursor = nxt
        except AuthError as e:
            log.error("platform refused our credentials on status pull: %s", e)
            self.events.emit(EventKind.AUTH_FAILED, Problem.of(Code.AUTH_REFUSED, error=e.code))
            return applied, True
        except TransientError as e:
            self.link.failed(e)
        except SyncError as e:
            log.error("status pull failed: %s", e)
        return applied, False

    def pull_catalog(self) -> bool:
        """Pull the catalog when due (first pass, then every ``catalog_interval``);
        returns True when the platform refused our credentials."""
        if self.catalog is None:
            return False
        now = self.time.monotonic()
        if self._catalog_due is not None and now < self._catalog_due:
            return False
        try:
            update = self.catalog.pull()
        except AuthError as e:
            log.error("platform refused our credentials on catalog pull: %s", e)
            self.events.emit(EventKind.AUTH_FAILED, Problem.of(Code.AUTH_REFUSED, error=e.code))
            return True
        except TransientError as e:
            self.link.failed(e)  # not due-stamped: the next pass tries again
            return False
        except Exception:  # PermanentError, a full disk...: log and wait for the next round
            log.exception("catalog pull failed")
            self._catalog_due = now + self.catalog_interval
            return False
        self.link.answered()
        self._catalog_due = now + self.catalog_interval
        if update.changed:
            self.events.emit(
                EventKind.CATALOG, Problem.of(Code.CATALOG_UPDATED, version=update.version)
            )
        return False

    def maybe_heartbeat(self) -> None:
        if self.heartbeat is None or self.heartbeat_interval is None:
            return
        if self.link.online is False:
            return
        if self._heartbeat_due is not None and self.time.monotonic() < self._heartbeat_due:
            return
        self.link.check(self.beat)

    def beat(self) -> None:
        """Send one heartbeat now (it doubles as the reachability probe)."""
        heartbeat = self.heartbeat
        if heartbeat is None:
            return
        if self.heartbeat_interval is not None:
            self._heartbeat_due = self.time.monotonic() + self.heartbeat_interval
        heartbeat.heartbeat(self.heartbeat_info())

    def due_times(self) -> list[float]:
        """Monotonic instants at which a task falls due."""
        out = []
        if self.catalog is not None and self._catalog_due is not None:
            out.append(self._catalog_due)
        if (
            self.heartbeat is not None
            and self.heartbeat_interval is not None
            and self._heartbeat_due is not None
        ):
            out.append(self._heartbeat_due)
        return out
