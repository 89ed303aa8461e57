from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from devices.printer.escpos_decode import Decoded, decode_escpos
from devices.printer.escpos_output import ReceiptPrinter, encode_chinese
from devices.printer.raster import render_text_line
from devices.printer.receipt import Receipt, TextLine
from ui_shared.error_text import error_text

CN_ON, CN_OFF = b"\x1c\x26", b"\x1c\x2e"


def _print(tmp_path: Path, r: Receipt, **kw: object) -> tuple[bytes, Decoded]:
    out = tmp_path / "printer.bin"
    sent = ReceiptPrinter(f"file:{out}", **kw).print_receipt(r)  # type: ignore[arg-type]
    assert out.read_bytes() == sent  # returns exactly what was written
    return sent, decode_escpos(sent)


def test_title_is_gb18030_inside_chinese_mode(tmp_path: Path, receipt: Receipt) -> None:
    data, dec = _print(tmp_path, receipt)
    assert data.startswith(b"\x1b@")
    assert CN_ON + "受理回执".encode("gb18030") + CN_OFF in data
    assert "受理回执" in dec.chinese_text.splitlines()
    # bold + double size around the title
    kinds = [(op.kind, op.value) for op in dec.ops[:8]]
    assert ("bold", 1) in kinds and ("size", 0x11) in kinds
    # every Chinese run is inside FS & … FS . and only ASCII outside
    for op in dec.of_kind("text"):
        if not op.chinese:
            assert op.data.isascii(), op
    assert "?" not in dec.text and "\ufffd" not in dec.text
    assert "青山镇便民服务中心" in dec.text
    assert "1101**********123X" in dec.text


def test_rare_character_line_goes_out_as_raster(
    tmp_path: Path, make_receipt: Callable[..., Receipt]
) -> None:
    r = make_receipt(applicant_label="刘䶮")
    _, dec = _print(tmp_path, r, paper_mm=58)
    # The applicant line is not sent as text at all: no '?', no GB18030 of 䶮 or 刘.
    assert "申 请 人" not in dec.text and "刘" not in dec.text and "?" not in dec.text
    text_bytes = b"".join(op.data for op in dec.of_kind("text"))
    assert b"?" not in text_bytes and "䶮".encode("gb18030") not in text_bytes
    expected = render_text_line(TextLine("申 请 人：刘䶮"), 384).convert("1")
    lines = [op for op in dec.rasters if op.height == expected.height]
    assert len(lines) == 1
    got = lines[0].image()
    assert got.size == (384, expected.height)
    assert got.convert("1").tobytes() == expected.tobytes()
    # the 䶮 cell (columns 12-13 on the grid) has ink
    cell = got.crop((12 * 12, 0, 14 * 12, got.height))
    assert cell.getextrema()[0] == 0


def test_yen_sign_is_rastered_and_fullwidth_yen_is_text(
    tmp_path: Path, make_receipt: Callable[..., Receipt]
) -> None:
    r = make_receipt(notes=["工本费 ¥0", "押金 ￥0"])
    _, dec = _print(tmp_path, r)
    assert "押金 ￥0" in dec.text
    assert "工本费" not in dec.text and "?" not in dec.text
    assert "¥".encode("gb18030") not in b"".join(op.data for op in dec.of_kind("text"))
    assert encode_chinese("¥") is None and encode_chinese("￥") == b"\xa3\xa4"


def test_encode_chinese_policy() -> None:
    assert encode_chinese("受理回执 S001") == "受理回执 S001".encode("gb18030")
    assert encode_chinese("，。：（）") is not None  # full-width punctuation
    for rare in ("䶮", "𠮷", "¥", "€", "\ue000"):
        assert encode_chinese("刘" + rare) is None
    assert encode_chinese("·", "gb2312") is None and encode_chinese("·") == b"\xa1\xa4"


def test_qr_image_by_default(tmp_path: Path, receipt: Receipt) -> None:
    _, dec = _print(tmp_path, receipt)
    assert not dec.of_kind("qr_store")
    qr = [op for op in dec.rasters if op.height is not None and op.height > 90]
    assert len(qr) == 1 and qr[0].width == 576
    img = qr[0].image()
    assert img.getextrema() == (0, 255)


def test_native_qr_when_asked(tmp_path: Path, receipt: Receipt) -> None:
    _, dec = _print(tmp_path, receipt, native_qr=True)
    stores = dec.of_kind("qr_store")
    assert len(stores) == 1 and stores[0].data == b"YW:S001-20261125-0007"
    assert len(dec.of_kind("qr_print")) == 1
    assert all(op.height == 30 or op.height == 60 for op in dec.rasters)


def test_ends_with_feed_and_full_cut(tmp_path: Path, receipt: Receipt) -> None:
    data, dec = _print(tmp_path, receipt, paper_mm=58)
    assert data.endswith(b"\n\n\n\n\x1dV\x00")
    cuts = dec.of_kind("cut")
    assert len(cuts) == 1 and cuts[0].value == 0


def test_58mm_text_lines_fit_32_columns(
    tmp_path: Path, make_receipt: Callable[..., Receipt]
) -> None:
    r = make_receipt(
        item_name="城乡居民基本医疗保险参保登记及缴费基数核定（含新生儿、大中专学生）",
        notes=["办理进度可扫描下方二维码查询，或拨打服务热线 12345 咨询。"],
    )
    _, dec = _print(tmp_path, r, paper_mm=58)
    from devices.printer.receipt import display_width

    size = 1
    for op in dec.ops:
        if op.kind == "size":
            size = 2 if op.value == 0x11 else 1
        elif op.kind == "text":
            assert display_width(op.text) * size <= 32, op.text
    assert all(op.width == 384 for op in dec.rasters)


def test_gb2312_charset_rasters_gbk_only_characters(
    tmp_path: Path, make_receipt: Callable[..., Receipt]
) -> None:
    r = make_receipt(applicant_label="喆*")  # 喆 is GBK, not GB2312
    _, dec = _print(tmp_path, r, charset="gb2312")
    assert "喆" not in dec.text
    _, dec = _print(tmp_path, r)
    assert "喆*" in dec.text


def test_not_connected(tmp_path: Path, receipt: Receipt) -> None:
    from devices.printer.errors import PrinterError

    with pytest.raises(PrinterError) as exc:
        ReceiptPrinter(f"file:{tmp_path}/missing-dir/lp0").print_receipt(receipt)
    assert error_text(exc.value) == "打印机未连接"
    with pytest.raises(PrinterError) as exc:
        ReceiptPrinter("tcp:127.0.0.1:1", io_timeout=1).print_receipt(receipt)
    assert exc.value.code == "not_connected"
    with pytest.raises(PrinterError) as exc:
        ReceiptPrinter("bogus")
    assert exc.value.code == "bad_target"


def test_dummy_target_keeps_bytes(receipt: Receipt) -> None:
    p = ReceiptPrinter("dummy:", paper_mm=58)
    sent = p.print_receipt(receipt)
    assert p.last_output == sent == p.render(receipt)


@pytest.mark.parametrize("paper_mm", [58, 80])
@pytest.mark.parametrize(
    "hall", ["测试镇便民服务中心", "青山镇便民服务中心", "测试镇便民服务中心东", "镇中心"])
def test_a_code_in_a_row_is_never_split_across_printed_lines(
    tmp_path: Path, make_receipt: Callable[..., Receipt], paper_mm: int, hall: str
) -> None:
    """Review6 #18: "受 理 人：自助终端（测试镇便民服务中心 KFEAC227" / "7）": the closing
    bracket, which may not start a line, took the code's last character with it. On
    the real ESC/POS bytes, at 58 and 80 mm, each code is whole on one printed line."""
    codes = ("KFEAC2277", "K1DE05F0", "S001")  # station codes: each fits a line
    rows = [(label, f"自助终端（{hall} {code}）")
            for label in ("受 理 人", "受理窗口") for code in codes]
    _, dec = _print(tmp_path, make_receipt(rows=rows), paper_mm=paper_mm)
    printed = dec.lines
    for code in codes:
        assert sum(code in line for line in printed) == 2, (code, printed)
