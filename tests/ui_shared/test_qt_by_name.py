"""Enum properties set by name (ui_shared.qt_by_name), and the clerk's sign-in screen
shown without the Qt namespace's Python enums (a fifth of an empty window's start,
issue #13): they load once the screen is up, not before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from ui_shared.qt_by_name import set_by_name

ROOT = Path(__file__).resolve().parents[2]


def test_a_key_by_name_sets_the_enum_property(qtbot: Any) -> None:
    label = QLabel("<b>x</b>")
    qtbot.addWidget(label)
    set_by_name(label, "textFormat", "PlainText")
    set_by_name(label, "alignment", "AlignHCenter|AlignTop")
    field = QLineEdit()
    qtbot.addWidget(field)
    set_by_name(field, "inputMethodHints", "ImhDigitsOnly")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.alignment() == Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    assert field.inputMethodHints() == Qt.InputMethodHint.ImhDigitsOnly


@pytest.mark.parametrize(("prop", "keys"), [("textFormat", "Rich Text"),
                                            ("alignment", "AlignMiddle"),
                                            ("noSuchProperty", "PlainText")])
def test_an_unknown_key_or_property_raises_and_changes_nothing(
    qtbot: Any, prop: str, keys: str
) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    set_by_name(label, "textFormat", "PlainText")
    with pytest.raises(ValueError, match=prop):
        set_by_name(label, prop, keys)
    assert label.textFormat() == Qt.TextFormat.PlainText


SIGN_IN_FIRST = """
import sys
import PySide6.QtCore as core
from clerk_station.front import make_application
from clerk_station.sign_in import SignInScreen
from ui_shared.tasks import TaskRunner
app = make_application("zh_CN")
tasks = TaskRunner()
screen = SignInScreen(None, tasks, station_name="<b>Town</b>")
screen.show()
app.processEvents()
print("namespace loaded before:", "Qt" in vars(core))
from PySide6.QtCore import Qt
print("plain:", screen.title.textFormat() == Qt.TextFormat.PlainText,
      screen.message.textFormat() == Qt.TextFormat.PlainText)
print("centred:", screen.title.alignment() == Qt.AlignmentFlag.AlignHCenter)
print("digits:", screen.pin.inputMethodHints() == Qt.InputMethodHint.ImhDigitsOnly)
box = screen.findChild(type(screen).__mro__[1], "signInBox")
print("styled box:", box.testAttribute(Qt.WidgetAttribute.WA_StyledBackground))
tasks.shutdown()
"""


def test_the_sign_in_screen_is_up_before_the_qt_namespace_loads() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SIGN_IN_FIRST], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:5] == [
        "namespace loaded before: False",
        "plain: True True",
        "centred: True",
        "digits: True",
        "styled box: True",
    ], done.stdout
