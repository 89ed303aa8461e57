"""The acceptance modes in `yiwang demo --headless`: a 容缺受理 (a non-key material owed
by a date on the receipt) and a 告知承诺制 acceptance (the applicant's commitment stands
in for a material; the signed 告知承诺书 is then captured back into the case, P10).
Each drives the same intake session as the clerk window, goes through the durable queue
and the sync engine, and the platform is asked whether it holds each exactly once with
its acceptance mode, and the signed form once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.camera.pipeline import capture_page
from intake.acceptance import Mode
from intake.catalog import ServiceItem
from station.intake_service import Accepted
from station.intake_session import InlineRunner
from station.services import StationServices
from station.simulators import DemoSimulators, document_payload
from ui_shared.error_text import note_text
from yiwang.scripted_followup import _admin
from yiwang.scripted_intake import read_resident_card

Say = Callable[[str], None]


def _fits(item: ServiceItem, mode: Mode) -> bool:
    """The item has a required material the mode may leave out."""
    if mode is Mode.DEFICIENCY:
        return any(m.required and not m.key and not m.card_read for m in item.materials)
    return any(m.required and m.commitment and not m.card_read for m in item.materials)


def _accept_in_mode(services: StationServices, sims: DemoSimulators, mode: Mode) -> Accepted:
    item = next(it for it in services.catalog.items if _fits(it, mode))
    data = read_resident_card(sims)
    session = services.new_session(InlineRunner())
    session.card_read(data)
    session.choose_item(item.code)
    left_out = next(
        m for m in session.state.missing
        if (not m.key if mode is Mode.DEFICIENCY else m.commitment)
    )  # fmt: skip
    for material in session.state.missing:
        if material.code == left_out.code:
            continue
        sims.present_document(material.name_zh, document_payload(item.code, material.code))
        session.select_material(material.code)
        session.page_captured(capture_page(sims.grab()))
    if mode is Mode.DEFICIENCY:
        session.deficiency_accept_requested()
    else:
        session.commitment_accept_requested()
    outcome = session.state.outcome
    if outcome is None:
        note = session.state.note
        why = note_text(note, english=True) if note else "?"
        raise RuntimeError(f"{mode.value} not accepted: {why}")
    return outcome.accepted


def run_acceptance_modes(
    services: StationServices, sims: DemoSimulators, platform: Any, *, say: Say
) -> bool:
    """容缺受理 and 告知承诺制, each delivered once with its mode; the signed form once."""
    engine, day = services.engine, services.clerk_day
    assert engine is not None and day is not None and day.followup is not None
    url, token = platform.url, platform.admin_token
    owed = _accept_in_mode(services, sims, Mode.DEFICIENCY)
    committed = _accept_in_mode(services, sims, Mode.COMMITMENT)
    engine.run_once()
    engine.run_once()  # a second pass must send nothing again
    held = [s["uuid"] for s in _admin(url, token, "GET", "/v1/admin/submissions")]
    ok = True
    for accepted, mode in ((owed, Mode.DEFICIENCY), (committed, Mode.COMMITMENT)):
        sub = accepted.submission
        times = held.count(sub.uuid)
        manifest = _admin(url, token, "GET", f"/v1/admin/submissions/{sub.uuid}")["manifest"]
        doc = (manifest or {}).get("acceptance") or {}
        same = doc.get("mode") == mode.value and doc.get("materials") == list(
            sub.acceptance.materials if sub.acceptance else ())
        due = f" by {doc['due']}" if doc.get("due") else ""
        say(f"  {mode.label_zh} {sub.receipt_no}: {', '.join(doc.get('materials', []))}{due}; "
            f"platform holds it {times} time(s), acceptance recorded: {same}")  # fmt: skip
        ok = ok and times == 1 and same

    # the applicant signs the printed 告知承诺书; the clerk captures it into the case
    uuid = committed.submission.uuid
    sims.present_document("告知承诺书", document_payload(committed.submission.item_code, "CF"))
    sha = day.followup.store_page(capture_page(sims.grab()).jpeg)
    form = day.followup.add_commitment_form(uuid, [sha], clerk_id=services.clerk_id)
    engine.run_once()
    engine.run_once()
    sups = _admin(url, token, "GET", f"/v1/admin/supplements?submission={uuid}")
    form_ok = [(s["uuid"], s["purpose"]) for s in sups] == [(form, "commitment_form")]
    say(f"  signed 告知承诺书 for {committed.submission.receipt_no} delivered; "
        f"platform holds {len(sups)} commitment form(s)")  # fmt: skip
    return ok and form_ok
