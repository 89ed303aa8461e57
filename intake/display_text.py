"""Outside text made safe to show to people: one rule for the UI and the command line.

Scanned codes, card fields, platform statuses and notes, catalog names and file names
are stored exactly as they came; this is applied only when they are shown:

- C0 control characters and DEL become their ASCII abbreviation in brackets (CR ->
  [CR], GS -> [GS], NUL -> [NUL]: plain ASCII renders in every font, where the
  Unicode Control Pictures show as empty boxes in the station's CJK fonts); in
  multi-line places tab and line feed stay, and CR LF / CR become a line feed; C1
  controls become [U+0085] and the like, lone surrogates U+FFFD;
- invisible characters (``safe_chars``: every format character incl. bidi overrides,
  isolates and marks, zero-width characters and U+2060-U+206F, the tag block,
  variation selectors, Hangul fillers) are removed, so text cannot reorder or hide
  within what surrounds it; line and paragraph separators count as line feeds;
- private-use and unassigned code points become [U+E000] and the like (seen, not
  silently dropped: a rare name character from a card reader may be one);
- a run of combining marks on one character is cut to ``safe_chars.MAX_COMBINING``;
- the result is capped at `limit` characters, ending in "…" when cut.

The result is plain text: callers still show it as plain text (never Qt rich text).
"""

from __future__ import annotations

import re
import unicodedata

from safe_chars import MAX_COMBINING, Kind, kind_of

__all__ = ["DEFAULT_LIMIT", "display_text"]

#: Longest text shown in one place unless the caller says otherwise.
DEFAULT_LIMIT = 500

_LINE_BREAKS = frozenset("\u2028\u2029\x85")
_ELLIPSIS = "…"


_C0_NAMES = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT",
    "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
    "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
)


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return f"[{_C0_NAMES[code]}]"
    if code == 0x7F:
        return "[DEL]"
    return f"[U+{code:04X}]"


#: Text made only of these is shown as it is (when within the limit): printable ASCII,
#: the CJK ideographs of GB 2312/GBK's range (U+4E00-U+9FA5, all assigned in every
#: Unicode version Python has), CJK punctuation but its combining tone marks
#: (U+302A-U+302F), the ideographic space, full-width ASCII forms and the few other
#: punctuation marks of Chinese text. None is a control, invisible, not text or a
#: combining mark, so the walk below would keep each one unchanged; names, catalog
#: words and statuses, shown on every repaint of a table, skip it (the walk was 30 000
#: calls and some 1.8 s of the clerk window tests' main thread, profiled).
_PLAIN = re.compile(
    r"[\x20-\x7e\u4e00-\u9fa5\u3000-\u3029\u3030-\u303f\uff01-\uff5e"
    r"\u00b7\u2014\u2026\u201c\u201d\u2018\u2019]*"  # · — … “ ” ‘ ’
)


def display_text(text: str, *, limit: int = DEFAULT_LIMIT, multiline: bool = False) -> str:
    """`text` as it may be shown: controls visible, invisible characters removed,
    combining floods cut, capped."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) <= limit and _PLAIN.fullmatch(text):
        return text
    out: list[str] = []
    marks = 0
    for ch in text[: limit * 2 + 1]:  # never walk a huge payload: the cap comes next
        code = ord(ch)
        if ch in _LINE_BREAKS:
            out.append("\n" if multiline else "[LS]")
        elif multiline and ch in "\n\t":
            out.append(ch)
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(_visible(ch))
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        elif (kind := kind_of(ch)) is Kind.INVISIBLE:
            continue  # neither a base nor a mark: the run of marks goes on across it
        elif kind is Kind.NOT_TEXT:
            out.append(_visible(ch))
        elif unicodedata.category(ch) in ("Mn", "Me"):
            marks += 1
            if marks <= MAX_COMBINING:
                out.append(ch)
            continue
        else:
            out.append(ch)
        marks = 0
    shown = "".join(out)
    if len(shown) > limit or len(text) > limit * 2 + 1:
        return shown[: max(0, limit - 1)] + _ELLIPSIS
    return shown
