"""Idle: a quiet spell brings the large countdown; more time cancels it; at zero the
kiosk resets and nothing of the citizen is left in widgets, item models, image buffers,
temporary files, the clipboard or the objects the kiosk holds; a card left on the
reader is announced."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from intake.identity import mask_id_number, mask_name
from kiosk.demo_devices import DemoDevices
from kiosk.screens.apply import CONFIRM, ApplyScreen
from kiosk.screens.progress import ProgressScreen
from tests.kiosk.conftest import Kiosk
from tests.kiosk.quick_apply import reach_confirm, submit_application
from tests.kiosk.traces import (
    clipboard_texts,
    file_texts,
    leaks,
    reachable_strings,
    widget_texts,
)


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    """One kiosk for the module; each test starts a fresh visit on it (shared_kiosk)."""
    return shared_kiosk


def test_idle_countdown_then_wipe_leaves_nothing(kiosk: Kiosk, qtbot: QtBot) -> None:
    window, idle, clock = kiosk.window, kiosk.app.idle, kiosk.clock
    card = kiosk.sims.sample_cards()[0]
    secrets = [card.name, card.id_number, mask_name(card.name), mask_id_number(card.id_number),
               card.address]
    # a citizen starts an application and identifies
    apply = reach_confirm(kiosk, qtbot, card)
    assert mask_name(card.name) in apply.who.text()  # shown masked ...
    assert card.id_number not in apply.who.text()  # ... never in full
    # traces a library or a careless widget could leave
    QGuiApplication.clipboard().setText(card.name)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(card.id_number)
    assert Path(f.name).parent == kiosk.temp_dir
    before = widget_texts(window) + clipboard_texts() + file_texts(kiosk.temp_dir)
    assert leaks(before, secrets), "the test must see the data before the wipe"
    assert leaks(reachable_strings([kiosk.app], exclude=[kiosk.sims]), secrets)

    # quiet: nothing yet; then the countdown
    clock.advance(idle.idle_seconds - 1)
    idle.poll()
    assert not window.overlay.isVisible()
    clock.advance(2)
    idle.poll()
    assert window.overlay.isVisible()
    assert window.overlay.ask.text() == window.overlay.question()
    assert kiosk.app.voice.spoken[-1] == window.overlay.question()
    # "yes, more time" keeps everything
    window.overlay.yes.click()
    assert not window.overlay.isVisible()
    assert apply.steps.currentIndex() == CONFIRM
    # quiet again, through the whole countdown
    clock.advance(idle.idle_seconds + 1)
    idle.poll()
    assert window.overlay.isVisible()
    clock.advance(idle.countdown_seconds)
    idle.poll()

    assert window.current is window.attract
    assert not window.overlay.isVisible()
    # the card is still on the reader: said on screen and aloud
    assert window.status.isVisible() and window.status.text()
    assert kiosk.app.voice.spoken[-1] == window.status.text()
    after = widget_texts(window) + clipboard_texts() + file_texts(kiosk.temp_dir)
    assert leaks(after, secrets) == []
    assert list(kiosk.temp_dir.iterdir()) == []
    assert apply.capture.preview.latest_frame is None
    assert apply.session.state.person is None and apply.session.draft is None
    # the simulated reader is the citizen's own card: it is the only place the data may be
    held = reachable_strings([kiosk.app, kiosk.services], exclude=[kiosk.sims])
    assert leaks(held, secrets) == []


def test_no_countdown_on_the_attract_screen(kiosk: Kiosk) -> None:
    idle, clock = kiosk.app.idle, kiosk.clock
    clock.advance(idle.idle_seconds * 10)
    idle.poll()
    assert not kiosk.window.overlay.isVisible()


def test_elderly_mode_waits_longer(kiosk: Kiosk) -> None:
    window, idle, clock = kiosk.window, kiosk.app.idle, kiosk.clock
    window.show_screen("progress")
    window.set_elderly(True)
    idle.touch()
    clock.advance(90 + 1)  # the normal theme's quiet time
    idle.poll()
    assert not window.overlay.isVisible()
    clock.advance(idle.idle_seconds - 91 + 1)
    idle.poll()
    assert window.overlay.isVisible()


def test_the_wipe_forgets_the_receipt_number_too(kiosk: Kiosk, qtbot: QtBot) -> None:
    """After the reset no screen, widget or Python attribute of the kiosk holds the last
    citizen's receipt number (nor its signed QR payload): found on the next visit it
    would tell a stranger whose case is whose. The station's store keeps its records
    (that is its job); what the screens, the session and the window hold is searched."""
    window = kiosk.window
    card = kiosk.sims.sample_cards()[0]
    # the demo's simulated scanner: the receipt in the citizen's hand, outside the kiosk
    devices = DemoDevices(kiosk.sims, window.scanned)
    qtbot.addWidget(devices)
    apply = window.screens["apply"]
    assert isinstance(apply, ApplyScreen)
    apply.receipt_issued.connect(devices.receipt_issued)
    apply = submit_application(kiosk, qtbot, card)
    outcome = apply.session.state.outcome
    assert outcome is not None
    receipt_no = outcome.accepted.receipt.receipt_no
    secrets = [receipt_no, outcome.accepted.receipt.qr_payload, card.name, card.id_number]
    screens = list(window.screens.built())
    assert len(screens) >= 2
    # the search sees the receipt number while the citizen is still there
    assert leaks(widget_texts(window), [receipt_no])
    assert leaks(reachable_strings(screens, exclude=[kiosk.services, kiosk.sims]), [receipt_no])

    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not window.card_present, timeout=10_000)
    idle, clock = kiosk.app.idle, kiosk.clock
    clock.advance(idle.idle_seconds + 1)
    idle.poll()
    clock.advance(idle.countdown_seconds + 1)
    idle.poll()
    assert window.current is window.attract

    assert leaks(widget_texts(window) + clipboard_texts() + file_texts(kiosk.temp_dir),
                 secrets) == []
    for screen in screens:  # each screen's own attributes, then everything they reach
        attributes = [v for v in vars(screen).values() if isinstance(v, str | bytes)]
        assert leaks(attributes, secrets) == [], type(screen).__name__
    held = reachable_strings([kiosk.app, *screens],
                             exclude=[kiosk.services, kiosk.sims, devices])
    assert leaks(held, secrets) == []
    # the citizen still holds the paper: scanning it shows that case again
    devices.scan.click()
    progress = window.screens["progress"]
    assert isinstance(progress, ProgressScreen)
    qtbot.waitUntil(lambda: bool(progress.cases.cards), timeout=10_000)
    assert receipt_no in progress.cases.cards[0].text()
