"""补正: add pages to an EXISTING case. Pages come from the window's document camera,
a scanned file or a phone photo, through the camera's own pipeline and quality checks
(blur refuses a page, glare warns), are stored at once, and go to the platform as one
supplement, exactly once.

With ``commitment=True`` the same dialog captures the applicant's signed 告知承诺书
after a 告知承诺制 accept: one kind of page, sent as a supplement marked as the
commitment form (P10), once per case."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.camera.pipeline import CapturedPage, capture_page
from intake.acceptance import COMMITMENT_FORM
from station.case_followup import CaseFollowUp, FollowUpView
from station.page_import import IMPORTABLE, import_page
from station.session_rules import judge_page
from station.typed_text import SUPPLEMENT_NOTE_CHARS, TypedTextTooLong, typed_text
from ui_shared.error_text import note_text, ui_speaks_english
from ui_shared.messages import user_message
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


class SupplementDialog(QDialog):
    def __init__(self, followup: CaseFollowUp, view: FollowUpView, clerk_id: str,
                 parent: QWidget | None = None, *, commitment: bool = False) -> None:
        super().__init__(parent)
        self.commitment = commitment
        self.setObjectName("commitmentFormDialog" if commitment else "supplementDialog")
        self.setWindowTitle(
            (self.tr("Signed commitment form for %1") if commitment
             else self.tr("Supplement (补正) for %1")).replace("%1", view.receipt_no)
        )  # fmt: skip
        self._followup = followup
        self._view = view
        self._clerk = clerk_id
        self.tasks = TaskRunner(self)
        self.pages: list[tuple[str, str]] = []  # (material code, sha256)
        self.outcome_uuid: str | None = None
        heading = PlainLabel(f"{view.receipt_no}  {view.item_name}", self)
        heading.setObjectName("itemTitle")
        self.request = PlainLabel("", self)
        self.request.setWordWrap(True)
        if commitment:
            self.request.setText(self.tr(
                "Capture every page of the commitment form the applicant has signed; it "
                "goes to the platform with the case, once."
            ))  # fmt: skip
        elif view.request is not None:
            self.request.setText(self.tr("Requested: %1 — %2").replace(
                "%1", "、".join(n for _, n in view.request.materials) or "—").replace(
                "%2", view.request.note or "—"))
        self.material = QComboBox(self)
        requested = [c for c, _ in view.request.materials] if view.request else []
        names = dict(view.materials)
        if commitment:
            self.material.addItem(self.tr("Signed commitment form (告知承诺书)"), COMMITMENT_FORM)
        else:
            for code in [*[c for c in requested if c in names],
                         *[c for c in names if c not in requested]]:
                self.material.addItem(names[code], code)
        self.camera_button = QPushButton(self.tr("Capture with the camera"), self)
        self.camera_button.setObjectName("supplementCapture")
        self.camera_button.setEnabled(followup.latest_frame is not None)
        self.import_button = QPushButton(self.tr("Import a scanned page or a photo…"), self)
        self.remove_button = QPushButton(self.tr("Remove selected page"), self)
        self.list = QListWidget(self)
        self.note = QLineEdit(self)
        # no maxLength: it would cut a pasted note silently; send() says when it is too
        # long and keeps it (station.typed_text)
        self.note.setPlaceholderText(self.tr("Note for the department (optional)"))
        self.note.setVisible(not commitment)
        self.message = PlainLabel("", self)
        self.message.setWordWrap(True)
        self.send_button = QPushButton(
            self.tr("File the signed form") if commitment else self.tr("Send the supplement"),
            self,
        )
        self.send_button.setObjectName("sendSupplement")
        self.send_button.setEnabled(False)
        cancel = QPushButton(self.tr("Close"), self)
        row = QHBoxLayout()
        row.addWidget(self.material, 1)
        row.addWidget(self.camera_button)
        row.addWidget(self.import_button)
        row.addWidget(self.remove_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.send_button)
        bottom.addWidget(cancel)
        layout = QVBoxLayout(self)
        for w in (heading, self.request):
            layout.addWidget(w)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(bottom)
        self.camera_button.clicked.connect(self.capture)
        self.import_button.clicked.connect(self.open_import_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.send_button.clicked.connect(self.send)
        cancel.clicked.connect(self.reject)
        self.resize(720, 480)

    def open_import_dialog(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import a scanned page or a photo"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilter(self.tr("Images (%1)").replace(
            "%1", " ".join(f"*{ext}" for ext in IMPORTABLE)))
        dialog.filesSelected.connect(lambda paths: self.import_files([Path(p) for p in paths]))
        dialog.open()
        return dialog

    def import_files(self, paths: list[Path]) -> None:
        code = str(self.material.currentData() or "")
        if not code:
            return
        for path in paths:
            self.message.setText(self.tr("Importing %1…").replace("%1", path.name))
            self.tasks.image(lambda p=path: import_page(p),  # type: ignore[misc]
                             lambda page: self._checked(code, page), self._failed)

    def capture(self) -> None:
        """The document camera's current frame, through the camera pipeline."""
        code = str(self.material.currentData() or "")
        grab = self._followup.latest_frame
        frame = grab() if grab is not None else None
        if not code or frame is None:
            self.message.setText(self.tr("The camera has not delivered a picture yet"))
            return
        self.message.setText(self.tr("Processing…"))
        self.tasks.image(lambda: capture_page(frame), lambda page: self._checked(code, page),
                         self._failed)

    def _checked(self, code: str, page: CapturedPage) -> None:
        keep, note = judge_page(page)
        if not keep:
            refused = note_text(note, english=ui_speaks_english()) if note else ""
            self.message.setText(refused or self.tr("Page refused"))
            return
        followup = self._followup
        said = note_text(note, english=ui_speaks_english()) if note else ""
        self.tasks.disk(lambda: followup.store_page(page.jpeg),
                        lambda sha: self._stored(code, sha, said),
                        self._failed)

    def _stored(self, code: str, sha: str, warning: str) -> None:
        if (code, sha) in self.pages:
            self.message.setText(self.tr("This page is already in the supplement."))
            return
        self.pages.append((code, sha))
        self.list.addItem(self.tr("%1 — page %2").replace("%1", self.material.currentText())
                          .replace("%2", str(sum(1 for c, _ in self.pages if c == code))))
        self.message.setText(warning or self.tr("%n page(s) ready", "", len(self.pages)))
        self.send_button.setEnabled(True)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.pages):
            del self.pages[row]
            self.list.takeItem(row)
        self.send_button.setEnabled(bool(self.pages))

    def _failed(self, error: BaseException) -> None:
        log.warning("supplement page failed: %r", error)
        self.message.setText(user_message(error, fallback=self.tr("The page could not be taken.")))

    def send(self) -> None:
        if not self.pages:
            return
        clerk, note = self._clerk, self.note.text()
        if not self.commitment:
            try:
                typed_text(note, limit=SUPPLEMENT_NOTE_CHARS, multiline=True)
            except TypedTextTooLong as e:
                self.message.setText(user_message(e))
                self.note.setFocus()
                return
        self.send_button.setEnabled(False)
        followup, uuid, pages = self._followup, self._view.uuid, list(self.pages)
        if self.commitment:
            shas = [sha for _, sha in pages]
            self.tasks.disk(lambda: followup.add_commitment_form(uuid, shas, clerk_id=clerk),
                            self._sent, self._send_failed)
            return
        self.tasks.disk(lambda: followup.add_supplement(uuid, pages, clerk_id=clerk, note=note),
                        self._sent, self._send_failed)

    def _sent(self, outcome_uuid: str) -> None:
        self.outcome_uuid = outcome_uuid
        self.message.setText(
            self.tr("Signed form filed; it goes to the platform by itself.") if self.commitment
            else self.tr("Supplement saved; it goes to the platform by itself.")
        )  # fmt: skip
        for button in (self.camera_button, self.import_button, self.remove_button):
            button.setEnabled(False)

    def _send_failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self._failed(error)

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)
