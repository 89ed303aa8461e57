"""Review6 #17: the guide's detail and the maintenance report were centred in their
cards, an empty band over them. Measured on the painted card: its first line of ink
lies within the first line's room under the top edge."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.screens.guide import GuideScreen
from kiosk.screens.maintenance import MaintenanceScreen
from kiosk.widgets import Text
from tests.kiosk.conftest import Kiosk


def _first_ink_row(card: Text) -> int:
    """The first row of text ink inside the card's border and margins."""
    QApplication.processEvents()
    image = card.grab().toImage()
    inner = card.contentsRect().adjusted(card.margin(), card.margin(), -card.margin(),
                                         -card.margin())
    background = QColor(image.pixel(inner.right() - 2, inner.bottom() - 2)).lightness()
    for y in range(inner.top() + 1, inner.bottom()):
        for x in range(inner.left() + 1, min(inner.right(), inner.left() + 400)):
            if abs(QColor(image.pixel(x, y)).lightness() - background) > 80:
                return y - inner.top()
    raise AssertionError("no text painted")


def _assert_read_from_the_top(card: Text) -> None:
    assert card.height() > 4 * card.line_height()  # room to centre in: the case at hand
    assert _first_ink_row(card) < card.line_height()


def test_guide_detail_and_maintenance_report_start_at_the_top(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = shared_kiosk.window
    window.attract.buttons["guide"].click()
    guide = window.screens["guide"]
    assert isinstance(guide, GuideScreen)
    item = min(shared_kiosk.services.catalog.items, key=lambda it: len(it.materials))
    guide.show_item(item)
    _assert_read_from_the_top(guide.detail)
    window.show_screen("maintenance")
    maintenance = window.current
    assert isinstance(maintenance, MaintenanceScreen)
    maintenance.buttons["queue"].click()
    qtbot.waitUntil(lambda: bool(maintenance.output.text()), timeout=10_000)
    _assert_read_from_the_top(maintenance.output)
