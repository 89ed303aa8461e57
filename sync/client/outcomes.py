"""P5 / P6 calls of the platform client: supplements (补正) and case outcomes (不予受理,
办结领取), docs/protocol.md "Closing the loop (P5, P6)".

A mixin of :class:`sync.client.PlatformClient` (it needs the client's ``_call`` and
credentials). Like a submission, an answer counts as delivery only when its proof
verifies; anything else is a :class:`BadAnswer` (a failed attempt, retried).
"""

from __future__ import annotations

import hashlib
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sync.client.errors import BadAnswer
from sync.client.transport import Answer
from wire.canonical import canonical_json
from wire.plain_text import is_plain_line
from wire.signing import delivery_proof_ok

if TYPE_CHECKING:
    from sync.client.platform_client import StationCredentials

__all__ = ["CaseOutcomeCalls", "OutcomeDelivery"]

_PROOF = re.compile(r"[0-9a-f]{64}")



@dataclass(frozen=True)
class OutcomeDelivery:
    uuid: str
    case_no: str  # "" for a refusal
    status: str


class CaseOutcomeCalls(ABC):
    credentials: StationCredentials

    @abstractmethod
    def _call(self, method: str, path: str, **kwargs: Any) -> Answer: ...

    def put_supplement(self, uuid: str, body: dict[str, Any]) -> OutcomeDelivery:
        """P5: pages added to a delivered case; idempotent per uuid and body."""
        return self._put("supplements", uuid, body, proof_ref=None)

    def put_outcome(self, uuid: str, body: dict[str, Any]) -> OutcomeDelivery:
        """P6: a refusal (proof over its notice number) or a handover (over the case)."""
        ref = str(body.get("notice_no", "")) if body.get("kind") == "refusal" else None
        return self._put("outcomes", uuid, body, proof_ref=ref)

    def _put(self, what: str, uuid: str, body: dict[str, Any], *, proof_ref: str | None
             ) -> OutcomeDelivery:
        raw = canonical_json(body)
        answer = self._call("PUT", f"/v1/{what}/{quote(uuid, safe='')}", body=raw,
                            headers={"Content-Type": "application/json"})
        data = answer.data
        if not isinstance(data, dict):
            raise BadAnswer(f"{what} answer is not a JSON object")
        case_no, status, proof = data.get("case_no"), data.get("status"), data.get("proof")
        if not (isinstance(case_no, str) and len(case_no) <= 64
                and isinstance(status, str) and len(status) <= 32):
            raise BadAnswer(f"{what} answer is malformed")
        if not (is_plain_line(case_no) and is_plain_line(status)):
            # stored as the case's platform status and shown to the clerk (found by review)
            raise BadAnswer(f"{what} answer carries control or bidi characters")
        if data.get("uuid") != uuid:
            raise BadAnswer(f"{what} answer names another uuid")
        if proof_ref is None:
            if not case_no:
                raise BadAnswer(f"{what} answer carries no case number")
            proof_ref = case_no
        if not isinstance(proof, str) or not _PROOF.fullmatch(proof) or not delivery_proof_ok(
            self.credentials.secret, uuid, hashlib.sha256(raw).hexdigest(), proof_ref, proof
        ):
            raise BadAnswer(f"{what} answer's delivery proof is missing or wrong",
                            code="bad_proof")
        return OutcomeDelivery(uuid, case_no, status)
