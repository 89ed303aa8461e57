"""Document-camera pipeline: find the page, rectify it to A4, check quality, encode JPEG.

All functions take BGR uint8 frames (grayscale accepted where noted) and use OpenCV
pixel-centre coordinates. Corners are ordered TL, TR, BR, BL as the page is read.
"""

from __future__ import annotations

import logging
import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.errors import PageNotFound

log = logging.getLogger(__name__)

ImageU8 = npt.NDArray[np.uint8]
Corners = npt.NDArray[np.float32]

A4_MM = (210.0, 297.0)
DETECT_LONG_SIDE = 640  # detection runs on a frame downscaled to this long side
MIN_PAGE_AREA = 0.12  # fraction of the frame
MAX_PAGE_AREA = 0.97
ASPECT_RANGE = (1.05, 2.0)  # long/short side ratio of the quad (A4 is 1.414)
# Fine/coarse detail ratio below which a page is blurry (see docs/devices/camera.md).
BLUR_THRESHOLD = 0.14
GLARE_LEVEL = 250  # grey level counted as clipped
GLARE_MIN_FRACTION = 0.004  # of the page area, for one clipped blob


@dataclass(frozen=True)
class QualityFinding:
    """Something the person at the window should fix before the page is kept."""

    code: str
    message_zh: str
    message_en: str


BLURRY = QualityFinding("blurry", "画面模糊", "image is blurry")
GLARE = QualityFinding("glare", "有反光", "glare on the page")


@dataclass(frozen=True)
class CapturedPage:
    """A rectified page ready to store: JPEG bytes plus what we learnt about it."""

    jpeg: bytes
    corners: Corners  # (4, 2) in the input frame's pixels
    findings: list[QualityFinding]
    width: int
    height: int
    jpeg_quality: int = 0
    skew_deg: float = 0.0


@dataclass
class QualityReport:
    """Raw measurements behind the findings (for logs and tuning)."""

    sharpness: float
    laplacian_var: float
    glare_fraction: float
    findings: list[QualityFinding] = field(default_factory=list)


# --------------------------------------------------------------------------- detection


def _u8(a: npt.NDArray[Any]) -> ImageU8:
    """OpenCV results as uint8 arrays for the type checker (no copy when already uint8)."""
    return np.asarray(a, dtype=np.uint8)


def to_gray(frame: npt.NDArray[np.uint8]) -> ImageU8:
    """Grayscale view of a BGR, BGRA or already grayscale uint8 frame."""
    if frame.ndim == 2:
        return frame
    if frame.ndim == 3 and frame.shape[2] == 3:
        return _u8(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
    if frame.ndim == 3 and frame.shape[2] == 4:
        return _u8(cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY))
    raise ValueError(f"unsupported frame shape {frame.shape}")


def order_corners(quad: npt.ArrayLike) -> Corners:
    """Order 4 points TL, TR, BR, BL: clockwise on screen, top edge the most horizontal.

    Correct for pages rotated by less than 45 degrees on the desk.
    """
    pts = np.asarray(quad, dtype=np.float64).reshape(4, 2)
    c = pts.mean(axis=0)
    ang = np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0])
    pts = pts[np.argsort(ang)]  # clockwise on screen (y points down)
    best, best_cost = 0, math.inf
    for k in range(4):
        d = pts[(k + 1) % 4] - pts[k]
        cost = abs(math.atan2(d[1], d[0]))  # 0 when the edge points right
        if cost < best_cost:
            best, best_cost = k, cost
    out: Corners = np.roll(pts, -best, axis=0).astype(np.float32)
    return out


def _quad_from_contour(contour: npt.NDArray[np.int32]) -> npt.NDArray[np.float64] | None:
    hull = cv2.convexHull(contour)
    peri = cv2.arcLength(hull, True)
    for eps in (0.01, 0.02, 0.03, 0.045, 0.06):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float64)
        if len(approx) < 4:
            break
    return None


def _plausible(
    quad: npt.NDArray[np.float64], contour_area: float, frame_wh: tuple[int, int]
) -> float | None:
    """Area of the quad if it looks like a whole page lying in the frame, else None."""
    w, h = frame_wh
    area = abs(float(cv2.contourArea(quad.astype(np.float32))))
    if not MIN_PAGE_AREA * w * h <= area <= MAX_PAGE_AREA * w * h:
        return None
    if contour_area < 0.85 * area:  # the blob does not fill its quad: not a sheet
        return None
    if not cv2.isContourConvex(quad.astype(np.float32).reshape(-1, 1, 2)):
        return None
    # A page near (or at) the frame border is judged later, at full resolution, by
    # `_cut_off`: a few pixels of desk between page and border still make a whole page.
    q = order_corners(quad).astype(np.float64)
    sides = np.linalg.norm(q - np.roll(q, -1, axis=0), axis=1)
    a = (sides[0] + sides[2]) / 2
    b = (sides[1] + sides[3]) / 2
    ratio = max(a, b) / max(1e-6, min(a, b))
    if not ASPECT_RANGE[0] <= ratio <= ASPECT_RANGE[1]:
        return None
    # Opposite sides of a photographed rectangle stay of similar length.
    if min(sides[0], sides[2]) < 0.6 * max(sides[0], sides[2]):
        return None
    if min(sides[1], sides[3]) < 0.6 * max(sides[1], sides[3]):
        return None
    return area


def _best_quad(mask: ImageU8) -> npt.NDArray[np.float64] | None:
    h, w = mask.shape
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    best: npt.NDArray[np.float64] | None = None
    best_area = 0.0
    for c in contours:
        carea = float(cv2.contourArea(c))
        if carea < MIN_PAGE_AREA * w * h * 0.85:
            continue
        quad = _quad_from_contour(np.asarray(c, dtype=np.int32))
        if quad is None:
            continue
        area = _plausible(quad, carea, (w, h))
        if area is not None and area > best_area:
            best, best_area = quad, area
    return best


def _coarse_quad(small: ImageU8) -> npt.NDArray[np.float64] | None:
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
    # 1) The page is the large bright region (paper on a darker desk or mat).
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_OPEN, kernel)
    quad = _best_quad(_u8(bright))
    if quad is not None:
        return quad
    # 2) Edges: works when the desk is light too, as long as the sheet's outline shows.
    edges = cv2.Canny(blurred, 30, 90)
    edges = cv2.dilate(edges, kernel)
    closed = cv2.morphologyEx(edges, cv2.MORPH_CLOSE, kernel)
    filled = np.zeros_like(closed)
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
    filled = cv2.erode(filled, kernel)  # undo the dilation
    return _best_quad(_u8(filled))


def _line_through(
    p: npt.NDArray[np.float64], d: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Homogeneous line through p with direction d."""
    return np.cross(np.array([p[0], p[1], 1.0]), np.array([p[0] + d[0], p[1] + d[1], 1.0]))


def _refine(gray: ImageU8, quad: Corners, search_px: float) -> Corners:
    """Sub-pixel corners: fit each side to the strongest edge across it, intersect the lines."""
    q = quad.astype(np.float64)
    centre = q.mean(axis=0)
    n_samples = 40
    step = 0.5
    offsets = np.arange(-search_px, search_px + step / 2, step)
    tang = np.array([-1.5, 0.0, 1.5])
    lines: list[npt.NDArray[np.float64]] = []
    for k in range(4):
        a, b = q[k], q[(k + 1) % 4]
        length = float(np.linalg.norm(b - a))
        if length < 10:
            return quad
        d = (b - a) / length
        n = np.array([-d[1], d[0]])
        if np.dot(n, (a + b) / 2 - centre) < 0:
            n = -n  # outward
        ts = np.linspace(0.08, 0.92, n_samples)
        base = a[None, :] + ts[:, None] * (b - a)[None, :]  # (S, 2)
        # Sample points: (S, T, O, 2)
        pts = (base[:, None, None, :] + tang[None, :, None, None] * d
               + offsets[None, None, :, None] * n)
        mx = pts[..., 0].reshape(n_samples * len(tang), len(offsets)).astype(np.float32)
        my = pts[..., 1].reshape(n_samples * len(tang), len(offsets)).astype(np.float32)
        prof = cv2.remap(gray, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        prof = prof.astype(np.float32).reshape(n_samples, len(tang), len(offsets)).mean(axis=1)
        prof = cv2.GaussianBlur(prof, (0, 0), sigmaX=1.5, sigmaY=0.01)
        der = np.abs(np.diff(prof, axis=1))  # between offsets i and i+1
        idx = der.argmax(axis=1)
        peak = der[np.arange(n_samples), idx]
        good = (idx > 0) & (idx < der.shape[1] - 1) & (peak > 1.0)
        if good.sum() < 8:
            lines.append(_line_through(a, d))
            continue
        i = idx[good]
        rows = np.nonzero(good)[0]
        y0, y1, y2 = der[rows, i - 1], der[rows, i], der[rows, i + 1]
        denom = y0 - 2 * y1 + y2
        frac = np.where(np.abs(denom) > 1e-6, 0.5 * (y0 - y2) / np.where(denom == 0, 1, denom), 0)
        off = offsets[0] + (i + 0.5 + np.clip(frac, -0.5, 0.5)) * step
        edge_pts = base[rows] + off[:, None] * n
        # Drop outliers (text, shadow) relative to the median offset before the robust fit.
        med = np.median(off)
        keep = np.abs(off - med) < max(2.0, 3 * np.median(np.abs(off - med)) + 0.5)
        if keep.sum() < 8:
            lines.append(_line_through(a, d))
            continue
        vx, vy, x0, y0_ = cv2.fitLine(edge_pts[keep].astype(np.float32), cv2.DIST_HUBER, 0, 0.01,
                                      0.01).ravel()
        lines.append(_line_through(np.array([x0, y0_], np.float64), np.array([vx, vy], np.float64)))
    out = np.empty((4, 2), np.float64)
    for k in range(4):
        p = np.cross(lines[(k - 1) % 4], lines[k])  # corner k joins side k-1 and side k
        if abs(p[2]) < 1e-9:
            return quad
        out[k] = p[:2] / p[2]
    if np.abs(out - q).max() > 3 * search_px:
        return quad
    return out.astype(np.float32)


def find_page(frame: npt.NDArray[np.uint8], *, refine: bool = True,
              detect_long_side: int | None = DETECT_LONG_SIDE) -> Corners | None:
    """Corners (4, 2) float32 TL, TR, BR, BL of the whole page in `frame`, or None.

    Detection runs on a copy downscaled to `detect_long_side` (None: full resolution),
    then each side is re-fitted at full resolution for sub-pixel corners.
    A page the frame cuts off counts as not found; one that fills the frame with its
    corners a few pixels inside the border is found (`_cut_off`).
    """
    gray = to_gray(frame)
    h, w = gray.shape
    long_side = max(w, h)
    scale = 1.0
    small = gray
    if detect_long_side is not None and long_side > detect_long_side:
        scale = detect_long_side / long_side
        small = _u8(cv2.resize(gray, (round(w * scale), round(h * scale)),
                               interpolation=cv2.INTER_AREA))
    quad = _coarse_quad(small)
    if quad is None:
        return None
    sx = w / small.shape[1]
    sy = h / small.shape[0]
    full = np.empty((4, 2), np.float64)
    full[:, 0] = (quad[:, 0] + 0.5) * sx - 0.5
    full[:, 1] = (quad[:, 1] + 0.5) * sy - 0.5
    corners = order_corners(full)
    if refine:
        corners = _refine(gray, corners, search_px=max(4.0, 2.5 * max(sx, sy)))
        corners = order_corners(corners)
    paper_level, _ = cv2.threshold(cv2.GaussianBlur(small, (5, 5), 0), 0, 255,
                                   cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if _cut_off(gray, corners, paper_level, near_px=2.0 + 2.0 * max(sx, sy)):
        return None
    return corners


def _cut_off(gray: ImageU8, corners: Corners, paper_level: float, *, near_px: float) -> bool:
    """True when the frame cuts the page: a corner lies outside the frame, or a side runs
    along the frame border with paper (not desk) on the border pixels beside it.

    A page that fills the frame with its corners a few pixels from the border is whole:
    the border pixels next to its sides still show desk, darker than `paper_level`.
    """
    h, w = gray.shape
    c = corners.astype(np.float64)
    # Pixel (0, 0) covers [-0.5, 0.5]; allow half a pixel of fitting error beyond that.
    if (c[:, 0].min() < -1.0 or c[:, 1].min() < -1.0
            or c[:, 0].max() > w or c[:, 1].max() > h):
        return True
    for k in range(4):
        a, b = c[k], c[(k + 1) % 4]
        for axis, border in ((0, 0), (0, w - 1), (1, 0), (1, h - 1)):
            if abs(a[axis] - border) > near_px or abs(b[axis] - border) > near_px:
                continue
            along = 1 - axis
            lo, hi = sorted((a[along], b[along]))
            # The middle of the side: its ends may meet the desk at a neighbouring border.
            start, stop = round(lo + 0.1 * (hi - lo)), round(hi - 0.1 * (hi - lo))
            limit = (w if along == 0 else h) - 1
            start, stop = max(0, start), min(limit, stop)
            if stop <= start:
                continue
            line = gray[border, start:stop] if axis == 1 else gray[start:stop, border]
            if float(np.mean(line > paper_level)) > 0.5:
                return True
    return False


# --------------------------------------------------------------------------- rectification


def page_size_px(dpi: int = 200, *, landscape: bool = False) -> tuple[int, int]:
    """(width, height) of an A4 page at `dpi` (200 dpi portrait: 1654 x 2339)."""
    w = round(A4_MM[0] / 25.4 * dpi)
    h = round(A4_MM[1] / 25.4 * dpi)
    return (h, w) if landscape else (w, h)


def is_landscape(corners: Corners) -> bool:
    q = corners.astype(np.float64)
    sides = np.linalg.norm(q - np.roll(q, -1, axis=0), axis=1)
    return bool((sides[0] + sides[2]) > (sides[1] + sides[3]))


def rectify(frame: npt.NDArray[np.uint8], corners: Corners, *, dpi: int = 200) -> ImageU8:
    """Warp the page to a flat A4 image (portrait or landscape, as the page lies)."""
    w, h = page_size_px(dpi, landscape=is_landscape(corners))
    dst = np.array([[-0.5, -0.5], [w - 0.5, -0.5], [w - 0.5, h - 0.5], [-0.5, h - 0.5]], np.float32)
    hom = cv2.getPerspectiveTransform(corners.astype(np.float32), dst)
    return _u8(cv2.warpPerspective(frame, hom, (w, h), flags=cv2.INTER_LINEAR,
                                   borderMode=cv2.BORDER_REPLICATE))


def estimate_skew(page: npt.NDArray[np.uint8], *, max_deg: float = 3.0, step: float = 0.1) -> float:
    """Residual text rotation in degrees (positive: text runs downhill to the right).

    Projection-profile search on a small binarised copy: text lines give the
    sharpest row profile when they are level. Returns 0.0 for pages without text.
    """
    gray = to_gray(page)
    h, w = gray.shape
    scale = 500 / w if w > 500 else 1.0
    small = cv2.resize(gray, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                25, 15)
    # Ignore a frame around the page: border residue is not text.
    sh, sw = ink.shape
    m = round(0.04 * sw)
    ink = np.ascontiguousarray(ink[m:sh - m, m:sw - m])
    if ink.size == 0 or np.count_nonzero(ink) < 0.002 * ink.size:
        return 0.0
    ih, iw = ink.shape
    centre = (iw / 2, ih / 2)
    angles = np.arange(-max_deg, max_deg + step / 2, step)
    scores = np.empty(len(angles))
    inkf = ink.astype(np.float32)
    for i, a in enumerate(angles):
        rot = cv2.getRotationMatrix2D(centre, float(a), 1.0)
        r = cv2.warpAffine(inkf, rot, (iw, ih), flags=cv2.INTER_LINEAR)
        prof = r.sum(axis=1)
        scores[i] = float(np.var(prof))
    best = int(scores.argmax())
    zero = int(np.argmin(np.abs(angles)))
    if scores[best] < 1.05 * scores[zero]:  # no clear improvement: leave it
        return 0.0
    # Rotating by `a` levels the text, so the text is skewed by -a.
    return float(-angles[best])


def deskew(page: npt.NDArray[np.uint8], *, min_deg: float = 0.25,
           max_deg: float = 3.0) -> tuple[ImageU8, float]:
    """Rotate away a small residual skew; returns (image, skew_deg found)."""
    angle = estimate_skew(page, max_deg=max_deg)
    if abs(angle) < min_deg:
        return page, angle
    h, w = page.shape[:2]
    rot = cv2.getRotationMatrix2D((w / 2 - 0.5, h / 2 - 0.5), -angle, 1.0)
    out = _u8(cv2.warpAffine(page, rot, (w, h), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_REPLICATE))
    return out, angle


def enhance(page: npt.NDArray[np.uint8]) -> ImageU8:
    """Flatten uneven lighting and whiten the paper (keeps colour: stamps stay red)."""
    h, w = page.shape[:2]
    f = 8
    small = cv2.resize(page, (max(1, w // f), max(1, h // f)), interpolation=cv2.INTER_AREA)
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, k)  # remove text strokes: paper remains
    bg = cv2.GaussianBlur(bg, (0, 0), 3)
    bg = np.maximum(bg, 30)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    # page * 245 / background, saturated to uint8, without float copies of the page.
    return _u8(cv2.divide(page, bg, scale=245.0))


# --------------------------------------------------------------------------- quality


def _page_mask(shape: tuple[int, int], corners: Corners, shrink: float) -> ImageU8:
    c = corners.astype(np.float64)
    centre = c.mean(axis=0)
    inner = centre + (c - centre) * (1.0 - shrink)
    mask = np.zeros(shape, np.uint8)
    cv2.fillConvexPoly(mask, np.round(inner).astype(np.int32), 255)
    return mask


def assess_quality(frame: npt.NDArray[np.uint8], corners: Corners) -> QualityReport:
    """Blur and glare measured on the page as the camera saw it.

    Sharpness = energy of the finest detail band (difference of Gaussians 0.8/1.6 px)
    over that of the next band (1.6/4 px), inside the page: blur removes fine detail
    first, and the ratio does not depend on contrast or on how much text there is.
    The variance of the Laplacian is reported too (`laplacian_var`). Measured at a
    reference scale where the page is at most 1000 px tall, so 1080p and 8 MP frames
    are judged alike.
    """
    gray = to_gray(frame)
    h, w = gray.shape
    c = corners.astype(np.float64)
    sides = np.linalg.norm(c - np.roll(c, -1, axis=0), axis=1)
    page_h = max(sides[1] + sides[3], sides[0] + sides[2]) / 2
    x0, y0 = np.floor(c.min(axis=0)).astype(int)
    x1, y1 = np.ceil(c.max(axis=0)).astype(int) + 1
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    crop = gray[y0:y1, x0:x1]
    local = (c - np.array([x0, y0])).astype(np.float32)
    scale = min(1.0, 1000.0 / max(1.0, page_h))
    if scale < 1.0:
        size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
        crop = _u8(cv2.resize(crop, size, interpolation=cv2.INTER_AREA))
        local = ((local + 0.5) * scale - 0.5).astype(np.float32)
    mask = _page_mask(crop.shape[:2], local, 0.06) > 0
    cf = crop.astype(np.float32)
    # A light pre-blur keeps sensor noise from passing for detail.
    g1 = cv2.GaussianBlur(cf, (0, 0), 0.8)
    g2 = cv2.GaussianBlur(g1, (0, 0), 1.4)  # ~ sigma 1.6
    g3 = cv2.GaussianBlur(g2, (0, 0), 3.7)  # ~ sigma 4
    lap = cv2.Laplacian(g1, cv2.CV_32F, ksize=1)
    fine = g1 - g2
    coarse = g2 - g3
    lap_var = float(lap[mask].var()) if mask.any() else 0.0
    fine_var = float(fine[mask].var()) if mask.any() else 0.0
    hp_var = float(coarse[mask].var()) if mask.any() else 0.0
    sharpness = fine_var / hp_var if hp_var > 1e-6 else 0.0
    findings: list[QualityFinding] = []
    # A near-blank page has nothing to be sharp about; judge only pages with structure.
    if hp_var > 4.0 and sharpness < BLUR_THRESHOLD:
        findings.append(BLURRY)

    # Glare: clipped white blobs on the page.
    glare_fraction = 0.0
    page_area = float(mask.sum())
    if page_area > 0:
        clipped = ((crop >= GLARE_LEVEL) & mask).astype(np.uint8)
        clipped = _u8(cv2.morphologyEx(clipped, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)))
        n, _, stats, _ = cv2.connectedComponentsWithStats(clipped, connectivity=8)
        if n > 1:
            largest = float(stats[1:, cv2.CC_STAT_AREA].max())
            glare_fraction = largest / page_area
            if glare_fraction >= GLARE_MIN_FRACTION:
                findings.append(GLARE)
    return QualityReport(sharpness=sharpness, laplacian_var=lap_var,
                         glare_fraction=glare_fraction, findings=findings)


# --------------------------------------------------------------------------- capture


def encode_jpeg(
    image: npt.NDArray[np.uint8],
    *,
    quality: int = 85,
    max_bytes: int | None = 600_000,
    min_quality: int = 40,
) -> tuple[bytes, int, ImageU8]:
    """JPEG under `max_bytes`: lower the quality stepwise, then shrink.

    Returns (jpeg bytes, quality used, the image encoded).
    """
    img = image
    q = quality
    while True:
        ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, q,
                                             cv2.IMWRITE_JPEG_OPTIMIZE, 1])
        if not ok:
            raise RuntimeError("JPEG encoding failed")
        data = buf.tobytes()
        if max_bytes is None or len(data) <= max_bytes:
            return data, q, img
        if q - 10 >= min_quality:
            q -= 10
            continue
        h, w = img.shape[:2]
        if min(w, h) < 200:
            return data, q, img  # cannot honour the budget; still return something
        img = _u8(cv2.resize(img, (round(w * 0.85), round(h * 0.85)),
                             interpolation=cv2.INTER_AREA))
        log.info("JPEG over budget at q=%d; shrinking page to %dx%d", q, img.shape[1], img.shape[0])


def capture_page(
    frame: npt.NDArray[np.uint8],
    *,
    dpi: int = 200,
    jpeg_quality: int = 85,
    max_bytes: int = 600_000,
    corners: Corners | None = None,
    enhance_page: bool = True,
    deskew_page: bool = True,
) -> CapturedPage:
    """Find, rectify and encode the page in `frame`; raises `PageNotFound`.

    Quality problems do not raise: they come back as `findings` for the clerk to judge.
    """
    if corners is None:
        corners = find_page(frame)
    if corners is None:
        raise PageNotFound()
    report = assess_quality(frame, corners)
    page = rectify(frame, corners, dpi=dpi)
    skew = 0.0
    if deskew_page:
        page, skew = deskew(page)
    if enhance_page:
        page = enhance(page)
    data, q, final = encode_jpeg(page, quality=jpeg_quality, max_bytes=max_bytes)
    h, w = final.shape[:2]
    log.info("captured page %dx%d, %d bytes (q=%d), sharpness %.3f, findings %s",
             w, h, len(data), q, report.sharpness, [f.code for f in report.findings])
    return CapturedPage(jpeg=data, corners=corners, findings=report.findings, width=w, height=h,
                        jpeg_quality=q, skew_deg=skew)


# --------------------------------------------------------------------------- auto-capture


class StabilityDetector:
    """Tells when the page has held still for `n_frames` frames (auto-capture trigger).

    `update(corners)` returns True once, on the frame where the last `n_frames`
    detections all lie within `tolerance_px` of their mean corner positions; it
    fires again only after the page moved or left. `stable` is the level state.
    """

    def __init__(self, n_frames: int = 5, tolerance_px: float = 6.0) -> None:
        if n_frames < 1:
            raise ValueError("n_frames must be >= 1")
        self.n_frames = n_frames
        self.tolerance_px = tolerance_px
        self._history: deque[npt.NDArray[np.float64]] = deque(maxlen=n_frames)
        self._stable = False

    @property
    def stable(self) -> bool:
        return self._stable

    def reset(self) -> None:
        self._history.clear()
        self._stable = False

    def update(self, corners: npt.ArrayLike | None) -> bool:
        if corners is None:
            self.reset()
            return False
        c = np.asarray(corners, dtype=np.float64).reshape(4, 2)
        if self._history and np.abs(c - self._history[-1]).max() > self.tolerance_px:
            self._history.clear()  # it moved: start over
        self._history.append(c)
        now = False
        if len(self._history) == self.n_frames:
            stack = np.stack(list(self._history))
            spread = np.linalg.norm(stack - stack.mean(axis=0), axis=2).max()
            now = bool(spread <= self.tolerance_px)
        fired = now and not self._stable
        self._stable = now
        return fired
