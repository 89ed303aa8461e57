"""Pillow rendering of layout blocks: used for raster lines on paper and for the preview.

Text is drawn on the same grid the printer uses (12 dots per column, 24-dot
glyphs), so a raster line lines up with text-mode lines and the PNG preview
matches the paper.

Fonts: the primary CJK font is WenQuanYi Micro Hei (found with fontconfig, or
`YIWANG_CJK_FONT`). WQY Micro Hei has no CJK Extension A/B glyphs (䶮, 𠮷), so
characters it lacks are looked up with `fc-list :charset=<hex>`; install e.g.
`fonts-hanazono` or `fonts-babelstone-han` for full coverage. A character no
installed font covers is drawn as a framed hex code point (U+4DAE as "4D/AE")
and logged: it is never printed as '?' or as a tofu box that could be taken for
another character.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from devices.fonts import cjk_font_path, has_glyph, run_fc
from devices.printer.errors import PrinterError
from devices.printer.receipt import CELL_DOTS, QrBlock, TextLine, char_width, qr_matrix

log = logging.getLogger(__name__)

#: Glyph height in dots (Font A / 24x24 hanzi).
GLYPH_DOTS = 24
#: Height of one text line on paper (glyph + line spacing) in dots.
LINE_DOTS = 30


def primary_font_path() -> str:
    """Path of the CJK font (`devices.fonts.cjk_font_path`); PrinterError "no_font" if none."""
    path = cjk_font_path()
    if path is None:
        raise PrinterError(
            "no_font", "no CJK font found (install fonts-wqy-microhei or set YIWANG_CJK_FONT)"
        )
    return path


@functools.cache
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


@functools.cache
def _covering_font_path(ch: str) -> str | None:
    """A font file that has a glyph for `ch`: the primary font, else fontconfig's pick."""
    primary = primary_font_path()
    if has_glyph(_font(primary, GLYPH_DOTS), ch):
        return primary
    listing = run_fc(["fc-list", f":charset={ord(ch):x}", "file"])
    for line in listing.splitlines():
        path = line.split(":")[0].strip()
        if path and Path(path).is_file():
            try:
                if has_glyph(_font(path, GLYPH_DOTS), ch):
                    return path
            except OSError:
                continue
    log.warning("no installed font has a glyph for U+%04X; printing its code point", ord(ch))
    return None


def missing_glyphs(text: str) -> list[str]:
    """Characters of `text` that no installed font can draw (printed as hex boxes)."""
    return [ch for ch in dict.fromkeys(text) if _covering_font_path(ch) is None]


def _draw_hexbox(draw: ImageDraw.ImageDraw, x: int, y: int, w: int, h: int, ch: str) -> None:
    draw.rectangle((x + 1, y + 1, x + w - 2, y + h - 2), outline=0)
    digits = f"{ord(ch):04X}"
    half = (len(digits) + 1) // 2
    rows = [digits[:half], digits[half:]]
    small = _font(primary_font_path(), max(8, h // 2 - 2))
    for k, row in enumerate(rows):
        cy = y + h * (1 + 2 * k) // 4
        draw.text((x + w // 2, cy), row, font=small, fill=0, anchor="mm")


def render_text_line(line: TextLine, width_dots: int) -> Image.Image:
    """Draw one layout line on the printer grid; mode "L", pure black on white,
    `width_dots` wide and `LINE_DOTS * size` high."""
    scale = line.size
    cell = CELL_DOTS * scale
    glyph = GLYPH_DOTS * scale
    height = LINE_DOTS * scale
    img = Image.new("L", (width_dots, height), 255)
    draw = ImageDraw.Draw(img)
    widths = [char_width(ch) for ch in line.text]
    total = sum(widths) * cell
    if line.align == "center":
        x = max(0, (width_dots - total) // 2)
    elif line.align == "right":
        x = max(0, width_dots - total)
    else:
        x = 0
    top = (height - glyph) // 2
    for ch, w in zip(line.text, widths, strict=True):
        if w == 0:
            continue
        cw = w * cell
        if not ch.isspace():
            path = _covering_font_path(ch)
            if path is None:
                _draw_hexbox(draw, x, top, cw, glyph, ch)
            else:
                font = _font(path, glyph)
                draw.text(
                    (x + cw / 2, top + glyph / 2),
                    ch,
                    font=font,
                    fill=0,
                    anchor="mm",
                    stroke_width=1 if line.bold else 0,
                    stroke_fill=0,
                )
        x += cw
    return binarize(img)


def binarize(img: Image.Image) -> Image.Image:
    """Threshold anti-aliased drawing to pure black/white (thermal dots are on/off;
    converting grey to 1-bit with dithering would speckle the glyphs)."""
    return img.point(lambda v: 0 if v < 128 else 255)


def render_qr(block: QrBlock, width_dots: int) -> Image.Image:
    """The QR code as a full-width mode "L" image, centred."""
    size = block.modules * block.module_dots
    img = Image.new("L", (width_dots, size), 255)
    x0 = max(0, (width_dots - size) // 2)
    draw = ImageDraw.Draw(img)
    for r, row in enumerate(qr_matrix(block.payload)):
        for c, dark in enumerate(row):
            if dark:
                x = x0 + c * block.module_dots
                y = r * block.module_dots
                draw.rectangle((x, y, x + block.module_dots - 1, y + block.module_dots - 1), fill=0)
    return img
