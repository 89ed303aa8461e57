"""Free text on the wire is plain text: no control characters (a note may keep line feeds
and tabs) and no characters that make text read otherwise than it is stored (bidi
overrides, isolates and marks, zero-width characters, line/paragraph separators, BOM).

The platform refuses such text (422, in the route's own error code); a station strips
it before it seals a body (:func:`plain`), so what it sends always passes. No pydantic
here: the station's store imports this at start-up; the wire models wrap
:func:`note_check` / :func:`line_check` in their own validators.
"""

from __future__ import annotations

import re

__all__ = ["INVISIBLE", "line_check", "note_check", "plain"]

#: bidi controls and marks, zero-width characters, line/paragraph separators, BOM
INVISIBLE = "\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_LINE_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{INVISIBLE}]")
_NOTE_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{INVISIBLE}]")


def plain(text: str, *, multiline: bool = True) -> str:
    """`text` without what :func:`note_check` (or, single-line, :func:`line_check`)
    refuses; CR LF and CR become LF in a note."""
    if multiline:
        return _NOTE_UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LINE_UNSAFE.sub("", text)


def note_check(value: str) -> str:
    """`value` when it is plain note text, else ValueError."""
    if _NOTE_UNSAFE.search(value):
        raise ValueError("text must not hold control or invisible formatting characters")
    return value


def line_check(value: str) -> str:
    """`value` when it is one line of plain text, else ValueError."""
    if _LINE_UNSAFE.search(value):
        raise ValueError("text must not hold control or invisible formatting characters")
    return value

