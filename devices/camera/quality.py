"""Quality findings: blur and glare measured on the page as the camera saw it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.images import Corners, ImageU8, as_u8, to_gray

# Fine/coarse detail ratio below which a page is blurry (see docs/devices/camera.md).
BLUR_THRESHOLD = 0.14
GLARE_LEVEL = 250  # grey level counted as clipped
GLARE_MIN_FRACTION = 0.004  # of the page area, for one clipped blob


@dataclass(frozen=True)
class QualityFinding:
    """Something the person at the window should fix before the page is kept: a code
    of the "quality" family, worded by the front end ("quality.blurry",
    ui_shared.error_text); ``detail_en`` is the English line for logs."""

    code: str
    detail_en: str
    family: ClassVar[str] = "quality"

    @property
    def qualified_code(self) -> str:
        return f"{self.family}.{self.code}"


BLURRY = QualityFinding("blurry", "image is blurry")
GLARE = QualityFinding("glare", "glare on the page")


@dataclass
class QualityReport:
    """Raw measurements behind the findings (for logs and tuning)."""

    sharpness: float
    laplacian_var: float
    glare_fraction: float
    findings: list[QualityFinding] = field(default_factory=list)


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
        crop = as_u8(cv2.resize(crop, size, interpolation=cv2.INTER_AREA))
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
        clipped = as_u8(cv2.morphologyEx(clipped, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)))
        n, _, stats, _ = cv2.connectedComponentsWithStats(clipped, connectivity=8)
        if n > 1:
            largest = float(stats[1:, cv2.CC_STAT_AREA].max())
            glare_fraction = largest / page_area
            if glare_fraction >= GLARE_MIN_FRACTION:
                findings.append(GLARE)
    return QualityReport(sharpness=sharpness, laplacian_var=lap_var,
                         glare_fraction=glare_fraction, findings=findings)
