"""The hidden maintenance area: a PIN on the keypad, then device diagnostics, a test
page, sync now, queue state, restart and exit to the desktop. Every action is audited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from devices.printer.diagnostics import sample_receipt
from kiosk.context import KioskContext, Screen
from kiosk.keypad import Keypad
from kiosk.screens import diagnosis_words as words
from kiosk.widgets import BigButton, Text
from station.kiosk_diagnostics import DeviceVerdict, ReaderState, check_devices
from station.kiosk_pin import PinCheck
from ui_shared.messages import user_message


class PinScreen(Screen):
    unlocked = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading = Text(self.tr("Maintenance: enter the PIN"), self, role="heading")
        self.shown = Text("", self, role="card")
        self.message = Text("", self, role="warn")
        self.keypad = Keypad(self, max_length=12, secret=True)
        self.keypad.changed.connect(self.shown.setText)
        self.keypad.submitted.connect(self._check)
        self.answers = 0  # PIN checks answered (tests wait on it)
        # while locked out, the lockout is asked again each second: the seconds count
        # down on screen and the keypad comes back by itself when it ends
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(1000)
        self.lock_timer.timeout.connect(self._lock_tick)
        self.cancel = BigButton(self.tr("Cancel"), self, role="secondary")
        self.cancel.clicked.connect(self.home_requested)
        row = QHBoxLayout()
        row.addWidget(self.keypad, 2)
        side = QVBoxLayout()
        side.addWidget(self.shown)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.cancel)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row, 1)

    def title(self) -> str:
        return self.tr("Maintenance")

    def care_title(self) -> str:
        return self.tr("Staff only", "care-mode title: fewer words, larger")

    def prompt(self) -> str:
        return self.tr("Enter the maintenance PIN.")

    def enter(self) -> None:
        self.wipe()
        pin = self.ctx.services.pin
        if not pin.is_set():
            self._say(self.tr("No maintenance PIN is set. Set one with: yiwang kiosk set-pin"))
            self.keypad.setEnabled(False)
            return
        self._show_lock(pin.locked_for())

    def wipe(self) -> None:
        self.lock_timer.stop()
        self.keypad.clear()
        self.keypad.setEnabled(True)
        self.message.setText("")
        self.message.hide()

    def _check(self, digits: str) -> None:
        self.keypad.clear()
        self.keypad.setEnabled(False)
        pin = self.ctx.services.pin
        # a right PIN opens maintenance only for the visit it was typed in: a check still
        # running when the idle wipe came must not open it in front of the next person
        unlock = self.ctx.for_this_visit(lambda _none: self.unlocked.emit())
        # argon2id takes tens of milliseconds: not on the GUI thread
        self.ctx.tasks.image(
            lambda: pin.check(digits), lambda result: self._checked(result, unlock), self._failed)

    def _checked(self, result: PinCheck, unlock: Callable[[None], None]) -> None:
        self.answers += 1
        services = self.ctx.services
        action = "pin_ok" if result.ok else "pin_wrong"
        detail = {"locked_for_s": round(result.locked_for)}
        self.ctx.tasks.disk(lambda: services.audit(action, detail), lambda _r: None, self._failed)
        if result.ok:
            unlock(None)
            return
        self._show_lock(result.locked_for, wrong=True)

    def _show_lock(self, locked_for: float, *, wrong: bool = False) -> None:
        self.keypad.setEnabled(locked_for <= 0)
        if locked_for > 0:
            self._say(self.tr("Too many wrong PINs. Try again in %n second(s).", "",
                              int(locked_for + 0.999)))
            self.lock_timer.start()
        elif wrong:
            self._say(self.tr("Wrong PIN."))

    def _lock_tick(self) -> None:
        # the lockout state is a file: read on the disk lane, not the GUI thread
        pin = self.ctx.services.pin
        self.ctx.tasks.disk(pin.locked_for, self._lock_checked, self._failed)

    def _lock_checked(self, locked_for: float) -> None:
        if not self.lock_timer.isActive():
            return  # the screen was left (wipe) while the lane answered
        if locked_for > 0:
            self._show_lock(locked_for)
            return
        self.lock_timer.stop()
        self.keypad.setEnabled(True)
        self._say(self.tr("You can enter the PIN again."))

    def _failed(self, error: BaseException) -> None:
        self.lock_timer.stop()
        self.keypad.setEnabled(True)
        self._say(user_message(error))  # a PinError is worded from its code

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class MaintenanceScreen(Screen):
    restart_requested = Signal()
    exit_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.output = Text("", self, role="card")
        # the report read from the top, not centred in the room left under the buttons
        self.output.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.diagnoses = 0  # diagnostics answered (tests wait on it)
        actions = {
            "diagnostics": (self.tr("Device diagnostics"), self._diagnostics),
            "test_page": (self.tr("Print a test page"), self._test_page),
            "sync_now": (self.tr("Sync now"), self._sync_now),
            "queue": (self.tr("Queue state"), self._queue),
            "restart": (self.tr("Restart the kiosk"), self._restart),
            "exit": (self.tr("Exit to the desktop"), self._exit),
            "close": (self.tr("Back to the kiosk"), self._close),
        }
        grid = QGridLayout()
        self.buttons: dict[str, BigButton] = {}
        for i, (key, (label, slot)) in enumerate(actions.items()):
            b = BigButton(label, self, role="secondary" if key == "close" else "main")
            b.clicked.connect(slot)
            grid.addWidget(b, i // 2, i % 2)
            self.buttons[key] = b
        layout = QVBoxLayout(self)
        layout.addWidget(Text(self.tr("Maintenance"), self, role="heading"))
        layout.addLayout(grid)
        layout.addWidget(self.output, 1)

    def title(self) -> str:
        return self.tr("Maintenance")

    def care_title(self) -> str:
        return self.tr("Staff only", "care-mode title: fewer words, larger")

    def prompt(self) -> str:
        return self.tr("Maintenance mode.")

    def enter(self) -> None:
        self.output.setText("")

    def timed_out(self) -> None:
        # left open and unattended: 退出到桌面 must not wait for anyone who passes
        self._audit("timeout")

    def _audit(self, action: str, then: SignalInstance | None = None) -> None:
        """Written on the disk lane; `then` is emitted once the row is committed."""
        services = self.ctx.services
        after = (lambda _r: then.emit()) if then is not None else (lambda _r: None)
        self.ctx.tasks.disk(lambda: services.audit(action), after, self._error)

    def _diagnostics(self) -> None:
        """Each device checked for real, off the GUI thread (station.kiosk_diagnostics),
        each verdict worded in the kiosk's language, English second."""
        self._audit("diagnostics")
        services = self.ctx.services
        reader = self.ctx.reader_status
        self.buttons["diagnostics"].setEnabled(False)
        self.output.setText(words.checking())
        self.ctx.tasks.image(
            lambda: check_devices(
                services, lambda: ReaderState(*reader())
            ),
            self._diagnosed,
            self._diagnosis_failed,
        )

    def _diagnosed(self, verdicts: list[DeviceVerdict]) -> None:
        self.diagnoses += 1
        self.buttons["diagnostics"].setEnabled(True)
        lines = [words.verdict_line(v) for v in verdicts]
        lines.append(words.platform_line(self.ctx.services.online()))
        lines.append(words.voice_line(self.ctx.voice.available))
        self.output.setText("\n".join(lines))

    def _diagnosis_failed(self, error: BaseException) -> None:
        self.diagnoses += 1
        self.buttons["diagnostics"].setEnabled(True)
        self._error(error)

    def _test_page(self) -> None:
        self._audit("test_page")
        services = self.ctx.services
        self.ctx.tasks.disk(
            lambda: services.print_receipt(sample_receipt()),
            lambda data: self.output.setText(self.tr("Test page sent (%1 bytes)")
                                             .replace("%1", str(len(data)))),
            self._error,
        )

    def _sync_now(self) -> None:
        self._audit("sync_now")
        self.ctx.services.sync_now()
        self.output.setText(self.tr("Sync started"))

    def _queue(self) -> None:
        self._audit("queue_state")
        services = self.ctx.services
        self.ctx.tasks.disk(
            services.queue_state,
            lambda q: self.output.setText("\n".join(words.queue_lines(q))),
            self._error,
        )

    def _restart(self) -> None:
        self._audit("restart", self.restart_requested)

    def _exit(self) -> None:
        self._audit("exit_to_desktop", self.exit_requested)

    def _close(self) -> None:
        self._audit("close", self.home_requested)

    def _error(self, error: BaseException) -> None:
        self.output.setText(user_message(error))
