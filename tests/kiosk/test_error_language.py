"""The kiosk words a refused mobile number at display time in its language: English
kiosk, the English source sentence and no Chinese; Chinese kiosk, the zh_CN sentence
(from the installed Qt catalog), through the real apply screen and its keypad."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import ApplyScreen
from tests.kiosk.conftest import Kiosk

ITEM = "YB-001"  # kiosk-enabled


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "A mobile number has 11 digits and starts with 1"),
        ("zh_CN", "手机号码应为以1开头的11位数字"),
    ],
)
def test_an_invalid_mobile_number_is_worded_in_the_kiosks_language(
    kiosk_factory: Callable[..., Kiosk], station_dir: Path, qtbot: QtBot, lang: str, sentence: str
) -> None:
    kiosk = kiosk_factory(station_dir, language=lang, with_engine=False)
    window = kiosk.window
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons[ITEM].click()
    keypad = apply.contact.keypad
    for digit in "12345":  # not a mobile number
        keypad.keys[digit].click()
    keypad.ok_key.click()
    note = apply.note.text()
    assert note == sentence
    assert any("\u4e00" <= ch <= "\u9fff" for ch in note) is (lang == "zh_CN")
    assert apply.session.state.phone == ""  # nothing wrong is kept
