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
# a missing camera is asked again after 1 s, then 2, 4, ... up to a minute: a camera
# plugged in later is found, and the log does not get a line every second all day
FAILED_INTERVAL_MS = 1000
FAILED_INTERVAL_MAX_MS = 60_000


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
        self._failures = 0
        # why the camera gives no picture (None while it does, or before it was asked)
        self._trouble: str | None = None
        self._hint = ""
        self._timer = QTimer(self)
        self._interval_ms = int(1000 / fps)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self._tick)
        self.setMinimumSize(QSize(320, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Document camera preview"))

    def set_failure_hint(self, hint: str) -> None:
        """What to do instead when the camera cannot be used (the clerk's file import)."""
        self._hint = hint
        self.update()

    @property
    def placeholder_text(self) -> str:
        """What the preview says while it has no picture."""
        if self._trouble is None:
            return self.tr("Waiting for camera…")
        text = self.tr("The document camera cannot be used: %1").replace("%1", self._trouble)
        return f"{text}\n{self._hint}" if self._hint else text

    @property
    def retry_interval_ms(self) -> int:
        """How long until the camera is asked for its next frame."""
        return self._timer.interval()

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
        self._failures, self._trouble = 0, None
        self._latest = frame
        self.update()
        self.frame_shown.emit()

    def _failed(self, error: BaseException) -> None:
        self._in_flight = False
        if not isValid(self._timer):
            return
        backoff = FAILED_INTERVAL_MS * 2 ** min(self._failures, 6)
        self._failures += 1
        self._timer.setInterval(max(self._interval_ms, min(backoff, FAILED_INTERVAL_MAX_MS)))
        self._trouble = user_message(error, self.tr("Camera unavailable"))
        self.update()
        self.camera_failed.emit(self._trouble)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1f2933"))
        if self._latest is None:
            painter.setPen(QColor("#cbd2d9"))
            painter.drawText(
                self.rect().adjusted(24, 0, -24, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder_text,
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
