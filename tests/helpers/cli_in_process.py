"""Run a Qt-free `yiwang` command in this process, as a subprocess would see it.

A `python -m yiwang` process costs about a second of CPU before the command starts
(interpreter, imports); tests about what a command does (not about the process:
exit on a signal, the installed script, stdout of a real pipe) call `yiwang.cli.main`
here instead. What the command changes in the process is put back afterwards: the
root logger's handlers and level (``yiwang.logs.configure`` replaces them), the levels
of the loggers it quietens, ``logging.raiseExceptions``, the signal handlers and the
signals ``ui_shared.signal_state`` recorded (a later command would stop on them). A
thread the command started and left running, or a file under a path it was given (its
data dir, its output) left open, fails the run (a process would have ended them; here
they would outlive the test).
Never for commands that start Qt (clerk, kiosk, the window demo).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import sys
import threading
from dataclasses import dataclass

_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_QUIETENED = ("urllib3", "PIL", "uvicorn.access")


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, stdin: str = "") -> CliRun:
    """`yiwang ARGS...` with ``stdin`` as its standard input (not a terminal)."""
    from yiwang.cli import main

    threads_before = set(threading.enumerate())
    files_before = _open_files()
    root = logging.getLogger()
    handlers, level, raise_exceptions = root.handlers[:], root.level, logging.raiseExceptions
    quiet_levels = {name: logging.getLogger(name).level for name in _QUIETENED}
    handlers_of_signals = {s: signal.getsignal(s) for s in _SIGNALS}
    recorded = _recorded_signals()
    recorded_before = recorded[:]
    for h in handlers:  # detached, so that the command's configure() cannot close them
        root.removeHandler(h)
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    umask = os.umask(0o022)  # the command sets its own (sync.private_files); put back after
    os.umask(umask)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as e:  # argparse refusing the arguments
                code = e.code if isinstance(e.code, int) else 1
    finally:
        sys.stdin = saved_stdin
        os.umask(umask)
        for h in root.handlers[:]:
            root.removeHandler(h)
            h.close()
        for h in handlers:
            root.addHandler(h)
        root.setLevel(level)
        logging.raiseExceptions = raise_exceptions
        for name, old in quiet_levels.items():
            logging.getLogger(name).setLevel(old)
        for s, handler in handlers_of_signals.items():
            if handler is not None:  # None: set outside Python, nothing to put back
                signal.signal(s, handler)
        recorded[:] = recorded_before
    left = [t for t in set(threading.enumerate()) - threads_before
            if t.is_alive() and not isinstance(t, threading._DummyThread)]  # Qt's, not ours
    for thread in left:  # one that is ending as the command returns gets a moment
        thread.join(timeout=5)
    assert not [t for t in left if t.is_alive()], f"`yiwang {' '.join(args)}` left {left}"
    opened = {f for f in _open_files() - files_before if _under(f, args)}
    assert not opened, f"`yiwang {' '.join(args)}` left open: {sorted(opened)}"
    return CliRun(code, out.getvalue(), err.getvalue())


def _under(file: str, args: tuple[str, ...]) -> bool:
    """Whether ``file`` is a path the command was given or lies inside one (its data dir,
    its output): what it opened for itself, not what another test's thread did."""
    return any(
        file == os.path.abspath(a) or file.startswith(os.path.abspath(a).rstrip("/") + "/")
        for a in args
        if os.sep in a
    )


def _recorded_signals() -> list[int]:
    """The signals ``ui_shared.signal_state`` recorded (the list itself: a process has
    one; the module imports no Qt)."""
    from ui_shared import signal_state

    return signal_state._pending


def _open_files() -> set[str]:
    """What this process's descriptors point at (regular files and directories; not
    sockets, pipes or devices, which libraries keep for their own reasons)."""
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            # tmp_path may lie on /dev/shm (tests/conftest.py): its files count
            if target.startswith("/") and (
                not target.startswith("/dev/") or "/pytest-of-" in target
            ):
                found.add(target)
    return found
