"""A page still being decoded when its viewer (or the window under it) goes away is dropped
quietly: no callback touches a deleted widget (that raised inside the Qt event loop)."""

from __future__ import annotations

import io
import threading

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_station.page_viewer import PageViewer
from ui_shared.tasks import TaskRunner


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 200, 200)).save(out, "JPEG")
    return out.getvalue()


def test_a_page_decoded_after_the_viewer_was_deleted_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    page = _jpeg()

    def read(_sha: str) -> bytes:
        release.wait(10)  # the clerk closes the window while the page is being read
        return page

    parent = QWidget()
    viewer = PageViewer(read, runner, ["a" * 64], 0, parent)
    viewer.show()
    parent.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    assert runner.wait_idle(10)
    QCoreApplication.processEvents()  # delivers the result: must not raise
    runner.shutdown()
