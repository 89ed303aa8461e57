"""The clerk's day on real widgets over an enrolled station: sign-in with lockout, idle screen
lock, auto-login of a demo station, the ledger (search, fetchMore, case, reprint, export), the
efficiency view, and `yiwang clerk --exit-when-ready` with and without a sign-in screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.case_detail import CaseDetailDialog
from clerk_station.clerk_day_bar import ClerkDayBar
from clerk_station.clerk_flow import ClerkFlow
from clerk_station.ledger_dialog import LedgerDialog
from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from station.clerk_day import ensure_demo_clerk
from station.clerks import ClerkDirectory
from station.context import open_station
from station.pins import LockoutPolicy, PinGuard, PinHasher
from station.services import StationServices
from tests.e2e.clerk_in_process import clerk_exit_when_ready
from tests.station.clerk_day.ledger_data import generate

FAST = PinHasher(time_cost=1, memory_kib=1024)
PERSON = Person(name="王小明", id_number="11010519491231002X")


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def services(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir, with_engine=False)
    yield s
    s.close()


@pytest.fixture
def clock(services: StationServices) -> Clock:
    """Clerks c01 (PIN 730518) and admin boss; lockout after 3 failures on a fake clock."""
    clock = Clock()
    day = services.clerk_day
    assert day is not None
    day.directory = ClerkDirectory(
        services.intake.store, PinGuard(FAST, LockoutPolicy(free_attempts=3), clock)
    )
    day.directory.add("c01", "李窗口", "730518", by="setup")
    return clock


def _flow(qtbot: QtBot, services: StationServices, idle_ms: int = 3_600_000) -> ClerkFlow:
    def make() -> object:
        w = build_window(services, flow=flow)
        qtbot.addWidget(w)
        return w

    flow = ClerkFlow(services, make, idle_ms=idle_ms)  # type: ignore[arg-type]
    return flow


def _sign_in(qtbot: QtBot, flow: ClerkFlow, clerk: str, pin: str) -> None:
    screen = flow.sign_in
    assert screen is not None
    screen.clerk_field.setText(clerk)
    screen.pin.setText(pin)
    qtbot.keyClick(screen.pin, "\r")


def test_sign_in_lockout_and_success(qtbot: QtBot, services: StationServices, clock: Clock) -> None:
    flow = _flow(qtbot, services)
    try:
        flow.start()
        screen = flow.sign_in
        assert screen is not None and screen.isVisible() and flow.window is None
        _sign_in(qtbot, flow, "c01", "111112")
        qtbot.waitUntil(lambda: "2" in screen.message.text(), timeout=5_000)
        _sign_in(qtbot, flow, "c01", "111113")
        qtbot.waitUntil(lambda: "1" in screen.message.text(), timeout=5_000)
        _sign_in(qtbot, flow, "c01", "111114")
        qtbot.waitUntil(
            lambda: not screen.sign_in_button.isEnabled() and ":" in screen.message.text(),
            timeout=5_000,
        )
        assert flow.window is None
        clock.now += timedelta(seconds=31)  # the lock is over (the store keeps the state)
        screen._lock_over()
        with qtbot.waitSignal(flow.entered, timeout=5_000):
            _sign_in(qtbot, flow, "c01", "730518")
        assert flow.window is not None and flow.window.isVisible() and not screen.isVisible()
        assert services.clerk_id == "c01"
        actions = [r["action"] for r in services.intake.store.audit_rows()]
        assert actions.count("sign_in_failed") == 3 and "sign_in" in actions
    finally:
        flow.shutdown()


def test_sign_in_screen_answers_an_unknown_id_like_a_known_one(
    qtbot: QtBot, services: StationServices, clock: Clock
) -> None:
    """The message after each wrong attempt (count left, then the lock) is the same text
    for the existing clerk c01 and for an id nobody has: no account list by trial."""
    flow = _flow(qtbot, services)
    try:
        flow.start()
        screen = flow.sign_in
        assert screen is not None

        def messages(clerk: str) -> list[str]:
            seen: list[str] = []
            for guess in ("111112", "111113", "111114"):
                screen.message.clear()
                _sign_in(qtbot, flow, clerk, guess)
                qtbot.waitUntil(lambda: screen.message.text() != "", timeout=5_000)
                seen.append(screen.message.text())
            screen._lock_over()
            return seen

        known = messages("c01")
        assert "2" in known[0] and "1" in known[1] and ":" in known[2]
        assert messages("nobody01") == known
        assert flow.window is None
    finally:
        flow.shutdown()


def test_idle_lock_unlock_and_sign_out(
    qtbot: QtBot, services: StationServices, clock: Clock
) -> None:
    # the idle interval is an hour; the test runs the countdown out itself (a real
    # 100 ms timer fires whenever a loaded machine is slow, and the test then races it)
    flow = _flow(qtbot, services)
    try:
        flow.start()
        with qtbot.waitSignal(flow.entered, timeout=5_000):
            _sign_in(qtbot, flow, "c01", "730518")
        assert flow.window is not None and flow.idle.timer.isActive()
        bar = flow.window.findChild(ClerkDayBar)
        assert bar is not None
        ledger = bar.open_ledger()  # a dialog full of cases is open when the clerk walks away
        flow.idle.timer.timeout.emit()  # the clerk walked away
        lock = flow.lock_screen
        assert lock is not None and lock.isVisible()
        assert not flow.window.isVisible() and not ledger.isVisible()  # nothing shown behind
        lock.pin.setText("000001")
        lock.submit()
        qtbot.waitUntil(lambda: lock.message.text() != "", timeout=5_000)
        assert flow.lock_screen is lock  # still locked
        lock.pin.setText("730518")
        with qtbot.waitSignal(lock.unlocked, timeout=5_000):
            lock.submit()
        assert flow.lock_screen is None and flow.idle.timer.isActive()
        assert flow.window.isVisible() and ledger.isVisible()
        flow.idle.timer.timeout.emit()  # idle again
        assert flow.lock_screen is not None
        flow.lock_screen.sign_out_button.click()
        assert flow.window is not None and not flow.window.isVisible()
        assert flow.sign_in is not None and flow.sign_in.isVisible() and flow.account is None
        day = services.clerk_day
        assert day is not None
        day.trail.flush()
        actions = [r["action"] for r in services.intake.store.audit_rows()]
        assert "screen_lock" in actions and "unlock" in actions and "sign_out" in actions
        assert "unlock_failed" in actions
    finally:
        flow.shutdown()


def test_demo_station_signs_its_demo_clerk_in(qtbot: QtBot, station_dir: Path) -> None:
    ensure_demo_clerk(station_dir)
    services = open_station(station_dir, with_engine=False)
    flow = _flow(qtbot, services)
    try:
        with qtbot.waitSignal(flow.ready, timeout=5_000):
            flow.start()
        assert flow.sign_in is None and flow.window is not None and flow.window.isVisible()
        assert services.clerk_id == "demo"
        assert not flow.idle.timer.isActive()  # nobody knows the demo PIN: never lock
    finally:
        flow.shutdown()
        services.close()


def _jpeg() -> bytes:
    img = np.full((240, 320, 3), 230, np.uint8)
    cv2.putText(img, "PAGE 1", (40, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (20, 20, 20), 3)
    ok, buf = cv2.imencode(".jpg", img)
    assert ok
    return bytes(buf)


def test_ledger_search_page_case_reprint_export_and_efficiency(
    qtbot: QtBot, services: StationServices, clock: Clock, tmp_path: Path
) -> None:
    store = services.intake.store
    generate(store, 130, per_day=200)  # 130 cases on 1 June 2026 (older than the default range)
    now = datetime.now(UTC)
    sha = store.put_blob(_jpeg())
    case = store.accept(
        uuid="8c3e3f0e-0f7a-4a55-8d3b-3f3b7f1e2a01",
        station_code=services.intake.station_code,
        item_code="SB-001",
        catalog_version="v",
        applicant=PERSON,
        materials=[CapturedMaterial("M01", (sha,))],
        channel=Channel.WINDOW,
        clerk_id="c01",
        now=now,
        started_at=now - timedelta(minutes=4),
        queue_ticket="B021",
    )
    services.clerk_id = "c01"
    window = build_window(services)
    qtbot.addWidget(window)
    bar = window.findChild(ClerkDayBar)
    assert bar is not None
    dialog = bar.open_ledger()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5_000)
    assert dialog.model.row_at(0).receipt_no == case.receipt_no
    # at 1366x768 every search field is wide enough to type into (姓名 and 经办人 were
    # squeezed to a 20 px box by the item and date boxes)
    dialog.resize(1326, 688)
    qtbot.waitUntil(lambda: dialog.name.width() >= 120 and dialog.clerk.width() >= 120)
    # by ID number (any spacing or case), never shown in full
    dialog.id_number.setText(PERSON.id_number.lower())
    dialog.search()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and not dialog.model.loading)
    shown = [str(dialog.model.data(dialog.model.index(0, c))) for c in range(9)]
    assert PERSON.id_number not in " ".join(shown) and "B021" in shown
    # the generated day: 130 cases, 50 a page, fetched as the view asks
    dialog.id_number.clear()
    dialog.date_from.setDate(dialog.date_from.date().addYears(-1))
    dialog.search()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 50 and not dialog.model.loading)
    assert dialog.model.canFetchMore()
    dialog.model.fetchMore()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 100 and not dialog.model.loading)
    dialog.table.scrollToBottom()
    qtbot.waitUntil(
        lambda: dialog.model.rowCount() == 131 and not dialog.model.has_more, timeout=5_000
    )
    # open the real case: its page, then reprint
    dialog.table.selectRow([dialog.model.row_at(i).uuid for i in range(131)].index(case.uuid))
    detail = dialog.open_selected()
    assert detail is not None
    qtbot.addWidget(detail)
    qtbot.waitUntil(
        lambda: detail.preview.pixmap() is not None and not detail.preview.pixmap().isNull(),
        timeout=5_000,
    )
    # the case in the English UI names its item in English
    day = services.clerk_day
    assert day is not None
    english = CaseDetailDialog(day, case.uuid, "c01", english=True)
    qtbot.addWidget(english)
    item_en = day.ledger.catalog.item("SB-001").name_en
    qtbot.waitUntil(lambda: english.heading.text() == f"{case.receipt_no}  {item_en}")
    english.done(0)
    detail.reprint()
    qtbot.waitUntil(lambda: detail.documents.rowCount() == 1, timeout=5_000)
    # the English window (no translator here) names it in English; tests/clerk_station/
    # test_window_language.py checks the Chinese window's 受理回执（补打）
    assert detail.documents.item(0, 0).text() == "Receipt (reprint)"
    # export what is listed, reopened with openpyxl
    out = tmp_path / "ledger.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as sig:
        dialog.export(out, "xlsx")
    assert sig.args == [str(out), 131]
    rows = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 132 and PERSON.id_number not in str(rows)
    # a pulled USB stick or a folder for a file name: the cause in words, no Errno
    for bad, words in ((tmp_path / "gone" / "ledger.xlsx", "does not exist"),
                       (tmp_path, "is a folder")):
        dialog.export(bad, "xlsx")
        qtbot.waitUntil(lambda: dialog.state.text().startswith("Export failed:"),
                        timeout=20_000)
        assert words in dialog.state.text() and "Errno" not in dialog.state.text()
        dialog.state.setText("")
    # efficiency: today's accepted case with its 4-minute handling time
    eff = bar.open_efficiency(False)
    qtbot.addWidget(eff)
    qtbot.waitUntil(lambda: eff.report is not None, timeout=5_000)
    assert eff.report is not None and eff.report.total.accepted == 1
    assert "4.0" in eff.totals.text()
    assert isinstance(dialog, LedgerDialog)
    window.shutdown()


def test_exit_when_ready_with_sign_in_and_with_auto_login(
    qapp: QApplication, station_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`yiwang clerk --exit-when-ready` in this process (tests/e2e/clerk_in_process.py;
    tests/yiwang/test_cold_start.py runs the real process): 0 once the sign-in screen
    takes input, and 0 once a demo station's main window does."""
    assert clerk_exit_when_ready(qapp, station_dir) == 0
    assert "clerk window ready (sign-in)" in capsys.readouterr().err
    ensure_demo_clerk(station_dir)
    assert clerk_exit_when_ready(qapp, station_dir) == 0
    err = capsys.readouterr().err
    assert "clerk window ready" in err and "(sign-in)" not in err
    assert "Traceback" not in err
