"""The delivery engine: pushes the local queue to the platform, pulls status back.

Plain Python, no Qt: it reports through an ``on_event`` callback (a thin Qt
adapter in the UI turns those into signals) and can run in the UI process's
worker thread or as its own process (``sync.runner``) against the same WAL
database. It composes four parts with explicit interfaces:

- :class:`~sync.engine.delivery.Deliverer` — one submission, start to finish;
- :class:`~sync.engine.upload.BlobUploader` — its page blobs, on several connections;
- :class:`~sync.engine.periodic.PeriodicTasks` — status, catalog, heartbeat, retention;
- :class:`~sync.engine.link.LinkMonitor` — online/offline, probes, waits between passes.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from sync.case_outcomes import OutcomeQueue
from sync.catalog_sync import CatalogSync
from sync.engine.api import PlatformAPI, abilities
from sync.engine.clerk_day_tasks import ClerkDayTasks
from sync.engine.delivery import Deliverer, Outcome, PassState
from sync.engine.events import EventKind, EventSink, SyncEvent, SyncReport
from sync.engine.link import LinkMonitor, Sleeper
from sync.engine.outcomes import outcomes_task
from sync.engine.periodic import PeriodicTasks
from sync.engine.timing import BASE_DELAY, MAX_DELAY, Timekeeper
from sync.engine.upload import UPLOAD_CONCURRENCY, BlobUploader
from sync.evaluations import EvaluationAPI, EvaluationQueue
from sync.problems import Code, Problem
from sync.store import Store

__all__ = ["AUTH_RETRY_INTERVAL", "CLOCK_SKEW_LIMIT", "SyncEngine", "software_version"]

log = logging.getLogger(__name__)

AUTH_RETRY_INTERVAL = 600.0  # after auth failure, look again this rarely (or on wake())
#: a station clock further than this from the platform's is reported (event + log)
CLOCK_SKEW_LIMIT = 120.0
#: every retry cause the engine stores; a clock set back makes all of them due
_ALL_CAUSES = ("offline", "server", "local", "protocol")


def software_version() -> str:
    # here, not at the top: importlib.metadata (with email) is ~25 modules a station's
    # first window does not need (issues #12/#13, cold start)
    import importlib.metadata

    try:
        return importlib.metadata.version("yiwang-window")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class SyncEngine:
    """Delivery, status pull, and (optionally) catalog pull, heartbeat, offline probe.

    ``clock`` is the wall clock stamped on what is stored; ``monotonic`` times the
    waits and periodic tasks (default: ``time.monotonic``, or ``clock`` itself when
    a fake ``clock`` is injected, so one fake drives everything). ``catalog``: pull
    the service catalog on the first pass and then at most every
    ``catalog_interval`` seconds. ``heartbeat_interval``: heartbeat at most this
    often while online (None = never). ``probe_interval``: in :meth:`run_forever`,
    while the platform does not answer or answers with errors, probe it this often
    and sync as soon as it answers (None = sit out the backoff). ``on_idle``: runs
    after a pass that left the queue empty (the retention purge)."""

    def __init__(
        self,
        store: Store,
        client: PlatformAPI,
        *,
        on_event: Callable[[SyncEvent], None] | None = None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
        rng: Callable[[], float] = random.random,
        base_delay: float = BASE_DELAY,
        max_delay: float = MAX_DELAY,
        catalog: CatalogSync | None = None,
        catalog_interval: float = 600.0,
        heartbeat_interval: float | None = None,
        probe_interval: float | None = None,
        version: str | None = None,
        upload_concurrency: int = UPLOAD_CONCURRENCY,
        on_idle: Callable[[], None] | None = None,
        clock_skew_limit: float = CLOCK_SKEW_LIMIT,
    ) -> None:
        if monotonic is None:
            monotonic = time.monotonic if clock is time.time else clock
        self.store = store
        self.client = client
        self._version = version
        self.catalog = catalog
        self.clock_skew_limit = clock_skew_limit
        self.auth_failed = False
        #: more facts for the heartbeat (a kiosk adds its device health)
        self.heartbeat_extras: list[Callable[[], Mapping[str, Any]]] = []
        self._abilities = abilities(client)
        self._events = EventSink(on_event)
        self._time = Timekeeper(clock, monotonic, max_delay)
        self._sleeper = Sleeper(monotonic, sleep)
        self._run_lock = threading.Lock()
        self._skew_reported = False
        self._link = LinkMonitor(
            self._events, probe_call=self._probe_call, probe_interval=probe_interval,
            monotonic=monotonic,
        )
        self._uploader = BlobUploader(
            store, client, self._abilities, concurrency=upload_concurrency
        )
        self._periodic = PeriodicTasks(
            store, client, self._link, self._events, self._time,
            heartbeat=self._abilities.heartbeat, heartbeat_info=self.heartbeat_info,
            heartbeat_interval=heartbeat_interval, catalog=catalog,
            catalog_interval=catalog_interval, on_idle=on_idle,
        )
        #: service evaluations (好差评) ride along with each pass, after the status pull
        self.evaluations = EvaluationQueue(store.db_path)
        self.pass_tasks.append(self._deliver_evaluations)
        #: supplements, refusals and handovers (P5, P6), after the evaluations
        self.outcomes = OutcomeQueue(store)
        self.pass_tasks.append(outcomes_task(self.outcomes, lambda: self.client, self._time.now_dt))
        #: audit entries to the platform (P7), the hall's clerks from it (P8)
        self.clerk_day = ClerkDayTasks(store, lambda: self.client, self._time.now_dt,
                                       monotonic=monotonic)
        self.clerk_day.install(self.pass_tasks)
        self._deliverer = Deliverer(
            store, client, self._uploader, self._link, self._events, self._time,
            rng=rng, base_delay=base_delay, max_delay=max_delay,
        )

    # -- what the host may read ----------------------------------------------------------

    @property
    def online(self) -> bool | None:
        """None = unknown yet, True/False = the last platform call was answered / not."""
        return self._link.online

    @property
    def clock_skew(self) -> float | None:
        """Platform time minus station time in seconds, as last measured (None = unknown)."""
        return self._abilities.clock.clock_skew if self._abilities.clock else None

    @property
    def pass_tasks(self) -> list[Callable[[], bool]]:
        """Work added to every pass after the status pull (True = credentials refused)."""
        return self._periodic.pass_tasks

    def heartbeat_info(self) -> dict[str, Any]:
        """What a heartbeat tells the platform (``heartbeat_extras`` first)."""
        info: dict[str, Any] = {}
        for extra in self.heartbeat_extras:
            try:
                info.update(extra())
            except Exception:  # a broken health probe must not stop the heartbeat
                log.exception("heartbeat extra failed")
        return {
            **info,
            "queue_depth": self.store.queue_depth(),
            "evaluations_queued": self.evaluations.depth(),
            "version": self.version,
            "catalog_version": self.catalog.current_version() if self.catalog else None,
        }

    def _deliver_evaluations(self) -> bool:
        """The pass task for queued evaluations; True when the credentials were refused.
        Reads ``self.client`` at call time (a host or test may swap it)."""
        client = self.client
        if not isinstance(client, EvaluationAPI):
            return False
        return self.evaluations.deliver_due(client, now=self._time.now_dt()).auth_failed

    def probe(self) -> str:
        """One cheap signed call: is the platform back? ``"up"``, ``"down"`` or ``"failing"``."""
        return self._link.probe()

    def _probe_call(self) -> None:
        if self._abilities.heartbeat is not None:
            self._periodic.beat()
        else:
            self.client.status_updates(self.store.status_cursor(), limit=1)

    # -- one pass ---------------------------------------------------------------------

    def run_once(self, stop: threading.Event | None = None) -> SyncReport:
        """Push every due submission (oldest first), then pull status updates.

        When ``stop`` is set during the pass, the engine finishes the submission
        in hand and returns (used by the runner's SIGTERM handler)."""
        with self._run_lock:
            outer = self._sleeper.stop
            if stop is not None:
                self._sleeper.stop = stop
            try:
                return self._run_once()
            finally:
                self._sleeper.stop = outer

    def _run_once(self) -> SyncReport:
        self._sleeper.woken.clear()
        self._unfreeze_retries()
        state = PassState()
        total, delivered, failed, retried, stopped_transient, auth = self._push(state)
        updates = 0
        if not auth and not stopped_transient and not self._sleeper.stopped():
            updates, auth = self._periodic.run()
        self.auth_failed = auth
        self._check_clock()
        remaining = self.store.queue_depth()
        if remaining == 0 and not auth:
            self._events.emit(EventKind.IDLE, Problem.of(Code.ALL_DELIVERED),
                              done=delivered + failed, total=total)
            self._periodic.idle()
        log.info(
            "sync run: delivered=%d quarantined=%d retried=%d remaining=%d updates=%d%s",
            delivered, failed, retried, remaining, updates, " AUTH FAILED" if auth else "",
        )
        return SyncReport(
            delivered=delivered, failed=failed, remaining=remaining, retried=retried,
            status_updates=updates, auth_failed=auth, online=self.online,
            backoff_until=state.backoff_until,
        )

    def _push(self, state: PassState) -> tuple[int, int, int, int, bool, bool]:
        """Deliver every due submission, oldest first: (total, delivered, quarantined,
        retried, stopped on a transient failure, credentials refused).

        A function of its own so that the records (each with its applicant's name, ID
        number, address and phone) are let go as soon as they are sent, not held by
        the pass while its status pull, catalog and heartbeat go on."""
        batch = self.store.pending(self._time.now_dt())
        total = len(batch)
        delivered = failed = retried = 0
        stopped_transient = auth = False
        self._events.emit(EventKind.STARTED, Problem.of(Code.SYNC_STARTED, count=total),
                          total=total)
        for i, rec in enumerate(batch):
            if self._sleeper.stopped():
                break
            outcome = self._deliverer.deliver(rec, state, done=i, total=total)
            if outcome is Outcome.DELIVERED:
                delivered += 1
            elif outcome is Outcome.QUARANTINED:
                failed += 1
            elif outcome is Outcome.RETRY_CONTINUE:
                retried += 1
            elif outcome is Outcome.RETRY:
                retried += 1
                stopped_transient = True
                break
            elif outcome is Outcome.AUTH:
                auth = True
                break
        return total, delivered, failed, retried, stopped_transient, auth

    def _unfreeze_retries(self) -> None:
        """Retries scheduled by a clock that has since been set back are due now."""
        jump = self._time.jumped_back()
        far = self._time.beyond_horizon(self.store.next_retry_at())
        if jump or far:
            n = self.store.retry_now(self._time.now_dt(), causes=_ALL_CAUSES)
            log.warning(
                "station clock was set back (%.0f s jump, retries beyond the longest backoff: "
                "%s); %d waiting submission(s) due now", jump, far, n,
            )

    def _check_clock(self) -> None:
        skew = self.clock_skew
        if skew is None:
            return
        # the store dates accepts' skew and counts retention on the platform's time
        self.store.note_platform_clock(skew, self._time.now_dt())
        off = abs(skew) > self.clock_skew_limit
        if off != self._skew_reported:
            self._skew_reported = off
            self._events.emit(EventKind.CLOCK, Problem.of(
                Code.CLOCK_SKEW, seconds=round(skew), limit=round(self.clock_skew_limit),
            ))

    # -- forever -------------------------------------------------------------------------

    def wake(self) -> None:
        """Run again now (e.g. right after an accept, or 'sync now' in the UI)."""
        self._sleeper.woken.set()

    def next_wait(self, report: SyncReport | None, interval: float) -> float:
        """Seconds until the next pass is worth making (no later than a due heartbeat
        or catalog pull while online, no sooner than the platform's ``Retry-After``)."""
        wait = self._queue_wait(report, interval)
        if report is not None and not report.auth_failed and self.online is not False:
            now = self._time.monotonic()
            for due in self._periodic.due_times():
                wait = min(wait, max(0.0, due - now))
        return max(wait, self._link.quiet_left())

    def _queue_wait(self, report: SyncReport | None, interval: float) -> float:
        now = self._time.now()
        if report is None:
            return interval
        if report.auth_failed:
            return AUTH_RETRY_INTERVAL
        if report.backoff_until is not None and report.retried and report.online is False:
            return max(0.0, report.backoff_until - now)  # the link is down: no point polling
        if self.store.pending(self._time.now_dt(), limit=1):
            return 0.0 if report.delivered or report.failed else min(interval, 1.0)
        nxt = self.store.next_retry_at()
        if nxt is not None:
            return max(0.0, min(interval, nxt.timestamp() - now))
        return interval

    @property
    def version(self) -> str:
        """This software's version for the heartbeat; looked up when first sent, on the
        sync thread (reading the installed packages' metadata costs start-up time)."""
        if not self._version:
            self._version = software_version()
        return self._version

    def run_forever(self, stop: threading.Event, interval: float = 30.0) -> None:
        """Loop until ``stop`` is set: a pass, then sleep until the next due retry,
        ``interval`` (to poll status), or ``wake()``; probing while the platform is
        down or failing."""
        self._sleeper.stop = stop
        try:
            while not stop.is_set():
                report: SyncReport | None
                try:
                    report = self.run_once()
                except Exception:  # the store is full/locked, a bug...: keep the loop alive
                    log.exception("sync pass failed")
                    report = None
                if stop.is_set():
                    break
                wait = self.next_wait(report, interval)
                if wait > 0:
                    self._link.wait(wait, self._sleeper, self._platform_back)
        finally:
            self._sleeper.stop = None
            self._uploader.close()

    def _platform_back(self) -> None:
        n = self.store.retry_now(self._time.now_dt(), causes=("offline", "server"))
        log.info("platform answers again; %d waiting submission(s) due now", n)
