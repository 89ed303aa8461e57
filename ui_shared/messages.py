"""What the UI says about an error or a sync problem: worded from its code at display time."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Protocol

from coded_errors import Param
from intake.display_text import display_text
from ui_shared.error_text import code_text, error_text, ui_speaks_english


class _Owed(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def materials(self) -> tuple[str, ...]: ...
    @property
    def due(self) -> date: ...
    @property
    def working_days(self) -> int: ...


class _AcceptanceNote(Protocol):
    @property
    def mode(self) -> str: ...
    @property
    def materials(self) -> tuple[str, ...]: ...
    @property
    def due(self) -> date | None: ...


def acceptance_text(note: _AcceptanceNote | None, *, english: bool = False) -> str:
    """The case view's line on how a case was accepted
    (``station.deficiency_due.AcceptanceNote``), "" for a plain acceptance."""
    if note is None:
        return ""
    return code_text(f"acceptance.{note.mode}", _listing(note, english), english=english) or ""


def acceptance_label(mode: str, *, english: bool = False) -> str:
    """The short name of an acceptance mode ("deficiency", "commitment")."""
    return code_text(f"acceptance.label.{mode}", english=english) or mode


def _listing(note: _AcceptanceNote | _Owed, english: bool) -> dict[str, Param]:
    separator = ", " if english else "\u3001"  # the enumeration comma: 居民户口簿、照片
    params: dict[str, Param] = {"materials": separator.join(note.materials)}
    if note.due is not None:
        params.update(year=str(note.due.year), month=f"{note.due.month:02d}",
                      day=f"{note.due.day:02d}")  # fmt: skip
    return params


def owed_text(warning: _Owed | None, *, english: bool = False) -> str:
    """The case view's line for owed materials near or past their day
    (``station.deficiency_due.OwedWarning``), "" for none."""
    if warning is None:
        return ""
    params = {**_listing(warning, english), "days": warning.working_days}
    return code_text(f"deficiency.{warning.code}", params, english=english) or ""


def user_message(error: BaseException, fallback: str = "") -> str:
    """The sentence for `error` in the window's language (its code worded by
    ui_shared.error_text; the installed translator decides), else the fallback, else
    the error's text."""
    return error_text(error, english=ui_speaks_english(), fallback=fallback)


# -- sync problems and events: stored as code + parameters, worded here ------------------
#
# The sync engine stores ``{"code": ..., "params": {...}}`` (canonical JSON, see
# sync/problems.py) in ``last_error`` and on its events. Older rows hold a plain
# sentence: it is shown as it is. Unknown codes are shown neutrally with the code.

def sync_text(code: str, params: Mapping[str, object], *, english: bool = False) -> str:
    """The sentence for a sync code and its parameters, in Chinese or English (worded
    from "sync.<code>" by ui_shared.error_text)."""
    if code == "text":
        text = str(params.get("text", ""))
        if text == "interrupted":
            return sync_text("interrupted", {}, english=english)
        return display_text(text)
    values = {k: v for k, v in params.items() if v is not None}
    if code == "clock_skew":
        values.update(_skew_words(params))
    return code_text(f"sync.{code}", values, english=english) or f"({code})"


def stored_sync_text(stored: str | None, *, english: bool = False) -> str:
    """The sentence for a stored ``last_error`` (a code + parameters, or an older
    plain sentence, shown as it is)."""
    if not stored:
        return ""
    try:
        doc = json.loads(stored)
    except ValueError:
        return sync_text("text", {"text": stored}, english=english)
    if not (isinstance(doc, dict) and isinstance(doc.get("code"), str)):
        return stored
    params = doc.get("params")
    return sync_text(doc["code"], params if isinstance(params, dict) else {}, english=english)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _skew_words(params: Mapping[str, object]) -> dict[str, object]:
    # the engine's skew is platform time minus station time: positive = station behind
    seconds = _number(params.get("seconds")) or 0.0
    return {
        "minutes": max(1, round(abs(seconds) / 60)),
        "variant": "behind" if seconds > 0 else "ahead",
    }


def clock_skew_text(params: Mapping[str, object], *, english: bool = False) -> str:
    """The clerk's warning for a clock event (``clock_skew`` code), or "" when the
    station's clock is back within the limit the engine applies."""
    seconds, limit = _number(params.get("seconds")), _number(params.get("limit"))
    if seconds is None or limit is None or abs(seconds) <= limit:
        return ""
    return sync_text("clock_skew", params, english=english)
