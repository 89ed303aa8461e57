"""The document-camera side of the clerk window: live preview, capture, auto
capture, import from files or a watched scan folder (no camera, or a paper the
camera cannot take), and the page strip. The image work runs on the image lane;
what comes of it is forwarded to the intake session, which decides whether the
page is kept.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_station.page_strip import PageStrip
from station.intake_session import IntakeSession, SessionState, Severity, Topic
from station.page_import import IMPORTABLE, FolderInbox, import_page
from station.services import StationServices
from station.simulators import document_payload
from ui_shared.camera_preview import CameraPreview
from ui_shared.error_text import note_text
from ui_shared.messages import user_message
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from devices.camera.pipeline import CapturedPage, StabilityDetector

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
        self.preview = CameraPreview(services.camera.grab, _find_page, tasks, self.panel)
        self.preview.set_failure_hint(
            self.tr(
                "Take the pages with “Import file…” (a scanned file or a phone photo) or "
                "from the scan folder meanwhile."
            )
        )
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
        self._stability_detector: StabilityDetector | None = None  # needs cv2: on first use
        self._capturing = False
        self._last_size = (0, 0)
        self._presented: tuple[str, str] | None = None
        self.import_button = QPushButton(self.tr("Import file…"), self.panel)
        self.import_button.setObjectName("importButton")
        self.import_button.setToolTip(self.tr("A scanned file or a phone photo"))
        self.watch_folder = QCheckBox(self.tr("Take pages from the scan folder"), self.panel)
        self.watch_folder.setObjectName("watchFolder")
        self.watch_folder.setEnabled(services.scan_inbox is not None)
        if services.scan_inbox is not None:
            self.watch_folder.setToolTip(str(services.scan_inbox))
        self.inbox = FolderInbox(services.scan_inbox) if services.scan_inbox else None
        self._inbox_timer = QTimer(self)
        self._inbox_timer.setInterval(1000)
        self._inbox_timer.timeout.connect(self._poll_inbox)
        self._inbox_busy = False
        self.file_dialog: QFileDialog | None = None
        self.strip = PageStrip(services.intake.page_bytes, tasks, self.panel)
        self.strip.move_requested.connect(session.page_moved)
        self.strip.delete_requested.connect(session.page_removed)

        layout = QVBoxLayout(self.panel)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.strip)
        layout.addWidget(self.status)
        # short lines, so that at 1366 px the panel leaves the item picker its width
        row = QHBoxLayout()
        row.addWidget(self.remove_page_button)
        row.addStretch(1)
        row.addWidget(self.capture_button)
        layout.addLayout(row)
        layout.addWidget(self.auto_capture)
        files = QHBoxLayout()
        files.addWidget(self.watch_folder)
        files.addStretch(1)
        files.addWidget(self.import_button)
        layout.addLayout(files)
        self.import_button.clicked.connect(self.open_import_dialog)
        self.watch_folder.toggled.connect(self._watch_toggled)

        self.capture_button.clicked.connect(self.capture)
        self.remove_page_button.clicked.connect(self._remove_last_page)
        self.preview.frame_shown.connect(self._frame_shown)
        self.preview.camera_failed.connect(self._camera_failed)
        session.subscribe(self.render)

    def start(self) -> None:
        self.preview.start()

    def stop(self) -> None:
        self.preview.stop()
        self._inbox_timer.stop()

    # -- files ------------------------------------------------------------
    def open_import_dialog(self) -> QFileDialog:
        dialog = QFileDialog(self.panel, self.tr("Import a scanned page or a photo"))
        dialog.setObjectName("importDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        patterns = " ".join(f"*{ext}" for ext in IMPORTABLE)
        dialog.setNameFilter(self.tr("Images (%1)").replace("%1", patterns))
        dialog.filesSelected.connect(lambda paths: self.import_files([Path(p) for p in paths]))
        self.file_dialog = dialog
        dialog.open()  # not exec(): the GUI thread keeps running
        return dialog

    def import_files(self, paths: list[Path], *, from_inbox: bool = False) -> None:
        """Each file goes through the camera pipeline, then to the material in hand.

        A file ``from_inbox`` (taken from the scan folder) is a plaintext copy of a
        page: it is deleted once the page is stored encrypted, kept when not."""
        code = self._session.state.current_material
        if code is None or not self._session.state.can_capture:
            return
        for path in paths:
            self._capturing = True
            self.render(self._session.state)
            self._show(self.tr("Importing %1…").replace("%1", path.name), "")
            source = path if from_inbox else None
            self._tasks.image(
                lambda p=path: import_page(p),  # type: ignore[misc]
                lambda page, src=source: self._captured(code, page, src),  # type: ignore[misc]
                self._failed,
            )

    def _watch_toggled(self, on: bool) -> None:
        if on:
            self._inbox_timer.start()
        else:
            self._inbox_timer.stop()

    def _poll_inbox(self) -> None:
        inbox = self.inbox
        if inbox is None or self._inbox_busy or not self._session.state.can_capture:
            return
        self._inbox_busy = True

        def done(paths: list[Path]) -> None:
            self._inbox_busy = False
            if paths:
                self.import_files(paths, from_inbox=True)

        def failed(error: BaseException) -> None:
            self._inbox_busy = False
            self._failed(error)

        self._tasks.image(inbox.take_ready, done, failed)

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
            lambda: _capture_page(frame),
            lambda page: self._captured(code, page),
            self._failed,
        )

    def _captured(self, code: str, page: CapturedPage, taken: Path | None = None) -> None:
        self._capturing = False
        self._last_size = (page.width, page.height)
        if self._session.state.can_capture:  # the intake may have ended meanwhile
            filed = None if taken is None else (lambda _sha: self._discard_taken(taken))
            self._session.page_captured(page, code, on_filed=filed)
        else:
            self.render(self._session.state)

    def _discard_taken(self, taken: Path) -> None:
        """The page from the scan folder is stored encrypted: its plaintext copy goes."""
        inbox = self.inbox
        if inbox is None:
            return
        self._tasks.disk(lambda: inbox.discard(taken), lambda _deleted: None,
                         lambda e: log.warning("cannot delete the taken scan %s: %r",
                                               taken.name, e))

    def _failed(self, error: BaseException) -> None:
        log.warning("capture failed: %r", error)
        self._capturing = False
        self._session.capture_failed(error)

    def _remove_last_page(self) -> None:
        code = self._session.state.current_material
        if code is not None:
            self._session.page_removed(code)

    def _frame_shown(self) -> None:
        if self._stability_detector is None:
            from devices.camera.pipeline import StabilityDetector

            self._stability_detector = StabilityDetector(n_frames=4, tolerance_px=3.0)
        fired = self._stability_detector.update(self.preview.latest_corners)
        if fired and self.auto_capture.isChecked() and self.capture_button.isEnabled():
            self.capture()
        self.camera_message.emit(
            self.tr("Camera: page detected")
            if self.preview.page_detected
            else self.tr("Camera: no page in view")
        )

    def _camera_failed(self, message: str) -> None:
        self.camera_message.emit(self.tr("Camera: %1").replace("%1", message))
        if self.preview.latest_frame is None and self._session.state.item is not None:
            self._show(
                self.tr("No camera picture: import a scanned file or a photo instead"), "warn"
            )

    # -- rendering --------------------------------------------------------
    def render(self, state: SessionState) -> None:
        busy = self._capturing or state.storing > 0
        self.capture_button.setEnabled(state.can_capture and not busy)
        self.import_button.setEnabled(state.can_capture)
        self.strip.show_state(state)
        code = state.current_material
        self.remove_page_button.setEnabled(
            state.can_capture and code is not None and bool(state.pages.get(code))
        )
        note = state.note
        if state.item is None:
            self._show("", "")
        elif note is not None and note.topic is Topic.CAPTURE:
            text = note_text(note, english=self._english)
            if note.severity is Severity.ERROR:
                self._show(text, "error")
            elif note.code == "card.page_filed":
                self._show(text, "ok")  # made from the card's data: no camera frame size
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
            lambda e: self._camera_failed(user_message(e)),
        )


# The camera pipeline (cv2, numpy) is imported on first use, not with the window: the
# main window comes up without it (clerk_station.app warms it up after show).
def _find_page(frame: NDArray[np.uint8]) -> NDArray[np.float32] | None:
    from devices.camera.pipeline import find_page

    return find_page(frame)


def _capture_page(frame: NDArray[np.uint8]) -> CapturedPage:
    from devices.camera.pipeline import capture_page

    return capture_page(frame)
