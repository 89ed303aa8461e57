"""人员管理: a signed-in admin adds clerks, disables/enables them and resets PINs.

Reached from the clerk's-day toolbar (shown only to an admin). Every change runs
on the disk lane (argon2id hashing, the audit write) through
:class:`station.clerk_admin.ClerkAdmin`, which re-checks the admin first; a PIN
set here is temporary, so the clerk must choose a new one at the next sign-in.
Names come from clerks and the platform: shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_station.sign_in import pin_field, plain_label
from station.clerk_admin import ClerkAdmin, ClerkListing
from station.clerks import ClerkError
from station.pins import WeakPin
from ui_shared.messages import user_message
from ui_shared.tasks import TaskRunner

_ID_PATTERN = QRegularExpression("[A-Za-z0-9_.-]{0,32}")


class ClerkFormDialog(QDialog):
    """A new clerk (ID, name, role, temporary PIN twice) or a PIN reset (PIN twice)."""

    def __init__(self, parent: QWidget, *, clerk_id: str | None = None) -> None:
        super().__init__(parent)
        self.resetting = clerk_id is not None
        self.setWindowTitle(self.tr("Reset PIN") if self.resetting else self.tr("Add clerk"))
        self.clerk_field = QLineEdit(clerk_id or "", self)
        self.clerk_field.setObjectName("adminClerkId")
        self.clerk_field.setValidator(QRegularExpressionValidator(_ID_PATTERN, self.clerk_field))
        self.clerk_field.setReadOnly(self.resetting)
        self.name_field = QLineEdit(self)
        self.name_field.setObjectName("adminClerkName")
        self.name_field.setMaxLength(40)
        self.admin_box = QCheckBox(self.tr("Administrator (manages clerks)"), self)
        self.pin = pin_field(self)
        self.repeat = pin_field(self)
        form = QFormLayout()
        form.addRow(self.tr("Clerk ID"), self.clerk_field)
        if not self.resetting:
            form.addRow(self.tr("Name"), self.name_field)
            form.addRow("", self.admin_box)
        form.addRow(self.tr("Temporary PIN"), self.pin)
        form.addRow(self.tr("Temporary PIN again"), self.repeat)
        hint = plain_label(self, "hint")
        hint.setText(self.tr("The clerk must choose a new PIN at the next sign-in."))
        self.message = plain_label(self, "errorText")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def check(self) -> None:
        if not self.clerk_field.text().strip() or (
            not self.resetting and not self.name_field.text().strip()
        ):
            self.message.setText(self.tr("Enter the clerk ID and name."))
        elif self.pin.text() != self.repeat.text():
            self.message.setText(self.tr("The two PINs differ."))
        else:
            self.accept()


class ClerkAdminDialog(QDialog):
    def __init__(self, admin: ClerkAdmin, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("clerkAdminDialog")
        self.setWindowTitle(self.tr("Clerks"))
        self.resize(640, 420)
        self.admin = admin
        self.tasks = tasks
        self.rows: list[ClerkListing] = []
        self.form: ClerkFormDialog | None = None
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("clerkTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Clerk ID"), self.tr("Name"), self.tr("Role"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("Add clerk…"), self)
        self.reset_button = QPushButton(self.tr("Reset PIN…"), self)
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.enable_button = QPushButton(self.tr("Enable"), self)
        close = QPushButton(self.tr("Close"), self)
        self.add_button.clicked.connect(self.add_clerk)
        self.reset_button.clicked.connect(self.reset_pin)
        self.disable_button.clicked.connect(lambda: self._set_disabled(True))
        self.enable_button.clicked.connect(lambda: self._set_disabled(False))
        close.clicked.connect(self.accept)
        self.message = plain_label(self, "statusText")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.disable_button, self.enable_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._selection_changed()
        self.refresh()

    # -- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.disk(self.admin.listing, self._show, self._failed)

    def _show(self, rows: list[ClerkListing]) -> None:
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            role = self.tr("Administrator") if row.role == "admin" else self.tr("Clerk")
            if row.disabled:
                state = self.tr("Disabled")
            elif row.locked:
                state = self.tr("Locked (wrong PINs)")
            elif row.must_change_pin:
                state = self.tr("Must change PIN")
            else:
                state = self.tr("Active")
            for c, text in enumerate((row.clerk_id, row.name, role, state)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if selected is not None and row.clerk_id == selected.clerk_id:
                self.table.selectRow(r)
        self._selection_changed()

    def selected(self) -> ClerkListing | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _selection_changed(self) -> None:
        row = self.selected()
        self.reset_button.setEnabled(row is not None)
        self.disable_button.setEnabled(row is not None and not row.disabled)
        self.enable_button.setEnabled(row is not None and row.disabled)

    # -- changes ------------------------------------------------------------------------

    def add_clerk(self) -> None:
        self._open_form(ClerkFormDialog(self), lambda f: lambda: self.admin.add(
            f.clerk_field.text(), f.name_field.text(), f.pin.text(),
            admin=f.admin_box.isChecked()))

    def reset_pin(self) -> None:
        row = self.selected()
        if row is not None:
            self._open_form(ClerkFormDialog(self, clerk_id=row.clerk_id),
                            lambda f: lambda: self.admin.reset_pin(f.clerk_field.text(),
                                                                   f.pin.text()))

    def _open_form(self, form: ClerkFormDialog,
                   work: Callable[[ClerkFormDialog], Callable[[], None]]) -> None:
        self.form = form
        form.accepted.connect(lambda: self._run(work(form)))
        form.open()

    def _set_disabled(self, disabled: bool) -> None:
        row = self.selected()
        if row is not None:
            clerk_id = row.clerk_id
            self._run(lambda: self.admin.set_disabled(clerk_id, disabled))

    def _run(self, work: Callable[[], None]) -> None:
        self.message.setText(self.tr("Saving…"))
        self.tasks.disk(work, lambda _r: self._saved(), self._failed)

    def _saved(self) -> None:
        self.message.setText(self.tr("Saved."))
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WeakPin | ClerkError):  # worded from its code
            self.message.setText(user_message(error))
        else:
            self.message.setText(self.tr("The change could not be saved. Call the technician."))
