"""The platform's answers checked against the protocol before anything is used.

Every check is on types, lengths and allowed values (docs/protocol.md); a page of
status events is taken whole or not at all. A failed check raises
:class:`BadAnswer` (a failed attempt, retried later): nothing of a bad answer is
stored. A status outside the documented set is kept exactly as received (the
platform may add one): the store flags it in the log once, the UI shows it as plain
text, neutrally.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from intake.platform_status import DOCUMENTED_STATUSES
from sync.client.errors import BadAnswer
from wire.plain_text import plain
from wire.receipts import RECEIPT_RE
from wire.signing import delivery_proof_ok

__all__ = [
    "KNOWN_STATUSES",
    "BlobState",
    "Delivery",
    "StatusEvent",
    "check_catalog",
    "check_delivery",
    "check_enrollment",
    "check_receipt_high",
    "check_status_page",
    "header_int",
]

log = logging.getLogger(__name__)

KNOWN_STATUSES = frozenset(DOCUMENTED_STATUSES)
#: a status is text of 1-32 characters without control characters (docs/protocol.md)
STATUS_MAX_LENGTH = 32
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_PROOF = re.compile(r"^[0-9a-f]{64}$")
#: C0/C1 control characters (and DEL); a newline is allowed in notes only
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NOTE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible, reordering and non-text characters and combining floods (wire.plain_text,
# the one rule) make text read otherwise than it is stored. A note (free text a
# department typed, often pasted) is stripped of them at the door: it says the same
# without them, and one stray mark does not hold back the status stream behind it. A
# status is kept exactly as received (docs/protocol.md: any 1-32 characters without
# controls) and cleaned where it is shown (intake.display_text), as before.
MAX_EVENTS_SLACK = 0  # a page holds at most the ``limit`` asked for


@dataclass(frozen=True)
class BlobState:
    complete: bool
    offset: int
    exists: bool = True
    length: int | None = None


@dataclass(frozen=True)
class Delivery:
    case_no: str
    status: str
    receipt_no: str = ""


@dataclass(frozen=True)
class StatusEvent:
    uuid: str
    case_no: str
    status: str
    note: str = ""
    missing_materials: tuple[str, ...] = ()
    at: str = ""
    receipt_no: str = ""
    #: the platform's own event id (P1); None from a platform that sends none
    event_id: int | None = None


def _text(doc: dict[str, Any], key: str, *, max_len: int, required: bool = True,
          min_len: int = 0, note: bool = False) -> str:
    value = doc.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise BadAnswer(f"answer field {key!r} is not text")
    if not min_len <= len(value) <= max_len:
        raise BadAnswer(f"answer field {key!r} has {len(value)} characters "
                        f"(allowed {min_len}-{max_len})")
    if (_NOTE_CONTROL if note else _CONTROL).search(value):
        raise BadAnswer(f"answer field {key!r} holds control characters")
    if note:
        value = plain(value)
    return value


def _timestamp(doc: dict[str, Any], key: str) -> str:
    value = _text(doc, key, max_len=40, required=False)
    if value:
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise BadAnswer(f"answer field {key!r} is not an ISO 8601 time") from None
    return value


def _positive_int(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
        raise BadAnswer(f"answer field {key!r} is not a positive integer")
    return value


def _event(doc: Any) -> StatusEvent:
    if not isinstance(doc, dict):
        raise BadAnswer("a status event is not an object")
    uuid = _text(doc, "uuid", max_len=36)
    if not _UUID.match(uuid):
        raise BadAnswer("a status event's uuid is not a UUID")
    # an undocumented status is kept as it came; the store flags it once (sync.store)
    status = _text(doc, "status", min_len=1, max_len=STATUS_MAX_LENGTH)
    missing = doc.get("missing_materials") or []
    if not (isinstance(missing, list) and len(missing) <= 100
            and all(isinstance(m, str) and 0 < len(m) <= 200 and not _CONTROL.search(m)
                    for m in missing)):
        raise BadAnswer("a status event's missing_materials is not a short list of codes")
    receipt_no = _text(doc, "receipt_no", max_len=40, required=False)
    if receipt_no and not RECEIPT_RE.fullmatch(receipt_no):
        raise BadAnswer("a status event's receipt_no is malformed")
    return StatusEvent(
        uuid=uuid,
        case_no=_text(doc, "case_no", max_len=64, required=False),
        status=status,
        note=_text(doc, "note", max_len=2000, required=False, note=True),
        missing_materials=tuple(missing),
        at=_timestamp(doc, "at"),
        receipt_no=receipt_no,
        event_id=_positive_int(doc.get("id"), "id"),
    )


def check_status_page(data: Any, *, limit: int, after: str | None
                      ) -> tuple[list[StatusEvent], str | None]:
    """``{"events": [...], "cursor": str | null}`` → (events, next cursor)."""
    if not (isinstance(data, dict) and isinstance(data.get("events"), list)):
        raise BadAnswer("malformed status-updates answer")
    raw = data["events"]
    if len(raw) > limit + MAX_EVENTS_SLACK:
        raise BadAnswer(f"status page holds {len(raw)} events, {limit} were asked for")
    events = [_event(e) for e in raw]
    ids = [e.event_id for e in events]
    if len(set(ids)) != len(ids):
        raise BadAnswer("a status page repeats an event id")
    cursor = data.get("cursor")
    if cursor is None:
        return events, after
    if not isinstance(cursor, str) or not 0 < len(cursor) <= 200 or _CONTROL.search(cursor):
        raise BadAnswer("status-updates cursor is malformed")
    return events, cursor


def check_delivery(data: Any, *, secret: str, uuid: str, body_sha256: str,
                   receipt_no: str) -> Delivery:
    """The answer to ``PUT /v1/submissions/{uuid}``, with its delivery proof (P3)
    checked: only the platform holding our secret can have made it for this very
    manifest and case number."""
    if not isinstance(data, dict):
        raise BadAnswer("submission answer is not a JSON object")
    case_no = _text(data, "case_no", min_len=1, max_len=64)
    status = _text(data, "status", max_len=STATUS_MAX_LENGTH, required=False)
    answered_receipt = _text(data, "receipt_no", max_len=40, required=False)
    if answered_receipt and answered_receipt != receipt_no:
        raise BadAnswer("submission answer names another receipt number")
    proof = data.get("proof")
    if not isinstance(proof, str) or not _PROOF.match(proof):
        raise BadAnswer("submission answer carries no delivery proof", code="bad_proof")
    if not delivery_proof_ok(secret, uuid, body_sha256, case_no, proof):
        raise BadAnswer("submission answer's delivery proof is wrong", code="bad_proof")
    return Delivery(case_no, status, answered_receipt or receipt_no)


def check_catalog(data: Any) -> dict[str, Any]:
    """Shape only; ``intake.catalog.Catalog.from_dict`` checks the content."""
    if not isinstance(data, dict):
        raise BadAnswer("catalog answer is not a JSON object")
    _text(data, "version", min_len=1, max_len=64)
    items = data.get("items")
    if not isinstance(items, list) or len(items) > 5000:
        raise BadAnswer("catalog items are not a list of at most 5000")
    return data


def check_enrollment(data: Any) -> tuple[str, str, str | None]:
    """(station_id, secret, receipt_high) of an enrollment answer."""
    if not isinstance(data, dict):
        raise BadAnswer("enrollment answer is not a JSON object")
    station_id = _text(data, "station_id", min_len=1, max_len=128)
    secret = _text(data, "secret", min_len=16, max_len=512)
    if not secret.isascii():
        raise BadAnswer("enrollment secret is not ASCII")
    high = data.get("receipt_high")
    return station_id, secret, check_receipt_high(high) if isinstance(high, str) else None


def check_receipt_high(value: str | None) -> str | None:
    """A receipt high-water mark (P2) as sent, or None when empty or malformed."""
    if not value:
        return None
    value = value.strip()
    if len(value) > 40 or not RECEIPT_RE.fullmatch(value):
        log.warning("platform sent a malformed receipt high-water mark; ignored")
        return None
    return value


def header_int(headers: Any, name: str) -> int | None:
    """A non-negative integer header (at most 15 digits), else None."""
    value = str(headers.get(name) or "")
    return int(value) if value.isdigit() and len(value) <= 15 else None
