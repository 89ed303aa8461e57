"""ui_shared.plain_text: the helpers every surface uses for outside text."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

from ui_shared.plain_text import PlainLabel, PlainTextModel, platform_status_text, tooltip


def test_proxy_model_cleans_display_and_escapes_tooltips(
    qtbot: QtBot, qtmodeltester: Any
) -> None:
    source = QStandardItemModel()
    item = QStandardItem("<img src=/dev/zero>\x1b")
    item.setToolTip("<img src=x>")
    source.appendRow([item, QStandardItem("ok")])
    proxy = PlainTextModel(source)
    qtmodeltester.check(proxy)
    assert proxy.data(proxy.index(0, 0)) == "<img src=/dev/zero>[ESC]"
    assert proxy.data(proxy.index(0, 0), Qt.ItemDataRole.ToolTipRole) == tooltip("<img src=x>")
    assert "&lt;img src=x&gt;" in tooltip("<img src=x>")
    assert proxy.data(proxy.index(0, 1)) == "ok"


def test_plain_label_keeps_plain_format_and_caps(qtbot: QtBot) -> None:
    label = PlainLabel("<b>x</b>", limit=5)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == "<b>x…"
    label.setText("a\r\nb")
    assert label.text() == "a[CR…"  # the cap counts what is shown
    wide = PlainLabel("a\r\nb")
    qtbot.addWidget(wide)
    assert wide.text() == "a[CR][LF]b"
    multi = PlainLabel("a\r\nb", multiline=True)
    qtbot.addWidget(multi)
    assert multi.text() == "a\nb"


def test_undocumented_status_is_kept_shown_and_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="ui_shared.plain_text")
    assert platform_status_text("办结") == "办结" and not caplog.records
    assert platform_status_text("已撤回-test-only") == "已撤回-test-only"
    assert platform_status_text("已撤回-test-only") == "已撤回-test-only"
    flagged = [r for r in caplog.records if "已撤回-test-only" in r.getMessage()]
    assert len(flagged) == 1 and "not in the documented set" in flagged[0].getMessage()
    assert platform_status_text(None) == ""
