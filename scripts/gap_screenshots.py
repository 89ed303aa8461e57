"""Screenshots of the window-intake gaps closed after issue #11 (called by
scripts/followup_screenshots.py with its running station, zh_CN): the 电子证照 dialog
filtered to the selected material (and when nothing fits), a 告知承诺制 case with the
signed-form capture, a 容缺受理 case past its day on the case view and on the overdue
list, under docs/screenshots/followup/ (the licence dialog under docs/screenshots/)."""

from __future__ import annotations

import os
import uuid as uuidlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import cv2

from clerk_station.case_detail import CaseDetailDialog
from clerk_station.efficiency_view import EfficiencyDialog
from clerk_station.licence_controller import LicenceDialog
from devices.camera.synthetic import render_document
from intake.acceptance import Acceptance, Mode
from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from station.licences import ElectronicLicence

Pump = Callable[..., None]


def _licence(kind: str, title: str, issuer: str, number: str) -> ElectronicLicence:
    return ElectronicLicence(
        licence_id=f"EL-{kind}", kind=kind, title=title, number=number, issuer=issuer,
        issued_on="2015-04-11", valid_until=None, holder="王*国", page_sha256="0" * 64,
        page_bytes=1, sample=True,
    )  # fmt: skip


def shoot_licence_dialogs(out: Path, pump: Pump) -> list[Path]:
    hukou = _licence(
        "hukou", "居民户口簿（常住人口登记卡）",
        "演示县公安局城关派出所户籍管理与居民身份证办理窗口", "演示HU12345678",
    )  # fmt: skip
    fits = LicenceDialog("参保人居民身份证或户口簿")
    fits.resize(520, 380)
    fits.show_licences([hukou], 3)
    fits.list.setCurrentRow(0)
    fits.show()
    pump(timeout=0.3)
    first = out / "licence_dialog.png"
    fits.grab().save(str(first))
    fits.done(0)
    none = LicenceDialog("出生医学证明（新生儿参保时）")
    none.resize(520, 300)
    none.show_licences([], 3)
    none.show()
    pump(timeout=0.3)
    second = out / "licence_dialog_none_fits.png"
    none.grab().save(str(second))
    none.done(0)
    return [first, second]


def _accept(services: Any, item: str, codes: tuple[str, ...], acceptance: Acceptance,
            at: datetime) -> str:
    store = services.intake.store
    shas = [store.put_blob(os.urandom(3000) + bytes([i])) for i in range(len(codes))]
    sub = store.accept(
        uuid=str(uuidlib.uuid4()), station_code="S001", item_code=item, catalog_version="shots",
        applicant=Person(name="王建国", id_number="11010519491231002X"),
        materials=[CapturedMaterial(c, (s,)) for c, s in zip(codes, shas, strict=True)],
        channel=Channel.WINDOW, clerk_id="zhangli", now=at, acceptance=acceptance,
    )  # fmt: skip
    return str(sub.uuid)


def shoot_case_gaps(services: Any, out: Path, tmp: Path, pump: Pump) -> list[Path]:
    day, engine = services.clerk_day, services.engine
    written = []
    now = datetime.now(UTC)
    committed = _accept(services, "SB-002", ("M01", "M03", "M04"),
                        Acceptance(Mode.COMMITMENT, ("M02",)), now)  # fmt: skip
    engine.run_once()
    detail = CaseDetailDialog(day, committed, "zhangli")
    detail.resize(1100, 640)
    detail.show()
    panel = detail.followup
    pump(lambda: detail.detail is not None and panel.commitment_button.isVisible())
    written.append(out / "case_commitment_zh_CN.png")
    detail.grab().save(str(written[-1]))
    form = panel.open_commitment_form()
    shot = render_document("告知承诺书", "YWDOC|signed", seed=6, blur=0.6, noise=2.0,
                           glare=False)  # fmt: skip
    photo = tmp / "signed.png"
    cv2.imwrite(str(photo), shot.image)
    form.import_files([photo])
    pump(lambda: bool(form.pages))
    written.append(out / "commitment_form_dialog_zh_CN.png")
    form.grab().save(str(written[-1]))
    form.done(0)
    detail.done(0)

    today = now.date()
    owing = _accept(services, "SB-001", ("M01", "M03"),
                    Acceptance(Mode.DEFICIENCY, ("M02",), today - timedelta(days=8)),
                    now - timedelta(days=14))  # fmt: skip
    owed = CaseDetailDialog(day, owing, "zhangli")
    owed.resize(1100, 640)
    owed.show()
    pump(lambda: owed.detail is not None and owed.owed.isVisible())
    written.append(out / "case_owed_zh_CN.png")
    owed.grab().save(str(written[-1]))
    owed.done(0)
    overdue = EfficiencyDialog(day, show_due=True)
    overdue.show()
    pump(lambda: overdue.report is not None)
    overdue.tabs.setCurrentWidget(overdue.owed)
    pump(timeout=0.3)
    written.append(out / "overdue_owed_zh_CN.png")
    overdue.grab().save(str(written[-1]))
    overdue.done(0)
    return written
