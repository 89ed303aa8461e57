"""Free text on the wire is plain human text (the rule: ``safe_chars``): no control
characters (a note may keep line feeds and tabs), no invisible or reordering characters
(every Unicode format character incl. bidi controls and U+2060-U+206F, the tag block,
variation selectors, Hangul fillers, line/paragraph separators), no private-use,
surrogate or unassigned code points, and no flood of combining marks on one character.

The platform refuses such text (422, in the route's own error code) and a station
refuses it in an answer where the text is an identifier or a masked name (a licence, a
case number, a status); a station strips it before it seals a body (:func:`plain`), so
what it sends always passes. No pydantic here: the station's store imports this at
start-up; the wire models wrap :func:`note_check` / :func:`line_check` in their own
validators.
"""

from __future__ import annotations

from safe_chars import first_unsafe, strip_unsafe

__all__ = [
    "NOTE_CHARS",
    "RELATION_CHARS",
    "is_plain_line",
    "is_plain_note",
    "line_check",
    "note_check",
    "plain",
]

#: the longest free-text note the platform takes (a supplement's note, a refusal's
#: reason and basis, an evaluation's comment: wire.schemas.PlainNote, docs/protocol.md)
NOTE_CHARS = 2000
#: the longest relation of an agent to the applicant at a handover (P6:
#: wire.outcomes.Collector.relation); here, not there, so the station's typed-text
#: check shares it without loading pydantic
RELATION_CHARS = 32


def plain(text: str, *, multiline: bool = True) -> str:
    """`text` without what :func:`note_check` (or, single-line, :func:`line_check`)
    refuses; CR LF and CR become LF in a note."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_unsafe(text, multiline=multiline)


def is_plain_note(value: str) -> bool:
    """True when `value` is plain text that may hold line feeds and tabs."""
    return first_unsafe(value, multiline=True) is None


def is_plain_line(value: str) -> bool:
    """True when `value` is one line of plain text."""
    return first_unsafe(value) is None


def note_check(value: str) -> str:
    """`value` when it is plain note text, else ValueError."""
    if not is_plain_note(value):
        raise ValueError("text must not hold control, invisible or non-text characters")
    return value


def line_check(value: str) -> str:
    """`value` when it is one line of plain text, else ValueError."""
    if not is_plain_line(value):
        raise ValueError("text must not hold control, invisible or non-text characters")
    return value
