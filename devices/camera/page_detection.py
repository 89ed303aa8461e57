"""Page detection: the corners of the whole sheet lying in a camera frame.

A coarse quad is found on a downscaled copy (bright region, else outline), each side
is then re-fitted at full resolution for sub-pixel corners, and a page the frame cuts
off is rejected. Corners are float32 (4, 2), ordered TL, TR, BR, BL.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.images import Corners, ImageU8, as_u8, to_gray

DETECT_LONG_SIDE = 640  # detection runs on a frame downscaled to this long side
MIN_PAGE_AREA = 0.12  # fraction of the frame
MAX_PAGE_AREA = 0.97
ASPECT_RANGE = (1.05, 2.0)  # long/short side ratio of the quad (A4 is 1.414)


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
    quad = _best_quad(as_u8(bright))
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
    return _best_quad(as_u8(filled))


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
        small = as_u8(cv2.resize(gray, (round(w * scale), round(h * scale)),
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
