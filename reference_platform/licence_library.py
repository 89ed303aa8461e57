"""The reference platform's sample electronic licence library (电子证照, P9).

Made up, and it says so: every holder is a 样例持证人, every issuer a 演示 office,
and every page carries "演示样例 非真实证照". The holders' ID numbers are the made-up
cards of the demo's ID card simulator (so that the demo finds licences), plus one
number that no card has. Pages are rendered here (JPEG), once per process.

A real platform would look a holder up through an index it keeps per station; with a
handful of sample holders the platform simply computes each one's keyed hash.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from wire.licences import holder_hash

PAGE_PX = (1240, 1754)  # A4 at 150 dpi
_FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)


@dataclass(frozen=True)
class SampleLicence:
    licence_id: str
    kind: str
    title: str
    number: str
    issuer: str
    issued_on: str
    valid_until: str | None
    holder_name: str

    @property
    def holder_masked(self) -> str:
        name = self.holder_name
        return name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else name[0] + "*"

    def doc(self) -> dict[str, object]:
        page = render_page(self)
        return {
            "licence_id": self.licence_id, "kind": self.kind, "title": self.title,
            "number": self.number, "issuer": self.issuer, "issued_on": self.issued_on,
            "valid_until": self.valid_until, "holder": self.holder_masked,
            "page_sha256": hashlib.sha256(page).hexdigest(), "page_bytes": len(page),
            "sample": True,
        }  # fmt: skip


_KINDS = {
    "hukou": ("居民户口簿（常住人口登记卡）", "演示县公安局城关派出所", None),
    "marriage": ("结婚证", "演示县民政局", None),
    "property": ("不动产权证书", "演示县自然资源局", None),
    "driving": ("机动车驾驶证", "演示市公安局交通警察支队", "2032-06-30"),
    "birth": ("出生医学证明", "演示县妇幼保健院", None),
}
_HOLDERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("330881198503171237", "样例持证人甲", ("hukou", "marriage", "property")),
    ("522634197806210026", "样例持证人乙", ("hukou", "driving", "birth")),
    ("421122195609180634", "样例持证人丙", ("property",)),
    ("110101199001010031", "样例持证人丁", ("hukou",)),  # no simulator card has it
)


def _licences() -> dict[str, tuple[SampleLicence, ...]]:
    library: dict[str, tuple[SampleLicence, ...]] = {}
    for number, name, kinds in _HOLDERS:
        entries = []
        for i, kind in enumerate(kinds):
            title, issuer, until = _KINDS[kind]
            digest = hashlib.sha256(f"{number}:{kind}".encode()).hexdigest()
            entries.append(SampleLicence(
                licence_id=f"EL-{digest[:16]}", kind=kind, title=title,
                number=f"演示{kind[:2].upper()}{int(digest[16:24], 16) % 10**8:08d}",
                issuer=issuer, issued_on=f"20{12 + 3 * i:02d}-0{3 + i}-1{i}",
                valid_until=until, holder_name=name,
            ))  # fmt: skip
        library[number] = tuple(entries)
    return library


LIBRARY = _licences()


def licences_for(secret: str, hashed_holder: str) -> tuple[SampleLicence, ...]:
    """The holder's licences, found by the calling station's keyed hash (none: empty)."""
    for number, licences in LIBRARY.items():
        if hmac.compare_digest(holder_hash(secret, number), hashed_holder):
            return licences
    return ()


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in (os.environ.get("YIWANG_CJK_FONT", ""), *_FONT_PATHS):
        if path and Path(path).is_file():
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    return ImageFont.load_default()


@functools.cache
def render_page(licence: SampleLicence) -> bytes:
    """The licence as a JPEG page, clearly marked as a sample."""
    page = Image.new("RGB", PAGE_PX, (250, 248, 240))
    draw = ImageDraw.Draw(page)
    title, body, mark = _font(56), _font(34), _font(110)
    width = PAGE_PX[0]
    draw.rectangle((60, 60, width - 60, PAGE_PX[1] - 60), outline=(150, 30, 30), width=6)
    draw.text((width // 2, 200), licence.title, font=title, fill=(120, 20, 20), anchor="mm")
    draw.text((width // 2, 280), "电子证照（演示样例 非真实证照）", font=body, fill=(90, 90, 90),
              anchor="mm")  # fmt: skip
    rows = (
        ("持证人", licence.holder_name), ("证照编号", licence.number),
        ("发证机关", licence.issuer), ("发证日期", licence.issued_on),
        ("有效期至", licence.valid_until or "长期"), ("证照标识", licence.licence_id),
    )  # fmt: skip
    y = 420
    for label, value in rows:
        draw.text((160, y), label, font=body, fill=(0, 0, 0))
        draw.text((420, y), value, font=body, fill=(0, 0, 0))
        y += 90
    draw.text((width // 2, 1250), "演示样例", font=mark, fill=(230, 200, 200), anchor="mm")
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=85)
    return out.getvalue()
