"""Outside text made safe to show to people: one rule for the UI and the command line.

Scanned codes, card fields, platform statuses and notes, catalog names and file names
are stored exactly as they came; this is applied only when they are shown:

- C0 control characters and DEL become their ASCII abbreviation in brackets (CR ->
  [CR], GS -> [GS], NUL -> [NUL]: plain ASCII renders in every font, where the
  Unicode Control Pictures show as empty boxes in the station's CJK fonts); in
  multi-line places tab and line feed stay, and CR LF / CR become a line feed; C1
  controls become [U+0085] and the like, lone surrogates U+FFFD;
- bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069, U+200E/F,
  U+061C) are removed, so text cannot reorder what surrounds it; line and paragraph
  separators count as line feeds;
- the result is capped at `limit` characters, ending in "…" when cut.

The result is plain text: callers still show it as plain text (never Qt rich text).
"""

from __future__ import annotations

__all__ = ["DEFAULT_LIMIT", "display_text"]

#: Longest text shown in one place unless the caller says otherwise.
DEFAULT_LIMIT = 500

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
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


def display_text(text: str, *, limit: int = DEFAULT_LIMIT, multiline: bool = False) -> str:
    """`text` as it may be shown: controls visible, bidi controls removed, capped."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for ch in text[: limit * 2 + 1]:  # never walk a huge payload: the cap comes next
        code = ord(ch)
        if ch in _BIDI:
            continue
        if ch in _LINE_BREAKS:
            out.append("\n" if multiline else "[LS]")
        elif multiline and ch in "\n\t":
            out.append(ch)
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(_visible(ch))
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    shown = "".join(out)
    if len(shown) > limit or len(text) > limit * 2 + 1:
        return shown[: max(0, limit - 1)] + _ELLIPSIS
    return shown
