"""Screenshots of closing the loop (issue #11), offscreen, with the real parts: a case
the department sent back for 补正 (its note and requested materials on the case), the
supplement dialog with an imported page, the handover dialog, and the printed 办结领取确认单.
Files go to docs/screenshots/followup/. Run: `.venv/bin/python scripts/followup_screenshots.py`.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
import uuid as uuidlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots" / "followup"


def pump(cond: Callable[[], bool] = lambda: False, timeout: float = 15.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not cond() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    import cv2
    import requests

    from clerk_station.app import make_application
    from clerk_station.case_detail import CaseDetailDialog
    from devices.camera.synthetic import render_document
    from devices.printer.preview import render_preview
    from intake.applicant import Person
    from intake.identity import resident_id_check_digit
    from intake.submission import CapturedMaterial, Channel
    from reference_platform.server import PlatformProcess
    from station.context import open_station
    from station.handover_paper import HandedOver, handover_acknowledgement
    from yiwang.commands.setup import setup_station

    agent_id = "11010519800101001" + resident_id_check_digit("11010519800101001")
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application("zh_CN")
    with tempfile.TemporaryDirectory(prefix="yiwang-followup-shots-") as tmp:
        code = secrets.token_hex(6)
        with PlatformProcess(Path(tmp) / "platform.db", enrollment_codes=[code]) as platform:
            station = Path(tmp) / "station"
            setup_station(station, platform_url=platform.url, enrollment_code=code,
                          station_code="S001", station_name="城关镇便民服务中心")
            http = requests.Session()
            http.trust_env = False
            http.headers["Authorization"] = f"Bearer {platform.admin_token}"
            services = open_station(station, with_engine=True)
            try:
                day, engine, store = services.clerk_day, services.engine, services.intake.store
                assert day is not None and day.followup is not None and engine is not None
                person = Person(name="王建国", id_number="11010519491231002X")
                shas = [store.put_blob(os.urandom(3000) + bytes([i])) for i in range(3)]
                sub = store.accept(
                    uuid=str(uuidlib.uuid4()), station_code="S001", item_code="SB-001",
                    catalog_version="shots", applicant=person,
                    materials=[CapturedMaterial(f"M0{i + 1}", (s,)) for i, s in enumerate(shas)],
                    channel=Channel.WINDOW, clerk_id="zhangli", now=datetime.now(UTC),
                    collection="window",
                )
                engine.run_once()
                http.post(f"{platform.url}/v1/admin/submissions/{sub.uuid}/status", json={
                    "status": "补正", "note": "户口簿本人页不清晰，请补交清晰的本人页",
                    "missing_materials": ["M02"]}, timeout=10).raise_for_status()
                engine.run_once()
                detail = CaseDetailDialog(day, sub.uuid, "zhangli")
                detail.resize(1100, 640)
                detail.show()
                panel = detail.followup
                assert panel is not None
                pump(lambda: detail.detail is not None and panel.supplement_button.isVisible())
                detail.grab().save(str(OUT / "case_supplement_request_zh_CN.png"))
                sup = panel.open_supplement()
                assert sup is not None
                shot = render_document("居民户口簿", "YWDOC|shot", seed=4, blur=0.6, noise=2.0,
                                       glare=False)
                photo = Path(tmp) / "page.png"
                cv2.imwrite(str(photo), shot.image)
                sup.import_files([photo])
                pump(lambda: bool(sup.pages))
                sup.grab().save(str(OUT / "supplement_dialog_zh_CN.png"))
                sup.done(0)
                http.post(f"{platform.url}/v1/admin/submissions/{sub.uuid}/status",
                          json={"status": "办结", "note": "已办结"}, timeout=10).raise_for_status()
                engine.run_once()
                panel.refresh()
                pump(lambda: panel.handover_button.isVisible())
                hand = panel.open_handover()
                assert hand is not None
                hand.role.setCurrentIndex(1)
                hand.relation.setCurrentText("子女")
                hand.name.setText("王小明")
                hand.id_number.setText(agent_id)
                hand.sighted.setChecked(True)
                hand._changed()
                pump(timeout=0.3)
                hand.grab().save(str(OUT / "handover_dialog_zh_CN.png"))
                hand.done(0)
                detail.done(0)
                paper = handover_acknowledgement(
                    receipt_no=sub.receipt_no, case_no="SW20261203000001",
                    item_name="城乡居民基本养老保险参保登记", department="县人力资源和社会保障局",
                    applicant=person, collector=HandedOver("agent", "王小明", "resident",
                                                           agent_id, "manual", "子女"),
                    hall=services.intake.hall, clerk_id="zhangli", handed_at=datetime.now(UTC),
                )
                (OUT / "handover_acknowledgement.png").write_bytes(render_preview(paper))
                from gap_screenshots import shoot_case_gaps, shoot_licence_dialogs

                shoot_case_gaps(services, OUT, Path(tmp), pump)
                for path in shoot_licence_dialogs(OUT.parent, pump):
                    print(f"wrote {path.relative_to(ROOT)}")
            finally:
                services.close()
                app.processEvents()
    for name in sorted(OUT.iterdir()):
        print(f"wrote {name.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
