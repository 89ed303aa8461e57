"""Signatures on the audit log: each entry's chain hash, HMAC'd with the station's audit key.

The SHA-256 chain (``hash = SHA-256(prev_hash || canonical row)``) shows that
no entry was changed, removed or reordered *unless the attacker recomputes the
chain*; anyone who can write the SQLite file can do that. The MAC over each
entry's hash needs ``keys/audit.key``, which is not in the database, so an
edited entry cannot be re-signed. :func:`verify_entries` names the first entry
that fails either check.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["AUDIT_KEY_FILE", "GENESIS_HASH", "AuditProblem", "entry_mac", "verify_entries"]

AUDIT_KEY_FILE = "audit.key"
GENESIS_HASH = "0" * 64
#: the columns the chain hash covers, in the order the store writes them
CHAINED_FIELDS = ("at", "actor", "action", "subject", "detail")


def entry_mac(key: bytes, entry_hash: str) -> str:
    return hmac.new(key, b"yiwang-audit\n" + entry_hash.encode("ascii"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class AuditProblem:
    entry_id: int
    reason: str  # "prev_hash", "hash", "signature"

    def describe(self) -> str:
        what = {
            "prev_hash": "does not link to the entry before it (removed or reordered)",
            "hash": "was altered after it was written (hash mismatch)",
            "signature": "is not signed with this station's audit key",
        }[self.reason]
        return f"audit entry {self.entry_id} {what}"


def verify_entries(
    rows: Iterable[Mapping[str, Any]],
    key: bytes,
    chain_hash: Callable[[str, Mapping[str, Any]], str],
) -> tuple[int, AuditProblem | None]:
    """Check rows in id order; returns (entries checked, first problem or None)."""
    prev_hash = GENESIS_HASH
    count = 0
    for r in rows:
        entry_id = int(r["id"])
        if r["prev_hash"] != prev_hash:
            return count, AuditProblem(entry_id, "prev_hash")
        if chain_hash(prev_hash, {k: r[k] for k in CHAINED_FIELDS}) != r["hash"]:
            return count, AuditProblem(entry_id, "hash")
        mac = r.get("mac")
        if not isinstance(mac, str) or not hmac.compare_digest(mac, entry_mac(key, r["hash"])):
            return count, AuditProblem(entry_id, "signature")
        prev_hash = str(r["hash"])
        count += 1
    return count, None
