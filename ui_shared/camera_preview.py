"""Live document-camera preview with the detected page outlined.

Frames are grabbed and analysed on the image lane; at most one frame is in
flight, so a slow camera or a busy CPU drops frames instead of queueing them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget
from shiboken6 import isValid

from ui_shared.images import bgr_to_qimage
from ui_shared.messages import user_message
from ui_shared.tasks import TaskRunner

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

log = logging.getLogger(__name__)
PREVIEW_WIDTH = 960
FAILED_INTERVAL_MS = 1000


@dataclass(frozen=True)
class PreviewFrame:
    image: QImage
    corners: NDArray[np.float32] | None  # in preview pixels
    full_frame: NDArray[np.uint8]


class CameraPreview(QWidget):
    frame_shown = Signal()
    camera_failed = Signal(str)

    def __init__(
        self,
        grab: Callable[[], NDArray[np.uint8]],
        find_page: Callable[[NDArray[np.uint8]], NDArray[np.float32] | None],
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        fps: float = 8.0,
    ) -> None:
        super().__init__(parent)
        self._grab = grab
        self._find_page = find_page
        self._tasks = tasks
        self._latest: PreviewFrame | None = None
        self._in_flight = False
        self._timer = QTimer(self)
        self._interval_ms = int(1000 / fps)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self._tick)
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Document camera preview"))

    def start(self) -> None:
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def latest_frame(self) -> NDArray[np.uint8] | None:
        return None if self._latest is None else self._latest.full_frame

    @property
    def latest_corners(self) -> NDArray[np.float32] | None:
        """Page corners in preview pixels of the last frame shown, if a page was found."""
        return None if self._latest is None else self._latest.corners

    @property
    def page_detected(self) -> bool:
        return self._latest is not None and self._latest.corners is not None

    def _tick(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        self._tasks.image(self._produce, self._show, self._failed)

    def _produce(self) -> PreviewFrame:
        import cv2  # lazy: keeps start-up fast
        import numpy as np

        frame = self._grab()
        h, w = frame.shape[:2]
        scale = PREVIEW_WIDTH / w
        small: NDArray[np.uint8] = cv2.resize(
            frame, (PREVIEW_WIDTH, int(h * scale)), interpolation=cv2.INTER_AREA
        ).astype(np.uint8, copy=False)
        corners = self._find_page(small)
        return PreviewFrame(bgr_to_qimage(small), corners, frame)

    def clear_frame(self) -> None:
        """Drop the last picture (the kiosk's wipe: no image of a citizen's papers stays)."""
        self._latest = None
        self.update()

    def _show(self, frame: PreviewFrame) -> None:
        self._in_flight = False
        if not isValid(self._timer):  # the preview was deleted while this frame was made
            return
        if not self._timer.isActive():  # stopped (and maybe wiped) while this frame was made
            return
        self._timer.setInterval(self._interval_ms)
        self._latest = frame
        self.update()
        self.frame_shown.emit()

    def _failed(self, error: BaseException) -> None:
        self._in_flight = False
        # a missing camera is asked again once a second, not at the frame rate
        self._timer.setInterval(max(self._interval_ms, FAILED_INTERVAL_MS))
        self.camera_failed.emit(user_message(error, self.tr("Camera unavailable")))

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1f2933"))
        if self._latest is None:
            painter.setPen(QColor("#cbd2d9"))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Waiting for camera…")
            )
            return
        img = self._latest.image
        target = QRectF(self.rect())
        scale = min(target.width() / img.width(), target.height() / img.height())
        w, h = img.width() * scale, img.height() * scale
        x0, y0 = (target.width() - w) / 2, (target.height() - h) / 2
        painter.drawImage(QRectF(x0, y0, w, h), img)
        corners = self._latest.corners
        if corners is not None:
            poly = QPolygonF(
                [QPointF(x0 + float(x) * scale, y0 + float(y) * scale) for x, y in corners]
            )
            painter.setPen(QPen(QColor("#3ebd93"), 3))
            painter.drawPolygon(poly)
