"""Why an application can be refused at the window (不予受理), with the legal basis.

The reasons come with the catalog, so the province decides the wording and the
basis; a clerk picks one, never types a legal citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake.errors import CatalogError
from safe_chars import first_unsafe

__all__ = ["RefusalReason", "refusal_reasons_from"]


@dataclass(frozen=True, slots=True)
class RefusalReason:
    code: str
    reason_zh: str
    basis_zh: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "reason_zh": self.reason_zh, "basis_zh": self.basis_zh}


def _bad(detail: str) -> CatalogError:
    return CatalogError("catalog.refusal_reasons", detail)


def refusal_reasons_from(value: object) -> tuple[RefusalReason, ...]:
    if not isinstance(value, list) or len(value) > 100:
        raise _bad("refusal_reasons must be a list of at most 100 reasons")
    reasons: list[RefusalReason] = []
    for n, raw in enumerate(value):
        if not isinstance(raw, dict) or set(raw) != {"code", "reason_zh", "basis_zh"}:
            raise _bad(f"refusal_reasons[{n}] must have code, reason_zh and basis_zh")
        fields = [raw["code"], raw["reason_zh"], raw["basis_zh"]]
        if not all(isinstance(f, str) and f.strip() and len(f) <= 200
                   and first_unsafe(f) is None for f in fields):
            raise _bad(f"refusal_reasons[{n}]: every field is a non-empty line of plain text")
        reasons.append(RefusalReason(*fields))
    if len({r.code for r in reasons}) != len(reasons):
        raise _bad("refusal reason codes must be unique")
    return tuple(reasons)
