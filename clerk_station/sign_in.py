"""Clerk sign-in (clerk id + PIN) and the PIN change a reset PIN forces.

PIN checks are argon2id hashes (tens of milliseconds) and audit writes, so
they run through the TaskRunner's disk lane; the screen stays responsive and
the button is disabled while a check is in flight. Every message is plain text.

`yiwang clerk` shows the sign-in screen before the station is open
(clerk_station.boot): it imports nothing of the station's directory, and a sign-in
submitted meanwhile says "please wait" and is checked once the directory is attached.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.pin_rules import MAX_PIN_LENGTH
from ui_shared.qt_by_name import set_by_name
from ui_shared.tasks import TaskRunner

if TYPE_CHECKING:  # the station's modules load behind the sign-in screen
    from station.clerks import ClerkAccount, ClerkDirectory, SignIn

_PIN_PATTERN = QRegularExpression(f"[0-9]{{0,{MAX_PIN_LENGTH}}}")
_ID_PATTERN = QRegularExpression("[A-Za-z0-9_.-]{0,32}")


def pin_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_PIN_LENGTH)
    field.setValidator(QRegularExpressionValidator(_PIN_PATTERN, field))
    set_by_name(field, "inputMethodHints", "ImhDigitsOnly")
    return field


def plain_label(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel("", parent)
    label.setObjectName(object_name)
    set_by_name(label, "textFormat", "PlainText")
    label.setWordWrap(True)
    return label


class SignInScreen(QWidget):
    """The first screen of a station where clerks sign in."""

    signed_in = Signal(object)  # station.clerks.ClerkAccount

    def __init__(
        self,
        directory: ClerkDirectory | None,
        tasks: TaskRunner,
        *,
        station_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        #: None until the station is open (attach); a sign-in submitted before waits
        self._directory = directory
        self._waiting: tuple[str, str] | None = None
        self.title: QLabel
        self._tasks = tasks
        self.setWindowTitle(self.tr("Yiwang Window — Sign in"))
        title = self.title = plain_label(self, "signInTitle")
        title.setText(station_name)
        set_by_name(title, "alignment", "AlignHCenter")
        subtitle = plain_label(self, "signInSubtitle")
        subtitle.setText(self.tr("Window clerk sign-in"))
        set_by_name(subtitle, "alignment", "AlignHCenter")
        self.clerk_field = QLineEdit(self)
        self.clerk_field.setValidator(QRegularExpressionValidator(_ID_PATTERN, self.clerk_field))
        self.clerk_field.setPlaceholderText(self.tr("Clerk ID"))
        self.pin = pin_field(self)
        self.pin.setPlaceholderText(self.tr("PIN (6-12 digits)"))
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setToolTip(self.tr("Sign in (Enter)"))
        self.message = plain_label(self, "error")
        form = QFormLayout()
        form.addRow(self.tr("Clerk ID"), self.clerk_field)
        form.addRow(self.tr("PIN"), self.pin)
        box = QWidget(self)
        box.setObjectName("signInBox")
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addLayout(form)
        inner.addWidget(self.sign_in_button)
        inner.addWidget(self.message)
        centred = QHBoxLayout()  # the box at its own width, in the middle
        centred.addStretch(1)
        centred.addWidget(box)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self._unlock_timer = QTimer(self)
        self._unlock_timer.setSingleShot(True)
        self._unlock_timer.timeout.connect(self._lock_over)
        self._busy = False
        self.sign_in_button.clicked.connect(self.submit)
        self.clerk_field.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.clerk_field.setFocus()

    def submit(self) -> None:
        clerk_id, pin = self.clerk_field.text().strip(), self.pin.text()
        if self._busy or not self.sign_in_button.isEnabled():
            return
        if not clerk_id or not pin:
            self.message.setText(self.tr("Enter your clerk ID and PIN."))
            return
        self._set_busy(True)
        if self._directory is None:
            self._waiting = (clerk_id, pin)
            self.message.setText(self.tr("Please wait…"))
            return
        self._check(self._directory, clerk_id, pin)

    def _check(self, directory: ClerkDirectory, clerk_id: str, pin: str) -> None:
        self._tasks.disk(lambda: directory.sign_in(clerk_id, pin), self._answered, self._failed)

    @property
    def waiting(self) -> bool:
        """A sign-in was submitted before the station was open and waits for it."""
        return self._waiting is not None

    def attach(self, directory: ClerkDirectory, station_name: str) -> None:
        """The station is open: its clerk directory checks sign-ins from now on, and
        the one submitted meanwhile (if any) is checked now."""
        self._directory = directory
        if station_name:
            self.title.setText(station_name)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.message.clear()
            self._check(directory, *waiting)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_in_button.setEnabled(not busy)

    def _answered(self, result: SignIn) -> None:
        self._set_busy(False)
        self.pin.clear()
        if result.ok and result.account is not None:
            self.message.clear()
            self.signed_in.emit(result.account)
            return
        from station.pins import AttemptOutcome

        if result.outcome is AttemptOutcome.LOCKED and result.retry_at is not None:
            self.show_locked(result.retry_at)
            return
        self.message.setText(
            self.tr(
                "Clerk ID or PIN is wrong. %n attempt(s) left before a lock.",
                "",
                result.attempts_left,
            )
        )
        self.pin.setFocus()

    def show_locked(self, retry_at: datetime) -> None:
        local = retry_at.astimezone().strftime("%H:%M:%S")
        self.message.setText(self.tr("Too many wrong PINs: locked until %1.").replace("%1", local))
        self.sign_in_button.setEnabled(False)
        wait_ms = max(0, int((retry_at - datetime.now(UTC)).total_seconds() * 1000))
        self._unlock_timer.start(wait_ms)

    def _lock_over(self) -> None:
        self.sign_in_button.setEnabled(True)
        self.message.setText(self.tr("You may try again."))

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(self.tr("Sign-in could not be checked. Call the technician."))


class PinChangeDialog(QDialog):
    """The clerk chooses a new PIN (after an admin's reset, or by choice)."""

    def __init__(
        self,
        directory: ClerkDirectory,
        tasks: TaskRunner,
        account: ClerkAccount,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change PIN"))
        self._directory = directory
        self._tasks = tasks
        self.account = account
        self.old_pin, self.new_pin, self.repeat = pin_field(self), pin_field(self), pin_field(self)
        self.message = plain_label(self, "error")
        form = QFormLayout()
        form.addRow(self.tr("Current PIN"), self.old_pin)
        form.addRow(self.tr("New PIN"), self.new_pin)
        form.addRow(self.tr("New PIN again"), self.repeat)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Change"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = plain_label(self, "hint")
        hint.setText(self.tr("Choose a PIN of 6-12 digits, not a run like 123456."))
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def submit(self) -> None:
        old, new = self.old_pin.text(), self.new_pin.text()
        if new != self.repeat.text():
            self.message.setText(self.tr("The two new PINs differ."))
            return
        self.ok_button.setEnabled(False)
        clerk = self.account.clerk_id
        self._tasks.disk(
            lambda: self._directory.change_pin(clerk, old, new), self._answered, self._failed
        )

    def _answered(self, result: SignIn) -> None:
        from station.pins import AttemptOutcome

        self.ok_button.setEnabled(True)
        if result.ok:
            self.accept()
        elif result.outcome is AttemptOutcome.LOCKED:
            self.message.setText(self.tr("Too many wrong PINs: try again later."))
        else:
            self.message.setText(self.tr("The current PIN is wrong."))

    def _failed(self, error: BaseException) -> None:
        from station.clerks import ClerkError
        from station.pins import WeakPin
        from ui_shared.messages import user_message

        self.ok_button.setEnabled(True)
        if isinstance(error, WeakPin | ClerkError):  # worded from its code
            self.message.setText(user_message(error))
        else:
            self.message.setText(self.tr("The PIN could not be changed. Call the technician."))
