"""Ctrl+C / SIGTERM recorded, and acted on only at safe points.

Raising from a signal handler is never safe: Python runs the handler between
any two bytecodes of the main thread, so the exception can surface inside a Qt
import or a callback from C++ (converted or swallowed), or inside a weakref
callback or ``__del__`` (importlib's module-lock callbacks run during every
import), where Python prints "Exception ignored" and carries on as if no signal
had come. So a caller defers the signals here (the handler only records them),
stops at points of its choosing with :func:`stop_if_signalled`, and
``ui_shared.quit_signals`` turns a recorded signal into a clean exit of the
event loop. This module imports no Qt, so deferring can come first.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

__all__ = ["defer_signals", "pending_signal", "stop_if_signalled"]

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


def stop_if_signalled() -> None:
    """At a safe point: if a signal was recorded, raise ``SystemExit(128 + signal)`` (the
    exit status a shell reports for a process the signal ended), so ``finally`` blocks
    and clean-ups run."""
    signum = pending_signal()
    if signum is not None:
        raise SystemExit(128 + signum)
