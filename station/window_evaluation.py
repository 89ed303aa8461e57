"""The citizen's evaluation pad at a window (评价器): what it shows, what it stores.

During intake the pad shows the citizen the masked details to confirm (the item,
the masked name and ID number); once the case is accepted it asks for the
GB/T 39734-2020 five-level evaluation, with reasons for the two lowest levels.
The evaluation is queued in the same durable queue as the kiosk's
(:class:`sync.evaluations.EvaluationQueue`, one per case) with channel
``window``, and the engine delivers it with ``PUT /v1/evaluations/{uuid}``.
Qt-free; the pad's widget lives in ``clerk_station.evaluation_pad``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from intake.applicant import Applicant
from intake.errors import IntakeError
from station.kiosk_services import LOW_RATING, RATINGS, REASONS
from station.ledger import mask_applicant
from sync.evaluations import AlreadyEvaluated, EvaluationQueue
from sync.store import Store

__all__ = [
    "LOW_RATING",
    "RATINGS",
    "WINDOW_REASONS",
    "EvaluationRefused",
    "PadDetails",
    "WindowEvaluations",
    "pad_details",
]

log = logging.getLogger(__name__)

#: the reasons offered at a window: the kiosk's, less the one about the kiosk itself
WINDOW_REASONS: tuple[tuple[str, str, str], ...] = tuple(
    r for r in REASONS if r[0] != "terminal_hard"
)
_WINDOW_REASON_CODES = frozenset(code for code, _zh, _en in WINDOW_REASONS)


@dataclass(frozen=True)
class PadDetails:
    """What the citizen confirms: never the full name or number."""

    item: str
    name: str
    id_number: str


def pad_details(item_name: str, applicant: Applicant | None) -> PadDetails:
    name, number = mask_applicant(applicant)
    return PadDetails(item_name or "—", name, number)


class EvaluationRefused(IntakeError):
    """An evaluation that cannot be stored (bad level or reason, already evaluated)."""


class WindowEvaluations:
    def __init__(self, store: Store, *, clock: Callable[[], datetime] | None = None) -> None:
        self._queue = EvaluationQueue(store.db_path)
        self._clock = clock or (lambda: datetime.now(UTC))

    def evaluate(self, submission_uuid: str, receipt_no: str, rating: int,
                 reasons: tuple[str, ...] = ()) -> str:
        """Queue the citizen's evaluation of an accepted case; returns its uuid."""
        if rating not in {r.value for r in RATINGS}:
            raise EvaluationRefused("pad.rating", f"rating {rating!r} not 1-5")
        if rating > LOW_RATING and reasons:
            raise EvaluationRefused("pad.reasons", "reasons only below 3")
        unknown = set(reasons) - _WINDOW_REASON_CODES
        if unknown:
            raise EvaluationRefused("pad.reasons", f"unknown reasons {sorted(unknown)}",
                                    params={"variant": "unknown"})
        labels = {code: zh for code, zh, _en in WINDOW_REASONS}
        body: dict[str, Any] = {
            "receipt_no": receipt_no,
            "rating": rating,
            "comment": "；".join(labels[r] for r in reasons),
            "reasons": list(reasons),
            "channel": "window",
            "at": self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        try:
            uuid = self._queue.enqueue(submission_uuid, body)
        except AlreadyEvaluated as e:
            raise EvaluationRefused("pad.evaluated", "already evaluated") from e
        log.info("window evaluation %s queued (rating %d)", uuid, rating)
        return uuid

    def state_of(self, uuid: str) -> str | None:
        return self._queue.state_of(uuid)
