"""The wizard's access page: the kiosk's maintenance PIN (role kiosk) or the window
station's first admin clerk (role window). PINs are typed twice, hidden, and leave
this page only as the choices handed to station.setup_access on Finish."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLineEdit, QStackedWidget, QWidget, QWizardPage

from station.pins import MAX_PIN_LENGTH as MAX_DIGITS
from station.setup_access import AccessChoices, AccessProblem, AccessState, access_problem
from ui_shared.setup_wizard.fields import plain_label

if TYPE_CHECKING:
    from ui_shared.setup_wizard.wizard import SetupWizard


def _pin_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_DIGITS)
    return field


class AccessPage(QWizardPage):
    def __init__(self, first_setup: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_setup = first_setup
        # None until read from disk (the wizard reads it on its disk lane)
        self.state: AccessState | None = None
        self.setTitle(self.tr("Access"))
        self.stack = QStackedWidget(self)
        kiosk = QWidget(self.stack)
        self.kiosk_pin = _pin_field(kiosk, "kioskPin")
        self.kiosk_pin_again = _pin_field(kiosk, "kioskPinAgain")
        self.kiosk_hint = plain_label(kiosk)
        self.kiosk_hint.setObjectName("kioskPinHint")
        form = QFormLayout(kiosk)
        form.addRow(self.kiosk_hint)
        form.addRow(plain_label(kiosk, self.tr("Maintenance PIN")), self.kiosk_pin)
        form.addRow(plain_label(kiosk, self.tr("The same PIN again")), self.kiosk_pin_again)
        window = QWidget(self.stack)
        self.admin_id = QLineEdit(window)
        self.admin_id.setObjectName("adminId")
        self.admin_id.setMaxLength(32)
        self.admin_name = QLineEdit(window)
        self.admin_name.setObjectName("adminName")
        self.admin_name.setMaxLength(40)
        self.admin_pin = _pin_field(window, "adminPin")
        self.admin_pin_again = _pin_field(window, "adminPinAgain")
        self.admin_hint = plain_label(window)
        self.admin_hint.setObjectName("adminHint")
        form = QFormLayout(window)
        form.addRow(self.admin_hint)
        form.addRow(plain_label(window, self.tr("Admin clerk ID")), self.admin_id)
        form.addRow(plain_label(window, self.tr("Name")), self.admin_name)
        form.addRow(plain_label(window, self.tr("PIN")), self.admin_pin)
        form.addRow(plain_label(window, self.tr("The same PIN again")), self.admin_pin_again)
        self.stack.addWidget(kiosk)
        self.stack.addWidget(window)
        self.error = plain_label(self)
        self.error.setObjectName("pageError")
        layout = QFormLayout(self)
        layout.addRow(self.stack)
        layout.addRow(self.error)

    def _wizard(self) -> SetupWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def role(self) -> str:
        return self._wizard().station_page.role

    def initializePage(self) -> None:
        kiosk = self.role == "kiosk"
        self.stack.setCurrentIndex(0 if kiosk else 1)
        self.setSubTitle(
            self.tr("The PIN a technician types to open the kiosk's maintenance screen.")
            if kiosk
            else self.tr("The first admin clerk signs in and adds the other clerks.")
        )
        self.error.setText("")
        self.show_state(self.state)

    def show_state(self, state: AccessState | None) -> None:
        self.state = state
        if state is None:
            text = self.tr("Reading what this station holds…")
            self.kiosk_hint.setText(text)
            self.admin_hint.setText(text)
            return
        self.kiosk_hint.setText(
            self.tr("A maintenance PIN is set: leave both fields empty to keep it.")
            if state.kiosk_pin_set
            else self.tr("6-12 digits, not one repeated digit and not a run like 123456.")
        )
        if state.admins:
            self.admin_hint.setText(
                self.tr("Admins on this station: %1. Leave empty to add none.").replace(
                    "%1", ", ".join(state.admins)
                )
            )
        else:
            self.admin_hint.setText(
                self.tr("Nobody can sign in yet: create the admin clerk (PIN of 6-12 digits).")
            )

    def choices(self) -> AccessChoices:
        if self.role == "kiosk":
            return AccessChoices(
                kiosk_pin=self.kiosk_pin.text(), kiosk_pin_again=self.kiosk_pin_again.text()
            )
        return AccessChoices(
            admin_id=self.admin_id.text().strip(),
            admin_name=self.admin_name.text().strip(),
            admin_pin=self.admin_pin.text(),
            admin_pin_again=self.admin_pin_again.text(),
        )

    def validatePage(self) -> bool:
        if self.state is None:
            self.error.setText(self.tr("Still reading this station: try again in a moment."))
            return False
        problem = access_problem(
            self.role, self.state, self.choices(), first_setup=self.first_setup
        )
        self.error.setText(self.problem_text(problem) if problem else "")
        if problem is not None:
            field = self.findChild(QLineEdit, _FIELDS[problem.field])
            if field is not None:
                field.setFocus()
        return problem is None

    def problem_text(self, problem: AccessProblem) -> str:
        texts = {
            "pin_required": self.tr("Set the maintenance PIN: nobody could service the kiosk."),
            "admin_required": self.tr("Create the admin clerk: nobody could sign in otherwise."),
            "pin_weak": self.tr("This PIN is too weak: 6-12 digits, not a run."),
            "pin_mismatch": self.tr("The two PINs differ: type the same PIN twice."),
            "bad_clerk_id": self.tr("A clerk ID is 1-32 letters, digits, '_', '.' or '-'."),
            "clerk_exists": self.tr("This clerk ID exists already."),
            "bad_clerk_name": self.tr("Enter the clerk's name (at most 40 characters)."),
        }  # fmt: skip
        return texts.get(problem.code, problem.code)


_FIELDS = {
    "kiosk_pin": "kioskPin",
    "kiosk_pin_again": "kioskPinAgain",
    "admin_id": "adminId",
    "admin_name": "adminName",
    "admin_pin": "adminPin",
    "admin_pin_again": "adminPinAgain",
}
