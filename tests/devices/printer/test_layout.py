from __future__ import annotations

from collections.abc import Callable

import pytest

from devices.printer.receipt import (
    QrBlock,
    Receipt,
    TextLine,
    char_width,
    display_width,
    layout_receipt,
    wrap_text,
)


def test_char_width_east_asian() -> None:
    assert char_width("A") == 1
    assert char_width("刘") == 2
    assert char_width("，") == 2  # full-width comma
    assert char_width("（") == 2
    assert char_width("￥") == 2
    assert char_width("䶮") == 2
    assert char_width("𠮷") == 2
    assert char_width("·") == 2  # GBK two-byte: a Chinese-mode printer prints it full width
    assert display_width("S001-甲") == 7


@pytest.mark.parametrize("columns", [32, 48, 16, 7])
def test_wrap_never_exceeds_columns(columns: int) -> None:
    text = (
        "城乡居民基本养老保险参保登记（含补缴）、变更，S001-20261125-0001 abc，"
        "一二三四五六七八九十一二三四五，六。Long ASCII words wrap too: "
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJ 刘䶮𠮷¥"
    )
    lines = wrap_text(text, columns)
    assert all(display_width(line) <= columns for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_keeps_ascii_word_and_avoids_leading_punctuation() -> None:
    lines = wrap_text("回执编号 S001-0001", 12)
    assert lines == ["回执编号", "S001-0001"]
    lines = wrap_text("一二三四五六七八九十一二三四五六，七", 32)
    assert not any(line.startswith("，") for line in lines)


@pytest.mark.parametrize(("paper", "dots", "cols"), [(58, 384, 32), (80, 576, 48)])
def test_layout_fits_paper(
    paper: int, dots: int, cols: int, make_receipt: Callable[..., Receipt]
) -> None:
    r = make_receipt(
        station_name="某某县某某镇人民政府便民服务中心（综合受理窗口）",
        item_name="城乡居民基本医疗保险参保登记及缴费基数核定（含新生儿、大中专学生）",
        materials=[("户口簿首页及本人页复印件（需核验原件，复印件加盖村委会公章）", 12)],
        notes=["办理进度可扫描下方二维码查询，或拨打服务热线 12345 咨询。" * 2],
    )
    layout = layout_receipt(r, paper)
    assert (layout.dots, layout.columns) == (dots, cols)
    texts = [b for b in layout.blocks if isinstance(b, TextLine)]
    for line in texts:
        assert display_width(line.text) * line.size <= cols, line
    assert texts[0].text == "受理回执" and texts[0].size == 2 and texts[0].bold
    qr = [b for b in layout.blocks if isinstance(b, QrBlock)]
    assert len(qr) == 1 and qr[0].module_dots * qr[0].modules <= dots
    joined = "".join(t.text.strip() for t in texts)
    assert "12页" in joined and "S001-20261125-0007" in joined


def test_non_ascii_qr_payload_rejected(make_receipt: Callable[..., Receipt]) -> None:
    with pytest.raises(ValueError, match="ASCII"):
        make_receipt(qr_payload="YW:刘䶮")


def test_notice_uses_missing_materials_heading(make_receipt: Callable[..., Receipt]) -> None:
    layout = layout_receipt(make_receipt(title="一次性告知书"), 58)
    assert "需补齐材料：" in layout.text_lines()


def test_unknown_paper_width(make_receipt: Callable[..., Receipt]) -> None:
    with pytest.raises(ValueError):
        layout_receipt(make_receipt(), 76)


@pytest.mark.parametrize("columns", range(12, 49))
def test_a_closing_mark_takes_the_whole_code_down_not_its_last_character(
    columns: int,
) -> None:
    """Review6 #18 at every width: a code before "）" moves down whole (or stays whole
    and the mark starts the line), never "KFEAC227" / "7）"."""
    for lead in range(0, 16):
        text = "自" * lead + "助终端（测试镇 KFEAC2277）。"
        lines = wrap_text(text, columns)
        assert all(display_width(line) <= columns for line in lines)
        assert sum("KFEAC2277" in line for line in lines) == 1, (columns, lead, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
