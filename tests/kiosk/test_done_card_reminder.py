"""The done page reminds the citizen to take the ID card while one lies on the reader
(review6 #16: only 完成 did, after the page was gone): first on the card, in the spoken
prompt and its replay; once the card is lifted the reminder goes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.screens.apply import DONE
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import submit_application

TAKE_CARD = "请从读卡区取走您的身份证。"


def test_done_page_reminds_to_take_the_card_until_it_is_lifted(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    kiosk, window = shared_kiosk, shared_kiosk.window
    apply = submit_application(kiosk, qtbot, kiosk.sims.sample_cards()[0])
    assert apply.steps.currentIndex() == DONE and window.card_present
    assert apply.done_text.text().split("\n")[0] == TAKE_CARD
    assert apply.prompt().endswith(TAKE_CARD)
    window.replay.click()
    assert kiosk.app.voice.spoken[-1].endswith(TAKE_CARD)
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
    assert window.current is apply and apply.steps.currentIndex() == DONE
    assert not window.card_away_shown  # accepted: the card no longer pauses the visit
    assert TAKE_CARD not in apply.done_text.text()
    assert apply.done_text.text().startswith("请从出纸口取走回执。")
    window.replay.click()
    assert TAKE_CARD not in kiosk.app.voice.spoken[-1]
    assert "取走回执" in kiosk.app.voice.spoken[-1]
