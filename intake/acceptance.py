"""How an application was accepted when a required material was not on the table.

- 容缺受理 (``Mode.DEFICIENCY``): only NON-key materials (``Material.key`` false) may be
  owed; the applicant brings them by a date printed on the receipt.
- 告知承诺制 (``Mode.COMMITMENT``): the applicant's signed commitment stands in for
  materials the catalog marks ``Material.commitment``.

An ``Acceptance`` travels in the submission's manifest (key ``"acceptance"``, only
when it is not a plain acceptance, so plain manifests keep their exact form).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from intake.catalog import Material, ServiceItem
from intake.errors import DraftError, InvalidManifest

__all__ = [
    "COMMITMENT_FORM",
    "COMMITMENT_FORM_PURPOSE",
    "Acceptance",
    "Mode",
    "commitment_allowed",
    "deficiency_allowed",
    "plan",
]

#: 告知承诺制: the applicant's signed 告知承诺书, captured back into the case after the
#: accept, travels as a P5 supplement with this purpose and its pages under this code
#: (not a catalog material: the form stands in for the committed ones; docs/protocol.md P10)
COMMITMENT_FORM_PURPOSE = "commitment_form"
COMMITMENT_FORM = "COMMITMENT_FORM"


class Mode(StrEnum):
    DEFICIENCY = "deficiency"  # 容缺受理
    COMMITMENT = "commitment"  # 告知承诺制

    @property
    def label_zh(self) -> str:
        return "容缺受理" if self is Mode.DEFICIENCY else "告知承诺制受理"


@dataclass(frozen=True, slots=True)
class Acceptance:
    mode: Mode
    #: material codes the applicant owes (DEFICIENCY) or commits to (COMMITMENT)
    materials: tuple[str, ...]
    #: DEFICIENCY: the last day to bring what is owed; None for COMMITMENT
    due: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", Mode(self.mode))
        object.__setattr__(self, "materials", tuple(self.materials))
        if not self.materials or len(set(self.materials)) != len(self.materials):
            raise _bad("acceptance materials must be a non-empty list of distinct codes")
        if (self.due is None) is (self.mode is Mode.DEFICIENCY):
            raise _bad("a deficiency acceptance needs a due date, a commitment has none")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"mode": self.mode.value, "materials": list(self.materials)}
        if self.due is not None:
            d["due"] = self.due.isoformat()
        return d

    @classmethod
    def from_dict(cls, raw: object) -> Acceptance:
        if not isinstance(raw, Mapping) or not raw.keys() <= {"mode", "materials", "due"}:
            raise _bad("acceptance must be an object with mode, materials and due")
        mode, materials, due = raw.get("mode"), raw.get("materials"), raw.get("due")
        if mode not in {m.value for m in Mode}:
            raise _bad(f"unknown acceptance mode {mode!r}")
        if (
            not isinstance(materials, Sequence)
            or isinstance(materials, str)
            or not all(isinstance(c, str) and 0 < len(c) <= 16 for c in materials)
        ):
            raise _bad("acceptance materials must be a list of material codes")
        if due is not None and not isinstance(due, str):
            raise _bad("acceptance due must be a date YYYY-MM-DD")
        try:
            day = date.fromisoformat(due) if due is not None else None
        except ValueError:
            raise _bad(f"acceptance due {due!r} is not a date") from None
        return cls(Mode(mode), tuple(materials), day)


def _bad(detail_en: str) -> InvalidManifest:
    return InvalidManifest("manifest.malformed", detail_en)


def deficiency_allowed(missing: Sequence[Material]) -> bool:
    """容缺受理 is possible: something is missing and none of it is a key material."""
    return bool(missing) and all(not m.key for m in missing)


def commitment_allowed(missing: Sequence[Material]) -> bool:
    """告知承诺制 is possible: every missing material may be replaced by a commitment."""
    return bool(missing) and all(m.commitment for m in missing)


def plan(
    item: ServiceItem, missing: Sequence[Material], mode: Mode, due: date | None
) -> Acceptance:
    """The acceptance for what is missing, or a ``DraftError`` saying why it is not allowed."""
    if mode is Mode.DEFICIENCY and not deficiency_allowed(missing):
        key = [m for m in missing if m.key]
        raise DraftError(
            "acceptance.key_missing",
            f"{item.code}: deficiency acceptance needs only non-key materials missing",
            params=_materials(key),
        )
    if mode is Mode.COMMITMENT and not commitment_allowed(missing):
        other = [m for m in missing if not m.commitment]
        raise DraftError(
            "acceptance.no_commitment",
            f"{item.code}: commitment acceptance needs only commitment materials missing",
            params=_materials(other),
        )
    return Acceptance(mode, tuple(m.code for m in missing), due)


def _materials(materials: Sequence[Material]) -> dict[str, str]:
    """The parameters naming `materials` in both languages, or the "none" variant."""
    if not materials:
        return {"variant": "none"}
    return {
        "materials": "、".join(m.name_zh for m in materials),
        "materials_en": ", ".join(m.name_en for m in materials),
    }
