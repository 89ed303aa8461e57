"""Every paper the station prints, as the thermal print (PNG preview of the ESC/POS
layout) and as its A4 PDF page rendered to PNG (QtPdf), under docs/screenshots/papers/.
Called by scripts/screenshots.py with a running clerk window's services; the papers
are built from the same data the window would print."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clerk_station.a4_pages import pdf_pages
from clerk_station.paper_actions import PaperActions
from clerk_station.receipt_dialog import ReceiptDialog
from devices.printer.preview import render_preview
from devices.printer.receipt import Receipt
from intake.acceptance import Acceptance, Mode
from intake.submission import CapturedMaterial, Submission
from station.handover_paper import HandedOver, handover_acknowledgement
from station.paper import commitment_form


def shoot_papers(
    services: Any, window: Any, out: Path, pump: Callable[[Callable[[], bool]], None]
) -> list[Path]:
    intake, catalog = services.intake, services.catalog
    draft = window.draft
    folder = out / "papers"
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    today = now.date()
    pages = tuple(draft.captured_materials())
    first_page = pages[0].pages

    def submission(item_code: str, seq: int, codes: tuple[str, ...], **kw: Any) -> Submission:
        return Submission(
            uuid=f"00000000-0000-4000-8000-00000000000{seq}",
            receipt_no=f"{intake.station_code}-{now:%Y%m%d}-{seq:04d}",
            item_code=item_code,
            catalog_version=catalog.version,
            applicant=draft.applicant,
            materials=tuple(CapturedMaterial(c, first_page) for c in codes),
            channel="window",
            clerk_id="clerk",
            accepted_at=now,
            **kw,
        )

    sb1, sb2 = catalog.item("SB-001"), catalog.item("SB-002")
    plain = submission("SB-001", 1, ("M01", "M02", "M03"))
    owed = Acceptance(
        Mode.DEFICIENCY, ("M02",), catalog.calendar.add_working_days(today, sb1.deficiency_days)
    )
    deficient = submission("SB-001", 2, ("M01", "M03"), acceptance=owed)
    committed_to = Acceptance(Mode.COMMITMENT, ("M02",))
    committed = submission("SB-002", 3, ("M01", "M03", "M04"), acceptance=committed_to)
    papers = {
        "receipt": intake.receipt_for(plain, sb1, collection="window", calendar=catalog.calendar),
        "receipt_deficiency": intake.receipt_for(deficient, sb1, calendar=catalog.calendar),
        "receipt_commitment": intake.receipt_for(committed, sb2, calendar=catalog.calendar),
        "commitment_form": commitment_form(committed, sb2, committed_to, hall=intake.hall),
        "notice": intake.issue_notice(
            dataclasses.replace(draft), clerk_id="clerk", defects={"M02": "照片背景不是白色"}
        ),
        "refusal": intake.issue_refusal(draft, catalog.refusal_reasons[0], clerk_id="clerk"),
        # 办结领取确认单: the result collected by an agent, identity typed (original sighted)
        "handover": handover_acknowledgement(
            receipt_no=plain.receipt_no, case_no="SW20261203000001", item_name=sb1.name_zh,
            department=sb1.department_zh, applicant=draft.applicant,
            collector=HandedOver("agent", "王大明", "resident", "11010519491231002X", "manual",
                                 "子女"),
            hall=intake.hall, clerk_id="clerk", handed_at=now,
        ),
    }
    written = []
    for name, paper in papers.items():
        thermal = folder / f"{name}_thermal.png"
        thermal.write_bytes(render_preview(paper, 80))
        a4 = folder / f"{name}_a4.png"
        pdf = intake.a4_pdf(paper)
        pdf_pages(pdf, 794)[0].save(str(a4))
        written += [thermal, a4]
    written.append(_shoot_dialog(window, papers, out, pump))
    return written


def _shoot_dialog(
    window: Any, papers: dict[str, Receipt], out: Path, pump: Callable[[Callable[[], bool]], None]
) -> Path:
    """The outcome dialog of a 告知承诺制 accept, showing the form's A4 page."""
    shown = (papers["receipt_commitment"], papers["commitment_form"])
    dialog = ReceiptDialog(
        "已受理",
        f"已受理，回执编号 {shown[0].receipt_no}。\n告知承诺制受理",
        render_preview(shown[0], 80),
        window,
        paper_titles=[p.title for p in shown],
    )
    PaperActions(
        dialog,
        shown,
        print_receipt=lambda _p: b"",
        a4_pdf=window.services.intake.a4_pdf,
        tasks=window.tasks,
        on_error=print,
    )
    dialog.resize(720, 900)
    dialog.show()
    dialog.papers.setCurrentIndex(1)
    dialog.a4.click()
    pump(lambda: dialog.showing_a4)
    path = out / "outcome_dialog.png"
    dialog.grab().save(str(path))
    dialog.close()
    return path
