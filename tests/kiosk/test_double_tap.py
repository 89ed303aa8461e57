"""A double tap chooses once: the second tap of a finger that has just changed the page
lands on whatever came up under it, and is refused (review7: a double tap on 我要办事
started an application for an item nobody chose). A later, deliberate tap counts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.event_gate import DOUBLE_TAP_MS
from kiosk.screens.apply import CHOOSE, IDENTIFY, ApplyScreen
from tests.kiosk.conftest import Kiosk


def _tap(widget: QWidget, at_ms: int) -> None:
    """A finger's tap on `widget` at event time `at_ms` (press, release 60 ms later)."""
    pos = QPointF(widget.rect().center())
    where = QPointF(widget.mapToGlobal(pos.toPoint()))
    left = Qt.MouseButton.LeftButton
    for kind, held, at in ((QEvent.Type.MouseButtonPress, left, at_ms),
                           (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton,
                            at_ms + 60)):
        event = QMouseEvent(kind, pos, where, left, held, Qt.KeyboardModifier.NoModifier)
        event.setTimestamp(at)
        QApplication.sendEvent(widget, event)


def test_the_second_tap_of_a_double_tap_chooses_nothing(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.screens["apply"]  # built, as after the first idle turns
    _tap(window.attract.buttons["apply"], 10_000)
    apply = window.current
    assert isinstance(apply, ApplyScreen) and apply.steps.currentIndex() == CHOOSE
    first_item = next(iter(apply.item_buttons.values()))
    _tap(first_item, 10_120)  # the same finger, 120 ms later: on the item now under it
    assert apply.steps.currentIndex() == CHOOSE and apply.session.state.item is None
    _tap(first_item, 10_060 + DOUBLE_TAP_MS + 200)  # a tap of its own: it counts
    assert apply.steps.currentIndex() == IDENTIFY
