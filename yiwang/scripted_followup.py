"""The closing-the-loop part of `yiwang demo --headless` (issue #11): a refusal at the
window, then — with the reference platform playing the department — a 补正 request
answered by a supplement page added to the existing case, and the finished result
handed over to the applicant identified by the card reader. Each outcome goes through
the station's durable queue and the sync engine; the platform is then asked whether
it holds each exactly once.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from typing import Any

from devices.camera.pipeline import capture_page
from intake.catalog import Entrance
from station.card_mapping import person_from_card
from station.handover_paper import HandedOver
from station.intake_session import InlineRunner
from station.services import StationServices
from station.simulators import DemoSimulators, document_payload
from ui_shared.error_text import note_text
from yiwang.scripted_intake import read_resident_card

Say = Callable[[str], None]


def run_scripted_refusal(services: StationServices, sims: DemoSimulators, *, say: Say) -> str:
    """An application the window may not accept: the numbered 不予受理通知书, queued for
    the platform like any other outcome."""
    item = services.catalog.for_entrance(Entrance.PERSONAL)[-1]
    data = read_resident_card(sims)
    reason = services.catalog.refusal_reasons[0]
    session = services.new_session(InlineRunner())
    session.card_read(data)
    session.choose_item(item.code)
    session.refusal_requested(reason.code)
    number = session.state.refusal_no
    if not number:
        note = session.state.note
        raise RuntimeError(f"refusal not printed: {note_text(note, english=True) if note else '?'}")
    say(f"  refusal {number} for {item.name_zh}: {reason.reason_zh}")
    return number


def _admin(url: str, token: str, method: str, path: str, body: Any = None) -> Any:
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(
        f"{url}{path}", data=data, method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:  # loopback only
        return json.loads(resp.read().decode("utf-8"))


def close_the_loop(services: StationServices, sims: DemoSimulators, platform: Any,
                   uuid: str, refusal_no: str, *, say: Say) -> bool:
    """补正 → supplement, 办结 → handover, each delivered and checked on the platform."""
    engine, day = services.engine, services.clerk_day
    assert engine is not None and day is not None and day.followup is not None
    followup, store = day.followup, services.intake.store
    url, token = platform.url, platform.admin_token
    item = services.catalog.item(store.get(uuid).submission.item_code)
    wanted = item.materials[-1]
    _admin(url, token, "POST", f"/v1/admin/submissions/{uuid}/status",
           {"status": "补正", "note": f"{wanted.name_zh}不清晰，请补交",
            "missing_materials": [wanted.code]})
    engine.run_once()
    view = followup.view(uuid)
    asked = "、".join(name for _, name in view.request.materials) if view.request else "—"
    say(f"  department asks for 补正 on {view.receipt_no}: {asked}")
    sims.present_document(wanted.name_zh, document_payload(item.code, wanted.code))
    sha = followup.store_page(capture_page(sims.grab()).jpeg)
    sup = followup.add_supplement(uuid, [(wanted.code, sha)], clerk_id=services.clerk_id)
    engine.run_once()
    engine.run_once()  # a second pass must send nothing again
    held = _admin(url, token, "GET", f"/v1/admin/supplements?submission={uuid}")
    sup_ok = [h["uuid"] for h in held] == [sup] and all(b["verified"] for b in held[0]["blobs"])
    say(f"  supplement {sup[:8]} (1 page) delivered; platform holds {len(held)} supplement(s)")

    _admin(url, token, "POST", f"/v1/admin/submissions/{uuid}/status",
           {"status": "办结", "note": "已办结，请领取"})
    engine.run_once()
    person = person_from_card(read_resident_card(sims))
    done = followup.hand_over(uuid, HandedOver("applicant", person.name, person.id_kind,
                                               person.id_number, "card"),
                              clerk_id=services.clerk_id)
    printed = "printed" if done.printed else f"not printed ({done.print_error})"
    engine.run_once()
    outcomes: list[dict[str, Any]] = _admin(url, token, "GET", "/v1/admin/outcomes")
    handovers = [o for o in outcomes if o["submission_uuid"] == uuid]
    refusals = [o for o in outcomes if o["kind"] == "refusal" and o["reference"] == refusal_no]
    status = _admin(url, token, "GET", f"/v1/admin/submissions/{uuid}")["status"]
    say(f"  handover of {view.receipt_no} recorded, acknowledgement {printed}; "
        f"platform holds {len(handovers)} handover(s), case status {status}")
    say(f"  platform holds refusal {refusal_no}: {len(refusals)} time(s)")
    return sup_ok and len(handovers) == 1 and len(refusals) == 1 and status == "已领取"
