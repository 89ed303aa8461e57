"""The card read satisfies the ID-card material where the item allows it: a
身份证信息 page rendered from the chip data is filed, not a photo of the card."""

from __future__ import annotations

from datetime import datetime

import cv2
import numpy as np

from devices.idcard.simulator import sample_cards
from devices.printer.receipt import CST
from intake.applicant import Person
from intake.catalog import Catalog
from station.card_page import card_rows, render_card_page
from station.intake_service import IntakeService
from station.intake_session import InlineRunner, IntakeSession
from sync.store import Store


def test_rendered_page_is_an_a4_jpeg_with_the_chip_data() -> None:
    card = sample_cards()[0]
    jpeg = render_card_page(card, read_at=datetime(2026, 12, 1, 9, 30, tzinfo=CST), station="测试")
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert image is not None and image.shape == (2339, 1654)
    assert image.min() == 0 and image.mean() > 200  # black text on white paper
    rows = dict(card_rows(card))
    assert rows["公民身份号码"] == card.id_number and rows["姓名"] == card.name


def test_card_read_files_the_id_card_material_once(
    intake: IntakeService, catalog: Catalog, store: Store
) -> None:
    session = IntakeSession(intake, catalog, InlineRunner())
    card = sample_cards()[0]
    session.choose_item("SB-001")
    assert catalog.item("SB-001").material("M01").card_read
    session.card_read(card)
    [sha] = session.state.pages["M01"]
    assert session.state.note is not None and session.state.note.code == "card.page_filed"
    with store.open_blob(sha) as f:
        assert f.read(2) == b"\xff\xd8"
    session.card_read(card)  # read again: still one page
    assert session.state.pages["M01"] == (sha,)
    session.page_removed("M01", sha)  # the clerk prefers a photo: the card page can go
    assert "M01" not in session.state.pages


def test_no_card_page_for_typed_identities_agents_or_items_without_the_flag(
    intake: IntakeService, catalog: Catalog
) -> None:
    session = IntakeSession(intake, catalog, InlineRunner())
    session.choose_item("SB-001")
    card = sample_cards()[0]
    session.person_typed(Person(card.name, card.id_number), sighted=True)
    assert session.state.pages == {}
    session.agent_requested("子女")
    session.card_read(sample_cards()[1])  # the agent's card
    assert session.state.agent is not None and session.state.pages == {}

    session.reset()
    session.choose_item("SB-102")  # a legal item whose materials have no card_read flag
    session.card_read(card)
    assert session.state.pages == {}
