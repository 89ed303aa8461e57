"""电子证照 at the window: the selected material taken from the platform's electronic
licence library by the applicant's ID number (P9), no paper needed.

The button lists the applicant's licences (network lane), the clerk picks one, its page
is fetched and checked (``station.licences``), and the session files it as that
material's page, marked as an electronic licence in the manifest. Without the network
the dialog says so and nothing is filed. Everything from the platform is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.catalog import Material
from intake.errors import IntakeError
from station.intake_session import IntakeSession, SessionState
from station.licences import (
    ElectronicLicence,
    LicenceService,
    LicenceUnavailable,
    licence_ref,
    licences_fitting,
)
from ui_shared.error_text import error_text
from ui_shared.plain_text import PlainLabel
from ui_shared.tasks import TaskRunner


class LicenceDialog(QDialog):
    chosen = Signal(object)  # ElectronicLicence

    def __init__(self, material_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licenceDialog")
        self.material_name = material_name
        heading = self.tr("Choose an electronic licence for “%1”").replace("%1", material_name)
        self.setWindowTitle(heading)
        self.resize(640, 420)
        # the target material named on the page too: a title bar may be cut short
        self.header = PlainLabel(heading, self, multiline=True)
        self.header.setObjectName("licenceTarget")
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.status = PlainLabel(self.tr("Asking the platform's licence library…"), self,
                                 multiline=True)  # fmt: skip
        self.status.setObjectName("licenceStatus")
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("licenceList")
        # long issuers and numbers wrap onto more lines, never scroll sideways
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.licences: list[ElectronicLicence] = []
        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton(
            self.tr("Use this licence"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setObjectName("useLicence")
        self.use_button.setEnabled(False)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.use_button.clicked.connect(self._use)
        self.list.currentRowChanged.connect(lambda row: self.use_button.setEnabled(row >= 0))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def show_licences(self, licences: list[ElectronicLicence], held: int) -> None:
        """``licences``: those that fit the material; ``held``: how many the applicant
        has in all (so that "none fit" and "none at all" read differently)."""
        self.licences = licences
        self.list.clear()
        for lic in licences:
            until = lic.valid_until or self.tr("no end")
            sample = self.tr(" (sample)") if lic.sample else ""
            # QListWidgetItem text is never rich text
            self.list.addItem(QListWidgetItem(
                f"{lic.title}{sample}\n{lic.number}  {lic.issuer}\n"
                f"{lic.issued_on} – {until}  {lic.holder}"
            ))  # fmt: skip
        if licences:
            text = self.tr("Choose the licence to file as this material (no paper needed).")
        elif held:
            text = self.tr(
                "The applicant holds %1 electronic licence(s), none of which can stand in "
                "for “%2”: take the paper material."
            ).replace("%1", str(held)).replace("%2", self.material_name)
        else:
            text = self.tr("The licence library holds nothing for this applicant.")
        self.status.setText(text)

    def show_problem(self, text: str) -> None:
        self.status.setText(text)
        self.use_button.setEnabled(False)

    def _use(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.licences):
            self.use_button.setEnabled(False)
            self.list.setEnabled(False)
            self.status.setText(self.tr("Fetching the licence…"))
            self.chosen.emit(self.licences[row])


class LicenceController(QObject):
    def __init__(
        self,
        licences: LicenceService | None,
        session: IntakeSession,
        tasks: TaskRunner,
        parent: QWidget,
        *,
        english: bool = False,
    ) -> None:
        super().__init__(parent)
        self._licences = licences
        self._session = session
        self._tasks = tasks
        self._parent = parent
        self._english = english
        self.dialog: LicenceDialog | None = None
        self.button = QPushButton(self.tr("Electronic licence…"), parent)
        self.button.setObjectName("licenceButton")
        self.button.setToolTip(self.tr(
            "Take the selected material from the platform's electronic licence library "
            "by the applicant's ID number (needs the network)"
        ))  # fmt: skip
        self.button.setEnabled(False)
        self.button.setVisible(licences is not None)
        self.button.clicked.connect(self.open)

    def render(self, state: SessionState) -> None:
        # only for a material the catalog lets an electronic licence stand in for
        fits = False
        if state.item is not None and state.current_material is not None:
            try:
                fits = bool(state.item.material(state.current_material).licence_kinds)
            except IntakeError:
                fits = False
        self.button.setEnabled(
            self._licences is not None
            and state.can_capture
            and state.person is not None
            and fits
        )

    def _problem(self, error: BaseException) -> str:
        if isinstance(error, LicenceUnavailable):
            return error_text(error, english=self._english)
        return self.tr("The licence could not be used. Call the technician.")

    def open(self) -> LicenceDialog | None:
        state = self._session.state
        service, person, code = self._licences, state.person, state.current_material
        if service is None or person is None or code is None or state.item is None:
            return None
        material = state.item.material(code)
        dialog = self.dialog = LicenceDialog(
            material.name_en if self._english else material.name_zh, self._parent
        )
        id_number = person.id_number
        dialog.chosen.connect(lambda lic: self._fetch(dialog, service, code, lic, id_number))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()
        # the worker's callbacks hold no widget: they look the dialog up when they run
        dialog_id = id(dialog)
        self._tasks.network(
            lambda: service.find(id_number),
            lambda found: self._found(dialog_id, material, found),
            lambda e: self._failed(dialog_id, e),
        )
        return dialog

    def _live(self, dialog_id: int) -> LicenceDialog | None:
        dialog = self.dialog
        return dialog if dialog is not None and id(dialog) == dialog_id else None

    def _closed(self, dialog: LicenceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _found(self, dialog_id: int, material: Material, found: list[ElectronicLicence]) -> None:
        if (dialog := self._live(dialog_id)) is not None:
            dialog.show_licences(licences_fitting(found, material), len(found))

    def _failed(self, dialog_id: int, error: BaseException) -> None:
        if (dialog := self._live(dialog_id)) is not None:
            dialog.show_problem(self._problem(error))

    def _fetch(
        self,
        dialog: LicenceDialog,
        service: LicenceService,
        code: str,
        licence: ElectronicLicence,
        id_number: str,
    ) -> None:
        dialog_id = id(dialog)

        def filed(jpeg: bytes) -> None:
            if (live := self._live(dialog_id)) is None:
                return  # the clerk closed the dialog meanwhile: file nothing
            self._session.licence_filed(code, licence_ref(licence), jpeg)
            live.accept()

        self._tasks.network(
            lambda: service.page(licence, id_number), filed, lambda e: self._failed(dialog_id, e)
        )
