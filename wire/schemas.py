"""Request and answer bodies of the sync protocol (pydantic): the platform validates what
it receives with them, the station may validate what it is answered; docs/openapi.json is
generated from them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from wire.plain_text import NOTE_CHARS, note_check

Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Note = Annotated[str, StringConstraints(max_length=NOTE_CHARS)]
#: free text a person reads: plain text (wire.plain_text), line feeds and tabs allowed
PlainNote = Annotated[
    str, StringConstraints(max_length=NOTE_CHARS), AfterValidator(note_check)
]
#: an evaluation reason (GB/T 39734 kinds, e.g. "attitude_poor")
ReasonCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
ReceiptNo = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,16}-[0-9]{8}-[0-9]{4,6}$")]
StationCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,16}$")]

PLATFORM_STATUSES = ("受理", "审核中", "补正", "办结", "不予许可")
AdminStatus = Literal["审核中", "补正", "办结", "不予许可"]
#: what a station accepts as a status (docs/protocol.md): 1-32 characters, no C0/C1 controls
STATUS_MAX_LENGTH = 32
_ADMIN_STATUSES: tuple[str, ...] = get_args(AdminStatus)
_CONTROLS = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)))


class _Lenient(BaseModel):
    """Unknown keys are ignored (forward compatible) but still part of the replay hash."""

    model_config = ConfigDict(extra="ignore")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrollRequest(_Strict):
    code: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    station_code: StationCode
    role: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]


class EnrollAnswer(BaseModel):
    station_id: str
    secret: str
    #: P2: the highest receipt number the platform holds for this station code, or null
    receipt_high: str | None = None


class PersonDoc(_Lenient):
    kind: Literal["person"] = "person"
    name: ShortText
    id_number: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    gender: Annotated[str, StringConstraints(max_length=8)] = ""
    nation: Annotated[str, StringConstraints(max_length=32)] = ""
    birth_date: str | None = None
    address: Annotated[str, StringConstraints(max_length=500)] = ""
    id_kind: Annotated[str, StringConstraints(max_length=32)] = "resident"

    @field_validator("birth_date")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v:
            date.fromisoformat(v)
        return v


class LegalEntityDoc(_Lenient):
    kind: Literal["legal"]
    name: ShortText
    credit_code: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    representative: PersonDoc


class MaterialDoc(_Lenient):
    code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    pages: Annotated[list[Sha256Hex], Field(min_length=1, max_length=500)]


class AcceptanceDoc(_Lenient):
    """How a submission was accepted with a required material absent (protocol.md,
    "Acceptance modes"): 容缺受理 owes materials by ``due``; 告知承诺制 replaces them."""

    mode: Literal["deficiency", "commitment"]
    materials: Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=64)]],
                         Field(min_length=1, max_length=200)]
    due: str | None = None

    @field_validator("due")
    @classmethod
    def _iso_due(cls, v: str | None) -> str | None:
        if v is not None:
            date.fromisoformat(v)
        return v


class Manifest(_Lenient):
    """The submission manifest (docs/interfaces.md, "The submission manifest")."""

    uuid: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    receipt_no: ReceiptNo
    item_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    catalog_version: Annotated[str, StringConstraints(max_length=64)]
    channel: Literal["window", "kiosk"]
    clerk_id: Annotated[str, StringConstraints(max_length=64)] | None = None
    accepted_at: str
    applicant: Annotated[PersonDoc | LegalEntityDoc, Field(discriminator="kind")]
    materials: Annotated[list[MaterialDoc], Field(max_length=200)]
    #: how the result is collected, chosen at intake (absent in older manifests)
    collection: Literal["window", "post", "community"] | None = None
    acceptance: AcceptanceDoc | None = None

    @field_validator("accepted_at")
    @classmethod
    def _iso_datetime(cls, v: str) -> str:
        parsed = datetime.fromisoformat(v.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            raise ValueError("accepted_at must carry a time zone (UTC 'Z')")
        return v

    def blob_hashes(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.materials:
            for page in m.pages:
                seen.setdefault(page, None)
        return list(seen)


class Delivery(BaseModel):
    case_no: str
    status: str
    receipt_no: str
    #: P3: wire.signing.delivery_proof(secret, uuid, sha256(canonical manifest), case_no)
    proof: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class StatusEventDoc(BaseModel):
    #: P1: the platform's event id (positive, unique, increasing); de-duplicate by it
    id: Annotated[int, Field(ge=1)]
    uuid: str
    receipt_no: str
    case_no: str
    status: str
    note: str
    missing_materials: list[str]
    at: str


class StatusUpdates(BaseModel):
    events: list[StatusEventDoc]
    cursor: str | None


class Evaluation(_Lenient):
    """A service evaluation (好差评) for one case."""

    receipt_no: ReceiptNo
    rating: Annotated[int, Field(ge=1, le=5, strict=True)]
    comment: PlainNote = ""
    #: the reasons chosen for a low rating (codes; ``comment`` is their wording)
    reasons: Annotated[list[ReasonCode], Field(max_length=10)] = []
    channel: Literal["window", "kiosk"] = "kiosk"
    at: str | None = None


class StatusChange(_Strict):
    status: Annotated[str, StringConstraints(min_length=1, max_length=STATUS_MAX_LENGTH)]
    note: Note = ""
    missing_materials: Annotated[list[ShortText], Field(max_length=100)] = []
    #: reference platform only: set a status outside the documented set (any text a
    #: station accepts), to play a platform that adds statuses of its own
    undocumented: bool = False

    @model_validator(mode="after")
    def _allowed_status(self) -> StatusChange:
        if self.undocumented:
            if any(ch in _CONTROLS for ch in self.status):
                raise ValueError("status must not hold control characters")
        elif self.status not in _ADMIN_STATUSES:
            raise ValueError(f"status must be one of {', '.join(_ADMIN_STATUSES)}"
                             " (or set undocumented)")
        return self


class CatalogDoc(_Lenient):
    version: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    items: list[dict[str, object]]


class EnrollmentCodes(_Strict):
    """Either ``codes`` (chosen by the admin) or ``count`` codes the platform makes (the
    default: one). ``replace_station_code`` makes codes that enroll only that station
    code and replace (revoke) the station holding it."""

    codes: (
        Annotated[
            list[Annotated[str, StringConstraints(min_length=1, max_length=128)]],
            Field(min_length=1, max_length=1000),
        ]
        | None
    ) = None
    count: Annotated[int, Field(ge=1, le=100, strict=True)] | None = None
    ttl_hours: Annotated[float, Field(gt=0, le=24 * 365)] = 72
    replace_station_code: StationCode | None = None


class EnrollmentCodesAnswer(BaseModel):
    ok: bool
    added: int
    #: the codes the platform made (empty when the admin chose them)
    codes: list[str]
    expires_at: str


class StationSubmission(BaseModel):
    uuid: str
    receipt_no: str
    case_no: str
    status: str
    received_at: str
    manifest: dict[str, object]


class StationSubmissions(BaseModel):
    """P4: what the platform holds for the calling station (``yiwang recover``)."""

    submissions: list[StationSubmission]
    #: pass as ``after`` for the next page; null when this was the last page
    cursor: str | None


class AdminBlob(BaseModel):
    sha256: str
    present: bool
    verified: bool


class AdminSubmission(BaseModel):
    uuid: str
    receipt_no: str
    station_id: str
    case_no: str
    status: str
    created_at: str
    blobs: list[AdminBlob]


class ErrorBody(BaseModel):
    error: str
    detail: object = None


class HeartbeatAnswer(BaseModel):
    ok: bool
    server_time: str
