"""Wire bodies of P5 (supplements, 补正) and P6 (case outcomes: refusal 不予受理 and
handover 办结领取), docs/protocol.md "Closing the loop (P5, P6)".

Kept apart from :mod:`wire.schemas` so each protocol extension lives in its own module.
A delivery of either answers with a proof made exactly like the submission's (P3):
``wire.signing.delivery_proof(secret, uuid, sha256(canonical body), case_no)``; a refusal
has no case, so its proof is made over its notice number instead.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from wire.plain_text import RELATION_CHARS
from wire.schemas import (
    LegalEntityDoc,
    MaterialDoc,
    PersonDoc,
    PlainNote,
    ReceiptNo,
    ShortText,
    _Lenient,
)

#: error codes (``{"error": code}``) of P5 / P6
INVALID_SUPPLEMENT = "invalid_supplement"
INVALID_OUTCOME = "invalid_outcome"
NOTICE_NOT_YOURS = "notice_not_yours"
HANDOVER_EXISTS = "handover_exists"
NOT_READY = "not_ready"

#: ``{station_code}-BY{YYYYMMDD}-{seq}``: the number printed on a 不予受理通知书
NoticeNo = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,16}-BY[0-9]{8}-[0-9]{3,6}$")]
Uuid = Annotated[str, StringConstraints(min_length=1, max_length=64)]
ClerkId = Annotated[str, StringConstraints(max_length=64)]
_UTC_RE = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$"
Utc = Annotated[str, StringConstraints(pattern=_UTC_RE)]

# a note or reason is wire.schemas.PlainNote: plain text (wire.plain_text)

COLLECTION_METHODS = ("window", "post", "community")
Collection = Literal["window", "post", "community"]


class Supplement(_Lenient):
    """P5: pages added to a delivered case after the department asked for 补正."""

    uuid: Uuid
    submission_uuid: Uuid
    receipt_no: ReceiptNo
    clerk_id: ClerkId | None = None
    added_at: Utc
    note: PlainNote = ""
    materials: Annotated[list[MaterialDoc], Field(min_length=1, max_length=200)]
    #: P10: "commitment_form" for the applicant's signed 告知承诺书 captured after a
    #: 告知承诺制 accept (pages under the code "COMMITMENT_FORM"); absent = a 补正
    purpose: Literal["supplement", "commitment_form"] = "supplement"

    def blob_hashes(self) -> list[str]:
        return list(dict.fromkeys(p for m in self.materials for p in m.pages))


class Collector(_Lenient):
    """Who collected the result: the applicant or an agent (with the relation)."""

    role: Literal["applicant", "agent"]
    name: ShortText
    id_kind: Annotated[str, StringConstraints(min_length=1, max_length=32)] = "resident"
    id_number: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    #: "card" (read from the ID card) or "manual" (typed, original sighted)
    id_source: Literal["card", "manual"]
    relation: Annotated[str, StringConstraints(max_length=RELATION_CHARS)] = ""

    @model_validator(mode="after")
    def _agent_has_relation(self) -> Collector:
        if self.role == "agent" and not self.relation:
            raise ValueError("an agent needs the relation to the applicant")
        return self


class Refusal(_Lenient):
    """P6: an application refused at the window (不予受理); it never became a case."""

    kind: Literal["refusal"]
    uuid: Uuid
    notice_no: NoticeNo
    item_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    catalog_version: Annotated[str, StringConstraints(max_length=64)] = ""
    reason_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    reason: PlainNote = ""
    basis: PlainNote = ""
    channel: Literal["window", "kiosk"] = "window"
    clerk_id: ClerkId | None = None
    at: Utc
    applicant: Annotated[PersonDoc | LegalEntityDoc, Field(discriminator="kind")] | None = None


class Handover(_Lenient):
    """P6: the finished result handed to the citizen (办结领取)."""

    kind: Literal["handover"]
    uuid: Uuid
    submission_uuid: Uuid
    receipt_no: ReceiptNo
    clerk_id: ClerkId | None = None
    at: Utc
    collector: Collector


class OutcomeAnswer(_Lenient):
    uuid: str
    #: the case the outcome belongs to ("" for a refusal: it has none)
    case_no: str
    status: str
    #: P3-style proof; for a refusal computed with ``notice_no`` in the place of case_no
    proof: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
