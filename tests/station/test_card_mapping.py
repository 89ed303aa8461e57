"""What a card reader returns becomes a validated applicant, or a clear refusal."""

from __future__ import annotations

import dataclasses

import pytest

from devices.idcard.simulator import expired_sample_card, foreign_sample_cards, sample_cards
from intake.errors import IntakeError
from station.card_mapping import person_from_card
from ui_shared.error_text import error_text


def test_every_sample_card_maps_to_a_person() -> None:
    for card in sample_cards() + foreign_sample_cards():
        person = person_from_card(card)
        assert (person.name, person.id_number) == (card.name, card.id_number)
        assert person.birth_date == card.birth_date


def test_expired_card_is_refused_in_chinese() -> None:
    with pytest.raises(IntakeError) as e:
        person_from_card(expired_sample_card())
    assert "有效期" in error_text(e.value)


def test_card_whose_gender_contradicts_its_number_is_refused() -> None:
    card = sample_cards()[0]
    other = "女" if card.gender == "男" else "男"
    with pytest.raises(IntakeError) as e:
        person_from_card(dataclasses.replace(card, gender=other))
    assert e.value.code == "applicant.gender_mismatch"
