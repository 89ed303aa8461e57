"""What the engine tells its host: events while it works, a report after each pass.

Events carry a stable ``code`` and its ``params`` (see :mod:`sync.problems`); the
UI makes the sentence at display time in the clerk's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sync.problems import Param, Problem

__all__ = ["EventKind", "EventSink", "SyncEvent", "SyncReport"]

log = logging.getLogger(__name__)


class EventKind(StrEnum):
    STARTED = "started"
    PROGRESS = "progress"
    DELIVERED = "delivered"
    RETRY = "retry"
    QUARANTINED = "quarantined"
    AUTH_FAILED = "auth_failed"
    IDLE = "idle"
    ONLINE = "online"
    OFFLINE = "offline"
    STATUS = "status"
    CATALOG = "catalog"  # a new service catalog was written: UIs reload it
    CLOCK = "clock"  # the station's clock differs from the platform's (params: skew)


@dataclass(frozen=True)
class SyncEvent:
    """One thing the UI may want to show. ``done``/``total`` count submissions in
    this run (``done`` = finished so far); ``bytes_*`` are for the current one.
    ``code``/``params`` say what happened (:class:`sync.problems.Code`)."""

    kind: EventKind
    uuid: str | None = None
    done: int = 0
    total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    code: str = ""
    params: Mapping[str, Param] = field(default_factory=dict)

    @property
    def item(self) -> int:
        """Which submission of this pass the event is about, counting from 1: the one
        being sent (progress, retry, refusal of credentials) or the one just finished
        (delivered, quarantined), so the figures run 1..N and reach N of N."""
        if self.kind in (EventKind.PROGRESS, EventKind.RETRY, EventKind.AUTH_FAILED):
            return min(self.total, self.done + 1)
        return self.done

    @property
    def problem(self) -> Problem:
        return Problem(self.code or self.kind.value, self.params)


@dataclass(frozen=True)
class SyncReport:
    delivered: int
    failed: int  # quarantined in this run
    remaining: int  # queue depth afterwards (queued + sending + retry)
    retried: int = 0
    status_updates: int = 0
    auth_failed: bool = False
    online: bool | None = None
    #: when the engine wants to try again because of backoff (epoch seconds), if any
    backoff_until: float | None = None


class EventSink:
    """Delivers events to the host's callback; a failing callback never stops delivery."""

    def __init__(self, on_event: Callable[[SyncEvent], None] | None) -> None:
        self.on_event = on_event

    def emit(
        self, kind: EventKind, problem: Problem | None = None, *,
        uuid: str | None = None, done: int = 0, total: int = 0,
        bytes_done: int = 0, bytes_total: int = 0,
    ) -> None:
        if self.on_event is None:
            return
        event = SyncEvent(
            kind, uuid=uuid, done=done, total=total, bytes_done=bytes_done,
            bytes_total=bytes_total,
            code=problem.code if problem else "", params=problem.params if problem else {},
        )
        try:
            self.on_event(event)
        except Exception:  # a UI bug must never stop delivery
            log.exception("on_event callback failed for %s", kind)
