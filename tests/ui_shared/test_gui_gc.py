"""Cyclic garbage is collected on the GUI thread, and a full collection (a visible
stall) happens at most every few minutes."""

from __future__ import annotations

import gc
import weakref

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
