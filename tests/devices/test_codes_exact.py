"""Codes made by other encoders (segno, python-barcode) decode exactly: the fast subset
of bench/decode_exact.py (which also compares against raw zxing-cpp and pyzbar)."""

from __future__ import annotations

import pytest

from bench.decode_exact import (
    GS1_ELEMENTS,
    Case,
    barcode_cases,
    photographed,
    segno_cases,
)
from devices.charsets import guess_charset, split_eci
from devices.codes import decode_codes, payload_text

CASES = {c.name: c for c in segno_cases() + barcode_cases()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_clean_code_from_another_encoder_decodes_exactly(name: str) -> None:
    case = CASES[name]
    assert [c.text for c in decode_codes(case.make())] == [case.text]


@pytest.mark.parametrize(
    "name", ["gb18030 no eci", "shift_jis bytes", "eci gb18030", "crlf utf-8", "gs1 elements 0x1d"]
)
def test_printed_and_photographed_code_decodes_exactly(name: str) -> None:
    case: Case = CASES[name]
    assert case.text in [c.text for c in decode_codes(photographed(case, 1017))]


def test_raw_bytes_charset_and_gs1_are_kept() -> None:
    (gb,) = decode_codes(CASES["gb18030 no eci"].make())
    assert gb.raw == "乡镇便民服务中心 受理回执".encode("gb18030") and gb.charset == "gb18030"
    (sjis,) = decode_codes(CASES["shift_jis kanji"].make())
    assert sjis.raw == "漢字テスト".encode("shift_jis") and sjis.charset == "shift_jis"
    (eci,) = decode_codes(CASES["eci utf-8"].make())
    assert eci.charset == "ECI 26" and eci.raw == "受理回执 café ✓".encode()
    (gs1,) = decode_codes(CASES["gs1-128 fnc1"].make())
    assert gs1.gs1 and gs1.text == "0109521234543213\x1d3103000123"
    (elements,) = decode_codes(CASES["gs1 elements 0x1d"].make())
    assert elements.text == GS1_ELEMENTS and not elements.gs1


def test_eci_segments_and_the_no_eci_rule() -> None:
    # zxing-cpp's ECI form: backslashes doubled, designators as backslash + 6 digits.
    assert split_eci(b"a\\\\b") == [(None, b"a\\b")]
    assert split_eci(b"x\\000026\xc3\xa9\\000003\xe9") == [
        (None, b"x"), (26, b"\xc3\xa9"), (3, b"\xe9")]
    assert payload_text(b"x\xc3\xa9\xe9", b"x\\000026\xc3\xa9\\000003\xe9") == (
        "xéé", "utf-8+ECI 26+ECI 3")
    assert guess_charset("受理".encode()) == ("受理", "utf-8")
    assert guess_charset("受理回执".encode("gb18030")) == ("受理回执", "gb18030")
    assert guess_charset("こんにちは".encode("shift_jis")) == ("こんにちは", "shift_jis")
    assert guess_charset(b"caf\xe9 \xff") == ("café ÿ", "iso-8859-1")
