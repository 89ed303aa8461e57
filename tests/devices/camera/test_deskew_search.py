"""The skew search tries every fifth angle, then the angles around the best of them
(devices/camera/rectification.py): it must find the angle that trying every angle
finds, on pages turned by skews across the whole range it searches."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from devices.camera.images import to_gray
from devices.camera.page_detection import find_page
from devices.camera.rectification import estimate_skew, rectify
from devices.camera.synthetic import render_document

from .conftest import TITLE


def _every_angle(page: npt.NDArray[np.uint8], max_deg: float = 3.0, step: float = 0.1) -> float:
    """The search as it was before it went coarse to fine: all 61 angles."""
    gray = to_gray(page)
    h, w = gray.shape
    scale = 500 / w if w > 500 else 1.0
    small = cv2.resize(gray, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                25, 15)
    sh, sw = ink.shape
    m = round(0.04 * sw)
    inkf = np.ascontiguousarray(ink[m:sh - m, m:sw - m]).astype(np.float32)
    ih, iw = inkf.shape
    angles = np.arange(-max_deg, max_deg + step / 2, step)
    scores = np.empty(len(angles))
    for i, a in enumerate(angles):
        rot = cv2.getRotationMatrix2D((iw / 2, ih / 2), float(a), 1.0)
        scores[i] = float(np.var(cv2.warpAffine(inkf, rot, (iw, ih)).sum(axis=1)))
    best, zero = int(scores.argmax()), int(np.argmin(np.abs(angles)))
    return 0.0 if scores[best] < 1.05 * scores[zero] else float(-angles[best])


@pytest.fixture(scope="module")
def flat_page() -> npt.NDArray[np.uint8]:
    """A photographed page made flat (100 dpi: the search works on a 500 px copy)."""
    p = render_document(TITLE, "x", seed=21, size=(960, 540), rotation_deg=6.0, tilt_deg=3.0,
                        blur=0.8, noise=2.0, glare=False)
    corners = find_page(p.image)
    assert corners is not None
    return rectify(p.image, corners, dpi=100)


@pytest.mark.parametrize("turned", [-2.85, -1.62, 0.33, 1.17, 2.94])
def test_coarse_to_fine_finds_what_every_angle_finds(
    flat_page: npt.NDArray[np.uint8], turned: float
) -> None:
    h, w = flat_page.shape[:2]
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), turned, 1.0)
    page = np.asarray(cv2.warpAffine(flat_page, rot, (w, h), borderMode=cv2.BORDER_REPLICATE),
                      np.uint8)
    found = estimate_skew(page)
    assert found == _every_angle(page)
    # and it is the skew (a small one may be left alone: no clear improvement)
    assert found == pytest.approx(turned, abs=0.25) or (abs(turned) < 0.5 and found == 0.0)
