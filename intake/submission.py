"""Drafts (what the clerk is assembling) and submissions (办件, what was accepted).

A :class:`Draft` is the mutable working state at the window. Once accepted, the
store turns it into an immutable :class:`Submission` with a receipt number; its
:meth:`Submission.manifest` is the exact JSON the platform receives, so it must
be canonical and round-trip losslessly through :meth:`Submission.from_manifest`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from intake.acceptance import Acceptance
from intake.applicant import Applicant, LegalEntity, Person, applicant_from_dict, applicant_to_dict
from intake.catalog import Entrance, Material, ServiceItem
from intake.errors import ApplicantMismatch, DraftError, IntakeError, InvalidManifest

__all__ = [
    "CapturedMaterial",
    "Channel",
    "Draft",
    "Submission",
    "check_applicant_for_item",
    "format_utc",
    "missing_materials",
    "parse_utc",
]

_SHA256 = re.compile(r"[0-9a-f]{64}")
# The uuid is used in platform URL paths; keep it to URL-safe ASCII.
_UUID = re.compile(r"[A-Za-z0-9-]{1,64}")
_UTC_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z")
_MANIFEST_KEYS = frozenset(
    {
        "uuid",
        "receipt_no",
        "item_code",
        "catalog_version",
        "channel",
        "clerk_id",
        "accepted_at",
        "applicant",
        "materials",
    }
)
#: optional manifest keys: present only when they say something (older manifests unchanged)
_MANIFEST_OPTIONAL_KEYS = frozenset({"collection", "acceptance"})
#: how the citizen collects the result (chosen at intake): window pickup, post, community
COLLECTION_METHODS = ("window", "post", "community")


class Channel(StrEnum):
    WINDOW = "window"  # 窗口, a clerk accepted it
    KIOSK = "kiosk"  # 自助终端, self-service


@dataclass(frozen=True, slots=True)
class LicenceRef:
    """A material taken from the platform's electronic licence library (电子证照, P9):
    its page is the licence as the platform rendered it, no paper was handed in."""

    licence_id: str
    kind: str
    number: str
    issuer: str

    def to_dict(self) -> dict[str, str]:
        return {"licence_id": self.licence_id, "kind": self.kind, "number": self.number,
                "issuer": self.issuer}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CapturedMaterial:
    material_code: str
    pages: tuple[str, ...]  # blob SHA-256 hex, in page order
    # where the page came from does not make two acceptances differ (an accept replay
    # compares materials rebuilt from the page table); the sealed manifest keeps it
    licence: LicenceRef | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pages", tuple(self.pages))

    def to_manifest(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"code": self.material_code, "pages": list(self.pages)}
        if self.licence is not None:
            doc["electronic_licence"] = self.licence.to_dict()
        return doc


def missing_materials(item: ServiceItem, pages: Mapping[str, Sequence[str]]) -> list[Material]:
    """Required materials of ``item`` that have no captured page, in catalog order."""
    return [m for m in item.required_materials if not pages.get(m.code)]


def check_applicant_for_item(item: ServiceItem, applicant: Applicant) -> None:
    """Raise ``ApplicantMismatch`` when the applicant's kind does not fit the item's entrance."""
    if item.entrance is Entrance.LEGAL and not isinstance(applicant, LegalEntity):
        raise ApplicantMismatch(
            "applicant.needs_legal_entity",
            f"{item.code} is a legal-entity item; the applicant must be a legal entity",
            params={"item": item.name_zh, "item_en": item.name_en},
        )
    if item.entrance is Entrance.PERSONAL and not isinstance(applicant, Person):
        raise ApplicantMismatch(
            "applicant.needs_person",
            f"{item.code} is a personal item; the applicant must be a person",
            params={"item": item.name_zh, "item_en": item.name_en},
        )


def _normalise_sha(sha256: str) -> str:
    text = sha256.strip().lower()
    if _SHA256.fullmatch(text) is None:
        raise DraftError(
            "draft.bad_page",
            f"page reference must be a SHA-256 hex digest, got {sha256!r}",
        )
    return text


@dataclass
class Draft:
    """Mutable builder for one submission at the window or kiosk."""

    item: ServiceItem
    applicant: Applicant | None = None
    pages: dict[str, list[str]] = field(default_factory=dict)
    # material code -> (page, licence) for pages taken from the electronic licence library
    licences: dict[str, tuple[str, LicenceRef]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.applicant is not None:
            check_applicant_for_item(self.item, self.applicant)
        for code, shas in self.pages.items():
            self.item.material(code)
            self.pages[code] = [_normalise_sha(s) for s in shas]

    def set_applicant(self, applicant: Applicant | None) -> None:
        if applicant is not None:
            check_applicant_for_item(self.item, applicant)
        self.applicant = applicant

    def add_page(self, material_code: str, sha256: str) -> bool:
        """Add a page; return False (and change nothing) if it is already in that material.

        Idempotent rather than an error: blobs are content-addressed, so a re-shot
        identical frame or a double-fired capture is the same page, not a second one.
        """
        self.item.material(material_code)
        sha = _normalise_sha(sha256)
        pages = self.pages.setdefault(material_code, [])
        if sha in pages:
            return False
        pages.append(sha)
        return True

    def remove_page(self, material_code: str, sha256: str) -> None:
        sha = _normalise_sha(sha256)
        pages = self.pages.get(material_code)
        if not pages or sha not in pages:
            raise DraftError(
                "draft.no_such_page",
                f"page {sha[:12]} is not in material {material_code}",
            )
        pages.remove(sha)
        if not pages:
            # An empty list must not linger: the material would look captured.
            del self.pages[material_code]

    def missing_materials(self) -> list[Material]:
        return missing_materials(self.item, self.pages)

    @property
    def is_complete(self) -> bool:
        try:
            self.check_complete()
        except IntakeError:
            return False
        return True

    def check_complete(self, excused: Sequence[str] = ()) -> None:
        """Raise an ``IntakeError`` explaining why the draft cannot be accepted yet;
        ``excused`` material codes may be missing (容缺受理, 告知承诺制)."""
        if self.applicant is None:
            raise DraftError(
                "draft.no_applicant", "the draft has no applicant",
            )
        check_applicant_for_item(self.item, self.applicant)
        missing = [m for m in self.missing_materials() if m.code not in excused]
        if missing:
            raise DraftError(
                "draft.missing_materials",
                "missing required materials: " + ", ".join(m.code for m in missing),
                params={
                    "materials": "、".join(m.name_zh for m in missing),
                    "materials_en": ", ".join(m.name_en for m in missing),
                },
            )

    def captured_materials(self) -> tuple[CapturedMaterial, ...]:
        """Captured materials in catalog order (what ``Store.accept`` takes)."""
        return tuple(
            CapturedMaterial(m.code, tuple(self.pages[m.code]), self._licence(m.code))
            for m in self.item.materials
            if self.pages.get(m.code)
        )

    def _licence(self, code: str) -> LicenceRef | None:
        page, licence = self.licences.get(code, ("", None))
        return licence if page in self.pages.get(code, ()) else None

    @property
    def blob_hashes(self) -> list[str]:
        return _unique_pages(self.captured_materials())


def _unique_pages(materials: Sequence[CapturedMaterial]) -> list[str]:
    # The same photographed page may legitimately serve two materials; it is
    # one blob and must be uploaded once.
    return list(dict.fromkeys(sha for m in materials for sha in m.pages))


def format_utc(moment: datetime) -> str:
    """``2026-11-25T08:00:00Z``; microseconds only when present, so nothing is lost."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise _bad_manifest("a timestamp must be timezone-aware")
    naive_utc = moment.astimezone(UTC).replace(tzinfo=None)
    # isoformat, not strftime: it always pads the year to four digits.
    timespec = "microseconds" if naive_utc.microsecond else "seconds"
    return naive_utc.isoformat(timespec=timespec) + "Z"


def parse_utc(text: str) -> datetime:
    if not isinstance(text, str) or _UTC_TEXT.fullmatch(text) is None:
        raise _bad_manifest(f"accepted_at {text!r} is not an ISO 8601 UTC time ending in Z")
    try:
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    except ValueError:
        raise _bad_manifest(f"accepted_at {text!r} is not a valid time") from None


def _bad_manifest(detail_en: str) -> InvalidManifest:
    return InvalidManifest("manifest.malformed", detail_en)


@dataclass(frozen=True, slots=True)
class Submission:
    uuid: str
    receipt_no: str
    item_code: str
    catalog_version: str
    applicant: Applicant
    materials: tuple[CapturedMaterial, ...]
    channel: Channel
    clerk_id: str | None
    accepted_at: datetime
    #: result collection chosen at intake (COLLECTION_METHODS); None = not recorded
    collection: str | None = None
    #: 容缺受理 / 告知承诺制; None = every required material was received
    acceptance: Acceptance | None = None

    def __post_init__(self) -> None:
        if _UUID.fullmatch(self.uuid) is None:
            raise _bad_manifest(f"uuid {self.uuid!r} must be 1-64 letters, digits or '-'")
        for name in ("receipt_no", "item_code", "catalog_version"):
            if not getattr(self, name):
                raise _bad_manifest(f"{name} must not be empty")
        if self.accepted_at.tzinfo is None or self.accepted_at.utcoffset() is None:
            # A naive time is ambiguous across the station's and platform's clocks.
            raise _bad_manifest("accepted_at must be timezone-aware")
        object.__setattr__(self, "accepted_at", self.accepted_at.astimezone(UTC))
        try:
            object.__setattr__(self, "channel", Channel(self.channel))
        except ValueError:
            raise _bad_manifest(f"unknown channel {self.channel!r}") from None
        if self.collection is not None and self.collection not in COLLECTION_METHODS:
            raise _bad_manifest(f"unknown collection method {self.collection!r}")
        materials = tuple(self.materials)
        object.__setattr__(self, "materials", materials)
        codes = [m.material_code for m in materials]
        if len(set(codes)) != len(codes):
            raise _bad_manifest("material codes must be unique")
        for m in materials:
            if not m.pages:
                raise _bad_manifest(f"material {m.material_code} has no pages")
            for sha in m.pages:
                if _SHA256.fullmatch(sha) is None:
                    raise _bad_manifest(f"page {sha!r} is not a lower-case SHA-256 hex digest")

    @property
    def blob_hashes(self) -> list[str]:
        """Every page, in order, each blob once."""
        return _unique_pages(self.materials)

    def manifest(self) -> dict[str, Any]:
        """The JSON-safe manifest PUT to the platform (docs/interfaces.md)."""
        manifest: dict[str, Any] = {
            "uuid": self.uuid,
            "receipt_no": self.receipt_no,
            "item_code": self.item_code,
            "catalog_version": self.catalog_version,
            "channel": self.channel.value,
            "clerk_id": self.clerk_id,
            "accepted_at": format_utc(self.accepted_at),
            "applicant": applicant_to_dict(self.applicant),
            "materials": [m.to_manifest() for m in self.materials],
        }
        if self.collection is not None:
            manifest["collection"] = self.collection
        if self.acceptance is not None:
            manifest["acceptance"] = self.acceptance.to_dict()
        return manifest

    @classmethod
    def from_manifest(cls, d: Mapping[str, Any]) -> Submission:
        """Inverse of :meth:`manifest`; raises ``InvalidManifest`` (an ``IntakeError``)."""
        if not isinstance(d, Mapping):
            raise _bad_manifest("manifest must be an object")
        missing = _MANIFEST_KEYS - d.keys()
        if missing:
            raise _bad_manifest(f"manifest is missing {sorted(missing)}")
        extra = d.keys() - _MANIFEST_KEYS - _MANIFEST_OPTIONAL_KEYS
        if extra:
            raise _bad_manifest(f"manifest has unknown keys {sorted(extra)}")
        for key in ("uuid", "receipt_no", "item_code", "catalog_version", "channel"):
            if not isinstance(d[key], str):
                raise _bad_manifest(f"{key} must be a string")
        clerk_id = d["clerk_id"]
        if clerk_id is not None and not isinstance(clerk_id, str):
            raise _bad_manifest("clerk_id must be a string or null")
        collection = d.get("collection")
        if collection is not None and not isinstance(collection, str):
            raise _bad_manifest("collection must be a string")
        applicant = d["applicant"]
        if not isinstance(applicant, Mapping):
            raise _bad_manifest("applicant must be an object")
        return cls(
            uuid=d["uuid"],
            receipt_no=d["receipt_no"],
            item_code=d["item_code"],
            catalog_version=d["catalog_version"],
            applicant=applicant_from_dict(applicant),
            materials=_materials_from_manifest(d["materials"]),
            channel=d["channel"],  # coerced and checked by __post_init__
            clerk_id=clerk_id,
            accepted_at=parse_utc(d["accepted_at"]),
            collection=collection,
            acceptance=Acceptance.from_dict(d["acceptance"]) if "acceptance" in d else None,
        )


def _materials_from_manifest(raw: object) -> tuple[CapturedMaterial, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise _bad_manifest("materials must be a list")
    out: list[CapturedMaterial] = []
    for entry in raw:
        if not isinstance(entry, Mapping) or not (
            {"code", "pages"} <= set(entry.keys()) <= {"code", "pages", "electronic_licence"}
        ):
            raise _bad_manifest("each material must be an object with 'code' and 'pages'")
        code, pages = entry["code"], entry["pages"]
        if not isinstance(code, str) or not code:
            raise _bad_manifest("material code must be a non-empty string")
        if (
            not isinstance(pages, Sequence)
            or isinstance(pages, str)
            or not all(isinstance(p, str) for p in pages)
        ):
            raise _bad_manifest(f"pages of material {code} must be a list of strings")
        out.append(CapturedMaterial(code, tuple(pages), _licence_from(entry)))
    return tuple(out)


def _licence_from(entry: Mapping[str, Any]) -> LicenceRef | None:
    raw = entry.get("electronic_licence")
    if raw is None:
        return None
    keys = ("licence_id", "kind", "number", "issuer")
    if not (isinstance(raw, Mapping) and set(raw) == set(keys)
            and all(isinstance(raw[k], str) and 0 < len(raw[k]) <= 100 for k in keys)):
        raise _bad_manifest("electronic_licence must hold licence_id, kind, number, issuer")
    return LicenceRef(*(str(raw[k]) for k in keys))  # fmt: skip
