"""The A4 page of a paper for the hall's laser printer, as PDF bytes.

Laid out from the same ``Receipt`` the thermal printer prints (title, rows,
materials, further sections, notes, QR code, signature lines), with fpdf2 and
the station's CJK font embedded as a subset, so the page looks the same on any
computer. Every text is drawn as plain text (no markup is interpreted).

No font with Chinese glyphs, no PDF: ``PrinterError("no_font")`` says which
package to install instead of printing boxes.
"""

from __future__ import annotations

import dataclasses
import logging
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.fonts import TTFFont
from PIL import Image

from devices.fonts import cjk_font_path
from devices.printer.errors import PrinterError
from devices.printer.receipt import Receipt, qr_matrix, receipt_rows

log = logging.getLogger(__name__)

FAMILY = "yiwang-cjk"
MARGIN = 20.0  # mm
LABEL_W = 34.0  # mm, the label column of the rows
QR_MM = 32.0
LINE_H = 7.0
#: fonts for rare characters (生僻字, CJK extensions) the primary font lacks; loaded only
#: when a paper needs them (the first is 50 MB)
FALLBACK_FONTS = (
    "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf",
    "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
    "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
)


def no_font_error() -> PrinterError:
    return PrinterError(
        "no_font",
        "no CJK font found for the A4 PDF (install fonts-wqy-microhei or fonts-noto-cjk,"
        " or set YIWANG_CJK_FONT)",
    )


class _Page(FPDF):
    number = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FAMILY, size=9)
        self.set_text_color(110, 110, 110)
        text = f"{self.number}    第 {self.page_no()} 页 / 共 {{nb}} 页"
        self.cell(0, 6, text, align=Align.C)


def _qr_image(payload: str) -> Image.Image:
    matrix = qr_matrix(payload)
    size = len(matrix)
    image = Image.new("1", (size, size), 1)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.putpixel((x, y), 0)
    # scaled up without smoothing: a crisp code at any printer resolution
    return image.resize((size * 8, size * 8), Image.Resampling.NEAREST)


def _plain(text: str) -> str:
    """Outside text as plain characters: controls and format marks (a bidi override
    turning a number around) are dropped, line breaks become spaces."""
    return "".join(
        " " if ch in "\t\r\n\v\f" else ch
        for ch in text
        if ch in "\t\r\n\v\f" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )


def _plain_receipt(r: Receipt) -> Receipt:
    return dataclasses.replace(
        r,
        title=_plain(r.title),
        station_name=_plain(r.station_name),
        receipt_no=_plain(r.receipt_no),
        rows=[(_plain(a), _plain(b)) for a, b in receipt_rows(r)],
        materials=[(_plain(n), p) for n, p in r.materials],
        sections=[(_plain(h), [_plain(e) for e in es]) for h, es in r.sections],
        notes=[_plain(n) for n in r.notes],
        closing=[_plain(c) for c in r.closing],
        qr_caption=_plain(r.qr_caption),
    )


def _texts(r: Receipt) -> str:
    parts = [r.title, r.station_name, r.receipt_no, r.qr_caption, *r.notes, *r.closing]
    parts += [f"{a}{b}" for a, b in r.rows or ()]
    parts += [n for n, _p in r.materials]
    parts += [h + "".join(es) for h, es in r.sections]
    return "".join(parts)


def _add_fallbacks(pdf: FPDF, receipt: Receipt) -> None:
    """Rare characters the primary font lacks come from a fallback font, when one is
    installed; otherwise they are left out (logged), never a box of garbage."""
    font = pdf.fonts[FAMILY]
    cmap = font.cmap if isinstance(font, TTFFont) else {}
    missing = {ch for ch in _texts(receipt) if ord(ch) > 0x7F and ord(ch) not in cmap}
    if not missing:
        return
    names = []
    for n, path in enumerate(p for p in FALLBACK_FONTS if Path(p).is_file()):
        try:
            pdf.add_font(f"{FAMILY}-fallback{n}", fname=path)
        except Exception as e:
            log.warning("fallback font %s unusable: %r", path, e)
            continue
        names.append(f"{FAMILY}-fallback{n}")
    if names:
        pdf.set_fallback_fonts(names)
    else:
        log.warning("A4 paper: %d character(s) have no glyph in any installed font", len(missing))


def render_a4(receipt: Receipt, *, font_path: str | None = None) -> bytes:
    """The PDF of one paper on A4 (one page, more when the lists are long)."""
    receipt = _plain_receipt(receipt)
    path = font_path or cjk_font_path()
    if path is None or not Path(path).is_file():
        raise no_font_error()
    pdf = _Page(format="A4", unit="mm")
    pdf.number = receipt.receipt_no
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=22)
    try:
        pdf.add_font(FAMILY, fname=path, collection_font_number=0)
    except Exception as e:  # a damaged or unsupported font file
        log.warning("CJK font %s unusable for PDF: %r", path, e)
        raise no_font_error() from e
    _add_fallbacks(pdf, receipt)
    pdf.set_title(receipt.title)
    pdf.set_creator("Yiwang Window")
    pdf.set_creation_date(datetime.now(UTC))
    pdf.add_page()
    width = pdf.epw
    _heading(pdf, receipt, width)
    _rows(pdf, receipt, width)
    if receipt.materials:
        _materials(pdf, receipt, width)
    for heading, entries in receipt.sections:
        _numbered(pdf, heading, entries, width)
    if receipt.notes:
        pdf.ln(3)
        pdf.set_font(FAMILY, size=11)
        for note in receipt.notes:
            # a no-break space: a long note of Chinese (no spaces) otherwise wraps right
            # after the mark, leaving "※" alone on its line
            pdf.multi_cell(width, 6.5, f"※\u00a0{note}", align=Align.L, new_x=XPos.LMARGIN)
    # the A4 receipt is what the window stamps (受理专用章): room for the seal
    stamp = ["受理单位（盖章）：            "] if receipt.kind == "receipt" else []
    closing = receipt.closing or stamp
    if closing:
        pdf.ln(10)
        pdf.set_font(FAMILY, size=12)
        for line in closing:
            pdf.cell(width, 12, line, align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if not receipt.closing:
            pdf.ln(18)  # the seal itself is about 40 mm across
        pdf.cell(width, 10, "年    月    日", align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def _heading(pdf: FPDF, receipt: Receipt, width: float) -> None:
    top = pdf.get_y()
    # symmetric room beside the code, so the title stays centred on the page
    inset = QR_MM + 4 if receipt.qr_payload else 0.0
    text_w = width - 2 * inset
    if receipt.qr_payload:
        pdf.image(_qr_image(receipt.qr_payload), x=MARGIN + width - QR_MM, y=top, w=QR_MM)
        pdf.set_xy(MARGIN + width - QR_MM - 8, top + QR_MM + 0.5)
        pdf.set_font(FAMILY, size=7.5)
        pdf.multi_cell(QR_MM + 8, 3.6, receipt.qr_caption, align=Align.C)
    pdf.set_xy(MARGIN + inset, top + 4)
    pdf.set_font(FAMILY, size=22)
    pdf.multi_cell(text_w, 11, receipt.title, align=Align.C, new_x=XPos.LEFT)
    pdf.set_font(FAMILY, size=12)
    pdf.multi_cell(text_w, 7, receipt.station_name, align=Align.C, new_x=XPos.LEFT)
    bottom = top + (QR_MM + 9 if receipt.qr_payload else 0)
    pdf.set_y(max(pdf.get_y() + 3, bottom))
    pdf.set_draw_color(60, 60, 60)
    pdf.line(MARGIN, pdf.get_y(), MARGIN + width, pdf.get_y())
    pdf.ln(3)


def _rows(pdf: FPDF, receipt: Receipt, width: float) -> None:
    for label, value in receipt_rows(receipt):
        y = pdf.get_y()
        pdf.set_font(FAMILY, size=11)
        pdf.set_text_color(90, 90, 90)
        pdf.set_xy(MARGIN, y)
        pdf.multi_cell(LABEL_W, LINE_H, label.replace(" ", ""), align=Align.L)
        label_end = pdf.get_y()
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FAMILY, size=12)
        pdf.set_xy(MARGIN + LABEL_W, y)
        pdf.multi_cell(width - LABEL_W, LINE_H, value or "—", align=Align.L)
        pdf.set_y(max(label_end, pdf.get_y()))
    pdf.set_text_color(0, 0, 0)


def _section_title(pdf: FPDF, text: str, width: float) -> None:
    pdf.ln(3)
    pdf.set_fill_color(235, 235, 235)
    pdf.set_font(FAMILY, size=12)
    pdf.cell(width, 8, " " + text, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _materials(pdf: FPDF, receipt: Receipt, width: float) -> None:
    label = receipt.materials_label or ("需补齐材料" if "告知" in receipt.title else "已收材料")
    _section_title(pdf, label.rstrip("：:"), width)
    pdf.set_font(FAMILY, size=11)
    for n, (name, pages) in enumerate(receipt.materials, start=1):
        y = pdf.get_y()
        pdf.multi_cell(width - 24, 6.5, f"{n}. {name}", align=Align.L)
        end = pdf.get_y()
        pdf.set_xy(MARGIN + width - 24, y)
        pdf.cell(24, 6.5, f"{pages}页", align=Align.R)
        pdf.set_xy(MARGIN, end)


def _numbered(pdf: FPDF, heading: str, entries: list[str], width: float) -> None:
    _section_title(pdf, heading.rstrip("：:"), width)
    pdf.set_font(FAMILY, size=11)
    for n, entry in enumerate(entries, start=1):
        pdf.multi_cell(width, 6.5, f"{n}. {entry}", align=Align.L, new_x=XPos.LMARGIN)
