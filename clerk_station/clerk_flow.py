"""Who is at the window: sign-in, the main window, screen lock, sign-out.

A station whose config names an ``auto_login`` clerk (demo and test stations)
opens straight on the main window and never locks (nobody knows that clerk's
PIN). Otherwise the sign-in screen comes first, the main window is built at
the first sign-in and kept for the day, and the screen locks after the
configured idle time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from clerk_station.screen_lock import IdleLock, LockScreen
from clerk_station.sign_in import PinChangeDialog, SignInScreen
from station.clerks import ClerkAccount
from station.services import StationServices
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


class ClerkFlow(QObject):
    #: the first screen is shown and takes input (``--exit-when-ready`` waits for it)
    ready = Signal()
    #: a clerk is signed in and the main window is up
    entered = Signal(str)

    def __init__(
        self,
        services: StationServices,
        make_window: Callable[[], QMainWindow],
        *,
        idle_ms: int | None = None,
        parent: QObject | None = None,
        sign_in: SignInScreen | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._make_window = make_window
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.window: QMainWindow | None = None
        self.account: ClerkAccount | None = None
        #: `yiwang clerk` shows the sign-in screen before the station is open
        #: (clerk_station.boot) and hands it over here with the tasks it runs on
        self.sign_in: SignInScreen | None = sign_in
        if sign_in is not None:
            sign_in.signed_in.connect(self._signed_in)
        self.lock_screen: LockScreen | None = None
        #: windows hidden by the lock, shown again on unlock
        self._hidden: list[QWidget] = []
        day = services.clerk_day
        minutes = day.settings.idle_lock_minutes if day is not None else 5.0
        self.idle = IdleLock(idle_ms if idle_ms is not None else int(minutes * 60_000), self)
        self.idle.idle.connect(self.lock)
        self._auto = day is not None and day.settings.auto_login is not None

    # -- start ----------------------------------------------------------------

    def start(self) -> None:
        day = self.services.clerk_day
        if day is None:
            self._open_window()
        elif day.settings.auto_login is not None:
            # before any window exists; one small audit write
            account = day.directory.sign_in_configured(day.settings.auto_login)
            self._enter(account)
        elif self.sign_in is None or not self.sign_in.isVisible():
            self.show_sign_in()
        # else: the sign-in screen shown before the station opened stays as it is (the
        # clerk may be typing in it)
        self.ready.emit()

    def show_sign_in(self) -> None:
        day = self.services.clerk_day
        assert day is not None
        if self.sign_in is None:
            self.sign_in = SignInScreen(
                day.directory, self.tasks, station_name=self.services.intake.station_name
            )
            self.sign_in.signed_in.connect(self._signed_in)
            self.sign_in.resize(1024, 700)
        self.sign_in.show()
        self.sign_in.clerk_field.setFocus()

    def _signed_in(self, account: ClerkAccount) -> None:
        day = self.services.clerk_day
        assert day is not None
        if account.must_change_pin:
            dialog = PinChangeDialog(day.directory, self.tasks, account, self.sign_in)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        self._enter(account)

    def _enter(self, account: ClerkAccount) -> None:
        self.account = account
        self.services.clerk_id = account.clerk_id
        if self.window is None:
            self._open_window()
        else:
            session = getattr(self.window, "session", None)
            if session is not None:
                session.clerk_id = account.clerk_id
            self.window.show()
        if self.sign_in is not None:
            self.sign_in.hide()
        if not self._auto:
            self.idle.arm()
        self.entered.emit(account.clerk_id)

    def _open_window(self) -> None:
        self.window = self._make_window()
        self.window.show()
        start = getattr(self.window, "start", None)
        if callable(start):
            start()

    # -- lock and sign-out -------------------------------------------------------

    def lock(self) -> None:
        day = self.services.clerk_day
        if day is None or self.account is None or self._auto or self.lock_screen is not None:
            return
        self.idle.disarm()
        day.trail.record(self.account.clerk_id, "screen_lock")
        self.lock_screen = LockScreen(day.directory, self.tasks, self.account)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.sign_out_requested.connect(self.sign_out)
        if self.window is not None:
            self.lock_screen.setGeometry(self.window.geometry())
        # every window goes: the main window and any ledger, case or efficiency dialog
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for w in self._hidden:
            w.hide()
        self.lock_screen.show()
        self.lock_screen.pin.setFocus()

    def _unlocked(self) -> None:
        self.lock_screen = None
        for w in self._hidden:
            w.show()
        self._hidden = []
        self.idle.arm()

    def sign_out(self) -> None:
        day = self.services.clerk_day
        if day is None or self.account is None:
            return
        day.trail.record(self.account.clerk_id, "sign_out")
        day.intake.intake_abandoned()
        self.lock_screen = None
        for w in self._hidden:
            if w is not self.window:
                w.close()  # the next clerk starts without the last one's dialogs
        self._hidden = []
        self.account = None
        self.idle.disarm()
        if self.window is not None:
            reset = getattr(self.window, "reset", None)
            if callable(reset):
                reset()  # the next clerk never sees this clerk's applicant
            self.window.hide()
        self.show_sign_in()

    def shutdown(self) -> None:
        self.idle.detach()
        self.tasks.shutdown()
        if self.lock_screen is not None:
            self.lock_screen.hide()  # close() would ask reject(), which a lock refuses
            self.lock_screen.deleteLater()
            self.lock_screen = None
        self._hidden = []
        if self.sign_in is not None:
            self.sign_in.close()
