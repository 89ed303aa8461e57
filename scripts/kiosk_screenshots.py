"""Screenshots of every kiosk screen, normal and 关怀模式, for one language.

Called by scripts/screenshots.py with an enrolled station (simulated devices);
writes docs/screenshots/kiosk/<screen>_<normal|elderly>_<zh|en>.png.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("YIWANG_KIOSK_TTS", "mock")
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots" / "kiosk"


def _pump(cond: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        QApplication.processEvents()
        time.sleep(0.02)


def _settle(seconds: float = 0.3) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot_kiosk(station_dir: Path, language: str, admin: Callable[..., Any]) -> list[Path]:
    from kiosk.app import KioskApp, make_application
    from kiosk.screens.apply import CAPTURE, CONFIRM, CONTACT, DONE, REVIEW, ApplyScreen
    from kiosk.screens.evaluate import EvaluateScreen
    from kiosk.screens.guide import GuideScreen
    from kiosk.screens.maintenance import MaintenanceScreen
    from kiosk.screens.progress import ProgressScreen
    from kiosk.screens.reprint import ReprintScreen
    from station.context import open_station
    from station.kiosk_services import KioskServices

    app = make_application(language)
    station = open_station(station_dir, clerk_id="kiosk")
    services = KioskServices(station)
    kiosk = KioskApp(services, english=language == "en", voice_engine="mock")
    window = kiosk.window
    window.resize(1920, 1080)
    window.show()
    kiosk.start(windowed=True)
    lang = "zh" if language == "zh_CN" else "en"
    written: list[Path] = []
    OUT.mkdir(parents=True, exist_ok=True)

    def snap(name: str, size: tuple[int, int] = (1920, 1080)) -> None:
        """Both modes at `size` (the usual 1920x1080; a few screens also at the small
        1024x768 panel and the 1080x1920 portrait kiosk, where words run out of room)."""
        window.resize(*size)
        for elderly in (False, True):
            window.set_elderly(elderly)
            _settle(0.25)
            path = OUT / f"{name}_{'elderly' if elderly else 'normal'}_{lang}.png"
            window.grab().save(str(path))
            written.append(path)
        window.set_elderly(False)
        window.resize(1920, 1080)
        _settle(0.1)

    try:
        sims = station.simulators
        assert sims is not None
        card = sims.sample_cards()[0]
        _settle(0.5)
        snap("attract")
        window.show_screen("guide")
        snap("guide")
        guide = window.screens["guide"]
        assert isinstance(guide, GuideScreen)
        guide.show_item(services.catalog.item("SB-002"))
        snap("guide_item")
        # 办事
        window.show_screen("apply")
        apply = window.screens["apply"]
        assert isinstance(apply, ApplyScreen)
        snap("apply_choose")
        snap("apply_choose_1024x768", (1024, 768))
        # 按拼音首字母查找: S B K on the letter keys
        apply.search.toggle.click()
        _pump(lambda: apply.search.initials_ready)
        for letter in "sbk":
            apply.search.type_letter(letter)
        snap("apply_choose_initials")
        snap("apply_choose_initials_1024x768", (1024, 768))
        apply.search.reset()
        apply.item_buttons["YB-001"].click()
        snap("apply_identify")
        sims.place_card(card)
        _pump(lambda: apply.steps.currentIndex() == CONFIRM)
        snap("apply_confirm")
        # the card taken out before the visit is over: 您的身份证已取出
        sims.remove_card()
        _pump(lambda: window.card_away_shown)
        snap("card_removed")
        sims.place_card(card)
        _pump(lambda: not window.card_away_shown)
        apply.yes.click()
        _pump(lambda: apply.steps.currentIndex() == CAPTURE and apply.capture.preview.page_detected)
        # while in this step the camera keeps capturing: one picture is enough
        window.grab().save(str(OUT / f"apply_capture_normal_{lang}.png"))
        written.append(OUT / f"apply_capture_normal_{lang}.png")
        _pump(lambda: apply.steps.currentIndex() == CONTACT, 120)
        for d in "13905712345":
            apply.contact.keypad.press(d)
        snap("apply_contact")
        snap("apply_contact_1024x768", (1024, 768))
        snap("apply_contact_portrait", (1080, 1920))
        # 邮寄送达: the review page asks where to (the card's address, masked, or a call)
        apply.contact.methods["post"].click()
        apply.contact.keypad.ok_key.click()
        _pump(lambda: apply.steps.currentIndex() == REVIEW)
        snap("apply_review")
        snap("apply_review_1024x768", (1024, 768))
        apply.submit.click()
        _pump(lambda: apply.steps.currentIndex() == DONE)
        snap("apply_done")
        outcome = apply.session.state.outcome
        assert outcome is not None
        window.reset_to_attract()
        snap("attract_card_left")
        sims.remove_card()
        _pump(lambda: not window.card_present)
        # the department finishes it; progress and evaluation see it
        engine = station.engine
        assert engine is not None
        engine.run_once()
        admin("POST", f"/v1/admin/submissions/{outcome.accepted.submission.uuid}/status",
              json={"status": "补正", "note": "请补充户口簿本人页",
                    # M99: a code this catalog does not know, said as 其他材料（M99）
                    "missing_materials": ["M02", "M99"]})
        engine.run_once()
        window.show_screen("progress")
        snap("progress")
        progress = window.screens["progress"]
        assert isinstance(progress, ProgressScreen)
        progress.on_scan(outcome.accepted.receipt.qr_payload)
        _pump(lambda: bool(progress.cases.cards))
        snap("progress_result")
        snap("progress_result_1024x768", (1024, 768))
        window.show_screen("reprint")
        snap("reprint")
        # the citizen's own receipt and 一次性告知书 after the card (the notice as the
        # window issues it to the card's holder)
        from intake.submission import Draft

        station.intake.issue_notice(
            Draft(item=services.catalog.item("SB-003"),
                  applicant=services.person_from_card(card)), clerk_id="clerk")
        reprint = window.screens["reprint"]
        assert isinstance(reprint, ReprintScreen)
        sims.place_card(card)
        _pump(lambda: len(reprint.cases.buttons) >= 2)
        snap("reprint_own")
        window.reset_to_attract()
        sims.remove_card()
        _pump(lambda: not window.card_present)
        admin("POST", f"/v1/admin/submissions/{outcome.accepted.submission.uuid}/status",
              json={"status": "办结"})
        engine.run_once()
        window.show_screen("evaluate")
        evaluate = window.screens["evaluate"]
        assert isinstance(evaluate, EvaluateScreen)
        sims.place_card(card)
        _pump(lambda: bool(evaluate.cases.buttons))
        evaluate.cases.buttons[0].click()
        evaluate.rating_buttons[2].click()
        snap("evaluate")
        snap("evaluate_1024x768", (1024, 768))
        window.reset_to_attract()
        sims.remove_card()
        _pump(lambda: not window.card_present)
        window.show_screen("progress")
        window.overlay.show_seconds(15)
        snap("countdown")
        window.overlay.hide()
        window.show_screen("pin")
        snap("pin")
        window.show_screen("maintenance")
        maintenance = window.current
        assert isinstance(maintenance, MaintenanceScreen)
        maintenance.buttons["diagnostics"].click()  # each device checked for real
        _pump(lambda: maintenance.diagnoses > 0)
        snap("maintenance")
        # a catalog of hundreds of kiosk items: 办事 shows them a page at a time
        from tests.kiosk.big_catalog import big_catalog

        catalog = big_catalog(services.catalog, 400)
        services.set_catalog(catalog)
        apply.session.set_catalog(catalog)
        window.show_screen("apply")
        apply.items.next.click()
        snap("apply_choose_pages")
    finally:
        kiosk.shutdown()
        station.close()
        del app
    return written
