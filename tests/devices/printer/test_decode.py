from __future__ import annotations

import pytest

from devices.printer.escpos_decode import DecodeError, decode_escpos


def test_decode_basic_stream() -> None:
    raster = b"\x1dv0\x00\x02\x00\x02\x00" + b"\x80\x01\xff\x00"
    qr = b"\x1d(k\x07\x001P0ABCD" + b"\x1d(k\x03\x001Q0"
    data = (
        b"\x1b@\x1ba\x01\x1bE\x01\x1d!\x11"
        + b"\x1c&"
        + "受理回执".encode("gb18030")
        + b"\x1c.\n"
        + b"plain\n"
        + raster
        + qr
        + b"\x1dV\x00"
    )
    dec = decode_escpos(data)
    kinds = [op.kind for op in dec.ops]
    assert kinds == [
        "init", "align", "bold", "size", "cn_on", "text", "cn_off", "lf",
        "text", "lf", "raster", "qr_store", "qr_print", "cut",
    ]  # fmt: skip
    assert dec.chinese_text == "受理回执"
    assert dec.text == "受理回执\nplain\n"
    r = dec.rasters[0]
    assert (r.width, r.height) == (16, 2)
    img = r.image()
    assert img.getpixel((0, 0)) == 0 and img.getpixel((1, 0)) == 255
    assert dec.of_kind("qr_store")[0].data == b"ABCD"


def test_ascii_outside_chinese_mode_not_gb_decoded() -> None:
    dec = decode_escpos("刘".encode("gb18030"))
    assert not dec.of_kind("text")[0].chinese
    assert "刘" not in dec.text


def test_truncated() -> None:
    with pytest.raises(DecodeError):
        decode_escpos(b"\x1dv0\x00\x10\x00\x10\x00\xff")
