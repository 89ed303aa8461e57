"""Capture: find, rectify and check the page in a frame, then encode it as a bounded JPEG."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.errors import PageNotFound
from devices.camera.images import Corners, ImageU8, as_u8
from devices.camera.page_detection import find_page
from devices.camera.quality import QualityFinding, assess_quality
from devices.camera.rectification import deskew, enhance, rectify

log = logging.getLogger(__name__)


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
        img = as_u8(cv2.resize(img, (round(w * 0.85), round(h * 0.85)),
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
