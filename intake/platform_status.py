"""The platform statuses docs/protocol.md documents, and how to treat any other.

A status arrives from the platform as text. It is stored as it came; a status outside
the documented set is kept and shown neutrally (as text, with no colour or meaning
attached), and whoever receives it flags it in the log (`undocumented_status_note`).
"""

from __future__ import annotations

__all__ = ["DOCUMENTED_STATUSES", "is_documented_status", "undocumented_status_note"]

#: docs/protocol.md: 受理 on acceptance, then what the department decides.
DOCUMENTED_STATUSES: tuple[str, ...] = ("受理", "审核中", "补正", "办结", "不予许可")


def is_documented_status(status: str | None) -> bool:
    """True for a status the protocol documents (exact match: no trimming, no folding)."""
    return status in DOCUMENTED_STATUSES


def undocumented_status_note(status: str, where: str) -> str:
    """One English log line for an undocumented status (`status` shown escaped and cut)."""
    shown = repr(status[:80]) + ("…" if len(status) > 80 else "")
    return f"platform status {shown} at {where} is not in the documented set"
