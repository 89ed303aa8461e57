"""Taking the ID card out ends a card-identified visit unless the same card comes back:
"您的身份证已取出" with a short countdown in front of the service (what the card unlocked
hidden at once); the same card continues, another card wipes and identifies its holder,
the countdown or "结束办理" wipes like the idle reset. Receipt-code visits are left
alone (an accepted application too: test_kiosk_flows). Cards go through the simulated
reader on its real pty."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from intake.identity import mask_name
from kiosk.screens.apply import CAPTURE, CONFIRM, ApplyScreen
from kiosk.screens.progress import ProgressScreen
from kiosk.screens.reprint import ReprintScreen
from kiosk.theme import ELDERLY, NORMAL
from tests.kiosk.accessibility import check_minimums
from tests.kiosk.conftest import Kiosk
from tests.kiosk.traces import leaks, widget_texts


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    """One kiosk for the module; each test starts a fresh visit on it (shared_kiosk)."""
    return shared_kiosk


ITEM = "SB-001"


def _place(kiosk: Kiosk, qtbot: QtBot, card: Any) -> None:
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: kiosk.window.card_present, timeout=10_000)


def _remove(kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not kiosk.window.card_present, timeout=10_000)


def _identified(kiosk: Kiosk, qtbot: QtBot, card: Any) -> ApplyScreen:
    window = kiosk.window
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons[ITEM].click()
    _place(kiosk, qtbot, card)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    return apply


def test_same_card_back_continues_another_card_wipes_and_identifies_its_holder(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    first, second = kiosk.sims.sample_cards()[:2]
    assert first.id_number != second.id_number
    apply = _identified(kiosk, qtbot, first)
    assert mask_name(first.name) in apply.who.text()

    _remove(kiosk, qtbot)
    assert window.card_away_shown and window.card_away.isVisible()
    assert not apply.who.isVisible() and not apply.yes.isVisible()  # hidden at once
    assert window.card_away.title.text() == window.card_away.tr("Your ID card has been taken out")
    assert "15" in window.card_away.seconds.text()
    assert kiosk.app.voice.spoken[-1] == window.card_away.prompt()  # said aloud
    check_minimums(window, NORMAL, "card away")

    # the same card: carry on where they were, nothing lost
    _place(kiosk, qtbot, first)
    assert not window.card_away_shown
    assert window.current is apply and apply.steps.currentIndex() == CONFIRM
    assert apply.yes.isVisible() and mask_name(first.name) in apply.who.text()
    apply.yes.click()
    assert apply.steps.currentIndex() == CAPTURE

    # a different card: the first visit is wiped, the new holder is asked "is this you?"
    _remove(kiosk, qtbot)
    assert window.card_away_shown
    _place(kiosk, qtbot, second)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    assert not window.card_away_shown and window.current is apply
    assert mask_name(second.name) in apply.who.text()
    assert apply.session.state.item is not None and apply.session.state.item.code == ITEM
    person = apply.session.state.person
    assert person is not None and person.id_number == second.id_number
    secrets = [first.name, first.id_number, mask_name(first.name)]
    assert leaks(widget_texts(window) + list(kiosk.app.voice.spoken), secrets) == []


def test_countdown_or_end_wipes_like_the_idle_reset(kiosk: Kiosk, qtbot: QtBot) -> None:
    window, clock = kiosk.window, kiosk.clock
    card = kiosk.sims.sample_cards()[0]
    apply = _identified(kiosk, qtbot, card)
    _remove(kiosk, qtbot)
    clock.advance(NORMAL.card_away_seconds - 1)
    window.card_away.poll()
    assert window.card_away_shown and "1" in window.card_away.seconds.text()
    window.card_away.put_back.click()  # "放回身份证继续": the full time again
    clock.advance(NORMAL.card_away_seconds - 1)
    window.card_away.poll()
    assert window.card_away_shown
    clock.advance(2)
    window.card_away.poll()
    assert window.current is window.attract and not window.card_away_shown
    assert apply.session.state.person is None and apply.session.draft is None
    assert leaks(widget_texts(window), [card.name, mask_name(card.name)]) == []

    # 结束办理, in 关怀模式: longer to put it back, then the same wipe (and normal mode)
    apply = _identified(kiosk, qtbot, card)
    window.care.click()
    _remove(kiosk, qtbot)
    assert str(ELDERLY.card_away_seconds) in window.card_away.seconds.text()
    check_minimums(window, ELDERLY, "card away/elderly")
    window.card_away.end.click()
    assert window.current is window.attract and apply.session.state.person is None
    assert window.ctx.theme is NORMAL and not window.care.isChecked()


def test_progress_results_hide_at_once_unless_found_by_receipt_code(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    window.attract.buttons["progress"].click()
    progress = window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    _place(kiosk, qtbot, card)
    qtbot.waitUntil(lambda: progress.result_title.isVisible(), timeout=10_000)
    _remove(kiosk, qtbot)
    assert window.card_away_shown and not progress.result_title.isVisible()
    _place(kiosk, qtbot, card)
    assert progress.result_title.isVisible() and not window.card_away_shown

    # looked up by a receipt's code: the card is not what identified them
    _remove(kiosk, qtbot)
    window.card_away.end.click()
    window.attract.buttons["progress"].click()
    _place(kiosk, qtbot, card)
    qtbot.waitUntil(lambda: progress.result_title.isVisible(), timeout=10_000)
    progress.again.click()
    progress.on_scan("YW1|NOT-A-RECEIPT|0000")
    qtbot.waitUntil(lambda: progress.result_title.isVisible(), timeout=10_000)
    _remove(kiosk, qtbot)
    assert not window.card_away_shown and progress.result_title.isVisible()


def test_reprint_list_hides_at_once(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    window.attract.buttons["reprint"].click()
    reprint = window.screens["reprint"]
    assert isinstance(reprint, ReprintScreen)
    _place(kiosk, qtbot, card)
    qtbot.waitUntil(lambda: reprint.heading.isVisible(), timeout=10_000)
    _remove(kiosk, qtbot)
    assert window.card_away_shown and not reprint.heading.isVisible()
    window.card_away.end.click()
    assert window.current is window.attract and reprint.card_holder() is None
