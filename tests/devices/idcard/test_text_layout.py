"""The one table of text-block fields that both decoding and encoding walk."""

from __future__ import annotations

import pytest

from devices.idcard.card import encode_text_block, parse_text_block
from devices.idcard.simulator import foreign_sample_cards, sample_cards
from devices.idcard.text_layout import (
    LAYOUTS,
    TEXT_BLOCK_SIZE,
    TYPE_FLAG,
    CardType,
    read_fields,
    write_fields,
)


@pytest.mark.parametrize("kind", list(CardType))
def test_fields_fit_the_block_and_never_overlap(kind: CardType) -> None:
    taken: set[int] = set(range(TYPE_FLAG.start, TYPE_FLAG.start + TYPE_FLAG.length))
    for name, field in LAYOUTS[kind].items():
        assert field.length % 2 == 0, name  # whole UCS-2 characters
        span = set(range(field.start, field.start + field.length))
        assert max(span) < TEXT_BLOCK_SIZE, name
        assert not span & taken, name
        taken |= span


@pytest.mark.parametrize("kind", list(CardType))
def test_write_then_read_gives_every_field_back(kind: CardType) -> None:
    values = {name: "7" * (field.length // 2) for name, field in LAYOUTS[kind].items()}
    block = write_fields(kind, values, "J")
    assert len(block) == TEXT_BLOCK_SIZE
    assert read_fields(block, kind) == values


def test_a_value_too_long_names_its_field() -> None:
    with pytest.raises(ValueError, match="pass number"):
        write_fields(CardType.HMT_RESIDENCE, {"pass_number": "1" * 10})
    with pytest.raises(ValueError, match="no field"):
        write_fields(CardType.RESIDENT, {"english_name": "A"})


def test_every_sample_card_round_trips_through_the_table() -> None:
    for card in sample_cards() + foreign_sample_cards():
        assert parse_text_block(encode_text_block(card), card.photo_wlt) == card
