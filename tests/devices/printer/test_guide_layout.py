"""The printed service guide (办事指南): its own thermal layout (title, materials with
counts, time limit, fees, legal basis, where to go), rendered to real ESC/POS bytes
and decoded back, on 58 and 80 mm paper."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from devices.printer.escpos_decode import decode_escpos
from devices.printer.escpos_output import ReceiptPrinter
from devices.printer.guide import GUIDE_TITLE, GuideMaterial, ServiceGuide, layout_guide
from devices.printer.receipt import TextLine, display_width

LONG_BASIS = ("《社会保险法》第十六条：参加基本养老保险的个人，达到法定退休年龄时"
              "累计缴费满十五年的，按月领取基本养老金。")


def _guide(**changes: object) -> ServiceGuide:
    fields: dict[str, object] = dict(
        item_code="SB-002",
        item_name="城乡居民基本养老保险待遇领取资格确认",
        department="县人力资源和社会保障局",
        materials=(
            GuideMaterial("居民身份证", copies=1, original=True, card_read=True),
            GuideMaterial("户口簿（本人页）复印件", copies=2),
            GuideMaterial("结婚证", copies=1, original=True),
            GuideMaterial("银行卡或社保卡复印件", copies=1, required=False),
        ),
        time_limit_days=5,
        fees="不收费",
        legal_basis=LONG_BASIS,
        station_name="测试镇便民服务中心",
        printed_at=datetime(2026, 12, 3, 2, 30, tzinfo=UTC),
        phone="0571-12345678",
    )
    fields.update(changes)
    return ServiceGuide(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_every_line_fits_and_the_sections_come_in_order(paper_mm: int) -> None:
    layout = layout_guide(_guide(), paper_mm)
    lines = [b for b in layout.blocks if isinstance(b, TextLine)]
    assert all(display_width(b.text) * b.size <= layout.columns for b in lines)
    assert lines[0].text == GUIDE_TITLE and lines[0].size == 2 and lines[0].bold
    headings = [b.text for b in lines if b.bold and b.text[:1] in "一二三四五"]
    sections = ["所需材料", "承诺时限", "收费标准", "设定依据", "办理地点"]
    assert [h[2:6] for h in headings] == sections
    assert headings[0] == "一、所需材料（共4项，必交3项）"


def test_materials_carry_their_counts_and_conditions() -> None:
    text = "\n".join(layout_guide(_guide(), 80).text_lines())
    first, second, third = (line for line in text.splitlines() if line[:3] in (" 1.", " 2.", " 4."))
    assert first.startswith(" 1.居民身份证") and first.endswith("读卡")
    assert second.startswith(" 2.户口簿") and second.endswith("2份")
    assert third.endswith("1份")
    flat = text.replace("\n", "").replace(" ", "")
    assert "（必交，带原件，在读卡器上读卡即可）" in flat
    assert "（必交）" in flat and "（选交，有则提交）" in flat and "（必交，带原件核验）" in flat
    # right-aligned counts: the count ends at the paper's edge
    assert display_width(second) == 48


def test_time_limit_fees_basis_and_where_to_go() -> None:
    text = "".join(line.strip() for line in layout_guide(_guide(), 58).text_lines())
    assert "5个工作日（自受理之日起）" in text
    assert "不收费" in text
    assert LONG_BASIS in text  # wrapped over several lines, nothing cut
    assert "受理地点：测试镇便民服务中心" in text and "审批部门：县人力资源和社会保障局" in text
    assert "咨询电话：0571-12345678" in text
    assert "打印时间：2026-12-03 10:30" in text  # Beijing time
    same_day = "".join(layout_guide(_guide(time_limit_days=0, fees="", legal_basis=""),
                                    58).text_lines())
    assert "即办件" in same_day and same_day.count("请咨询窗口") == 2


def test_no_receipt_parts_and_no_personal_fields() -> None:
    layout = layout_guide(_guide(), 80)
    text = "\n".join(layout.text_lines())
    for receipt_only in ("回执编号", "申 请 人", "证件号码", "受理时间", "扫码查询"):
        assert receipt_only not in text
    assert not any(type(b).__name__ == "QrBlock" for b in layout.blocks)


def test_printed_as_real_escpos_bytes(tmp_path: object) -> None:
    printer = ReceiptPrinter("dummy:", paper_mm=58)
    data = printer.print_layout(lambda mm: layout_guide(_guide(), mm), "service guide SB-002")
    assert data == printer.last_output and data.startswith(b"\x1b@")
    decoded = decode_escpos(data)
    assert GUIDE_TITLE in decoded.chinese_text  # sent in the printer's Chinese mode
    assert decoded.lines[0].strip() == GUIDE_TITLE
    assert any(line.rstrip().endswith("2份") for line in decoded.lines)
    assert "一、所需材料" in decoded.text and "五、办理地点" in decoded.text
    assert any(op.kind == "size" and op.value for op in decoded.ops)  # the double-size title


def test_bad_guides_are_refused() -> None:
    with pytest.raises(ValueError):
        GuideMaterial("x", copies=0)
    with pytest.raises(ValueError):
        _guide(time_limit_days=-1)
