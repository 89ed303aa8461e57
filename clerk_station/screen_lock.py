"""Screen lock: after a spell without keyboard or mouse input, the clerk's screen locks.

:class:`IdleLock` watches the application's input events and fires ``idle``
when its timer runs out (the interval is injectable; tests shorten it).
:class:`LockScreen` covers the window until the same clerk's PIN is given
(same lockout rules as sign-in) or the clerk signs out for another to sign in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from clerk_station.sign_in import pin_field, plain_label
from station.clerks import ClerkAccount, ClerkDirectory, SignIn
from station.pins import AttemptOutcome
from ui_shared.tasks import TaskRunner

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    """Emits ``idle`` once after ``interval_ms`` without user input; re-armed by ``arm``."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def arm(self) -> None:
        self.timer.start()

    def disarm(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()  # restart the countdown
        return False

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()


class LockScreen(QDialog):
    """Covers the station while the main window is hidden: the signed-in clerk's PIN,
    or sign out (nothing of the applicant stays on screen while the clerk is away)."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        directory: ClerkDirectory,
        tasks: TaskRunner,
        account: ClerkAccount,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Screen locked"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._directory = directory
        self._tasks = tasks
        self.account = account
        who = plain_label(self, "signInTitle")
        who.setText(
            self.tr("Locked — %1 (%2)").replace("%1", account.name).replace("%2", account.clerk_id)
        )
        hint = plain_label(self, "hint")
        hint.setText(self.tr("Enter your PIN to continue, or sign out for another clerk."))
        self.pin = pin_field(self)
        self.message = plain_label(self, "error")
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QWidget(self)
        box.setObjectName("signInBox")
        box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(who)
        inner.addWidget(hint)
        inner.addWidget(self.pin)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.sign_out_button.clicked.connect(self._sign_out)
        self.pin.setFocus()

    def reject(self) -> None:
        pass  # Esc must not unlock

    def submit(self) -> None:
        pin = self.pin.text()
        if not pin or not self.unlock_button.isEnabled():
            return
        self.unlock_button.setEnabled(False)
        clerk = self.account.clerk_id
        self._tasks.disk(
            lambda: self._directory.unlock_screen(clerk, pin), self._answered, self._failed
        )

    def _answered(self, result: SignIn) -> None:
        self.unlock_button.setEnabled(True)
        self.pin.clear()
        if result.ok:
            self.unlocked.emit()
            self.done(QDialog.DialogCode.Accepted)
        elif result.outcome is AttemptOutcome.LOCKED and result.retry_at is not None:
            local = result.retry_at.astimezone().strftime("%H:%M:%S")
            self.message.setText(
                self.tr("Too many wrong PINs: locked until %1.").replace("%1", local)
            )
        else:
            self.message.setText(self.tr("Wrong PIN."))

    def _failed(self, error: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.message.setText(self.tr("The PIN could not be checked. Call the technician."))

    def _sign_out(self) -> None:
        self.sign_out_requested.emit()
        self.done(QDialog.DialogCode.Rejected)
