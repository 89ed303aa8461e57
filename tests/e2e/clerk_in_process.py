"""`yiwang clerk --data-dir D --exit-when-ready` run in the test's own process.

The command's own function (yiwang.commands.clerk.open_clerk: the sign-in screen, the
station opened behind it, or an auto-login station's main window; the real event loop
run by QApplication.exec until the first screen takes input) on the test's
QApplication, instead of a second Python that spends a CPU-second importing Qt and the
station again. tests/yiwang/test_cold_start.py keeps the real process.

What the command sets on the application for its run (style sheet, font, names, the
translator, the GUI-thread garbage collector) is put back afterwards, so later tests
find the application as they would have."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from ui_shared import gui_gc
from ui_shared.app_setup import install_translator

#: the code a run that never got ready ends with (the guard below)
NEVER_READY = 99


@contextmanager
def application_kept(app: QApplication) -> Iterator[None]:
    style, font = app.styleSheet(), app.font()
    names = app.applicationName(), app.organizationName()
    try:
        yield
        # the run's shutdown stopped the collector (ui_shared.gui_gc: explicitly, never
        # in its destructor); it found collection off, as the suite keeps it
        # (tests/conftest.py, which collects between tests), and left it off
        assert not gui_gc.collector_running()
        assert not gc.isenabled()
    finally:
        app.setStyleSheet(style)
        app.setFont(font)
        app.setApplicationName(names[0])
        app.setOrganizationName(names[1])
        install_translator(app, "en")


def clerk_exit_when_ready(app: QApplication, data_dir: Path, *, language: str = "zh_CN") -> int:
    """The exit code of ``yiwang clerk --data-dir data_dir --exit-when-ready``; its
    stderr (the one-line report, and the "clerk window ready" log line) goes to this
    process's sys.stderr, for capsys."""
    from yiwang.commands.clerk import open_clerk

    # the log line the command line's logging set-up would write to stderr
    to_stderr = logging.StreamHandler(sys.stderr)
    clerk_log = logging.getLogger("clerk_station.app")
    level = clerk_log.level
    clerk_log.addHandler(to_stderr)
    clerk_log.setLevel(logging.INFO)
    # a run that never gets ready ends (and fails the test) instead of hanging the suite
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: app.exit(NEVER_READY))
    guard.start(60_000)
    try:
        with application_kept(app):
            return open_clerk(data_dir, language=language, exit_when_ready=True)
    finally:
        guard.stop()
        # the Quit that closing the run's last window posted: a later test's event
        # loop would take it and every loop after it would end at once
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        clerk_log.removeHandler(to_stderr)
        clerk_log.setLevel(level)
