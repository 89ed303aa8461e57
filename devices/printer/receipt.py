"""Receipt model and the paper layout shared by the ESC/POS and PNG renderers.

`layout_receipt(receipt, paper_mm)` turns a `Receipt` into a `ReceiptLayout`:
a list of blocks (`TextLine`, `QrBlock`, `Feed`) already wrapped to the paper's
character grid. The grid is the printer's Font A: 12 dots per column, a hanzi or
full-width punctuation mark takes 2 columns (24 dots). 58 mm paper is 384 dots =
32 columns (16 hanzi), 80 mm paper is 576 dots = 48 columns (24 hanzi).

This module does no I/O and knows nothing of output: the renderers
(`raster`, `preview`, `escpos_output`) import it, never the other way round
(an import-linter contract keeps it so). `ReceiptPrinter` and `PrinterStatus`
live in `devices.printer.escpos_output`, `PrinterError` in `devices.printer.errors`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal

__all__ = [
    "CELL_DOTS",
    "PAPER_DOTS",
    "Align",
    "Feed",
    "LayoutBlock",
    "QrBlock",
    "Receipt",
    "ReceiptLayout",
    "TextLine",
    "char_width",
    "display_width",
    "layout_receipt",
    "paper_columns",
    "wrap_text",
]

#: Width of one ASCII column in printer dots (Font A, 12x24).
CELL_DOTS = 12
#: Printable width in dots per paper width in mm.
PAPER_DOTS: dict[int, int] = {58: 384, 80: 576}

#: China Standard Time; receipts show the citizen's wall-clock time.
CST = timezone(timedelta(hours=8), "CST")

Align = Literal["left", "center", "right"]

# Characters that must not start a line (kinsoku): closing punctuation.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—%,.;:?!)]}·")


def char_width(ch: str) -> int:
    """Display width of one character in printer columns (0, 1 or 2).

    Wide/full-width characters (East Asian width W or F) take 2 columns; so does
    any other non-ASCII character that a Chinese-mode printer prints from its
    two-byte font (e.g. '·' U+00B7, '—' U+2014, '“'), because such a printer
    prints every two-byte code as a full-width glyph. Combining marks and
    control characters take 0.
    """
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Cc", "Cf"):
        return 0
    if ord(ch) < 0x80:
        return 1
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    try:
        encoded = ch.encode("gbk")
    except UnicodeEncodeError:
        return 2 if unicodedata.east_asian_width(ch) == "A" else 1
    return 2 if len(encoded) == 2 else 1


def display_width(text: str) -> int:
    """Width of `text` in printer columns."""
    return sum(char_width(ch) for ch in text)


def _clean(text: str) -> str:
    """Collapse whitespace/control characters to single spaces."""
    out = []
    for ch in text:
        if ch in "\t\r\n\v\f" or unicodedata.category(ch) == "Cc":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out).strip()


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_./:*#@")


def wrap_text(text: str, columns: int) -> list[str]:
    """Wrap `text` to lines of at most `columns` display columns.

    Breaks between any two hanzi; keeps ASCII words (receipt numbers, masked ID
    numbers) whole where they fit on a line; avoids starting a line with closing
    punctuation. Never returns a line wider than `columns`. Always returns at
    least one line (possibly "").
    """
    if columns < 2:
        raise ValueError("columns must be >= 2")
    text = _clean(text)
    lines: list[str] = []
    cur: list[str] = []
    width = 0
    i = 0
    while i < len(text):
        ch = text[i]
        w = char_width(ch)
        if width + w <= columns:
            cur.append(ch)
            width += w
            i += 1
            continue
        carry: list[str] = []
        if _is_ascii_word(ch):
            j = len(cur)
            while j > 0 and _is_ascii_word(cur[j - 1]):
                j -= 1
            end = i
            while end < len(text) and _is_ascii_word(text[end]):
                end += 1
            if 0 < j < len(cur) and (len(cur) - j) + (end - i) <= columns:
                carry = cur[j:]
                cur = cur[:j]
        elif (
            ch in _NO_LINE_START and columns >= 6 and len(cur) > 1 and cur[-1] not in _NO_LINE_START
        ):
            # the punctuation takes the last word down with it: a whole code or number
            # ("KFEAC2277）"), never its last character alone
            j = len(cur) - 1
            while j > 0 and _is_ascii_word(cur[j - 1]) and _is_ascii_word(cur[j]):
                j -= 1
            if j > 0 and display_width("".join(cur[j:])) + w <= columns:
                carry = cur[j:]
                cur = cur[:j]
        lines.append("".join(cur).rstrip())
        cur = carry
        width = display_width("".join(cur))
        if ch == " " and not cur:
            i += 1  # a space at the break is dropped
    lines.append("".join(cur).rstrip())
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


@dataclass
class Receipt:
    """What a receipt (受理回执) or notice (一次性告知书) prints.

    `applicant_label` and `id_label` are already masked by the caller.
    `qr_payload` must be ASCII: names never go into a QR code.
    """

    title: str
    station_name: str
    receipt_no: str
    item_name: str
    applicant_label: str
    id_label: str
    materials: list[tuple[str, int]]
    accepted_at: datetime
    time_limit_days: int
    qr_payload: str
    notes: list[str] = field(default_factory=list)
    #: Heading over the material list; "" = derived from the title.
    materials_label: str = ""
    #: The (label, value) rows under the heading; None = the standard receipt rows
    #: (number, item, applicant, ID, time, limit). Lets each document have its own.
    rows: list[tuple[str, str]] | None = None
    #: The line under the QR code: say what scanning it does.
    qr_caption: str = "扫码查询办理进度"
    #: Lines at the very end (a signature line on a notice).
    closing: list[str] = field(default_factory=list)
    #: Further titled lists after the materials (what is owed and by when, what the
    #: applicant commits to), each printed as numbered lines.
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    #: Which paper this is ("receipt", "notice", "refusal", "commitment"): for records
    #: and file names, never printed.
    kind: str = "receipt"

    def __post_init__(self) -> None:
        if not self.qr_payload.isascii():
            raise ValueError("qr_payload must be ASCII (no names or Chinese text in QR codes)")
        if self.time_limit_days < 0:
            raise ValueError("time_limit_days must be >= 0")
        for name, pages in self.materials:
            if pages < 0:
                raise ValueError(f"negative page count for material {name!r}")


@dataclass(frozen=True)
class TextLine:
    """One printed line. `size` 2 = double width and height (half the columns)."""

    text: str
    align: Align = "left"
    bold: bool = False
    size: Literal[1, 2] = 1


@dataclass(frozen=True)
class QrBlock:
    """A QR code, centred; `module_dots` is the size of one module in dots."""

    payload: str
    module_dots: int
    modules: int  # modules per side including the quiet zone


@dataclass(frozen=True)
class Feed:
    """Blank paper, in text lines."""

    lines: int = 1


LayoutBlock = TextLine | QrBlock | Feed


@dataclass(frozen=True)
class ReceiptLayout:
    paper_mm: int
    dots: int
    columns: int
    blocks: tuple[LayoutBlock, ...]

    def text_lines(self) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, TextLine)]


def paper_columns(paper_mm: int) -> tuple[int, int]:
    """(dots, columns) for a paper width; ValueError for unknown widths."""
    try:
        dots = PAPER_DOTS[paper_mm]
    except KeyError:
        raise ValueError(f"unsupported paper width {paper_mm} mm (58 or 80)") from None
    return dots, dots // CELL_DOTS


#: QR quiet zone in modules (the spec asks for 4; 2 prints fine on white paper).
QR_BORDER = 2


def qr_matrix(payload: str) -> list[list[bool]]:
    """QR modules (True = dark) with the quiet zone, error correction M."""
    import qrcode  # here, not at module load: it pulls PIL in, which start-up does not need
    import qrcode.constants

    code = qrcode.QRCode(
        version=None, error_correction=qrcode.constants.ERROR_CORRECT_M, border=QR_BORDER
    )
    code.add_data(payload.encode("ascii"))
    code.make(fit=True)
    matrix: list[list[bool]] = [[bool(v) for v in row] for row in code.get_matrix()]
    return matrix


def _qr_block(payload: str, dots: int) -> QrBlock:
    modules = len(qr_matrix(payload))
    # About half the paper width, 3..8 dots per module.
    module = max(3, min(8, (dots // 2) // modules))
    if module * modules > dots:
        module = max(1, dots // modules)
    return QrBlock(payload=payload, module_dots=module, modules=modules)


def _fmt_time(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(CST)
    return at.strftime("%Y-%m-%d %H:%M")


def _label_value(label: str, value: str, columns: int) -> list[TextLine]:
    """`label` then `value`, continuation lines indented under the value."""
    lw = display_width(label)
    if lw > columns // 2:
        return [TextLine(s) for s in [*wrap_text(label, columns), *wrap_text(value, columns)]]
    parts = wrap_text(value, columns - lw)
    out = [TextLine(label + parts[0])]
    out.extend(TextLine(" " * lw + p) for p in parts[1:])
    return out


def _material_lines(index: int, name: str, pages: int, columns: int) -> list[TextLine]:
    prefix = f"{index}."
    pw = display_width(prefix)
    right = f"{pages}页"
    rw = display_width(right)
    body = wrap_text(name, columns - pw - rw - 1) if columns - pw - rw - 1 >= 4 else [name]
    out: list[TextLine] = []
    for k, part in enumerate(body):
        head = prefix if k == 0 else " " * pw
        line = head + part
        if k == 0:
            gap = columns - display_width(line) - rw
            line = line + " " * max(1, gap) + right
        out.append(TextLine(line))
    return out


def receipt_rows(receipt: Receipt) -> list[tuple[str, str]]:
    if receipt.rows is not None:
        return receipt.rows
    limit = "即办件" if receipt.time_limit_days == 0 else f"{receipt.time_limit_days}个工作日"
    return [
        ("回执编号", receipt.receipt_no),
        ("办理事项", receipt.item_name),
        ("申 请 人", receipt.applicant_label),
        ("证件号码", receipt.id_label),
        ("受理时间", _fmt_time(receipt.accepted_at)),
        ("承诺时限", limit),
    ]


def layout_receipt(receipt: Receipt, paper_mm: int = 80) -> ReceiptLayout:
    """Lay out a receipt for 58 or 80 mm paper. Every `TextLine` fits its width."""
    dots, cols = paper_columns(paper_mm)
    blocks: list[LayoutBlock] = []
    for part in wrap_text(receipt.title, cols // 2):
        blocks.append(TextLine(part, align="center", bold=True, size=2))
    for part in wrap_text(receipt.station_name, cols):
        blocks.append(TextLine(part, align="center"))
    rule = TextLine("-" * cols)
    blocks.append(rule)
    for label, value in receipt_rows(receipt):
        blocks.extend(_label_value(f"{label}：", value, cols))
    if receipt.materials:
        blocks.append(rule)
        label = receipt.materials_label or (
            "需补齐材料：" if "告知" in receipt.title else "已收材料："
        )
        blocks.append(TextLine(label, bold=True))
        for n, (name, pages) in enumerate(receipt.materials, start=1):
            blocks.extend(_material_lines(n, name, pages, cols))
    for heading, entries in receipt.sections:
        blocks.append(rule)
        blocks.extend(_label_value("", heading, cols))
        for n, entry in enumerate(entries, start=1):
            blocks.extend(_label_value(f"{n}.", entry, cols))
    if receipt.notes:
        blocks.append(rule)
        for note in receipt.notes:
            blocks.extend(_label_value("* ", note, cols))
    if receipt.qr_payload:
        blocks.append(Feed(1))
        blocks.append(_qr_block(receipt.qr_payload, dots))
        for part in wrap_text(receipt.qr_caption, cols):
            blocks.append(TextLine(part, align="center"))
    if receipt.closing:
        blocks.append(Feed(1))
        for line in receipt.closing:
            blocks.extend(_label_value("", line, cols))
    blocks.append(Feed(1))
    for block in blocks:
        if isinstance(block, TextLine):
            assert display_width(block.text) * block.size <= cols, block
    return ReceiptLayout(paper_mm=paper_mm, dots=dots, columns=cols, blocks=tuple(blocks))

