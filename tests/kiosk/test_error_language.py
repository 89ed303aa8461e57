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
        ("en", "A mobile number has 11 digits, starting with 1 and then 3 to 9"),
        ("zh_CN", "手机号码应为1开头、第二位3–9的11位数字"),
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


def test_a_refused_number_s_error_goes_when_the_number_is_corrected(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    """Review6 #15: the refusal of 12345678901 (it has 11 digits: the rule is 1, then
    3-9) stayed under the corrected number. The error says the real rule and goes as
    soon as the citizen changes the number; a valid number brings none back."""
    from tests.kiosk.quick_apply import reach_contact

    apply = reach_contact(shared_kiosk, qtbot, shared_kiosk.sims.sample_cards()[0])
    keypad = apply.contact.keypad
    for digit in "12345678901":
        keypad.keys[digit].click()
    keypad.ok_key.click()
    assert apply.note.isVisible()
    assert apply.note.text() == "手机号码应为1开头、第二位3–9的11位数字"
    keypad.clear_key.click()
    assert not apply.note.isVisible() and apply.note.text() == ""
    for digit in "13905712345":
        keypad.keys[digit].click()
    apply.contact.methods["post"].click()  # a session event: the old note stays gone
    assert not apply.note.isVisible()
    keypad.ok_key.click()
    assert apply.session.state.phone == "13905712345" and not apply.note.isVisible()
