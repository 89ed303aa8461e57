"""评价器 on real widgets: the citizen confirms masked details during intake, evaluates
the accepted case (reasons for the low levels), the evaluation is queued with the
case's receipt number and delivered to the real platform; the pad never takes the
clerk's focus, and skipping is always possible."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.clerk_day_bar import ClerkDayBar
from clerk_station.main_window import ClerkWindow
from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel, Submission
from station.context import open_station
from station.services import StationServices
from sync.client import PlatformClient
from sync.config import load_config, load_credentials
from sync.evaluations import EvaluationQueue

PERSON = Person(name="王小明", id_number="11010519491231002X")


@pytest.fixture
def services(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir, with_engine=False)
    s.clerk_id = "c01"
    yield s
    s.close()


def _accept(services: StationServices) -> Submission:
    store = services.intake.store
    sha = store.put_blob(b"page one of the application form")
    return store.accept(
        uuid="8c3e3f0e-0f7a-4a55-8d3b-3f3b7f1e2a02",
        station_code=services.intake.station_code, item_code="SB-001", catalog_version="v",
        applicant=PERSON, materials=[CapturedMaterial("M01", (sha,))], channel=Channel.WINDOW,
        clerk_id="c01", now=datetime.now(UTC),
    )


def _window(qtbot: QtBot, services: StationServices) -> tuple[ClerkWindow, ClerkDayBar]:
    window = build_window(services)
    qtbot.addWidget(window)
    bar = window.findChild(ClerkDayBar)
    assert bar is not None
    return window, bar


def test_pad_flow_confirm_evaluate_deliver(
    qtbot: QtBot, services: StationServices, station_dir: Path
) -> None:
    window, bar = _window(qtbot, services)
    assert bar.pad_flow is None and not bar.pad_action.isChecked()  # one screen: on request
    window.show()
    bar.pad_action.setChecked(True)
    bar.toggle_pad()
    flow = bar.pad_flow
    assert flow is not None and not flow.on_second_screen
    pad = flow.pad
    qtbot.addWidget(pad)
    assert pad.isVisible() and pad.pages.currentWidget() is pad.welcome
    # it can never take the clerk's focus
    assert pad.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert pad.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in pad.findChildren(QPushButton))
    screen = QApplication.primaryScreen().availableGeometry()
    # floating in a corner of the clerk's screen, not covering it
    assert screen.contains(pad.geometry()) and pad.width() < screen.width()
    assert pad.geometry().right() > screen.center().x()

    window.activateWindow()
    window.picker.filter.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.picker.filter, timeout=5_000)

    # intake: the item and the applicant, masked
    item = window.picker.choose("SB-001")
    window.applicant_panel.applicant_changed.emit(PERSON)
    assert pad.pages.currentWidget() is pad.details
    text = pad.details_text.text()
    assert item.name_zh[:6] in text and "王" in text
    assert "王小明" not in text and "11010519491231002X" not in text and "002X" in text

    # the accept asks for the evaluation; the cleared form does not take it away
    sub = _accept(services)
    window.accepted.emit(SimpleNamespace(submission=sub))
    window.applicant_panel.applicant_changed.emit(None)
    assert pad.pages.currentWidget() is pad.rating
    # where the clerk window's keyboard flow put the cursor (the next action): the
    # citizen's taps below must leave it there
    cursor = QApplication.focusWidget()
    assert cursor is not None and window.isAncestorOf(cursor)
    qtbot.mouseClick(pad.level_buttons[2], Qt.MouseButton.LeftButton)  # 不满意
    assert pad.pages.currentWidget() is pad.reasons
    assert "terminal_hard" not in pad.reason_buttons  # a window is not a kiosk
    qtbot.mouseClick(pad.reason_buttons["efficiency_slow"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.reason_buttons["attitude_poor"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(flow.stored, timeout=10_000) as stored:
        qtbot.mouseClick(pad.submit_button, Qt.MouseButton.LeftButton)
    assert pad.pages.currentWidget() is pad.thanks
    assert QApplication.focusWidget() is cursor  # the clerk's cursor stayed
    pad.back_timer.timeout.emit()  # the thank-you screen's time is up
    assert pad.pages.currentWidget() is pad.welcome

    # stored with the case's receipt number, then delivered to the platform
    [evaluation_uuid] = stored.args or []
    db = sqlite3.connect(services.intake.store.db_path)
    body = json.loads(db.execute("SELECT body FROM evaluations WHERE uuid = ?",
                                 [evaluation_uuid]).fetchone()[0])
    db.close()
    assert body["receipt_no"] == sub.receipt_no and body["rating"] == 2
    assert body["channel"] == "window"
    assert body["reasons"] == ["efficiency_slow", "attitude_poor"]
    queue = EvaluationQueue(services.intake.store.db_path)
    assert queue.state_of(evaluation_uuid) == "queued"
    session = requests.Session()
    session.trust_env = False
    client = PlatformClient(load_config(station_dir).platform_url,
                            load_credentials(station_dir), session=session)
    assert queue.deliver_due(client).delivered == 1
    assert queue.state_of(evaluation_uuid) == "delivered"
    session.close()

    # a second evaluation of the same case is refused and said so, never lost silently
    window.accepted.emit(SimpleNamespace(submission=sub))
    qtbot.mouseClick(pad.level_buttons[5], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pad.pages.currentWidget() is pad.not_saved, timeout=10_000)


def test_skipping_and_the_next_applicant(qtbot: QtBot, services: StationServices) -> None:
    window, bar = _window(qtbot, services)
    bar.pad_action.setChecked(True)
    bar.toggle_pad()
    assert bar.pad_flow is not None
    pad = bar.pad_flow.pad
    qtbot.addWidget(pad)
    sub = _accept(services)
    window.accepted.emit(SimpleNamespace(submission=sub))
    qtbot.mouseClick(pad.skip_button, Qt.MouseButton.LeftButton)
    assert pad.pages.currentWidget() is pad.welcome
    window.accepted.emit(SimpleNamespace(submission=sub))
    window.applicant_panel.applicant_changed.emit(PERSON)  # the clerk goes on: no waiting
    assert pad.pages.currentWidget() is pad.details
    assert EvaluationQueue(services.intake.store.db_path).depth() == 0
    bar.pad_action.setChecked(False)
    bar.toggle_pad()
    assert not pad.isVisible()
