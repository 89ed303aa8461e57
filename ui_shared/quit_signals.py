"""Ctrl+C and SIGTERM end a Qt event loop cleanly.

Python runs signal handlers only when the interpreter gets control, which a
Qt event loop blocked in C++ never gives it; a short timer hands control back
a few times a second, and the handler asks the loop to exit, so the caller's
clean-up (stopping services, simulators and child processes) runs.

Install it right after the QApplication exists, before windows are built: a
SystemExit raised by a plain handler inside a Qt callback would end the
process on the spot (PySide prints it and exits), skipping every clean-up.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from ui_shared.signal_state import pending_signal

__all__ = ["SignalQuit", "quit_on_signals"]


class SignalQuit:
    """What :func:`quit_on_signals` hands back: ``exec()`` runs the loop unless a
    signal came first; ``restore()`` puts the previous handlers back."""

    def __init__(self, app: QCoreApplication, restore: Callable[[], None]) -> None:
        self.app = app
        self.code: int | None = None
        self.restore = restore

    def exec(self) -> int:
        code = self.code
        if code is not None:
            # stopped before the loop ran (app.exit() was a no-op then): run the loop
            # just long enough to deliver what is queued, so teardown meets the same
            # state as after a normal close
            QTimer.singleShot(0, lambda: self.app.exit(code))
        return int(self.app.exec())


def quit_on_signals(app: QCoreApplication) -> SignalQuit:
    """Until ``restore()`` is called, SIGINT/SIGTERM make ``app`` exit with
    128 + the signal number."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return SignalQuit(app, lambda: None)

    tick = QTimer(app)
    state = SignalQuit(app, lambda: _restore(tick, previous))
    early = pending_signal()  # arrived while Qt was starting (see signal_state)
    if early is not None:
        state.code = 128 + early

    def handler(signum: int, _frame: FrameType | None) -> None:
        state.code = 128 + signum
        app.exit(state.code)

    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, handler)
    late = pending_signal()  # recorded between the first look and the handlers' change
    if late is not None and state.code is None:
        state.code = 128 + late
    tick.setInterval(200)
    tick.timeout.connect(lambda: None)  # returning to Python lets handlers run
    tick.start()

    return state


def _restore(tick: QTimer, previous: dict[int, Any]) -> None:
    tick.stop()
    tick.deleteLater()
    for sig, old in previous.items():
        signal.signal(sig, old)
