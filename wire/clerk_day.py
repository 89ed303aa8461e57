"""The clerk's day on the wire: audit entries (P7) and the hall's clerk directory (P8).

P7 — a station delivers its hash-chained audit log: ``POST /v1/audit-entries``
``{"entries": [...]}`` in id order. The platform recomputes each entry's chain hash
(:func:`audit_entry_hash`, the same as the station's), requires the first new entry
to link to the last one it holds for that station (or to :data:`GENESIS_HASH`), and
answers with the new high-water mark and a proof only the station's secret can make
(:func:`audit_ack_proof`), so a station moves its mark only on a genuine answer.

P8 — the platform holds the clerks of each station (an admin sets them per station
code); a station pulls them with ``GET /v1/stations/me/clerks``. PINs travel and are
stored only as argon2id hashes (``$argon2id$...``), never as digits.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from wire.canonical import canonical_json
from wire.pin_hash import argon2id_cost_ok
from wire.plain_text import is_plain_line, line_check

__all__ = [
    "AUDIT_BATCH",
    "AUDIT_CONFLICT",
    "AUDIT_GAP",
    "AUDIT_HASH_MISMATCH",
    "GENESIS_HASH",
    "INVALID_AUDIT",
    "INVALID_CLERKS",
    "AuditAck",
    "AuditBatch",
    "AuditEntry",
    "ClerkDirectory",
    "DirectoryClerk",
    "audit_ack_proof",
    "audit_ack_proof_ok",
    "audit_entry_hash",
]

#: entries per request at most (about 100 KiB of JSON)
AUDIT_BATCH = 200
GENESIS_HASH = "0" * 64

# error codes (X-Yiwang-Error)
INVALID_AUDIT = "invalid_audit"
AUDIT_GAP = "audit_gap"  # 422: the first new entry does not link to the platform's last
AUDIT_HASH_MISMATCH = "audit_hash_mismatch"  # 422: an entry's hash is not its content's
AUDIT_CONFLICT = "audit_conflict"  # 409: an entry the platform holds, with another hash
INVALID_CLERKS = "invalid_clerks"

Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
ClerkId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,32}$")]
#: argon2id only, in its PHC string form; nothing else is a PIN on the wire
Argon2idHash = Annotated[
    str, StringConstraints(pattern=r"^\$argon2id\$v=19\$m=\d{1,7},t=\d{1,3},p=\d{1,3}"
                                   r"\$[A-Za-z0-9+/]{8,128}\$[A-Za-z0-9+/]{16,128}$")
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AuditEntry(_Strict):
    """One audit log row as the station wrote it; ``mac`` is the station's own
    signature (its audit key never leaves the station), kept for an auditor."""

    id: Annotated[int, Field(ge=1, strict=True)]
    at: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    actor: Annotated[
        str, StringConstraints(min_length=1, max_length=64), AfterValidator(line_check)
    ]
    action: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    subject: Annotated[str, StringConstraints(max_length=200)] | None = None
    detail: Annotated[str, StringConstraints(max_length=4000)]
    prev_hash: Hex64
    hash: Hex64
    mac: Hex64

    def chained(self) -> dict[str, Any]:
        return {"at": self.at, "actor": self.actor, "action": self.action,
                "subject": self.subject, "detail": self.detail}


class AuditBatch(_Strict):
    entries: Annotated[list[AuditEntry], Field(min_length=1, max_length=AUDIT_BATCH)]


class AuditAck(_Strict):
    ok: bool
    stored: int
    high: int
    hash: Hex64
    proof: Hex64


class DirectoryClerk(_Strict):
    clerk_id: ClerkId
    name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    role: Literal["clerk", "admin"] = "clerk"
    pin_hash: Argon2idHash
    active: bool = True
    #: the PIN was set by an admin: the clerk must choose a new one at the next sign-in
    must_change_pin: bool = True


    @field_validator("pin_hash")
    @classmethod
    def _affordable(cls, value: str) -> str:
        if not argon2id_cost_ok(value):
            raise ValueError("argon2id parameters outside what a station verifies")
        return value

    @field_validator("name")
    @classmethod
    def _printable(cls, value: str) -> str:
        # control, bidi and invisible characters (Hangul fillers, variation selectors,
        # combining floods: wire.plain_text) are never a name, nor blanks alone
        if not (value.isprintable() and is_plain_line(value) and value.strip()):
            raise ValueError("a clerk name is printable text")
        return value


class ClerkDirectory(_Strict):
    version: Annotated[int, Field(ge=0, strict=True)] = 0
    clerks: Annotated[list[DirectoryClerk], Field(max_length=500)]


def audit_entry_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    """``SHA-256(prev_hash || canonical JSON of {at, actor, action, subject, detail})``."""
    return hashlib.sha256(prev_hash.encode("utf-8") + canonical_json(dict(row))).hexdigest()


def audit_ack_proof(secret: bytes | str, station_id: str, high: int, entry_hash: str) -> str:
    """HMAC-SHA256(station secret, ``"yiwang-audit-ack\\n{station_id}\\n{high}\\n{hash}"``)."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    message = "\n".join(["yiwang-audit-ack", station_id, str(high), entry_hash])
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def audit_ack_proof_ok(
    secret: bytes | str, station_id: str, high: int, entry_hash: str, proof: str
) -> bool:
    expected = audit_ack_proof(secret, station_id, high, entry_hash)
    return hmac.compare_digest(expected.encode("ascii"), proof.encode("utf-8", "replace"))
