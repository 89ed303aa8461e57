from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from devices.printer.diagnostics import sample_receipt, test_print_json
from devices.printer.escpos_decode import decode_escpos
from devices.printer.preview import render_preview
from devices.printer.receipt import Receipt


@pytest.mark.parametrize(("paper", "width"), [(58, 384), (80, 576)])
def test_preview_png(paper: int, width: int, make_receipt: Callable[..., Receipt]) -> None:
    png = render_preview(make_receipt(applicant_label="刘䶮"), paper)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    img = Image.open(io.BytesIO(png))
    assert img.width == width and img.height > 400
    grey = img.convert("L")
    assert grey.getextrema() == (0, 255)
    dark = sum(grey.histogram()[:128])
    assert 0.02 < dark / (img.width * img.height) < 0.6  # ink, but not a black page


def test_test_print_json(tmp_path: Path) -> None:
    out = tmp_path / "lp0"
    result = test_print_json(f"file:{out}")
    assert json.loads(json.dumps(result)) == result
    assert set(result) == {"receipt_no", "qr_payload", "bytes"}
    data = out.read_bytes()
    assert result["bytes"] == len(data)
    assert result["qr_payload"].isascii() and result["receipt_no"] in result["qr_payload"]
    dec = decode_escpos(data)
    assert "受理回执" in dec.chinese_text
    assert "䶮" not in dec.text and "?" not in dec.text  # the 䶮 line went out as an image
    assert "䶮" in sample_receipt().applicant_label
    assert len(dec.of_kind("cut")) == 1
