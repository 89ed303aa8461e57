"""Platform text in the case view's and the efficiency view's tables (status, 补正 note,
missing materials, item names) is plain: a status note `<img src=/dev/zero>` in a
tooltip crashed the station (found by review), and bidi overrides reordered the cell."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from clerk_station import case_detail, efficiency_view

HOSTILE = "请补交 <img src=/dev/zero> \u202e末尾"


@pytest.mark.parametrize("make", [case_detail._item, efficiency_view._cell])
def test_hostile_platform_text_is_shown_plainly(
    qtbot: QtBot, make: Callable[[str], QTableWidgetItem]
) -> None:
    item = make(HOSTILE)
    assert "\u202e" not in item.text() and "<img src=/dev/zero>" in item.text()
    tip = item.toolTip()
    assert "<img" not in tip and "&lt;img src=/dev/zero&gt;" in tip
