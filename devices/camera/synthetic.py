"""Synthetic document-camera photos (高拍仪画面) for tests, benchmarks and the simulator.

`render_document` draws an A4 page (Chinese title, lines of Chinese text, a QR code)
with Pillow, lays it on a textured desk, and photographs it: in-plane rotation,
out-of-plane tilt (perspective), drop shadow, uneven lighting, optional glare,
blur and sensor noise. Everything is deterministic for a given seed.

Corner convention: OpenCV pixel-centre coordinates (pixel (0, 0) covers
[-0.5, 0.5] x [-0.5, 0.5]); corners are the page's own TL, TR, BR, BL.
"""

from __future__ import annotations

import functools
import logging
import math
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt
import qrcode
from PIL import Image, ImageDraw, ImageFont

from devices.camera.rectification import A4_MM
from devices.fonts import cjk_font_path

log = logging.getLogger(__name__)

# Common characters of government-service paperwork, for body text.
_HANZI = (
    "申请人姓名身份证号码住址联系电话办理事项材料清单原件复印件受理日期编号窗口乡镇人民政府"
    "便民服务中心社会保障医疗保险养老补贴低保户籍迁移出生登记营业执照经营范围法定代表人"
    "统一社会信用代码承诺书签字盖章审核意见同意不予本人自愿填写内容真实有效如有虚假愿承担"
    "相关法律责任年月日村委会证明情况说明家庭成员收入房屋土地承包合同农业补助残疾人证"
)
_PUNCT = "，。、；：（）"
_TITLES_FALLBACK = ("申请表", "情况说明", "证明材料")

ImageU8 = npt.NDArray[np.uint8]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class SyntheticPhoto:
    """A rendered photo and its ground truth."""

    image: ImageU8  # BGR uint8, (h, w, 3)
    corners: FloatArray  # (4, 2) float32, TL TR BR BL in image pixels
    qr_payload: str


@functools.lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | None:
    path = cjk_font_path()
    if path is None:
        log.warning("no CJK font found; synthetic text will be drawn as bars")
        return None
    return ImageFont.truetype(path, size)


def qr_matrix(payload: bytes) -> npt.NDArray[np.bool_]:
    """QR modules (True = dark) including a 4-module quiet zone, byte mode, level M."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(payload)
    qr.make(fit=True)
    return np.array(qr.get_matrix(), dtype=bool)


def _fit_code(code_png: bytes, side: int) -> ImageU8:
    """A code image scaled (keeping its aspect) and centred on a white side x side square."""
    code = cv2.imdecode(np.frombuffer(code_png, np.uint8), cv2.IMREAD_GRAYSCALE)
    if code is None:
        raise ValueError("code_png is not a PNG image")
    ch, cw = code.shape
    scale = side / max(ch, cw)
    size = (max(1, round(cw * scale)), max(1, round(ch * scale)))
    interp = cv2.INTER_NEAREST if scale >= 1 else cv2.INTER_AREA
    fitted = cv2.resize(code, size, interpolation=interp)
    out = np.full((side, side), 255, np.uint8)
    y0, x0 = (side - size[1]) // 2, (side - size[0]) // 2
    out[y0 : y0 + size[1], x0 : x0 + size[0]] = fitted
    return out


def _random_line(rng: np.random.Generator, n: int) -> str:
    chars = [_HANZI[int(i)] for i in rng.integers(0, len(_HANZI), n)]
    for k in range(int(rng.integers(0, 3))):
        pos = int(rng.integers(2, max(3, n - 1)))
        chars[pos] = _PUNCT[(k + pos) % len(_PUNCT)]
    return "".join(chars) + "。"


def render_page(
    title: str,
    qr_payload: bytes,
    *,
    width_px: int,
    seed: int,
    landscape: bool = False,
    code_png: bytes | None = None,
) -> ImageU8:
    """Render the flat page (grayscale uint8, white paper) at `width_px` wide.

    `code_png`: a PNG of a code made elsewhere (another encoder, a barcode) printed in
    the QR code's place instead of `qr_payload`, scaled to fit its square.
    """
    rng = np.random.default_rng(seed + 7919)
    w = width_px
    h = round(w * (A4_MM[0] / A4_MM[1] if landscape else A4_MM[1] / A4_MM[0]))
    page = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(page)
    short = min(w, h)
    margin = round(short * 0.09)
    title_size = max(8, round(short * 0.052))
    body_size = max(6, round(short * 0.026))
    tfont, bfont = _font(title_size), _font(body_size)

    # Title, centred.
    title = title or _TITLES_FALLBACK[seed % len(_TITLES_FALLBACK)]
    y = margin
    if tfont is not None:
        tw = draw.textlength(title, font=tfont)
        draw.text(((w - tw) / 2, y), title, fill=15, font=tfont)
    else:
        tw = title_size * len(title)
        draw.rectangle(((w - tw) / 2, y, (w + tw) / 2, y + title_size), fill=40)
    y += round(title_size * 2.0)

    # QR code: top right under the title, with a caption.
    qr_side = round(short * 0.24)
    if code_png is None:
        qr_img = cv2.resize(
            np.where(qr_matrix(qr_payload), 0, 255).astype(np.uint8), (qr_side, qr_side),
            interpolation=cv2.INTER_NEAREST,
        )
    else:
        qr_img = _fit_code(code_png, qr_side)
    qx, qy = w - margin - qr_side, y
    page.paste(Image.fromarray(qr_img), (qx, qy))
    caption = "扫码查询办理进度"
    if bfont is not None:
        cw = draw.textlength(caption, font=bfont)
        draw.text((qx + (qr_side - cw) / 2, qy + qr_side + body_size * 0.3), caption,
                  fill=60, font=bfont)

    # Form fields to the left of the QR code, then body text below.
    line_h = round(body_size * 1.75)
    text_right = qx - margin // 2
    fields = ["申请人：", "身份证号：", "联系电话：", "住址：", "办理事项："]
    for f in fields:
        if y + line_h > qy + qr_side:
            break
        if bfont is not None:
            draw.text((margin, y), f, fill=25, font=bfont)
            fx = margin + draw.textlength(f, font=bfont)
        else:
            fx = margin + body_size * len(f)
        draw.line((fx, y + body_size * 1.15, text_right, y + body_size * 1.15), fill=70, width=1)
        y += line_h
    y = max(y, qy + qr_side + round(body_size * 2.2))
    chars_per_line = max(4, int((w - 2 * margin) / body_size) - 1)
    paragraph_left = True
    while y + line_h < h - margin * 1.6:
        if rng.random() < 0.12:  # paragraph break
            y += line_h // 2
            paragraph_left = True
            continue
        indent = 2 if paragraph_left else 0
        paragraph_left = False
        n = chars_per_line - indent - int(rng.integers(0, 3 if rng.random() < 0.8 else 14))
        text = _random_line(rng, max(3, n - 1))
        x = margin + indent * body_size
        if bfont is not None:
            draw.text((x, y), text, fill=int(rng.integers(10, 45)), font=bfont)
        else:
            draw.rectangle((x, y + body_size * 0.15, x + body_size * len(text), y + body_size),
                           fill=90)
        y += line_h
    # Signature line and date at the bottom right.
    sig = "申请人签字：            年    月    日"
    if bfont is not None:
        sw = draw.textlength(sig, font=bfont)
        draw.text((w - margin - sw, h - margin * 1.3), sig, fill=20, font=bfont)
    return np.asarray(page, dtype=np.uint8).copy()


def _smooth_noise(
    rng: np.random.Generator, shape: tuple[int, int], cells: tuple[int, int]
) -> FloatArray:
    small = rng.standard_normal((cells[1], cells[0])).astype(np.float32)
    # Two steps: cubic to a small grid, then linear to full size (much faster, as smooth).
    mid = cv2.resize(small, (max(2, shape[1] // 8), max(2, shape[0] // 8)),
                     interpolation=cv2.INTER_CUBIC)
    return np.asarray(cv2.resize(mid, (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR),
                      dtype=np.float32)


def _desk(rng: np.random.Generator, w: int, h: int) -> FloatArray:
    """A darker textured desk: wood grain or a mottled desk mat, BGR float32 0..255."""
    kind = int(rng.integers(0, 3))
    if kind == 0:  # wood
        base = np.array([45, 80, 120], np.float32) * rng.uniform(0.7, 1.15)
    elif kind == 1:  # grey laminate
        base = np.full(3, rng.uniform(70, 120), np.float32)
    else:  # dark green/blue desk mat
        base = np.array([rng.uniform(50, 90), rng.uniform(60, 90), rng.uniform(30, 50)], np.float32)
    low = _smooth_noise(rng, (h, w), (9, 6)) * np.float32(0.08)
    xs = np.arange(w, dtype=np.float32)[None, :]
    ys = np.arange(h, dtype=np.float32)[:, None]
    angle = rng.uniform(0, math.pi)
    ca, sa = np.float32(math.cos(angle)), np.float32(math.sin(angle))
    # Phase of the grain: across-grain distance, plus a slow wobble, plus a slight slant.
    linear = (-xs * sa + ys * ca) + np.float32(0.02) * (xs * ca + ys * sa)
    warp = _smooth_noise(rng, (h, w), (5, 4)) * np.float32(h * 0.02)
    period = rng.uniform(h * 0.008, h * 0.02)
    phase = (linear + warp) * np.float32(2 * math.pi / period)
    grain = np.sin(phase) * np.float32(0.07 if kind == 0 else 0.02)
    fine = rng.standard_normal((h, w), dtype=np.float32) * np.float32(0.03)
    fine = np.asarray(cv2.GaussianBlur(fine, (0, 0), 1.2), dtype=np.float32)
    factor = 1.0 + low + grain + fine
    desk: FloatArray = (base[None, None, :] * factor[:, :, None]).astype(np.float32)
    return desk


def _page_quad(
    rng: np.random.Generator,
    size: tuple[int, int],
    page_wh: tuple[int, int],
    rotation_deg: float,
    tilt_deg: float,
    fill: float,
) -> FloatArray:
    """Where the page corners land in the photo: rotate on the desk, tilt, project, fit."""
    w, h = size
    pw, ph = page_wh
    rect = np.array(
        [[-pw / 2, -ph / 2], [pw / 2, -ph / 2], [pw / 2, ph / 2], [-pw / 2, ph / 2]], np.float64
    )
    a = math.radians(rotation_deg)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    pts = rect @ rot.T
    # Out-of-plane tilt about a random axis in the desk plane, then a pinhole projection.
    axis = rng.uniform(0, 2 * math.pi)
    t = math.radians(tilt_deg)
    ux, uy = math.cos(axis), math.sin(axis)
    c, s = math.cos(t), math.sin(t)
    # Rodrigues rotation about (ux, uy, 0).
    r3 = np.array(
        [
            [c + ux * ux * (1 - c), ux * uy * (1 - c), uy * s],
            [ux * uy * (1 - c), c + uy * uy * (1 - c), -ux * s],
            [-uy * s, ux * s, c],
        ]
    )
    p3 = np.c_[pts, np.zeros(4)] @ r3.T
    focal = 1.1 * max(pw, ph)
    z = focal + p3[:, 2]
    proj = p3[:, :2] * (focal / z)[:, None]
    # Fit into the frame with a margin and a random offset.
    span = proj.max(0) - proj.min(0)
    scale = min(w * 0.94 / span[0], h * fill / span[1])
    proj *= scale
    lo, hi = proj.min(0), proj.max(0)
    margin = 0.02 * np.array([w, h])
    cx_range = (margin[0] - lo[0], w - margin[0] - hi[0])
    cy_range = (margin[1] - lo[1], h - margin[1] - hi[1])
    cx = rng.uniform(*sorted(cx_range)) if cx_range[1] > cx_range[0] else w / 2
    cy = rng.uniform(*sorted(cy_range)) if cy_range[1] > cy_range[0] else h / 2
    shift = np.array([cx, cy])
    # Keep it roughly centred, as a document camera's guide marks suggest.
    shift = 0.5 * shift + 0.5 * np.array([w / 2 - (lo[0] + hi[0]) / 2, h / 2 - (lo[1] + hi[1]) / 2])
    quad: FloatArray = np.asarray(proj + shift - 0.5, dtype=np.float32)  # pixel-centre coords
    return quad


def render_document(
    title: str,
    qr_payload: str,
    *,
    seed: int,
    size: tuple[int, int] = (1920, 1080),
    tilt_deg: float | None = None,
    rotation_deg: float | None = None,
    blur: float | None = None,
    noise: float | None = None,
    glare: bool | None = None,
    landscape: bool = False,
    fill: float | None = None,
    qr_encoding: str = "utf-8",
    code_image: ImageU8 | None = None,
) -> SyntheticPhoto:
    """Photograph a synthetic A4 page lying on a desk.

    tilt_deg: out-of-plane tilt (perspective), rotation_deg: in-plane rotation on the desk,
    blur: Gaussian sigma in px, noise: sensor noise sigma in grey levels, glare: add a
    saturated reflection, fill: page height as a fraction of the frame height.
    None picks a plausible random value from the seed. qr_encoding: how the payload
    is turned into QR bytes (e.g. "gb18030" for older Chinese systems). code_image: a
    grayscale image of a code made by another encoder, printed instead of the QR code
    (the payload is then only recorded as the ground truth).
    """
    w, h = size
    if w <= 0 or h <= 0:
        raise ValueError(f"bad size {size}")
    rng = np.random.default_rng(seed)
    rotation = float(rng.uniform(-10, 10)) if rotation_deg is None else float(rotation_deg)
    tilt = float(rng.uniform(0, 8)) if tilt_deg is None else float(tilt_deg)
    sigma = float(rng.uniform(0.4, 1.2)) if blur is None else float(blur)
    noise_sigma = float(rng.uniform(1.5, 4.0)) if noise is None else float(noise)
    with_glare = bool(rng.random() < 0.2) if glare is None else glare
    fill_frac = float(rng.uniform(0.8, 0.93)) if fill is None else float(fill)

    # Render the page at roughly the resolution it will have in the photo.
    aspect = A4_MM[1] / A4_MM[0]
    page_long = h * fill_frac
    page_w_px = round(page_long * (aspect if landscape else 1 / aspect))
    page_w_px = max(200, page_w_px)
    code_png = None
    if code_image is not None:
        ok, png = cv2.imencode(".png", code_image)
        if not ok:
            raise ValueError("code_image cannot be encoded")
        code_png = png.tobytes()
    page = render_page(title, qr_payload.encode(qr_encoding, errors="replace"), width_px=page_w_px,
                       seed=seed, landscape=landscape, code_png=code_png)
    ph, pw = page.shape
    corners = _page_quad(rng, size, (pw, ph), rotation, tilt, fill_frac)

    src = np.array([[-0.5, -0.5], [pw - 0.5, -0.5], [pw - 0.5, ph - 0.5], [-0.5, ph - 0.5]],
                   np.float32)
    hom = cv2.getPerspectiveTransform(src, corners)
    # Paper is not pure white: slight warm tint and fibre texture.
    paper_tone = rng.uniform(212, 236)
    tint = np.array([rng.uniform(0.93, 0.98), rng.uniform(0.97, 1.0), 1.0], np.float32)
    page_f = page.astype(np.float32) / 255.0
    warped = cv2.warpPerspective(page_f, hom, (w, h), flags=cv2.INTER_AREA,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=0.0)
    # Anti-aliased page mask (sub-pixel vertices: 4 fractional bits).
    mask = np.zeros((h, w), np.uint8)
    cv2.fillConvexPoly(mask, np.round(corners * 16).astype(np.int32), 255,
                       lineType=cv2.LINE_AA, shift=4)
    alpha = mask.astype(np.float32) / 255.0

    desk = _desk(rng, w, h)
    # Drop shadow: a blurred, offset copy of the mask darkens the desk.
    off = rng.uniform(-0.006, 0.006, 2) * h + np.array([0.0, 0.004 * h])
    small = (max(1, w // 8), max(1, h // 8))
    shadow_m = np.array([[1, 0, off[0] / 8], [0, 1, off[1] / 8]], np.float32)
    shadow = cv2.warpAffine(cv2.resize(alpha, small, interpolation=cv2.INTER_AREA),
                            shadow_m, small)
    shadow = cv2.GaussianBlur(shadow, (0, 0), 0.012 * h / 8)
    shadow = cv2.resize(shadow, (w, h), interpolation=cv2.INTER_LINEAR)
    desk *= (1.0 - 0.45 * shadow)[:, :, None]

    tone = np.float32(paper_tone)
    paper_var = 1.0 + 0.015 * _smooth_noise(rng, (h, w), (40, 24))
    ink = np.array([35, 30, 30], np.float32)
    # page = ink + (paper - ink) * warped, per channel.
    img = np.empty((h, w, 3), np.float32)
    a3 = alpha[:, :, None]
    for ch in range(3):
        paper_c = paper_var * (tone * tint[ch])
        page_c = ink[ch] + (paper_c - ink[ch]) * warped
        img[:, :, ch] = desk[:, :, ch] + (page_c - desk[:, :, ch]) * alpha
    del a3

    # Uneven lighting: off-centre falloff plus a linear gradient (smooth: computed small).
    sw, sh = small
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    xx *= w / sw
    yy *= h / sh
    lx, ly = rng.uniform(0.2, 0.8) * w, rng.uniform(0.1, 0.9) * h
    r2 = ((xx - lx) ** 2 + (yy - ly) ** 2) / np.float32(w * w + h * h)
    gdir = rng.uniform(0, 2 * math.pi)
    grad = (xx / w - 0.5) * np.float32(math.cos(gdir)) + (yy / h - 0.5) * np.float32(math.sin(gdir))
    light = (1.02 - np.float32(rng.uniform(0.25, 0.55)) * r2
             + np.float32(rng.uniform(0.0, 0.12)) * grad).astype(np.float32)
    light = cv2.resize(light, (w, h), interpolation=cv2.INTER_LINEAR)
    img *= light[:, :, None]

    if with_glare:
        # A reflection on the page: bright core that clips to white.
        u, v = rng.uniform(0.2, 0.8, 2)
        top = corners[0] + u * (corners[1] - corners[0])
        bottom = corners[3] + u * (corners[2] - corners[3])
        gx, gy = top + v * (bottom - top)
        gs = rng.uniform(0.03, 0.07) * h
        amp = rng.uniform(180, 260)
        x0, x1 = max(0, int(gx - 4 * gs)), min(w, int(gx + 4 * gs) + 1)
        y0, y1 = max(0, int(gy - 3 * gs)), min(h, int(gy + 3 * gs) + 1)
        if x1 > x0 and y1 > y0:
            gy_, gx_ = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            spot = np.exp(-(((gx_ - gx) ** 2) / (2 * gs * gs)
                            + ((gy_ - gy) ** 2) / (2 * (gs * 0.7) ** 2)))
            img[y0:y1, x0:x1] += (amp * spot).astype(np.float32)[:, :, None]

    if sigma > 0.05:
        img = np.asarray(cv2.GaussianBlur(img, (0, 0), sigma), dtype=np.float32)
    if noise_sigma > 0:
        img += rng.standard_normal(img.shape, dtype=np.float32) * np.float32(noise_sigma)
    out = np.clip(img, 0, 255).astype(np.uint8)
    return SyntheticPhoto(image=out, corners=corners, qr_payload=qr_payload)


def render_desk(*, seed: int, size: tuple[int, int] = (1920, 1080), noise: float = 2.5) -> ImageU8:
    """An empty desk under the camera (no page)."""
    w, h = size
    rng = np.random.default_rng(seed)
    img = _desk(rng, w, h)
    img += rng.standard_normal(img.shape, dtype=np.float32) * noise
    return np.clip(img, 0, 255).astype(np.uint8)
