"""Every paper also as an A4 PDF, from the same data as the thermal print: the text read
back from the PDF (pypdf) holds each document's required fields, and the Chinese font
is embedded (as a subset) in the PDF's font dictionary."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from devices.idcard.simulator import sample_cards
from devices.printer.a4 import FALLBACK_FONTS, render_a4
from devices.printer.errors import PrinterError
from devices.printer.receipt import Receipt
from intake.catalog import Catalog
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession
from ui_shared.error_text import code_text

from .conftest import page

TODAY = date(2026, 12, 3)
# the station's clock on that day (10:00 in China): the receipt counts from it too
NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def _session(intake: IntakeService, catalog: Catalog, code: str) -> IntakeSession:
    session = IntakeSession(
        intake, catalog, InlineRunner(), clerk_id="c07", today=lambda: TODAY, now=lambda: NOW
    )
    session.card_read(sample_cards()[0])
    session.choose_item(code)
    return session


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "".join("".join(p.extract_text().split()) for p in reader.pages)


def _embedded_fonts(data: bytes) -> list[str]:
    """BaseFont names of the fonts whose program is inside the PDF (FontFile2/3)."""
    names = []
    for p in PdfReader(io.BytesIO(data)).pages:
        fonts = p["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            for desc_font in font.get("/DescendantFonts", [font]):
                descriptor = desc_font.get_object()["/FontDescriptor"].get_object()
                if "/FontFile2" in descriptor or "/FontFile3" in descriptor:
                    names.append(str(descriptor["/FontName"]))
    return names


def _check(paper: Receipt, *fields: str) -> str:
    data = render_a4(paper)
    assert data.startswith(b"%PDF-")
    text = _pdf_text(data)
    masked = paper.id_label
    for f in (paper.title, paper.receipt_no, paper.station_name, masked, *fields):
        assert "".join(f.split()) in text, f
    embedded = _embedded_fonts(data)
    assert embedded, "the CJK font must be embedded"
    # a subset: "ABCDEF+FontName" (only the glyphs used travel with the file)
    assert all(len(n.lstrip("/").split("+")[0]) == 6 and "+" in n for n in embedded)
    assert len(data) < 200_000  # subset, not the whole 5 MB font
    return text


def test_every_paper_as_a4_pdf_holds_its_fields(
    intake: IntakeService, catalog: Catalog
) -> None:
    plain = _session(intake, catalog, "SB-001")
    for m in plain.state.missing:
        plain.page_captured(page(m.code), m.code)
    plain.collection_chosen("post")
    plain.accept_requested()
    assert plain.state.outcome is not None
    [receipt] = plain.state.outcome.accepted.papers
    fields = ("受理部门县人力资源和社会保障局", "邮寄送达", "承诺办结", "已收材料")
    _check(receipt, *fields, "受理单位（盖章）")  # the window stamps the A4 receipt

    owed = _session(intake, catalog, "SB-001")
    owed.page_captured(page("form"), "M03")
    owed.deficiency_accept_requested()
    assert owed.state.outcome is not None
    text = _check(owed.state.outcome.accepted.receipt, "容缺受理", "补齐期限", "居民户口簿")
    assert "2026年12月07日前" in text

    committed = _session(intake, catalog, "SB-002")
    for code in ("M03", "M04"):
        committed.page_captured(page(code), code)
    committed.commitment_accept_requested()
    assert committed.state.outcome is not None
    receipt, form = committed.state.outcome.accepted.papers
    _check(receipt, "告知承诺制受理", "以告知承诺代替的材料")
    _check(form, "以本承诺代替的材料", "居民户口簿", "承诺人（签字并按手印）", "如承诺不实")

    notice = _session(intake, catalog, "SB-001")
    notice.material_defective("M01", "证件已过有效期")
    notice.notice_requested()
    [paper] = notice.state.papers
    _check(paper, "告知书编号", "证件已过有效期", "申请人签字")

    refusal = _session(intake, catalog, "NY-001")
    refusal.refusal_requested("R01")
    [paper] = refusal.state.papers
    _check(
        paper, "不予受理理由", "第三十二条", "行政复议", "申请人签收",
        "六十日内向县人民政府申请行政复议", "《中华人民共和国行政复议法》第二十条",
        "六个月内依法向人民法院提起行政诉讼", "《中华人民共和国行政诉讼法》第四十六条",
    )  # fmt: skip (one rendering of the paper, all its fields)


def test_without_a_cjk_font_the_pdf_fails_with_a_clear_error(
    intake: IntakeService, catalog: Catalog, tmp_path: Path
) -> None:
    session = _session(intake, catalog, "NY-001")
    session.refusal_requested("R01")
    [paper] = session.state.papers
    with pytest.raises(PrinterError) as missing:
        render_a4(paper, font_path=str(tmp_path / "no-such-font.ttc"))
    assert missing.value.code == "no_font" and "fonts-wqy-microhei" in str(missing.value)
    zh = code_text(missing.value.qualified_code)
    assert zh is not None and "fonts-wqy-microhei" in zh
    not_a_font = tmp_path / "broken.ttf"
    not_a_font.write_bytes(b"\x00\x01\x00\x00 not really a font")
    with pytest.raises(PrinterError) as broken:
        render_a4(paper, font_path=str(not_a_font))
    assert broken.value.code == "no_font"


def test_hostile_text_is_printed_as_text(intake: IntakeService, catalog: Catalog) -> None:
    session = _session(intake, catalog, "NY-001")
    session.refusal_requested("R01")
    [paper] = session.state.papers
    paper.notes.append("**<b>粗体</b>** \\n %PDF-1.7 ) Tj (")
    paper.notes.append("编号\u202eKCAB\u0000\x1b[31m尾")  # a bidi override, NUL, ESC
    text = _pdf_text(render_a4(paper))
    assert "**<b>粗体</b>**" in text and ")Tj(" in text
    assert "编号KCAB[31m尾" in text and "\u202e" not in text


def test_rare_characters_come_from_a_fallback_font(
    intake: IntakeService, catalog: Catalog
) -> None:
    """䶮 (Ext A) and 𠮷 (Ext B) are not in WenQuanYi Micro Hei; with a fallback font
    installed (fonts-babelstone-han, set up by ./run) they are printed, not dropped."""
    fallbacks = [p for p in FALLBACK_FONTS if Path(p).is_file()]
    if not fallbacks:
        pytest.skip("no fallback font for CJK extensions installed")
    session = _session(intake, catalog, "NY-001")
    session.refusal_requested("R01")
    [paper] = session.state.papers
    paper.notes.append("生僻字：䶮 𠮷")
    data = render_a4(paper)
    assert "生僻字：䶮𠮷" in _pdf_text(data)
    assert len(_embedded_fonts(data)) == 2  # the primary subset and the fallback subset


def test_a_long_note_keeps_its_mark_on_its_first_line(
    intake: IntakeService, catalog: Catalog
) -> None:
    refusal = _session(intake, catalog, "NY-001")
    refusal.refusal_requested("R01")
    [paper] = refusal.state.papers
    reader = PdfReader(io.BytesIO(render_a4(paper)))
    lines = [line.strip() for p in reader.pages for line in p.extract_text().splitlines()]
    marks = [line for line in lines if line.startswith("※")]
    assert len(marks) == 3, lines
    assert all(len(line) > 5 for line in marks), marks  # never "※" alone on a line
