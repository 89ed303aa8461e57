"""Document-camera pipeline: find the page, rectify it to A4, check quality, encode JPEG.

The stages live in their own modules: `page_detection`, `rectification` (with
enhancement), `quality`, `capture` and `stability` (the auto-capture trigger). This
module keeps the names the front ends and the CLI import from here.
"""

from __future__ import annotations

from devices.camera.capture import CapturedPage, capture_page
from devices.camera.page_detection import find_page
from devices.camera.stability import StabilityDetector

__all__ = ["CapturedPage", "StabilityDetector", "capture_page", "find_page"]
