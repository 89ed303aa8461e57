"""The front ends start with Python's automatic collector off; it comes back on when
the command ends without a GUI-thread collector, and stays off when one took over
(yiwang.start_up_gc, ui_shared.gui_gc)."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from yiwang.start_up_gc import collection_off_until_the_gui_collects

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def collecting() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


def test_off_while_the_command_runs_and_back_on_after_it(collecting: None) -> None:
    with collection_off_until_the_gui_collects():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_error_too(collecting: None) -> None:
    with pytest.raises(RuntimeError), collection_off_until_the_gui_collects():
        raise RuntimeError("the station could not open")
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    was_on = gc.isenabled()
    gc.disable()
    try:
        with collection_off_until_the_gui_collects():
            pass
        assert not gc.isenabled()
    finally:
        if was_on:
            gc.enable()


def test_a_gui_thread_collector_keeps_it_off_until_the_front_end_stops_it() -> None:
    # a process of its own: the collector of this test session's QApplication would
    # already keep collection off here
    code = (
        "import gc\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from yiwang.start_up_gc import collection_off_until_the_gui_collects\n"
        "from ui_shared.gui_gc import collect_garbage_on_gui_thread\n"
        "from ui_shared.gui_gc import stop_collecting_on_gui_thread\n"
        "app = QApplication([])\n"
        "with collection_off_until_the_gui_collects():\n"
        "    collector = collect_garbage_on_gui_thread(app)\n"
        "    print(gc.isenabled())\n"
        "    collector.deleteLater()\n"  # its end alone never switches it on
        "    app.sendPostedEvents(None, 52)\n"  # QEvent.DeferredDelete
        "    print(gc.isenabled())\n"
        "    collector = collect_garbage_on_gui_thread(app)\n"
        "    stop_collecting_on_gui_thread()\n"  # the front end's shutdown
        "print(gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False,
                          env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                               "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "False", "True"]
