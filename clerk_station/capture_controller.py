"""The document-camera side of the clerk window: live preview, capture, auto
capture and page removal. The image work runs on the image lane; what comes of
it is forwarded to the intake session, which decides whether the page is kept.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from devices.camera.pipeline import CapturedPage, StabilityDetector, capture_page, find_page
from station.intake_session import IntakeSession, SessionState, Severity, Topic
from station.services import StationServices
from station.simulators import document_payload
from ui_shared.camera_preview import CameraPreview
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


class CaptureController(QObject):
    camera_message = Signal(str)  # for the status bar

    def __init__(
        self,
        services: StationServices,
        session: IntakeSession,
        tasks: TaskRunner,
        parent: QWidget,
        *,
        english: bool = False,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._tasks = tasks
        self._english = english
        self.panel = QWidget(parent)
        self.preview = CameraPreview(services.camera.grab, find_page, tasks, self.panel)
        self.capture_button = QPushButton(self.tr("Capture page"), self.panel)
        self.capture_button.setObjectName("captureButton")
        self.capture_button.setEnabled(False)
        self.remove_page_button = QPushButton(self.tr("Remove last page"), self.panel)
        self.remove_page_button.setEnabled(False)
        self.auto_capture = QCheckBox(self.tr("Auto capture when the page is still"), self.panel)
        self.auto_capture.setObjectName("autoCapture")
        self.status = PlainLabel("", self.panel)  # error text may quote outside bytes
        self.status.setObjectName("captureStatus")
        self.status.setWordWrap(True)
        # a page must hold still for about half a second before it is taken by itself
        self._stability = StabilityDetector(n_frames=4, tolerance_px=3.0)
        self._capturing = False
        self._last_size = (0, 0)
        self._presented: tuple[str, str] | None = None

        layout = QVBoxLayout(self.panel)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.auto_capture)
        row.addWidget(self.remove_page_button)
        row.addStretch(1)
        row.addWidget(self.capture_button)
        layout.addLayout(row)

        self.capture_button.clicked.connect(self.capture)
        self.remove_page_button.clicked.connect(self._remove_last_page)
        self.preview.frame_shown.connect(self._frame_shown)
        self.preview.camera_failed.connect(self._camera_failed)
        session.subscribe(self.render)

    def start(self) -> None:
        self.preview.start()

    def stop(self) -> None:
        self.preview.stop()

    # -- forwarding -------------------------------------------------------
    def capture(self) -> None:
        state = self._session.state
        code = state.current_material
        if not state.can_capture or code is None or self._capturing:
            return
        frame = self.preview.latest_frame
        if frame is None:
            self._show(self.tr("The camera has not delivered a picture yet"), "error")
            return
        self._capturing = True
        self.render(state)
        self._show(self.tr("Processing…"), "")
        self._tasks.image(
            lambda: capture_page(frame),
            lambda page: self._captured(code, page),
            self._failed,
        )

    def _captured(self, code: str, page: CapturedPage) -> None:
        self._capturing = False
        self._last_size = (page.width, page.height)
        if self._session.state.can_capture:  # the intake may have ended meanwhile
            self._session.page_captured(page, code)
        else:
            self.render(self._session.state)

    def _failed(self, error: BaseException) -> None:
        log.warning("capture failed: %r", error)
        self._capturing = False
        self._session.capture_failed(error)

    def _remove_last_page(self) -> None:
        code = self._session.state.current_material
        if code is not None:
            self._session.page_removed(code)

    def _frame_shown(self) -> None:
        fired = self._stability.update(self.preview.latest_corners)
        if fired and self.auto_capture.isChecked() and self.capture_button.isEnabled():
            self.capture()
        self.camera_message.emit(
            self.tr("Camera: page detected")
            if self.preview.page_detected
            else self.tr("Camera: no page in view")
        )

    def _camera_failed(self, message: str) -> None:
        self.camera_message.emit(self.tr("Camera: %1").replace("%1", message))

    # -- rendering --------------------------------------------------------
    def render(self, state: SessionState) -> None:
        busy = self._capturing or state.storing > 0
        self.capture_button.setEnabled(state.can_capture and not busy)
        code = state.current_material
        self.remove_page_button.setEnabled(
            state.can_capture and code is not None and bool(state.pages.get(code))
        )
        note = state.note
        if state.item is None:
            self._show("", "")
        elif note is not None and note.topic is Topic.CAPTURE:
            text = note.text(english=self._english)
            if note.severity is Severity.ERROR:
                self._show(text, "error")
            else:
                saved = (
                    self.tr("Page saved (%1×%2)")
                    .replace("%1", str(self._last_size[0]))
                    .replace("%2", str(self._last_size[1]))
                )
                warn = note.severity is Severity.WARNING
                self._show(f"{saved}  {text}" if warn else saved, "warn" if warn else "ok")
        self._present_on_simulator(state)

    def _show(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setProperty("state", level)
        self.status.style().polish(self.status)

    def _present_on_simulator(self, state: SessionState) -> None:
        sims = self._services.simulators
        if sims is None or state.item is None or state.current_material is None:
            return
        key = (state.item.code, state.current_material)
        if key == self._presented:
            return
        self._presented = key
        material = state.item.material(state.current_material)
        payload = document_payload(state.item.code, material.code)
        # rendering a synthetic photo takes a few hundred ms: not on the GUI thread
        self._tasks.image(
            lambda: sims.present_document(material.name_zh, payload),
            lambda _r: None,
            lambda e: self._camera_failed(str(getattr(e, "message_zh", e))),
        )
