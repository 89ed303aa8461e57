"""Review #14 (attacker): bidi marks in a status note are stripped at the door (the note
reads the same without them and the status stream is not held back). A status is kept
exactly as received, as docs/protocol.md says (and cleaned where it is shown)."""

from __future__ import annotations

from typing import Any

import pytest

from sync.client import BadAnswer
from sync.client.answers import check_status_page

UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def event(**changes: Any) -> dict[str, Any]:
    doc = {"id": 1, "uuid": UUID, "case_no": "C-1", "status": "accepted",
           "note": "请补正", "missing_materials": [], "at": "2026-12-03T10:00:00Z"}
    doc.update(changes)
    return doc  # fmt: skip


def page(*events: dict[str, Any]) -> dict[str, Any]:
    return {"events": list(events), "cursor": "c1"}


@pytest.mark.parametrize("mark", ["\u202e", "\u2066", "\u200f", "\u200b", "\ufeff", "\u061c"])
def test_note_marks_are_stripped(mark: str) -> None:
    events, _ = check_status_page(page(event(note=f"请{mark}补正\n材料")), limit=10, after=None)
    assert events[0].note == "请补正\n材料"


def test_status_is_kept_as_received() -> None:
    events, _ = check_status_page(page(event(status="<b>x</b>\u202e")), limit=10, after=None)
    assert events[0].status == "<b>x</b>\u202e"


def test_control_characters_in_a_note_are_still_refused() -> None:
    with pytest.raises(BadAnswer):
        check_status_page(page(event(note="a\x1b[2Jb")), limit=10, after=None)
