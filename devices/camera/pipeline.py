"""Document-camera pipeline: find the page, rectify it to A4, check quality, encode JPEG.

The stages live in their own modules: `page_detection`, `rectification` (with
enhancement), `quality`, `capture` and `stability` (the auto-capture trigger). This
module is the pipeline's public face: front ends, the station, the CLI and other
branches' code import these names from here, so it re-exports every public one.
"""

from __future__ import annotations

from devices.camera.capture import CapturedPage, capture_page, encode_jpeg
from devices.camera.images import to_gray
from devices.camera.page_detection import find_page, order_corners
from devices.camera.quality import BLURRY, GLARE, QualityFinding, QualityReport, assess_quality
from devices.camera.rectification import A4_MM, deskew, enhance, page_size_px, rectify
from devices.camera.stability import StabilityDetector

__all__ = [
    "A4_MM",
    "BLURRY",
    "GLARE",
    "CapturedPage",
    "QualityFinding",
    "QualityReport",
    "StabilityDetector",
    "assess_quality",
    "capture_page",
    "deskew",
    "encode_jpeg",
    "enhance",
    "find_page",
    "order_corners",
    "page_size_px",
    "rectify",
    "to_gray",
]
