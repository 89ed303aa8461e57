"""The printed service guide (办事指南): what a citizen takes home to prepare an application.

Not a receipt: no applicant, no receipt number, no QR code. It carries the item's
name and code, the materials with how many copies of each and whether the original
is to be shown, the promised time limit, the fees, the legal basis, and where to go.
`layout_guide` lays it out on the same character grid and blocks as the receipt (so
the ESC/POS renderer and the PNG preview print it unchanged); every line fits the paper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from devices.printer.receipt import (
    CST,
    Feed,
    LayoutBlock,
    ReceiptLayout,
    TextLine,
    display_width,
    paper_columns,
    wrap_text,
)

__all__ = ["GUIDE_TITLE", "GuideMaterial", "ServiceGuide", "layout_guide"]

GUIDE_TITLE = "办事指南"
#: said when the catalog states nothing, rather than leaving a heading empty
ASK_AT_WINDOW = "请咨询窗口"
SECTION_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class GuideMaterial:
    name: str
    copies: int = 1
    required: bool = True
    #: bring the original to be sighted (原件核验)
    original: bool = False
    #: the ID card's chip is read at the terminal: no copy needed
    card_read: bool = False

    def __post_init__(self) -> None:
        if self.copies < 1:
            raise ValueError(f"a material is needed at least once: {self.name!r}")


@dataclass(frozen=True)
class ServiceGuide:
    item_code: str
    item_name: str
    department: str
    materials: tuple[GuideMaterial, ...]
    time_limit_days: int
    fees: str
    legal_basis: str
    #: where the application is handed in (the hall printing the guide)
    station_name: str
    printed_at: datetime
    phone: str = ""
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.time_limit_days < 0:
            raise ValueError("time_limit_days must be >= 0")


def _indented(text: str, columns: int, indent: int = 4) -> list[TextLine]:
    return [TextLine(" " * indent + part) for part in wrap_text(text, columns - indent)]


def _material_lines(index: int, m: GuideMaterial, columns: int) -> list[TextLine]:
    """`1.名称 ... 1份` with the count right-aligned, then its conditions indented."""
    prefix = f"{index:>2}."
    count = "读卡" if m.card_read else f"{m.copies}份"
    pw, cw = display_width(prefix), display_width(count)
    body = wrap_text(m.name, columns - pw - cw - 1)
    out: list[TextLine] = []
    for k, part in enumerate(body):
        line = (prefix if k == 0 else " " * pw) + part
        if k == 0:
            line += " " * max(1, columns - display_width(line) - cw) + count
        out.append(TextLine(line))
    tags = ["必交" if m.required else "选交，有则提交"]
    if m.card_read:
        tags.append("带原件，在读卡器上读卡即可")
    elif m.original:
        tags.append("带原件核验")
    out.extend(_indented("（" + "，".join(tags) + "）", columns, pw))
    return out


def _sections(guide: ServiceGuide, columns: int) -> list[tuple[str, list[TextLine]]]:
    required = sum(1 for m in guide.materials if m.required)
    materials: list[TextLine] = []
    for n, m in enumerate(guide.materials, start=1):
        materials.extend(_material_lines(n, m, columns))
    if not guide.materials:
        materials = _indented("无需提交材料", columns)
    limit = (
        "即办件（材料齐全当场办结）"
        if guide.time_limit_days == 0
        else f"{guide.time_limit_days}个工作日（自受理之日起）"
    )
    where = [f"受理地点：{guide.station_name}（自助终端或综合受理窗口）",
             f"审批部门：{guide.department}"]
    if guide.phone:
        where.append(f"咨询电话：{guide.phone}")
    where_lines = [line for text in where for line in _indented(text, columns)]
    return [
        (f"所需材料（共{len(guide.materials)}项，必交{required}项）", materials),
        ("承诺时限", _indented(limit, columns)),
        ("收费标准", _indented(guide.fees.strip() or ASK_AT_WINDOW, columns)),
        ("设定依据", _indented(guide.legal_basis.strip() or ASK_AT_WINDOW, columns)),
        ("办理地点", where_lines),
    ]


def layout_guide(guide: ServiceGuide, paper_mm: int = 80) -> ReceiptLayout:
    """Lay the guide out for 58 or 80 mm paper."""
    dots, cols = paper_columns(paper_mm)
    blocks: list[LayoutBlock] = []
    blocks.extend(TextLine(p, align="center", bold=True, size=2)
                  for p in wrap_text(GUIDE_TITLE, cols // 2))
    blocks.extend(TextLine(p, align="center", bold=True) for p in wrap_text(guide.item_name, cols))
    code = f"事项编码：{guide.item_code}"
    blocks.extend(TextLine(p, align="center") for p in wrap_text(code, cols))
    rule = TextLine("=" * cols)
    blocks.append(rule)
    for number, (heading, lines) in zip(SECTION_NUMBERS, _sections(guide, cols), strict=False):
        blocks.extend(TextLine(p, bold=True) for p in wrap_text(f"{number}、{heading}", cols))
        blocks.extend(lines)
        blocks.append(Feed(1))
    if guide.notes:
        blocks.append(TextLine("-" * cols))
        for note in guide.notes:
            blocks.extend(TextLine(p) for p in wrap_text(f"* {note}", cols))
    blocks.append(TextLine("-" * cols))
    at = guide.printed_at.astimezone(CST) if guide.printed_at.tzinfo else guide.printed_at
    blocks.extend(TextLine(p) for p in wrap_text(f"打印时间：{at:%Y-%m-%d %H:%M}", cols))
    disclaimer = "本指南供准备材料参考，以受理时窗口告知为准。"
    blocks.extend(TextLine(p) for p in wrap_text(disclaimer, cols))
    blocks.append(Feed(2))
    for block in blocks:
        if isinstance(block, TextLine):
            assert display_width(block.text) * block.size <= cols, block
    return ReceiptLayout(paper_mm=paper_mm, dots=dots, columns=cols, blocks=tuple(blocks))
