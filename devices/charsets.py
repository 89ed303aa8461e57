"""Character sets of code payloads: ECI designators and the documented no-ECI rule.

ECI (Extended Channel Interpretation, AIM ITS/04-001) lets a code say which charset its
bytes use. zxing-cpp hands the payload over "with ECI": backslashes doubled and each
designator written as a backslash plus six decimal digits; `split_eci` parses that.

Without an ECI the bytes do not say; the rule (`guess_charset`) is:
1. valid UTF-8 (ASCII included) -> UTF-8;
2. else GB18030 and Shift_JIS (cp932), each only if the bytes decode cleanly: without
   error and without private-use characters (cp932 maps the stray bytes 0xFD-0xFF and
   GB18030 its user-defined rows there; no real text of either lands in them);
   when both do, the one whose text has fewer implausible characters wins
   (GB18030: characters outside GB 2312, where Shift_JIS kana and kanji land when read
   as GB18030; Shift_JIS: half-width katakana and characters outside JIS X 0208, where
   GB 2312 hanzi land when read as Shift_JIS); a tie goes to GB18030 (stations are in
   China);
3. else ISO-8859-1, the QR standard's default for byte mode (never fails).
"""

from __future__ import annotations

import codecs

__all__ = ["ECI_CODECS", "decode_payload", "eci_codec", "guess_charset", "split_eci"]

#: ECI assignment -> Python codec (AIM ECI register). Unknown ECIs read as ISO-8859-1.
ECI_CODECS: dict[int, str] = {
    0: "cp437",
    1: "iso-8859-1",
    2: "cp437",
    3: "iso-8859-1",
    **{n: f"iso-8859-{n - 2}" for n in range(4, 19) if n != 14},
    20: "cp932",
    21: "cp1250",
    22: "cp1251",
    23: "cp1252",
    24: "cp1256",
    25: "utf-16-be",
    26: "utf-8",
    27: "ascii",
    28: "big5",
    29: "gb18030",  # GB 2312; GB18030 is a superset
    30: "euc-kr",
    31: "gb18030",  # GBK; GB18030 is a superset
    32: "gb18030",
    33: "utf-16-le",
    34: "utf-32-be",
    35: "utf-32-le",
    170: "ascii",
    899: "iso-8859-1",  # binary: one byte, one code point
}


def eci_codec(eci: int) -> str:
    """The Python codec for an ECI number (ISO-8859-1 for numbers we do not know)."""
    name = ECI_CODECS.get(eci, "iso-8859-1")
    codecs.lookup(name)  # every entry above exists; fail loudly if that ever changes
    return name


def split_eci(data: bytes) -> list[tuple[int | None, bytes]]:
    """Segments (eci or None before the first designator, bytes) of zxing's ECI form."""
    segments: list[tuple[int | None, bytes]] = []
    eci: int | None = None
    chunk = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x5C:  # backslash
            nxt = data[i + 1 : i + 2]
            if nxt == b"\\":
                chunk.append(0x5C)
                i += 2
                continue
            digits = data[i + 1 : i + 7]
            if len(digits) == 6 and digits.isdigit():
                if chunk or eci is not None:
                    segments.append((eci, bytes(chunk)))
                eci, chunk = int(digits), bytearray()
                i += 7
                continue
        chunk.append(b)
        i += 1
    segments.append((eci, bytes(chunk)))
    return segments


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _clean(raw: bytes, codec: str) -> str | None:
    text = _strict(raw, codec)
    if text is None or any("\ue000" <= ch <= "\uf8ff" for ch in text):
        return None
    return text


def _implausible_gb(text: str) -> int:
    bad = 0
    for ch in text:
        if ch.isascii():
            continue
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            bad += 1
    return bad


def _implausible_sjis(text: str) -> int:
    bad = 0
    for ch in text:
        if ch.isascii():
            continue
        if "\uff61" <= ch <= "\uff9f":  # half-width katakana: rare in modern text
            bad += 1
            continue
        try:
            ch.encode("shift_jis")  # JIS X 0208 (cp932 adds vendor rows)
        except UnicodeEncodeError:
            bad += 1
    return bad


def guess_charset(raw: bytes) -> tuple[str, str]:
    """(text, charset) of a payload without ECI, by the rule in the module docstring."""
    text = _strict(raw, "utf-8")
    if text is not None:
        return text, "utf-8"
    gb = _clean(raw, "gb18030")
    sjis = _clean(raw, "cp932")
    if gb is not None and sjis is not None:
        if _implausible_sjis(sjis) < _implausible_gb(gb):
            return sjis, "shift_jis"
        return gb, "gb18030"
    if gb is not None:
        return gb, "gb18030"
    if sjis is not None:
        return sjis, "shift_jis"
    return raw.decode("iso-8859-1"), "iso-8859-1"


def decode_payload(raw: bytes) -> str:
    """Payload bytes as text by the no-ECI rule (`guess_charset`), nothing stripped."""
    return guess_charset(raw)[0]
