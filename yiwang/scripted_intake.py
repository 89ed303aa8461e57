"""A scripted intake with the real parts: card over the pty, camera pipeline, store, printer.

It drives the same station intake session as the clerk window and the kiosk.

Used by `yiwang demo --headless` and by the end-to-end tests' set-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from devices.camera.pipeline import capture_page
from devices.codes import decode_codes
from devices.idcard.card import IdCardData
from devices.idcard.reader import IdCardReader
from intake.catalog import Entrance
from station.intake_service import Accepted
from station.intake_session import InlineRunner
from station.services import StationServices
from station.simulators import DemoSimulators, document_payload
from ui_shared.error_text import note_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IntakeRecord:
    accepted: Accepted
    page_hashes: list[str]
    decoded: list[str]


def read_resident_card(sims: DemoSimulators) -> IdCardData:
    """The first sample resident card placed on the simulated reader, read through the
    real GA 467 driver on its pty, and taken off again."""
    assert sims.port is not None
    card = next(c for c in sims.sample_cards() if c.card_type == "resident")
    with IdCardReader(sims.port) as reader:
        sims.place_card(card)
        data = reader.read_card()
        sims.remove_card()
    if data is None:
        raise RuntimeError("the simulated card was not found by the reader")
    return data


def run_scripted_intakes(
    services: StationServices,
    sims: DemoSimulators,
    count: int,
    *,
    say: Callable[[str], None] = print,
    read_codes: bool = True,
    stop_point: Callable[[], None] = lambda: None,
) -> list[IntakeRecord]:
    """``read_codes``: also decode the codes on each captured page for the demo's report;
    tests that need only the accepted cases leave it out (up to 0.6 CPU-s a page).
    ``stop_point`` is called before each intake and before each page is photographed
    (the demo ends there on Ctrl+C: a page costs most of a second); an intake cut
    short is abandoned as a clerk's is, its pages already stored kept unreferenced
    (`yiwang recover` counts them) and nothing accepted."""
    assert sims.port is not None
    catalog = services.catalog
    items = list(catalog.for_entrance(Entrance.PERSONAL))
    cards = [c for c in sims.sample_cards() if c.card_type == "resident"]
    records: list[IntakeRecord] = []
    with IdCardReader(sims.port) as reader:
        for n in range(count):
            stop_point()
            card = cards[n % len(cards)]
            sims.place_card(card)
            data = reader.read_card()
            if data is None:
                raise RuntimeError("the simulated card was not found by the reader")
            item = items[n % len(items)]
            # the same session the clerk window drives, with the work done inline
            session = services.new_session(InlineRunner())
            session.card_read(data)
            session.choose_item(item.code)
            decoded: list[str] = []
            for material in session.state.missing:  # the card read filed the ID card itself
                stop_point()
                sims.present_document(material.name_zh, document_payload(item.code, material.code))
                page = capture_page(sims.grab())
                if read_codes:
                    image = cv2.imdecode(np.frombuffer(page.jpeg, np.uint8), cv2.IMREAD_COLOR)
                    if image is not None:
                        pixels = image.astype(np.uint8, copy=False)
                        decoded += [c.text for c in decode_codes(pixels)]
                session.select_material(material.code)
                session.page_captured(page)
            state = session.state
            if not state.can_accept:
                why = note_text(state.note, english=True) if state.note else str(state.phase)
                raise RuntimeError(f"scripted intake of {item.code} incomplete: {why}")
            hashes = [sha for pages in state.pages.values() for sha in pages]
            session.accept_requested()
            outcome = session.state.outcome
            if outcome is None:
                failed = session.state.note
                why = note_text(failed, english=True) if failed else "?"
                raise RuntimeError(f"not accepted: {why}")
            accepted = outcome.accepted
            printed = "not printed" if outcome.print_error else "printed"
            sims.remove_card()
            say(
                f"  accepted {accepted.submission.receipt_no}  {item.name_zh}  "
                f"{accepted.receipt.applicant_label} {accepted.receipt.id_label}  "
                f"pages={len(hashes)} (codes read on {len(decoded)})  receipt {printed}"
            )
            records.append(IntakeRecord(accepted, hashes, decoded))
    return records


def run_scripted_notice(
    services: StationServices, sims: DemoSimulators, *, say: Callable[[str], None] = print
) -> str:
    """A citizen who brought only part of the materials: the numbered 一次性告知书."""
    item = services.catalog.for_entrance(Entrance.PERSONAL)[0]
    data = read_resident_card(sims)
    session = services.new_session(InlineRunner())
    session.card_read(data)
    session.choose_item(item.code)
    missing = [m.name_zh for m in session.state.missing]
    session.notice_requested()
    note = session.state.note
    if note is None or note.code != "notice.printed":
        raise RuntimeError(f"notice not printed: {note_text(note, english=True) if note else '?'}")
    say(f"  one-time notice for {item.name_zh}: {len(missing)} material(s) to bring")
    return item.code
