"""numpy frames to Qt images without surprises in stride or channel order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def bgr_to_qimage(frame: NDArray[np.uint8]) -> QImage:
    import numpy as np  # already loaded by whoever made the frame

    if frame.ndim == 2:
        h, w = frame.shape
        data = np.ascontiguousarray(frame)
        return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_Grayscale8).copy()
    h, w, _ = frame.shape
    rgb = np.ascontiguousarray(frame[:, :, ::-1])
    return QImage(rgb.data, w, h, rgb.strides[0], QImage.Format.Format_RGB888).copy()
