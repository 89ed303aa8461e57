"""Free text a clerk types that the station stores and sends to the platform: a
material's defect reason (printed on the 一次性告知书, kept in the audit record the
platform receives), a supplement's note to the department (P5) and an agent's
relation to the applicant at a handover (P6).

The rule for such text (docs/protocol.md, "Where each side rejects and where it
strips"): it is made plain at the door (``wire.plain_text.plain``: control and
invisible characters a person cannot see, so could not remove, are dropped), then
capped. Text over the cap is refused with ``intake.typed.too_long`` (its limit and the
length typed), never cut: the front end shows the reason and keeps what was typed.
"""

from __future__ import annotations

import re

from intake.errors import IntakeError
from wire.plain_text import NOTE_CHARS, RELATION_CHARS, plain

__all__ = [
    "DEFECT_REASON_CHARS",
    "RELATION_CHARS",
    "SUPPLEMENT_NOTE_CHARS",
    "TypedTextTooLong",
    "typed_text",
]

#: a defect reason is one row of the 一次性告知书's table (and of its audit record)
DEFECT_REASON_CHARS = 40
#: a supplement's note: the platform's limit for a note (P5)
SUPPLEMENT_NOTE_CHARS = NOTE_CHARS


class TypedTextTooLong(IntakeError):
    """The text is longer than its field takes; params: limit, length."""


#: what ends a line or spaces it in typed text (with the blanks round it): in one line
#: it becomes one space, not nothing (two words would run together)
_BREAK = re.compile(r"[ \u3000]*[\r\n\t\v\f\x85\u2028\u2029]+[ \u3000]*")
#: a line break plain() would drop from a note: a line feed there
_NOTE_BREAK = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")


def typed_text(text: str, *, limit: int, multiline: bool = False) -> str:
    """`text` as plain text, trimmed: one line, or with `multiline` a note whose line
    feeds and tabs stay (a supplement's note: the platform takes them). A line break
    in one line is a space. TypedTextTooLong when longer than `limit` characters
    (nothing is cut)."""
    if multiline:
        cleaned = plain(_NOTE_BREAK.sub("\n", text)).strip()
    else:
        cleaned = plain(_BREAK.sub(" ", text), multiline=False).strip()
    if len(cleaned) > limit:
        raise TypedTextTooLong(
            "typed.too_long", f"{len(cleaned)} characters typed, at most {limit}",
            params={"limit": limit, "length": len(cleaned)},
        )
    return cleaned
