"""s12 #6: long lists scroll when dragged with one finger (the left button, as a touch
screen's finger arrives), not only by their scroll bars; a drag chooses nothing under
the finger, and a plain tap still does. Driven with real mouse events on the widgets:
the item list of 办事 in 关怀模式 at 1024x768, the cases of 进度查询 and the guide's text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScroller, QWidget
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import CHOOSE, IDENTIFY, ApplyScreen
from kiosk.screens.guide import GuideScreen
from kiosk.widgets import ScrollingPanel
from tests.kiosk.conftest import Kiosk


def drag(qtbot: QtBot, area: QAbstractScrollArea, start: QPoint, dy: int,
         under: QWidget | None = None) -> None:
    """A finger put down at `start` on the area's viewport, moved `dy` px up in steps,
    lifted; then the scroller let come to rest. With `under`, the events go to that
    widget (the button under the finger), as Qt delivers a real press."""
    viewport = area.viewport()
    target = viewport if under is None else under
    at = start if under is None else under.mapFrom(viewport, start)
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    steps = 8
    for n in range(1, steps + 1):
        QTest.mouseMove(target, at - QPoint(0, dy * n // steps), 20)
        # the scroller moves the content on its animation frames: the event loop runs
        # between a finger's moves as it does on a real screen
        qtbot.wait(30)
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       at - QPoint(0, dy), 20)
    scroller = QScroller.scroller(viewport)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=10_000)


def test_the_item_list_scrolls_by_a_drag_that_chooses_nothing(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = shared_kiosk.window
    window.resize(1024, 768)
    window.set_elderly(True)
    try:
        window.show_screen("apply")
        apply = window.screens["apply"]
        assert isinstance(apply, ApplyScreen)
        panel = next(p for p in apply.findChildren(ScrollingPanel)
                     if p.isVisible() and p.widget() is apply.items)
        QApplication.processEvents()
        bar = panel.verticalScrollBar()
        assert bar.maximum() > 0 and bar.value() == 0  # a list longer than its room
        first = next(iter(apply.item_buttons.values()))
        start = first.mapTo(panel.viewport(), first.rect().center())
        touched: list[str] = []
        first.pressed.connect(lambda: touched.append("pressed"))
        first.clicked.connect(lambda: touched.append("clicked"))
        drag(qtbot, panel, start, 300, under=first)
        assert bar.value() > 0, "the drag scrolled the list"
        # the button under the finger: pressed, then released outside itself by the
        # scroller once the drag began: no tap
        assert apply.steps.currentIndex() == CHOOSE and "clicked" not in touched
        # a tap (no movement) still chooses the item under the finger
        code, button = next((c, b) for c, b in apply.item_buttons.items()
                            if b.visibleRegion().boundingRect().height() == b.height())
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: apply.steps.currentIndex() == IDENTIFY, timeout=10_000)
        state = apply.session.state
        assert state.item is not None and state.item.code == code
    finally:
        window.set_elderly(False)
        window.resize(1920, 1080)


def test_the_guide_text_and_lists_scroll_by_a_drag(shared_kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk, window = shared_kiosk, shared_kiosk.window
    window.resize(1024, 768)
    window.set_elderly(True)
    try:
        window.show_screen("guide")
        guide = window.current
        assert isinstance(guide, GuideScreen)
        guide.show_item(kiosk.services.catalog.item("SB-002"))
        QApplication.processEvents()
        text = guide.detail.parentWidget().parentWidget()
        assert isinstance(text, QAbstractScrollArea)
        bar = text.verticalScrollBar()
        assert bar.maximum() > 0
        drag(qtbot, text, QPoint(text.viewport().width() // 2,
                                 text.viewport().height() * 3 // 4), 200)
        assert bar.value() > 0
        # the items of a life event: a list view dragged, no item opened by the drag
        guide.pages.setCurrentIndex(0)
        guide.groups.itemClicked.emit(guide.groups.item(0))
        items = guide.items
        QApplication.processEvents()
        if items.verticalScrollBar().maximum() > 0:
            opened: list[object] = []
            items.itemClicked.connect(opened.append)
            drag(qtbot, items, QPoint(items.viewport().width() // 2,
                                      items.viewport().height() * 3 // 4), 150)
            assert items.verticalScrollBar().value() > 0 and opened == []
            assert guide.pages.currentIndex() == 1
    finally:
        window.set_elderly(False)
        window.resize(1920, 1080)
