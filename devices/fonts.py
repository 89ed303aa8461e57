"""The CJK font for Pillow drawing: receipt raster/preview and synthetic camera photos.

Lookup order: `$YIWANG_CJK_FONT`, fontconfig's WenQuanYi Micro Hei, known install
paths; the first file that opens and has a glyph for a common hanzi wins.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageFont


FALLBACK_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)
_NOTDEF_PROBE = "\U0010fffd"  # private use, plane 16: no font has a glyph
_PROBE_SIZE = 24


def run_fc(args: list[str]) -> str:
    """Stdout of a fontconfig tool (`fc-match`, `fc-list`), or "" when it is missing or fails."""
    exe = shutil.which(args[0])
    if exe is None:
        return ""
    try:
        res = subprocess.run(
            [exe, *args[1:]], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return res.stdout if res.returncode == 0 else ""


def _mask_key(font: ImageFont.FreeTypeFont, ch: str) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(ch)
    return mask.size, bytes(mask)


def has_glyph(font: ImageFont.FreeTypeFont, ch: str) -> bool:
    """Whether `font` draws `ch` as itself rather than its missing-glyph box."""
    if ch.isspace():
        return True
    return _mask_key(font, ch) != _mask_key(font, _NOTDEF_PROBE)


@functools.cache
def cjk_font_path() -> str | None:
    """Path of a font with CJK glyphs, or None when none is installed."""
    env = os.environ.get("YIWANG_CJK_FONT")
    candidates: list[str] = [env] if env else []
    candidates.append(run_fc(["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei"]).strip())
    candidates.extend(FALLBACK_PATHS)
    for path in candidates:
        if not path or not Path(path).is_file():
            continue
        try:
            from PIL import ImageFont  # PIL on first use

            font = ImageFont.truetype(path, _PROBE_SIZE)
        except OSError:
            continue
        if has_glyph(font, "刘"):
            return path
    return None
