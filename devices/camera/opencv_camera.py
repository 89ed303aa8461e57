"""A real document camera (UVC 高拍仪) or a video file through cv2.VideoCapture."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.errors import CameraError

log = logging.getLogger(__name__)

__all__ = ["CameraError", "OpenCvCamera", "quiet_opencv"]


@contextlib.contextmanager
def quiet_opencv() -> Iterator[None]:
    """OpenCV's own log lines ("[ WARN:0@0.03] global cap_v4l.cpp ... can't open camera
    by index") go straight to the terminal, not through logging; while a camera is
    probed they are silenced: the failure reaches the caller as a CameraError."""
    logs = cv2.utils.logging
    level = logs.getLogLevel()
    logs.setLogLevel(logs.LOG_LEVEL_SILENT)
    try:
        yield
    finally:
        logs.setLogLevel(level)


class OpenCvCamera:
    """`source`: device index (0), device path ("/dev/video2") or a video/image file.

    Raises `CameraError` (code "camera_not_found", "camera_open_failed", ...) when
    the source cannot be opened or read.
    """

    def __init__(self, source: int | str, width: int = 1920, height: int = 1080) -> None:
        self.source = source
        if isinstance(source, str) and not source.startswith("/dev/") and not Path(source).exists():
            raise CameraError(f"camera source not found: {source}", code="camera_not_found")
        with quiet_opencv():
            cap = cv2.VideoCapture(source)
        if not cap.isOpened():
            cap.release()
            raise CameraError(f"cannot open camera {source!r}", code="camera_open_failed")
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        got = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        if got != (width, height):
            log.info("camera %r delivers %dx%d (asked for %dx%d)", source, *got, width, height)
        self.size = got
        self._cap: cv2.VideoCapture | None = cap

    def grab(self) -> npt.NDArray[np.uint8]:
        if self._cap is None:
            raise CameraError("camera is closed", code="camera_closed")
        ok, frame = self._cap.read()
        if not ok or frame is None:
            raise CameraError(f"cannot read a frame from {self.source!r}",
                              code="camera_read_failed")
        return np.asarray(frame, dtype=np.uint8)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def __enter__(self) -> OpenCvCamera:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
