"""The 身份证信息 page: what the reader took from the card's chip, laid out as an A4
page, filed as the ID-card material where the item allows it — no photo of the
card needed. The portrait photo is left out (not needed to prove the data, and
one less image of a face on disk).

Image work (PIL): call off the GUI thread.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING

from devices.fonts import cjk_font_path
from devices.idcard.card import IdCardData

if TYPE_CHECKING:
    from PIL import ImageFont

PAGE_PX = (1654, 2339)  # A4 at 200 dpi, like a captured page


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    path = cjk_font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default()


def card_rows(card: IdCardData) -> list[tuple[str, str]]:
    until = card.valid_until.strftime("%Y.%m.%d") if card.valid_until else "长期"
    return [
        ("姓名", card.name),
        ("性别", card.gender),
        ("民族", card.nation or "—"),
        ("出生", card.birth_date.strftime("%Y年%m月%d日")),
        ("住址", card.address or "—"),
        ("公民身份号码", card.id_number),
        ("签发机关", card.issuer or "—"),
        ("有效期限", f"{card.valid_from:%Y.%m.%d}-{until}"),
    ]


def render_card_page(card: IdCardData, *, read_at: datetime, station: str) -> bytes:
    """JPEG of the page; ``read_at`` and ``station`` say where the data came from."""
    from PIL import Image, ImageDraw  # on first use: the station opens without PIL

    page = Image.new("L", PAGE_PX, 255)
    draw = ImageDraw.Draw(page)
    title, body, small = _font(72), _font(44), _font(32)
    draw.text((PAGE_PX[0] // 2, 180), "身份证信息", font=title, fill=0, anchor="mm")
    draw.text(
        (PAGE_PX[0] // 2, 270),
        "（读取自第二代居民身份证芯片，非证件照片）",
        font=small,
        fill=60,
        anchor="mm",
    )
    y = 420
    for label, value in card_rows(card):
        draw.text((180, y), label, font=body, fill=0)
        # long addresses wrap at 22 characters
        lines = [value[i : i + 22] for i in range(0, len(value), 22)] or [""]
        for line in lines:
            draw.text((560, y), line, font=body, fill=0)
            y += 70
        y += 30
    draw.line((180, y, PAGE_PX[0] - 180, y), fill=120, width=3)
    draw.text(
        (180, y + 40),
        f"读取时间：{read_at:%Y-%m-%d %H:%M}　受理地点：{station}",
        font=small,
        fill=0,
    )
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=85)
    return out.getvalue()


def warm_up_pil() -> None:
    """Load PIL's image, drawing and font modules (for station.warmup)."""
    from PIL import Image, ImageDraw, ImageFont  # noqa: F401

    cjk_font_path()
