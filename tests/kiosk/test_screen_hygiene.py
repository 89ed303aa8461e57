"""What a screen does when nobody sees it, what the next citizen starts with, and how
outside text reaches a case card: hidden screens animate nothing, the reset returns
to normal mode, a platform note cannot smuggle bidi marks or controls onto the screen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.screens.cases import CaseList
from kiosk.screens.identify import CardAnimation
from kiosk.theme import NORMAL
from station.progress import CaseStage, CaseView
from tests.kiosk.conftest import Kiosk


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    """One kiosk for the module; each test starts a fresh visit on it (shared_kiosk)."""
    return shared_kiosk


SERVICES = ["apply", "progress", "reprint", "evaluate", "guide", "attract"]


def _ticking(animation: CardAnimation) -> bool:
    return any(t.isActive() for t in animation.findChildren(QTimer))


def test_hidden_screens_run_no_animation_timer(kiosk: Kiosk) -> None:
    window = kiosk.window
    for name in window.screens:  # every screen built, as after start-up
        window.screens[name]
    animations = window.findChildren(CardAnimation)
    assert len(animations) >= 4  # apply, progress, reprint, evaluate
    for name in SERVICES:
        window.show_screen(name)
        running = [a for a in animations if _ticking(a)]
        assert all(a.isVisible() for a in running), name
        if name in ("progress", "reprint", "evaluate"):  # waiting for a card: it moves
            assert len(running) == 1, name
    window.show_screen("progress")
    window.card_present = True
    window.screens["progress"].on_card(kiosk.sims.sample_cards()[0])  # identified by card
    window.card_removed()  # the card-removed page in front: the service's animation stops
    assert window.card_away_shown
    assert not any(_ticking(a) for a in animations)


def test_the_next_citizen_starts_in_normal_mode(kiosk: Kiosk) -> None:
    window, idle, clock = kiosk.window, kiosk.app.idle, kiosk.clock
    window.show_screen("progress")
    window.care.click()
    assert window.care.isChecked() and kiosk.app.voice.enabled
    clock.advance(idle.idle_seconds + idle.countdown_seconds + 1)
    idle.poll()  # the countdown appears ...
    clock.advance(idle.countdown_seconds + 1)
    idle.poll()  # ... and runs out
    assert window.current is window.attract
    assert window.ctx.theme is NORMAL and not window.care.isChecked()
    assert not kiosk.app.voice.enabled
    assert idle.idle_seconds == NORMAL.idle_seconds
    assert window.attract.hint.isVisible()  # the normal mode's words are back


def test_a_hostile_platform_note_is_shown_as_plain_words(qtbot: QtBot) -> None:
    cases = CaseList()
    qtbot.addWidget(cases)
    now = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    note = "请补充\u202e材料本人页\u2066 <img src=/dev/zero>\x1b[2J"
    case = CaseView(
        uuid="u1", receipt_no="K1-20260501-0001\u200f", item_code="SB-001",
        item_name_zh="城乡居民\u202b养老保险", item_name_en="Pension", applicant_label="张*",
        id_label="1101**********1234", accepted_at=now, stage=CaseStage.SUPPLEMENT, note=note,
        bring_zh=("户口簿\u2067",), bring_en=("Household register",), known_at=now,
    )
    cases.show_cases([case], english=False)
    text = cases.cards[0].text()
    for mark in ("\u202e", "\u2066", "\u202b", "\u200f", "\u2067", "\x1b"):
        assert mark not in text
    assert "请补充材料本人页 <img src=/dev/zero>[ESC][2J" in text  # words kept, control visible
    assert "城乡居民养老保险" in text and "户口簿" in text
    assert cases.cards[0].textFormat().name == "PlainText"


def test_what_to_bring_is_listed_with_commas_in_english(qtbot: QtBot) -> None:
    """A case's "Please bring" in English separates the materials with commas, as the
    notice's card does (it joined them with 、, a Chinese mark, for the foreigner)."""
    cases = CaseList()
    qtbot.addWidget(cases)
    now = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    case = CaseView(
        uuid="u1", receipt_no="K1-20260501-0001", item_code="SB-001",
        item_name_zh="城乡居民养老保险", item_name_en="Pension", applicant_label="张*",
        id_label="1101**********1234", accepted_at=now, stage=CaseStage.SUPPLEMENT, note="",
        bring_zh=("户口簿", "照片"), bring_en=("Household register", "Photo"), known_at=now,
    )
    cases.show_cases([case], english=True)
    assert "Household register, Photo" in cases.cards[0].text()
    cases.show_cases([case], english=False)
    assert "户口簿、照片" in cases.cards[0].text()
