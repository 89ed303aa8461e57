"""Image types shared by the document-camera stages, and the conversions they all need.

Frames are BGR uint8 (grayscale accepted where noted) in OpenCV pixel-centre
coordinates. Corners are ordered TL, TR, BR, BL as the page is read.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

ImageU8 = npt.NDArray[np.uint8]
Corners = npt.NDArray[np.float32]


def as_u8(a: npt.NDArray[Any]) -> ImageU8:
    """OpenCV results as uint8 arrays for the type checker (no copy when already uint8)."""
    return np.asarray(a, dtype=np.uint8)


def to_gray(frame: npt.NDArray[np.uint8]) -> ImageU8:
    """Grayscale view of a BGR, BGRA or already grayscale uint8 frame."""
    if frame.ndim == 2:
        return frame
    if frame.ndim == 3 and frame.shape[2] == 3:
        return as_u8(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY))
    if frame.ndim == 3 and frame.shape[2] == 4:
        return as_u8(cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY))
    raise ValueError(f"unsupported frame shape {frame.shape}")
