"""Is the platform reachable? Online/offline state, probes and waits between passes.

A failure is either "down" (no answer at all: network, timeout, TLS, a captive
portal) or "failing" (the platform answered 5xx, 429...). Either way, while it
lasts and ``probe_interval`` is set, :meth:`LinkMonitor.wait` probes the platform
with one cheap signed call every ``probe_interval`` seconds — never before a
``Retry-After`` the platform asked for has passed — and ends the wait as soon as
the platform answers properly, so delivery resumes within seconds of its return
instead of sitting out a backoff of up to ten minutes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sync.client import SyncError, TransientError
from sync.engine.api import cause_of
from sync.engine.events import EventKind, EventSink
from sync.engine.timing import MAX_RETRY_AFTER
from sync.problems import Code, Problem

__all__ = ["LinkMonitor", "Sleeper"]

log = logging.getLogger(__name__)


class Sleeper:
    """Waits that ``wake()`` or ``stop`` cut short; a custom ``sleep`` (fake time in
    tests) is called instead of waiting and is never cut short."""

    def __init__(
        self, monotonic: Callable[[], float], sleep: Callable[[float], None] | None = None
    ) -> None:
        self.monotonic = monotonic
        self._sleep = sleep
        self.woken = threading.Event()
        self.stop: threading.Event | None = None

    def stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    def sleep(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when cut short by ``wake()`` or ``stop``."""
        if self._sleep is not None:
            self._sleep(seconds)
            return False
        deadline = self.monotonic() + seconds
        while not self.stopped():
            left = deadline - self.monotonic()
            if left <= 0:
                return False
            if self.woken.wait(min(left, 0.25)):
                return True
        return True


class LinkMonitor:
    """The platform's reachability as last seen, with the probe that checks it again."""

    def __init__(
        self,
        events: EventSink,
        *,
        probe_call: Callable[[], None],
        probe_interval: float | None,
        monotonic: Callable[[], float],
    ) -> None:
        self.events = events
        self.probe_call = probe_call
        self.probe_interval = probe_interval
        self.monotonic = monotonic
        #: None = unknown yet, True/False = the last call was answered / was not
        self.online: bool | None = None
        #: why the last call failed: "offline" (no answer) or "server" (an error answer)
        self.failure: str | None = None
        self._quiet_until = 0.0  # monotonic: the platform asked us to wait until then

    def answered(self) -> None:
        """The platform answered properly."""
        self.failure = None
        if self.online is not True:
            self.online = True
            log.info("platform reachable")
            self.events.emit(EventKind.ONLINE, Problem.of(Code.ONLINE))

    def failed(self, e: TransientError) -> None:
        """A call failed in a way worth retrying later."""
        self.failure = cause_of(e)
        if e.retry_after is not None and e.retry_after > 0:
            until = self.monotonic() + min(e.retry_after, MAX_RETRY_AFTER)
            self._quiet_until = max(self._quiet_until, until)
        if self.online is not False:
            self.online = False
            log.warning("platform unreachable or failing: %s", e)
            self.events.emit(
                EventKind.OFFLINE, Problem.of(Code.OFFLINE, error=e.code or None, status=e.status)
            )

    def check(self, call: Callable[[], None]) -> str:
        """Run one call and classify it: ``"up"``, ``"down"`` (no answer) or
        ``"failing"`` (5xx, or an unexpected local error)."""
        try:
            call()
        except TransientError as e:
            self.failed(e)
            return "down" if cause_of(e) == "offline" else "failing"
        except SyncError as e:  # refused, or a platform without the endpoint: it answered
            log.warning("probe refused: %s", e)
        except Exception:
            log.exception("probe failed")
            return "failing"
        self.answered()
        return "up"

    def probe(self) -> str:
        return self.check(self.probe_call)

    def quiet_left(self) -> float:
        """Seconds until the platform's last ``Retry-After`` has passed (0 if it has)."""
        return max(0.0, self._quiet_until - self.monotonic())

    def probing(self) -> bool:
        return self.probe_interval is not None and self.online is False

    def wait(self, seconds: float, sleeper: Sleeper, on_back: Callable[[], None]) -> None:
        """Wait ``seconds`` (or until woken); while the platform is down or failing,
        probe it every ``probe_interval`` (not before its Retry-After). When it
        answers, ``on_back()`` (waiting retries become due) and return for a pass."""
        deadline = self.monotonic() + seconds
        while not sleeper.stopped():
            left = deadline - self.monotonic()
            if left <= 0:
                return
            if not self.probing():
                sleeper.sleep(left)
                return
            assert self.probe_interval is not None
            step = max(self.probe_interval, self.quiet_left())
            if sleeper.sleep(min(left, step)) or sleeper.stopped():
                return  # woken (or stopping): the loop runs a pass / ends
            if self.monotonic() >= deadline:
                return  # the backoff is over anyway
            state = self.probe()
            if state == "up":
                on_back()
                return
            log.info("platform still %s; probing again in %.0f s", state, self.probe_interval)
