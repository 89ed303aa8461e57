"""A scripted intake with the real parts: card over the pty, camera pipeline, store, printer.

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
from devices.idcard.reader import IdCardReader
from intake.catalog import Entrance
from intake.submission import Channel, Draft
from station.card_mapping import person_from_card
from station.intake_service import Accepted
from station.services import StationServices
from station.simulators import DemoSimulators, document_payload

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IntakeRecord:
    accepted: Accepted
    page_hashes: list[str]
    decoded: list[str]


def run_scripted_intakes(
    services: StationServices,
    sims: DemoSimulators,
    count: int,
    *,
    say: Callable[[str], None] = print,
) -> list[IntakeRecord]:
    assert sims.port is not None
    catalog = services.catalog
    items = list(catalog.for_entrance(Entrance.PERSONAL))
    cards = [c for c in sims.sample_cards() if c.card_type == "resident"]
    records: list[IntakeRecord] = []
    with IdCardReader(sims.port) as reader:
        for n in range(count):
            card = cards[n % len(cards)]
            sims.place_card(card)
            data = reader.read_card()
            if data is None:
                raise RuntimeError("the simulated card was not found by the reader")
            person = person_from_card(data)
            item = items[n % len(items)]
            draft = Draft(item=item, applicant=person)
            hashes: list[str] = []
            decoded: list[str] = []
            for material in item.required_materials:
                sims.present_document(material.name_zh, document_payload(item.code, material.code))
                page = capture_page(sims.grab())
                image = cv2.imdecode(np.frombuffer(page.jpeg, np.uint8), cv2.IMREAD_COLOR)
                if image is not None:
                    decoded += [c.text for c in decode_codes(image.astype(np.uint8, copy=False))]
                sha = services.intake.store_page(page.jpeg)
                draft.add_page(material.code, sha)
                hashes.append(sha)
            accepted = services.intake.accept(
                draft,
                channel=Channel.WINDOW,
                clerk_id=services.clerk_id,
                catalog_version=catalog.version,
            )
            sent = services.intake.print_receipt(accepted.receipt)
            sims.remove_card()
            say(
                f"  accepted {accepted.submission.receipt_no}  {item.name_zh}  "
                f"{accepted.receipt.applicant_label} {accepted.receipt.id_label}  "
                f"pages={len(hashes)}  codes={len(decoded)}/{len(hashes)} receipt={len(sent)}B"
            )
            records.append(IntakeRecord(accepted, hashes, decoded))
    return records
