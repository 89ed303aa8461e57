"""A card already lying on the reader is read when a screen starts waiting for one
(不是，重新开始, 上一步), once, and never for the next citizen once its visit has
ended (完成, walked away, gave up): only a card taken away and placed again identifies
anyone (review wt6 #10: the poller reports a card once per presentation, so the screen
waited for ever; s12: after 完成 the card left lying there was the next citizen's)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kiosk.screens.apply import CHOOSE, CONFIRM, IDENTIFY, ApplyScreen
from kiosk.screens.progress import ProgressScreen
from tests.kiosk.conftest import Kiosk


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    return shared_kiosk


def _count_reads(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every card read the window is given, counted in the same delivery that moves its
    screens. Not by a connection of its own to the card bridge's signal: the poller
    thread emits it, and each queued connection is its own event, posted one after the
    other; the GUI thread may run the window's (the screen at CONFIRM) before the
    poller has even posted the counter's, so a count taken there was one read behind
    (failed once in a fresh clone). The product acts on one delivery: no race there."""
    reads: list[object] = []
    window = kiosk.window
    real = window.card_placed  # what the app's card slot calls, looked up at each read

    def counted(card: object) -> None:
        reads.append(card)
        real(card)

    monkeypatch.setattr(window, "card_placed", counted)
    return reads


def _count_polls(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """How many times the poller thread has asked the reader so far."""
    poller = kiosk.app.poller
    real = poller.poll_once
    polls = [0]

    def counted() -> None:
        real()
        polls[0] += 1

    monkeypatch.setattr(poller, "poll_once", counted)
    return lambda: polls[0]


def _some_polls_pass(qtbot: QtBot, polls: Callable[[], int]) -> None:
    """A few of the poller's rounds go by (a second read would have come by then)."""
    start = polls()
    qtbot.waitUntil(lambda: polls() >= start + 3, timeout=10_000)
    qtbot.wait(0)  # its signals delivered


def test_start_again_and_back_read_the_card_still_on_the_reader(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = kiosk.window
    reads = _count_reads(kiosk, monkeypatch)
    polls = _count_polls(kiosk, monkeypatch)
    window.show_screen("apply")
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons["SB-001"].click()
    kiosk.sims.place_card(kiosk.sims.sample_cards()[0])
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    assert len(reads) == 1
    # 不是，重新开始 with the card left down: the item list, then the card read again
    apply.no.click()
    assert apply.steps.currentIndex() == CHOOSE
    apply.item_buttons["SB-001"].click()
    assert apply.steps.currentIndex() == IDENTIFY
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    assert len(reads) == 2
    # 上一步 from "is this you?" with the card lying there: the item list, not "place
    # your card" (which read the card at once and bounced back: review7); the same item
    # again is "is this you?" with the card already read
    apply.back.click()
    assert apply.steps.currentIndex() == CHOOSE
    apply.item_buttons["SB-001"].click()
    assert apply.steps.currentIndex() == CONFIRM
    _some_polls_pass(qtbot, polls)
    assert len(reads) == 2, "the card lying there is read once per step, not again"


def test_a_new_service_reads_the_card_but_not_one_left_behind(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, idle = kiosk.window, kiosk.app.idle
    card = kiosk.sims.sample_cards()[0]
    reads = _count_reads(kiosk, monkeypatch)
    polls = _count_polls(kiosk, monkeypatch)
    progress = window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    # the card put down first, then 进度查询: it is read for the service
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: window.card_present, timeout=10_000)
    window.attract.buttons["progress"].click()
    qtbot.waitUntil(lambda: progress.result_title.isVisible(), timeout=10_000)
    assert progress.card_holder() == card.id_number and len(reads) == 2
    # its holder walks away and leaves it: the idle wipe announces it ...
    kiosk.clock.advance(idle.idle_seconds + idle.countdown_seconds + 1)
    idle.poll()
    kiosk.clock.advance(idle.countdown_seconds + 1)
    idle.poll()
    assert window.current is window.attract and window.card_present
    # ... and the next citizen's 进度查询 does not read it for them
    window.attract.buttons["progress"].click()
    _some_polls_pass(qtbot, polls)
    assert len(reads) == 2
    assert progress.identify.isVisible() and progress.card_holder() is None


def test_a_receipt_scanned_first_is_not_replaced_by_the_card_lying_there(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = kiosk.window
    reads = _count_reads(kiosk, monkeypatch)
    polls = _count_polls(kiosk, monkeypatch)
    kiosk.sims.place_card(kiosk.sims.sample_cards()[0])
    qtbot.waitUntil(lambda: window.card_present, timeout=10_000)
    # a receipt held to the scanner at the attract screen opens 进度查询 for its code
    window.scanned("not-a-receipt-of-this-hall")
    progress = window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    qtbot.waitUntil(lambda: progress.result_title.isVisible(), timeout=10_000)
    _some_polls_pass(qtbot, polls)
    assert len(reads) == 1 and progress.card_holder() is None


def test_a_card_left_after_done_identifies_nobody_until_placed_again(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.kiosk.quick_apply import submit_application

    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    apply = submit_application(kiosk, qtbot, card)
    reads = _count_reads(kiosk, monkeypatch)
    polls = _count_polls(kiosk, monkeypatch)
    # 完成 with the card still down: the visit ends, the card is announced ...
    apply.finish.click()
    assert window.current is window.attract and window.card_present
    assert "身份证" in window.status.text()
    assert "身份证" in kiosk.app.voice.spoken[-1]
    # ... and the next citizen's 进度查询 / 打印 do not read it as theirs
    progress = window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    for service in ("progress", "reprint"):
        window.attract.buttons[service].click()
        _some_polls_pass(qtbot, polls)
        assert reads == [] and window.current.card_holder() is None
        window.reset_to_attract()
    # taken away and placed again: now it identifies its holder
    window.attract.buttons["progress"].click()
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: progress.card_holder() == card.id_number, timeout=10_000)


def test_a_card_left_behind_is_asked_for_again_where_a_card_is_wanted(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next service asks for a card while the last visit's card lies there unread:
    the screen says to take it off and place it again (it only said "请把身份证放在读卡
    区": the citizen waited by a card already on the reader), and the words go once the
    card is lifted; placed again, it identifies."""
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    reads = _count_reads(kiosk, monkeypatch)
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: window.card_present, timeout=10_000)
    window.reset_to_attract()  # the visit ended with the card left lying there
    window.attract.buttons["apply"].click()
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.item_buttons["SB-001"].click()
    assert apply.steps.currentIndex() == IDENTIFY
    qtbot.waitUntil(lambda: window.status.isVisible(), timeout=10_000)
    assert "取下" in window.status.text()
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.status.isVisible(), timeout=10_000)
    kiosk.sims.place_card(card)
    qtbot.waitUntil(lambda: apply.steps.currentIndex() == CONFIRM, timeout=10_000)
    assert len(reads) == 2 and not window.status.isVisible()


def test_a_receipt_scanned_instead_ends_the_words_about_the_card_left_behind(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    """进度查询 with a card left lying there, answered by the receipt's code: the words
    about the card go (they stayed over the citizen's results)."""
    window = kiosk.window
    kiosk.sims.place_card(kiosk.sims.sample_cards()[0])
    qtbot.waitUntil(lambda: window.card_present, timeout=10_000)
    window.reset_to_attract()
    window.attract.buttons["progress"].click()
    qtbot.waitUntil(lambda: window.status.isVisible(), timeout=10_000)
    assert "取下" in window.status.text()
    window.scanned("not a receipt")
    assert not window.status.isVisible()
