"""Screenshots of the clerk station for the README, made offscreen with the real parts.

Starts the reference platform, enrolls a station with simulated devices, reads
a simulated ID card (which files the ID-card material by itself), chooses an
item, captures one more material, and grabs the window in Chinese and in
English, plus the receipt, one-time-notice and refusal previews, every paper as its
thermal print and A4 PDF page (docs/screenshots/papers/, scripts/paper_screenshots.py),
the page viewer, the manual-entry dialog and the case list.
Then every kiosk screen, normal and 关怀模式, in both languages
(scripts/kiosk_screenshots.py, under docs/screenshots/kiosk/).
Run: `./run screenshots` (QT_QPA_PLATFORM=offscreen); `--kiosk-only` for the kiosk alone,
`--clerk-only` without the kiosk.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def pump_until(cond: Callable[[], bool], timeout: float = 20.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        QApplication.processEvents()
        time.sleep(0.02)


def shoot(station_dir: Path, language: str, name: str) -> None:
    from clerk_station.app import build_window, make_application
    from devices.printer.preview import render_preview
    from station.context import open_station

    app = make_application(language)
    services = open_station(station_dir)
    window = build_window(services, language=language)
    window.resize(1440, 900)
    window.show()
    window.start()
    try:
        sims = services.simulators
        assert sims is not None
        sims.place_card(sims.sample_cards()[1])
        pump_until(lambda: window.session.state.person is not None)
        item = window.picker.choose("SB-003")
        pump_until(lambda: bool(window.session.state.pages.get("M01")))  # the card page
        stored: list[str] = []
        window.page_stored.connect(lambda code, sha: stored.append(sha))
        window.materials_panel.select_row(1)
        time.sleep(0.3)
        pump_until(lambda: window.preview.page_detected)
        pump_until(window.capture_button.isEnabled)
        window.capture()
        pump_until(lambda: len(stored) >= 1)
        window.session.phone_entered("13800138000")
        window.applicant_panel.phone.setText("138 0013 8000")
        window.materials_panel.select_row(2)
        pump_until(lambda: window.preview.page_detected)
        pump_until(lambda: window.sync_badge.online is not None)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / f"{name}.png"))
        print(f"wrote {OUT / name}.png ({item.code})")
        if language == "zh_CN":
            receipt = services.intake.receipt_for(
                _sample_submission(services, window),
                item,
                collection="post",
                calendar=services.catalog.calendar,
            )
            (OUT / "receipt.png").write_bytes(render_preview(receipt, 80))
            print(f"wrote {OUT / 'receipt.png'}")
            notice = services.intake.issue_notice(
                window.draft, clerk_id="clerk", defects={"M02": "照片背景不是白色"}
            )
            (OUT / "notice.png").write_bytes(render_preview(notice, 80))
            print(f"wrote {OUT / 'notice.png'}")
            refusal = services.intake.issue_refusal(
                window.draft, services.catalog.refusal_reasons[0], clerk_id="clerk"
            )
            (OUT / "refusal.png").write_bytes(render_preview(refusal, 80))
            print(f"wrote {OUT / 'refusal.png'}")
            from paper_screenshots import shoot_papers  # scripts/ is on sys.path

            for path in shoot_papers(services, window, OUT, pump_until):
                print(f"wrote {path}")
            _shoot_page_viewer(window)
            _shoot_manual_entry(window)
            _shoot_case_list(services, window)
    finally:
        window.shutdown()
        window.close()
        services.close()


def _shoot_page_viewer(window: object) -> None:
    """The captured page large, zoomed in and turned a quarter (keyboard: + and R)."""
    from PySide6.QtWidgets import QApplication

    strip = window.capturing.strip  # type: ignore[attr-defined]
    window.session.select_material("M02")  # type: ignore[attr-defined]
    pump_until(lambda: strip.list.count() > 0)
    viewer = strip.open_viewer()
    pump_until(lambda: viewer.image is not None)
    viewer.zoom_in()
    viewer.rotate(90)
    for _ in range(10):
        QApplication.processEvents()
        time.sleep(0.02)
    viewer.grab().save(str(OUT / "page_viewer.png"))
    print(f"wrote {OUT / 'page_viewer.png'}")
    viewer.close()


def _shoot_manual_entry(window: object) -> None:
    """The dialog a clerk types an identity into when the reader is missing."""
    from intake.identity import resident_id_check_digit

    dialog = window.open_manual_entry(agent=False)  # type: ignore[attr-defined]
    dialog.kind.setCurrentIndex(dialog.kind.findData("household_register"))
    dialog.name.setText("王小明")
    number = "11010520180315002"
    dialog.number.setText(number + resident_id_check_digit(number))
    dialog.sighted.setChecked(True)
    pump_until(lambda: dialog.isVisible())
    dialog.grab().save(str(OUT / "manual_entry.png"))
    print(f"wrote {OUT / 'manual_entry.png'}")
    dialog.reject()


def _shoot_case_list(services: object, window: object) -> None:
    """Accept two intakes (one the platform 'refused'), then show the case list."""
    from PySide6.QtWidgets import QApplication

    from yiwang.scripted_intake import run_scripted_intakes

    window._poller.stop()  # type: ignore[attr-defined]  # free the card reader for the script
    sims = services.simulators  # type: ignore[attr-defined]
    records = run_scripted_intakes(services, sims, 2, say=lambda _m: None)  # type: ignore[arg-type]
    store = services.intake.store  # type: ignore[attr-defined]
    store.quarantine(records[0].accepted.submission.uuid,
                     "平台拒绝：同一办件编号的内容与已上报的不一致，请联系技术人员")
    services.engine.run_once()  # type: ignore[attr-defined]
    window.open_case_list()  # type: ignore[attr-defined]
    dialog = window.case_list  # type: ignore[attr-defined]
    pump_until(lambda: dialog.model.rowCount() == 2)
    dialog.table.selectRow(1)
    for _ in range(10):
        QApplication.processEvents()
        time.sleep(0.02)
    dialog.grab().save(str(OUT / "cases.png"))
    print(f"wrote {OUT / 'cases.png'}")


def _sample_submission(services: object, window: object) -> object:
    from datetime import UTC, datetime

    from intake.submission import Submission

    draft = window.draft  # type: ignore[attr-defined]
    return Submission(
        uuid="00000000-0000-4000-8000-000000000000",
        receipt_no=f"{services.intake.station_code}-20261125-0007",  # type: ignore[attr-defined]
        item_code=draft.item.code,
        catalog_version="screenshot",
        applicant=draft.applicant,
        materials=tuple(draft.captured_materials()),
        channel="window",
        clerk_id="clerk",
        accepted_at=datetime.now(UTC),
    )


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from reference_platform.server import PlatformProcess
    from yiwang.commands.setup import setup_station

    with tempfile.TemporaryDirectory(prefix="yiwang-shots-") as tmp:
        code_zh, code_en = secrets.token_hex(6), secrets.token_hex(6)
        db = Path(tmp) / "platform" / "platform.db"
        with PlatformProcess(db, enrollment_codes=[code_zh, code_en]) as platform:
            clerk = [] if "--kiosk-only" in sys.argv else [
                (code_zh, "zh_CN", "clerk", "S001"), (code_en, "en", "clerk_en", "S002")]
            for code, lang, name, station_code in clerk:
                station = Path(tmp) / name
                setup_station(station, platform_url=platform.url, enrollment_code=code,
                              station_code=station_code, station_name="城关镇便民服务中心")
                shoot(station, lang, name)
            if "--clerk-only" not in sys.argv:
                _kiosk_screens(Path(tmp), platform)
    return 0


def _kiosk_screens(tmp: Path, platform: object) -> None:
    from kiosk_screenshots import shoot_kiosk  # scripts/ is on sys.path when run as a script

    from tests.helpers.platform_admin import admin_json_caller
    from yiwang.commands.setup import setup_station

    with admin_json_caller(platform) as admin:  # type: ignore[arg-type]
        for lang in ("zh_CN", "en"):
            code = secrets.token_hex(6)
            admin("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
            station = tmp / f"kiosk_{lang}"
            setup_station(station, platform_url=platform.url,  # type: ignore[attr-defined]
                          enrollment_code=code, station_code="K001" if lang == "zh_CN" else "K002",
                          station_name="城关镇便民服务中心", role="kiosk")
            for path in shoot_kiosk(station, lang, admin):
                print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
