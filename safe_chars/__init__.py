"""Which characters of outside text are not plain human text: the one rule for every layer.

Outside bytes (scanned codes, card fields, platform answers, catalog text, licence data,
status notes) are hostile. This leaf names, by Unicode category and ranges rather than a
hand-kept list, the characters that make text read otherwise than it is stored or that
are no text at all; ``wire.plain_text`` (station and platform) and
``intake.display_text`` (what the UI and command line show) decide what to do with them:

- CONTROL: category Cc (C0, DEL, C1). A multi-line field may keep LF and TAB.
- INVISIBLE: every format character (Cf: bidi marks, embeddings, overrides and isolates,
  zero-width characters, U+2060-U+206F, soft hyphen U+00AD, Mongolian vowel separator
  U+180E, interlinear annotation U+FFF9-U+FFFB, BOM, the tag block U+E0000-U+E007F),
  line and paragraph separators (Zl, Zp), the combining grapheme joiner U+034F,
  variation selectors (U+FE00-U+FE0F, U+E0100-U+E01EF), the Hangul fillers (U+115F,
  U+1160, U+3164, U+FFA0) and the Khmer inherent vowels U+17B4/U+17B5: all of them
  render as nothing (or reorder what surrounds them) in a name, a note or a status.
- NOT_TEXT: private use (Co), surrogates (Cs) and code points unassigned in this
  Python's Unicode database (Cn, which includes the noncharacters): nothing a person
  typed in a note, a status or a catalog name.
- A run of more than :data:`MAX_COMBINING` combining marks (Mn, Me) on one base
  character is a "Zalgo" flood that paints over the lines around it; real scripts
  stack far fewer.

No I/O and nothing of ours: every layer may import it.
"""

from __future__ import annotations

import unicodedata
from enum import Enum

__all__ = ["MAX_COMBINING", "Kind", "first_unsafe", "kind_of", "strip_unsafe"]

#: combining marks kept on one base character (Vietnamese and Thai stack at most 2-3)
MAX_COMBINING = 4

#: ranges (inclusive) that are invisible whatever their category says
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner (Mn)
    (0x115F, 0x1160),  # Hangul choseong/jungseong fillers (Lo)
    (0x17B4, 0x17B5),  # Khmer inherent vowels (Mn)
    (0x180B, 0x180F),  # Mongolian free variation selectors and vowel separator
    (0x200B, 0x200F),  # zero-width space/joiners, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, isolates, deprecated formats
    (0x3164, 0x3164),  # Hangul filler (Lo)
    (0xFE00, 0xFE0F),  # variation selectors (Mn)
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0xFFA0, 0xFFA0),  # half-width Hangul filler (Lo)
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0xE0000, 0xE007F),  # tag block
    (0xE0100, 0xE01EF),  # variation selectors supplement (Mn)
)


class Kind(Enum):
    """What is wrong with one character (None from :func:`kind_of`: nothing)."""

    CONTROL = "control"
    INVISIBLE = "invisible"
    NOT_TEXT = "not_text"


#: the same code points as a set: every character of outside text that is not printable
#: ASCII is looked up here (a walk over the ranges was most of the time of kind_of)
_INVISIBLE_CODES = frozenset(
    code for low, high in _INVISIBLE_RANGES for code in range(low, high + 1)
)


def _in_invisible_range(code: int) -> bool:
    return code in _INVISIBLE_CODES


def kind_of(ch: str) -> Kind | None:
    """Why `ch` (one character) is not plain human text, or None when it is."""
    code = ord(ch)
    if 0x20 <= code < 0x7F:  # printable ASCII: the common case, decided at once
        return None
    category = unicodedata.category(ch)
    if category == "Cc":
        return Kind.CONTROL
    if category in ("Cf", "Zl", "Zp") or _in_invisible_range(code):
        return Kind.INVISIBLE
    if category in ("Co", "Cs", "Cn"):
        return Kind.NOT_TEXT
    return None


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def first_unsafe(text: str, *, multiline: bool = False) -> tuple[int, Kind | str] | None:
    """Where `text` first stops being plain human text: (index, Kind) for a character,
    (index, "combining") for a mark beyond :data:`MAX_COMBINING` on one base; None when
    the whole text is plain. A multi-line text may hold LF and TAB."""
    marks = 0
    for index, ch in enumerate(text):
        if multiline and ch in "\n\t":
            marks = 0
            continue
        kind = kind_of(ch)
        if kind is not None:
            return index, kind
        if _is_mark(ch):
            marks += 1
            if marks > MAX_COMBINING:
                return index, "combining"
        else:
            marks = 0
    return None


def strip_unsafe(text: str, *, multiline: bool = False, keep_not_text: bool = False) -> str:
    """`text` without what :func:`first_unsafe` finds: controls (but LF and TAB in a
    multi-line text), invisible and non-text characters are removed, a run of
    combining marks is cut to :data:`MAX_COMBINING`. With `keep_not_text`, private-use
    and unassigned characters stay (a person's name may hold a rare character a card
    reader gives in the private-use area, or one newer than this Unicode database);
    surrogates never do."""
    out: list[str] = []
    marks = 0
    for ch in text:
        if multiline and ch in "\n\t":
            out.append(ch)
            marks = 0
            continue
        kind = kind_of(ch)
        if kind is not None and not (
            keep_not_text and kind is Kind.NOT_TEXT and unicodedata.category(ch) != "Cs"
        ):
            continue  # an invisible character between base and mark does not reset the run
        if _is_mark(ch):
            marks += 1
            if marks > MAX_COMBINING:
                continue
        else:
            marks = 0
        out.append(ch)
    return "".join(out)
