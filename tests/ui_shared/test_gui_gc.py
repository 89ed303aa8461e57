"""Cyclic garbage is collected on the GUI thread, and a full collection (a visible
stall) happens at most every few minutes."""

from __future__ import annotations

import gc
import weakref

import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui_shared.gui_gc import FULL_EVERY_S, GuiThreadCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_cycles_are_collected_and_full_passes_are_rationed(qtbot: QtBot) -> None:
    now = [1000.0]
    owner = QObject()
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector(owner, clock=lambda: now[0])
    try:
        assert not gc.isenabled()
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        gc.set_threshold(1, 1, 1)  # every generation is due at once
        _Node(), _Node()
        collector.collect_due()
        assert gone() is None  # the cycle went, on this (the GUI) thread
        keep: list[_Node] = []

        def due_everywhere() -> None:
            keep.extend(_Node() for _ in range(5))  # live: the young count stays over 1
            gc.collect(1)
            gc.collect(1)  # and the oldest generation's count is over its threshold
            keep.extend(_Node() for _ in range(5))
            assert gc.get_count()[0] > 1 and gc.get_count()[2] > 1

        full_before = gc.get_stats()[2]["collections"]
        for _ in range(5):
            due_everywhere()
            collector.collect_due()
        assert gc.get_stats()[2]["collections"] == full_before  # no full pass yet
        now[0] += FULL_EVERY_S + 1
        due_everywhere()
        collector.collect_due()
        assert gc.get_stats()[2]["collections"] == full_before + 1
    finally:
        gc.set_threshold(700, 10, 10)
        owner.deleteLater()
        del collector
        if not was_enabled:
            gc.disable()


def test_stop_hands_collection_back_and_a_destructor_never_does(qtbot: QtBot) -> None:
    """Automatic collection is put back by an explicit stop() on the GUI thread, never
    from the collector's destructor: `destroyed` is emitted inside QObject::~QObject
    (in a collection pass, on another thread or at interpreter exit, with Qt's
    signal-slot mutexes held), where a collection started by the next allocation
    deadlocked on a Qt object's destructor (ui_shared.gui_gc)."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        owner = QObject()
        destroyed_unstopped = GuiThreadCollector(owner)
        assert not gc.isenabled()
        shiboken6.delete(destroyed_unstopped)  # ~QObject: it must not switch gc on
        assert not gc.isenabled()
        gc.enable()
        stopped = GuiThreadCollector(owner)
        assert stopped.running
        stopped.stop()
        assert not stopped.running and not stopped._timer.isActive()
        assert gc.isenabled()  # as it found it (on, here)
        stopped.stop()  # again: nothing
        assert gc.isenabled()
        shiboken6.delete(owner)
    finally:
        if not was_enabled:
            gc.disable()


def test_the_front_ends_shutdown_stops_the_installed_collector(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from ui_shared import gui_gc

    app = QApplication.instance()
    assert app is not None
    was_enabled = gc.isenabled()
    try:
        collector = gui_gc.collect_garbage_on_gui_thread(app)
        assert gui_gc.collector_running()
        assert gui_gc.collect_garbage_on_gui_thread(app) is collector
        gui_gc.stop_collecting_on_gui_thread()
        assert not gui_gc.collector_running() and not collector.running
        assert gc.isenabled() == was_enabled
        again = gui_gc.collect_garbage_on_gui_thread(app)  # a new run: a new collector
        assert again is not collector and gui_gc.collector_running()
        gui_gc.stop_collecting_on_gui_thread()
        shiboken6.delete(collector)
        shiboken6.delete(again)
    finally:
        if not was_enabled:
            gc.disable()
