"""Rectification and enhancement: the found page warped flat to A4, levelled and whitened."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.images import Corners, ImageU8, as_u8, to_gray

A4_MM = (210.0, 297.0)
#: the skew search tries every COARSE_STRIDE-th angle first (estimate_skew)
COARSE_STRIDE = 5


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
    return as_u8(cv2.warpPerspective(frame, hom, (w, h), flags=cv2.INTER_LINEAR,
                                   borderMode=cv2.BORDER_REPLICATE))


def estimate_skew(page: npt.NDArray[np.uint8], *, max_deg: float = 3.0, step: float = 0.1) -> float:
    """Residual text rotation in degrees (positive: text runs downhill to the right).

    Projection-profile search on a small binarised copy: text lines give the
    sharpest row profile when they are level. Returns 0.0 for pages without text.

    Coarse to fine: the profile sharpens smoothly towards level (its peak is about a
    degree wide on the 500 px copy), so every fifth angle is tried first and then the
    angles within one coarse step of the best of them: 21 rotations instead of 61, the
    same angle as trying all (tests/devices/camera/test_deskew_search.py).
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
    inkf = ink.astype(np.float32)
    scores: dict[int, float] = {}

    def score(i: int) -> float:
        if i not in scores:
            rot = cv2.getRotationMatrix2D(centre, float(angles[i]), 1.0)
            r = cv2.warpAffine(inkf, rot, (iw, ih), flags=cv2.INTER_LINEAR)
            scores[i] = float(np.var(r.sum(axis=1)))
        return scores[i]

    stride = COARSE_STRIDE
    coarse = max(range(0, len(angles), stride), key=score)  # the first best, as argmax
    for i in range(max(0, coarse - stride + 1), min(len(angles), coarse + stride)):
        score(i)
    best = max(sorted(scores), key=scores.__getitem__)
    zero = int(np.argmin(np.abs(angles)))
    if scores[best] < 1.05 * score(zero):  # no clear improvement: leave it
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
    out = as_u8(cv2.warpAffine(page, rot, (w, h), flags=cv2.INTER_LINEAR,
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
    return as_u8(cv2.divide(page, bg, scale=245.0))
