"""Calls for the clerk's day (a mixin of :class:`sync.client.PlatformClient`):
deliver audit entries (P7) and pull the hall's clerk directory (P8).

Every answer is checked against ``wire.clerk_day`` before it is used; an answer
that does not check out (or whose audit proof is not made with our secret) is a
:class:`BadAnswer`: a failed attempt, retried later, nothing of it kept.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sync.client.errors import BadAnswer
from sync.client.transport import Answer
from wire.canonical import canonical_json

if TYPE_CHECKING:  # pydantic models: loaded on the first call, not at station start-up
    from wire.clerk_day import AuditAck, ClerkDirectory

__all__ = ["ClerkDayCalls"]


class ClerkDayCalls(ABC):
    @abstractmethod
    def _call(self, method: str, path: str, **kwargs: Any) -> Answer: ...

    @abstractmethod
    def _station_secret(self) -> tuple[str, str]:
        """(station id, secret) of the calling station."""

    def put_audit_entries(self, entries: Sequence[dict[str, Any]]) -> AuditAck:
        """P7: deliver audit entries (id order, continuing the chain the platform holds);
        returns its acknowledgement once the proof checks out."""
        from pydantic import ValidationError

        from wire.clerk_day import AuditAck, audit_ack_proof_ok

        body = canonical_json({"entries": list(entries)})
        answer = self._call("POST", "/v1/audit-entries", body=body,
                            headers={"Content-Type": "application/json"})
        try:
            ack = AuditAck.model_validate(answer.data)
        except ValidationError as e:
            raise BadAnswer("audit answer does not follow the protocol",
                            code="bad_answer") from e
        station_id, secret = self._station_secret()
        if not audit_ack_proof_ok(secret, station_id, ack.high, ack.hash, ack.proof):
            raise BadAnswer("audit answer without a valid proof", code="bad_proof")
        return ack

    def clerk_directory(self) -> ClerkDirectory:
        """P8: the clerks the platform holds for this station (PIN hashes only)."""
        from pydantic import ValidationError

        from wire.clerk_day import ClerkDirectory

        answer = self._call("GET", "/v1/stations/me/clerks")
        try:
            return ClerkDirectory.model_validate(answer.data)
        except ValidationError as e:
            raise BadAnswer("clerk directory does not follow the protocol",
                            code="bad_answer") from e
