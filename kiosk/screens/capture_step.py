"""One material at a time under the document camera, captured automatically
when the page holds still (file import is not offered on a kiosk)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from intake.catalog import Material
from kiosk.context import KioskContext
from kiosk.widgets import BigButton, Text
from station.device_health import Health
from station.simulators import document_payload
from ui_shared.camera_preview import CameraPreview

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from devices.camera.pipeline import CapturedPage, StabilityDetector

log = logging.getLogger(__name__)
MOVED_PX = 40.0  # preview pixels: a different page, or the same one put down again


class CaptureStep(QWidget):
    captured = Signal(object)  # CapturedPage
    failed = Signal(object)  # BaseException

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._material: Material | None = None
        self._item_code = ""
        self._busy = False
        #: corners of the page just taken: the next picture waits until that page is
        #: taken away or replaced (a page lying still is never taken twice)
        self._taken: NDArray[np.float32] | None = None
        self._stability: StabilityDetector | None = None  # made by start(): needs cv2
        camera = ctx.services.station.camera
        self.preview = CameraPreview(camera.grab, _find_page, ctx.tasks, self)
        self.preview.frame_shown.connect(self._frame)
        self.preview.camera_failed.connect(self._camera_failed)
        self.instruction = Text("", self, role="heading")
        self.steps = Text(
            self.tr("1. Open the document and lay it flat in the marked area.\n"
                    "2. Hold still: the picture is taken by itself.\n"
                    "3. Take the document back."),
            self,
        )
        self.steps.setProperty("detail", True)  # 关怀模式: fewer words (the voice says it)
        self.state = Text("", self, role="warn")
        self.take_now = BigButton(self.tr("Take the picture now"), self, role="main")
        self.take_now.clicked.connect(self.capture)
        side = QVBoxLayout()
        side.addWidget(self.instruction)
        side.addWidget(self.steps)
        side.addWidget(self.state)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.preview, 3)
        row.addLayout(side, 2)
        # the button under both, the window's whole width: in the side column (2/5 of
        # a 1024-wide screen) "Take the picture now" was clipped in 关怀模式
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.take_now)

    def start(self, item_code: str, material: Material) -> None:
        self._item_code = item_code
        self._material = material
        name = material.name_en if self.ctx.english else material.name_zh
        self.instruction.setText(self.tr("Please place: %1").replace("%1", name))
        self.state.setText(self.tr("Waiting for the document…"))
        self._stability = _new_stability_detector()
        self._busy = False
        sims = self.ctx.services.station.simulators
        if sims is not None:  # the demo's simulated camera shows the requested document
            payload = document_payload(item_code, material.code)
            self.ctx.tasks.image(
                lambda: sims.present_document(material.name_zh, payload),
                lambda _r: None,
                lambda e: self._camera_failed(str(e)),
            )
        self.preview.start()

    def stop(self) -> None:
        self.preview.stop()
        self._material = None

    # The camera runs only while this step is on screen: hidden (the card-removed
    # prompt in front, another step) it takes no picture for nobody.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._material is not None:
            self.preview.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.preview.stop()

    @property
    def page_in_view(self) -> bool:
        return self.preview.page_detected

    def _frame(self) -> None:
        self.ctx.services.health.report("camera", Health.OK)
        corners = self.preview.latest_corners
        if self._taken is not None:
            if corners is not None and float(abs(corners - self._taken).max()) < MOVED_PX:
                self.state.setText(self.tr("Done. Please take that document away."))
                return
            self._taken = None
        if self._stability is not None and self._stability.update(corners) and not self._busy:
            self.capture()
        elif not self._busy:
            self.state.setText(
                self.tr("Document found: hold still…")
                if self.preview.page_detected
                else self.tr("Waiting for the document…")
            )

    def capture(self) -> None:
        frame = self.preview.latest_frame
        if self._material is None or frame is None or self._busy:
            return
        self._busy = True
        self.state.setText(self.tr("Taking the picture…"))
        ctx = self.ctx  # a picture finished after the visit ended is nobody's
        ctx.tasks.image(lambda: _capture_page(frame), ctx.for_this_visit(self._done),
                        ctx.for_this_visit(self._error))

    def _done(self, page: CapturedPage) -> None:
        self._busy = False
        if self._stability is not None:
            self._stability.reset()
        self._taken = self.preview.latest_corners
        self.captured.emit(page)

    def _error(self, error: BaseException) -> None:
        self._busy = False
        if self._stability is not None:
            self._stability.reset()
        self.state.setText(
            self.tr("No document found in the picture. Lay it flat in the marked area.")
        )
        self.failed.emit(error)

    def _camera_failed(self, message: str) -> None:
        self.ctx.services.health.report("camera", Health.FAULT, "no_frames")
        self.state.setText(
            self.tr("The camera is not working right now (%1). Please go to the window.")
            .replace("%1", message)
        )

    def wipe(self) -> None:
        self.stop()
        self._busy = False  # a picture still being taken will not answer
        self._taken = None
        self.preview.clear_frame()
        self.instruction.setText("")
        self.state.setText("")


# The camera pipeline (cv2, numpy) is imported on first use, not with the kiosk's
# screens: the attract screen comes up without it (kiosk.app warms it up after show).
def _find_page(frame: NDArray[np.uint8]) -> NDArray[np.float32] | None:
    from devices.camera.pipeline import find_page

    return find_page(frame)


def _capture_page(frame: NDArray[np.uint8]) -> CapturedPage:
    from devices.camera.pipeline import capture_page

    return capture_page(frame)


def _new_stability_detector() -> StabilityDetector:
    from devices.camera.pipeline import StabilityDetector

    return StabilityDetector(n_frames=6)
