"""The station, platform and summary pages of the set-up wizard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from station.setup import SetupChoices
from ui_shared.messages import user_message
from ui_shared.setup_wizard.fields import plain_label, schema_label, schema_problem

if TYPE_CHECKING:
    from ui_shared.setup_wizard.wizard import SetupWizard


class StationPage(QWizardPage):
    def __init__(self, initial: SetupChoices | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Station"))
        self.setSubTitle(self.tr("Who this terminal is: its code prefixes every receipt number."))
        self.code = QLineEdit(initial.station_code if initial else "", self)
        self.code.setObjectName("stationCode")
        self.code.setMaxLength(16)
        self.name = QLineEdit(initial.station_name if initial else "", self)
        self.name.setObjectName("stationName")
        self.window_role = QRadioButton(self.tr("Service window (clerk station)"), self)
        self.kiosk_role = QRadioButton(self.tr("Self-service kiosk"), self)
        self.window_role.setObjectName("roleWindow")
        self.kiosk_role.setObjectName("roleKiosk")
        roles = QButtonGroup(self)
        roles.addButton(self.window_role)
        roles.addButton(self.kiosk_role)
        (self.kiosk_role if initial and initial.role == "kiosk" else self.window_role).setChecked(
            True
        )
        self.error = plain_label(self)
        self.error.setObjectName("pageError")
        form = QFormLayout(self)
        form.addRow(schema_label("station.code", self), self.code)
        form.addRow(schema_label("station.name", self), self.name)
        role_row = QVBoxLayout()
        role_row.addWidget(self.window_role)
        role_row.addWidget(self.kiosk_role)
        form.addRow(schema_label("station.role", self), role_row)
        form.addRow(self.error)

    @property
    def role(self) -> str:
        return "kiosk" if self.kiosk_role.isChecked() else "window"

    def validatePage(self) -> bool:
        problem = schema_problem("station.code", self.code.text().strip())
        self.error.setText(problem or "")
        return problem is None


class PlatformPage(QWizardPage):
    def __init__(
        self, initial: SetupChoices | None, enrolled: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Platform"))
        self.setSubTitle(self.tr("Where this station delivers, and the one-time enrollment code."))
        self.url = QLineEdit(initial.platform_url if initial else "https://", self)
        self.url.setObjectName("platformUrl")
        self.ca_bundle = QLineEdit(initial.ca_bundle if initial else "", self)
        self.ca_bundle.setObjectName("caBundle")
        self.ca_bundle.setPlaceholderText(self.tr("empty: the system's certificates"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.code = QLineEdit(self)
        self.code.setObjectName("enrollmentCode")
        if enrolled:
            self.code.setPlaceholderText(self.tr("already enrolled: leave empty to keep it"))
        self.error = plain_label(self)
        self.error.setObjectName("pageError")
        form = QFormLayout(self)
        form.addRow(schema_label("platform.url", self), self.url)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle)
        ca_row.addWidget(browse)
        form.addRow(schema_label("platform.ca_bundle", self), ca_row)
        form.addRow(plain_label(self, self.tr("Enrollment code")), self.code)
        form.addRow(self.error)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), "", self.tr("PEM certificates (*.pem *.crt)")
        )
        if path:
            self.ca_bundle.setText(path)

    def validatePage(self) -> bool:
        problem = schema_problem("platform.url", self.url.text().strip())
        self.error.setText(problem or "")
        return problem is None


class SummaryPage(QWizardPage):
    """What will change; Finish applies it (enrolling first when needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Finish writes these changes and enrolls when needed."))
        self.changes = QPlainTextEdit(self)
        self.changes.setObjectName("changes")
        self.changes.setReadOnly(True)
        self.status = plain_label(self)
        self.status.setObjectName("applyStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.changes)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        wizard: SetupWizard = self.wizard()  # type: ignore[assignment]
        try:
            lines = wizard.planned_changes()
        except Exception as e:  # a value the schema refuses: say it, Finish will too
            lines = [user_message(e)]
        self.changes.setPlainText("\n".join(lines) or self.tr("Nothing changes."))
        self.status.setText("")
