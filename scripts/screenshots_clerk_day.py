"""Screenshots of the clerk's-day screens at 1366x768 and 1920x1080, in Chinese and English.

Sign-in, screen lock, main window with the clerk's-day toolbar, the queue number and
叫号 (call next), the PIN change dialog, the sync badge while a case uploads and after
a network outage, case ledger, one case, efficiency and the overdue list, made
offscreen with the real parts:
a reference platform on 127.0.0.1, an enrolled station with simulated devices,
real accepted cases (pages, statuses, audit). Files go to
docs/screenshots/clerk_day/{screen}_{lang}_{W}x{H}.png.
Run: `.venv/bin/python scripts/screenshots_clerk_day.py` (also from `./run screenshots`).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots" / "clerk_day"
SIZES = ((1366, 768), (1920, 1080))
LANGUAGES = ("zh_CN", "en")


def pump(cond: Callable[[], bool] = lambda: False, timeout: float = 10.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not cond() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


@dataclass(frozen=True)
class _Event:
    event_id: str
    uuid: str
    case_no: str
    status: str
    note: str
    missing_materials: tuple[str, ...]
    at: datetime


def _page_jpeg(title: str) -> bytes:
    import cv2
    import numpy as np

    img = np.full((1100, 800, 3), 245, np.uint8)
    cv2.rectangle(img, (60, 60), (740, 1040), (90, 90, 90), 3)
    cv2.putText(img, title, (110, 200), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (30, 30, 30), 4)
    for y in range(300, 1000, 60):
        cv2.line(img, (110, y), (690, y), (160, 160, 160), 2)
    ok, buf = cv2.imencode(".jpg", img)
    assert ok
    return bytes(buf)


def populate(station_dir: Path) -> None:
    """Real cases over the last ten days, some overdue, with statuses and outcomes."""
    from intake.applicant import Person
    from intake.identity import resident_id_check_digit
    from intake.submission import CapturedMaterial, Channel
    from station.clerk_day import ensure_demo_clerk
    from station.clerks import ClerkDirectory, ClerkRole
    from sync.config import load_config
    from sync.store import Store

    code = load_config(station_dir).station_code
    names = ("王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽")
    items = ("SB-001", "SB-003", "YB-001", "GJJ-001", "MZ-001", "JY-002")
    now = datetime.now(UTC)
    with Store(station_dir) as store:
        directory = ClerkDirectory(store)
        directory.add("zhangli", "张丽", "730518", role=ClerkRole.ADMIN, by="setup")
        directory.add("wangfang", "王芳", "604172", by="zhangli")
        for k in range(16):
            first17 = f"35010219{70 + k % 20:02d}0{1 + k % 9}1{k % 10}00{k % 10}"
            person = Person(
                name=names[k % len(names)], id_number=first17 + resident_id_check_digit(first17)
            )
            at = now - timedelta(days=(k * 2) // 3, minutes=37 * k)
            sha = store.put_blob(_page_jpeg(f"Page {k + 1}"))
            sub = store.accept(
                uuid=f"5c0ffee0-0000-4000-8000-{k:012d}",
                station_code=code,
                item_code=items[k % len(items)],
                catalog_version="shots",
                applicant=person,
                materials=[CapturedMaterial("M01", (sha,))],
                channel=Channel.WINDOW,
                clerk_id=("zhangli", "wangfang")[k % 2],
                now=at,
                started_at=at - timedelta(seconds=180 + 23 * k),
                queue_ticket=f"A{100 + k:03d}",
            )
            store.audit(("zhangli", "wangfang")[k % 2], "print", sub.uuid, {"document": "receipt"})
            if k % 3 != 2:
                store.mark_delivered(sub.uuid, f"P2026{k:05d}", "受理", now=at)
            if k % 3 == 0:
                store.apply_status_events(
                    [
                        _Event(f"{k}-1", sub.uuid, f"P2026{k:05d}", "审核中", "", (), at),
                        _Event(
                            f"{k}-2",
                            sub.uuid,
                            f"P2026{k:05d}",
                            "补正",
                            "身份证复印件不清晰，请补交清晰复印件",
                            ("M01",),
                            at + timedelta(hours=2),
                        ),
                    ]
                )
            elif k % 3 == 1:
                store.apply_status_events(
                    [_Event(f"{k}-1", sub.uuid, f"P2026{k:05d}", "办结", "已办结", (), at)]
                )
        store.audit("wangfang", "notice", None, {"item_code": "MZ-001"})
        store.audit("zhangli", "refuse", None, {"item_code": "GJJ-001"})
    ensure_demo_clerk(station_dir)
    # a hall queuing system's "call next" command (station/call_next.py): it answers
    # with the next queue number, as a real one would print it
    from station.clerks_config import CLERKS_SCHEMA

    CLERKS_SCHEMA.update_file(
        station_dir / "config.toml",
        {"clerks": {"call_next": [sys.executable, "-c", "print('A117')"]}},
    )


def shoot_language(station_dir: Path, language: str) -> None:
    from clerk_station.app import build_window, make_application
    from clerk_station.clerk_day_bar import ClerkDayBar
    from clerk_station.screen_lock import LockScreen
    from clerk_station.sign_in import PinChangeDialog, SignInScreen
    from station.context import open_station
    from ui_shared.tasks import TaskRunner

    app = make_application(language)
    english = language == "en"
    services = open_station(station_dir, with_engine=False)
    day = services.clerk_day
    assert day is not None
    tasks = TaskRunner()
    OUT.mkdir(parents=True, exist_ok=True)

    def save(widget: object, name: str, size: tuple[int, int]) -> None:
        pump(timeout=0.3)
        path = OUT / f"{name}_{language}_{size[0]}x{size[1]}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(f"wrote {path.relative_to(ROOT)}")

    try:
        services.clerk_id = "zhangli"
        window = build_window(services, language=language)
        window.show()
        window.start()
        bar = window.findChild(ClerkDayBar)
        assert bar is not None
        for size in SIZES:
            w, h = size
            sign_in = SignInScreen(day.directory, tasks, station_name=services.intake.station_name)
            sign_in.resize(w, h)
            sign_in.show()
            sign_in.clerk_field.setText("wangfang")
            sign_in.message.setText(
                sign_in.tr("Clerk ID or PIN is wrong. %n attempt(s) left before a lock.", "", 3)
            )
            save(sign_in, "sign_in", size)
            sign_in.close()

            window.picker.choose("SB-001")  # an item in hand: the picker beside a checklist
            window.resize(w, h)
            pump(timeout=0.5)
            save(window, "main", size)

            shoot_queue_and_sync(window, bar, save, size)

            account = day.directory.store.get_clerk("zhangli")
            assert account is not None
            pin = PinChangeDialog(day.directory, tasks, account, window)
            pin.open()
            for field, digits in ((pin.old_pin, "730518"), (pin.new_pin, "2846"),
                                  (pin.repeat, "2846")):
                field.setText(digits)
            pin.ok_button.click()  # too short: the dialog says why, in the clerk's language
            pump(lambda p=pin: bool(p.message.text()))
            save(pin, "pin_change", size)
            pin.done(0)

            lock = LockScreen(day.directory, tasks, account)
            lock.resize(w, h)
            lock.show()
            save(lock, "lock", size)
            lock.done(0)

            ledger = bar.open_ledger()
            ledger.date_from.setDate(ledger.date_from.date().addDays(-30))
            ledger.search()
            ledger.resize(min(1500, w - 40), h - 80)
            pump(lambda d=ledger: d.model.rowCount() >= 16 and not d.model.loading)
            ledger.table.selectRow(0)
            save(ledger, "ledger", size)
            detail = ledger.open_selected()
            assert detail is not None
            detail.resize(min(1200, w - 80), h - 120)
            pump(lambda d=detail: d.detail is not None)
            detail.tabs.setCurrentIndex(1)
            save(detail, "case_status", size)
            detail.tabs.setCurrentIndex(0)
            pump(
                lambda d=detail: d.preview.pixmap() is not None and not d.preview.pixmap().isNull()
            )
            save(detail, "case_pages", size)
            detail.done(0)
            ledger.done(0)

            eff = bar.open_efficiency(False)
            eff.month_button.setChecked(True)
            eff.resize(min(1300, w - 60), h - 100)
            pump(lambda d=eff: d.report is not None and d.report.since.day == 1)
            save(eff, "efficiency", size)
            eff.tabs.setCurrentWidget(eff.due)
            save(eff, "overdue", size)
            eff.done(0)

            clerks = bar.open_clerk_admin()  # zhangli is an admin: 人员管理
            clerks.resize(min(900, w - 200), min(520, h - 160))
            pump(lambda d=clerks: len(d.rows) >= 3)
            save(clerks, "clerks", size)
            clerks.done(0)
        shoot_pad(window, bar, services, save)
        window.shutdown()
        window.close()
        del english
    finally:
        tasks.shutdown()
        services.close()
        app.processEvents()


def shoot_queue_and_sync(
    window: Any, bar: Any, save: Callable[[object, str, tuple[int, int]], None],
    size: tuple[int, int],
) -> None:
    """The queue number typed and 叫号 pressed (the hook answers A117); the sync badge
    fed the engine's own events, as the engine's bridge hands them to the window: the
    second of three cases uploading, the link cut, and the upload resumed at the
    offset the platform holds (it neither falls back to 0 nor stops short of 3/3)."""
    from sync.engine.events import EventKind, SyncEvent

    bar.ticket.setText("")
    assert bar.call_next_action is not None, "config.toml [clerks] call_next is set"
    bar.call_next()
    pump(lambda: bar.ticket.text() == "A117")
    save(window, "queue_call_next", size)
    window.statusBar().clearMessage()  # the device states are back beside the badge

    sync = window.sync
    mib = 1024 * 1024
    sync._on_event(SyncEvent(EventKind.PROGRESS, done=1, total=3,
                             bytes_done=int(1.2 * mib), bytes_total=int(3.4 * mib)))
    save(window, "sync_uploading", size)
    sync._on_event(SyncEvent(EventKind.OFFLINE, code="link_down"))
    save(window, "sync_outage", size)
    sync._on_event(SyncEvent(EventKind.PROGRESS, done=1, total=3,
                             bytes_done=int(2.1 * mib), bytes_total=int(3.4 * mib)))
    save(window, "sync_resumed", size)
    sync._on_event(SyncEvent(EventKind.DELIVERED, done=3, total=3))
    save(window, "sync_delivered", size)
    sync._on_event(SyncEvent(EventKind.IDLE))


def shoot_pad(window: object, bar: object, services: object,
              save: Callable[[object, str, tuple[int, int]], None]) -> None:
    """The citizen's evaluation pad (评价器) on a 1024x600 second screen: the masked
    details during intake, the five levels after the accept, the reasons."""
    from types import SimpleNamespace

    from intake.applicant import Person
    from intake.identity import resident_id_check_digit

    first17 = "35010219700101100"
    bar.pad_action.setChecked(True)  # type: ignore[attr-defined]
    bar.toggle_pad()  # type: ignore[attr-defined]
    flow = bar.pad_flow  # type: ignore[attr-defined]
    pad = flow.pad
    pad.resize(1024, 600)
    window.picker.choose("SB-001")  # type: ignore[attr-defined]
    window.applicant_panel.applicant_changed.emit(  # type: ignore[attr-defined]
        Person(name="王建国", id_number=first17 + resident_id_check_digit(first17)))
    save(pad, "pad_details", (1024, 600))
    store = services.intake.store  # type: ignore[attr-defined]
    pending = store.pending(datetime.now(UTC) + timedelta(days=1))
    if pending:  # an accepted case of the station stands in for the one just accepted
        accepted = SimpleNamespace(submission=pending[0].submission)
        window.accepted.emit(accepted)  # type: ignore[attr-defined]
        save(pad, "pad_rating", (1024, 600))
        pad.choose_level(2)
        pad.reason_buttons["efficiency_slow"].setChecked(True)
        save(pad, "pad_reasons", (1024, 600))
    pad.close()


def main() -> int:
    sys.path.insert(0, str(ROOT))
    if len(sys.argv) == 3 and sys.argv[1] == "--station":
        station_dir, language = Path(sys.argv[2]).parent, Path(sys.argv[2]).name
        shoot_language(station_dir, language)
        return 0
    from reference_platform.server import PlatformProcess
    from yiwang.commands.setup import setup_station

    with tempfile.TemporaryDirectory(prefix="yiwang-day-shots-") as tmp:
        code = secrets.token_hex(6)
        with PlatformProcess(Path(tmp) / "platform.db", enrollment_codes=[code]) as platform:
            station = Path(tmp) / "station"
            setup_station(
                station,
                platform_url=platform.url,
                enrollment_code=code,
                station_code="S001",
                station_name="城关镇便民服务中心",
            )
            populate(station)
            for language in LANGUAGES:
                # one process per language: a Qt translator cannot be swapped cleanly
                subprocess.run(
                    [sys.executable, __file__, "--station", str(station / language)],
                    check=True,
                    env={**os.environ, "PYTHONPATH": str(ROOT)},
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
