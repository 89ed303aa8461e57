"""Ctrl+C / SIGTERM that arrive while a Qt application is being started.

Raising from a signal handler is only safe in plain Python: raised inside a
Qt import or a callback from C++, the exception is converted or swallowed and
the process hangs on or ends uncleanly. So before Qt is imported a caller
defers the signals here (the handler only records them), and
``ui_shared.quit_signals`` turns a recorded signal into a clean exit of the
event loop. This module imports no Qt, so deferring can come first.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

__all__ = ["defer_signals", "pending_signal"]

_pending: list[int] = []


def _record(signum: int, _frame: FrameType | None) -> None:
    _pending.append(signum)


def defer_signals() -> Callable[[], None]:
    """Record SIGINT/SIGTERM instead of acting on them; returns a restore function."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous: dict[int, Any] = {
        sig: signal.signal(sig, _record) for sig in (signal.SIGINT, signal.SIGTERM)
    }

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


def pending_signal() -> int | None:
    """The first signal recorded while deferred, if any."""
    return _pending[0] if _pending else None
