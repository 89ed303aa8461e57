from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from devices.idcard.card import (
    GENDERS,
    NATIONS,
    CardType,
    IdCardData,
    encode_basic_read,
    encode_fingerprint_read,
    encode_text_block,
    gender_code,
    id_check_digit,
    id_number_valid,
    nation_code,
    parse_basic_read,
    parse_fingerprint_read,
    parse_text_block,
)
from devices.idcard.errors import CardDataError
from devices.idcard.simulator import expired_sample_card, foreign_sample_cards, sample_cards
from ui_shared.error_text import error_text

ALL = sample_cards() + foreign_sample_cards() + [expired_sample_card()]


def ucs2(text: str) -> bytes:
    return text.encode("utf-16-le")


@pytest.mark.parametrize("card", ALL, ids=lambda c: f"{c.card_type}-{c.id_number[-4:]}")
def test_text_block_round_trip(card: IdCardData) -> None:
    block = encode_text_block(card)
    assert len(block) == 256
    assert parse_basic_read(encode_basic_read(card)) == card


def test_resident_layout_offsets() -> None:
    card = sample_cards()[0]
    block = encode_text_block(card)
    assert block[0:6] == ucs2("陈志强")
    assert block[6:30] == ucs2(" " * 12)
    assert block[30:32] == ucs2("1")
    assert block[32:36] == ucs2("01")
    assert block[36:52] == ucs2("19850317")
    assert block[122:158] == ucs2("330881198503171237")
    assert block[188:204] == ucs2("20150610")
    assert block[204:220] == ucs2("20350610")
    assert block[248:250] == ucs2(" ")


def test_long_term_and_long_address() -> None:
    cards = sample_cards()
    long_address = max(cards, key=lambda c: len(c.address))
    assert len(long_address.address) == 35  # the full 70-byte field
    long_term = [c for c in cards if c.valid_until is None]
    assert long_term
    block = encode_text_block(long_term[0])
    assert block[204:208] == ucs2("长期")
    assert parse_text_block(block).valid_until is None


def test_sample_cards_are_varied_and_valid() -> None:
    cards = sample_cards()
    assert len(cards) >= 4
    assert all(c.id_number_valid for c in cards)
    assert {c.card_type for c in cards} >= {CardType.RESIDENT, CardType.HMT_RESIDENCE}
    assert any(c.nation not in ("汉", "") for c in cards)
    assert all(len(c.photo_wlt) == 1024 for c in cards)
    assert all(not c.is_expired(date(2026, 11, 25)) for c in cards)


def test_hmt_card_fields() -> None:
    (card,) = [c for c in sample_cards() if c.card_type == CardType.HMT_RESIDENCE]
    block = encode_text_block(card)
    assert block[220:238] == ucs2("H60312587")
    assert block[238:242] == ucs2("01")
    assert block[248:250] == ucs2("J")
    assert block[32:36] == ucs2("  ")  # no nation on a residence permit
    parsed = parse_text_block(block)
    assert (parsed.pass_number, parsed.issue_count, parsed.nation) == ("H60312587", "01", "")


def test_foreign_2017_layout() -> None:
    card = foreign_sample_cards()[0]
    block = encode_text_block(card)
    assert block[0:38] == ucs2("SMITH, JOHN WILLIAM")
    assert block[122:152] == ucs2("GBR110085031201")
    assert block[152:158] == ucs2("GBR")
    assert block[158:170] == ucs2("约翰·史密斯")
    assert block[220:236] == ucs2("19850312")
    assert block[248:250] == ucs2("I")
    parsed = parse_text_block(block)
    assert parsed.english_name == "SMITH, JOHN WILLIAM"
    assert parsed.nationality == "GBR"
    assert parsed.name == "约翰·史密斯"
    assert parsed.birth_date == date(1985, 3, 12)


def test_foreign_2023_english_name_spans_two_fields() -> None:
    card = foreign_sample_cards()[1]
    block = encode_text_block(card)
    assert block[248:250] == ucs2("Y")
    assert block[52:122] == ucs2(card.english_name[:35])
    parsed = parse_text_block(block)
    assert parsed.english_name == "GARCIA LOPEZ, CARLOS ALBERTO MONTENEGRO"
    assert parsed.nationality == "ESP"
    # the split falls on a space: it must survive
    spaced = replace(card, english_name="A" * 34 + " " + "BCDEF")
    assert parse_text_block(encode_text_block(spaced)).english_name == "A" * 34 + " BCDEF"


def test_offsets_come_from_the_length_fields() -> None:
    card = sample_cards()[0]
    text = encode_text_block(card)
    photo = b"\x42" * 700  # a different photo length moves nothing else
    data = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big") + text + photo
    parsed = parse_basic_read(data)
    assert parsed.photo_wlt == photo
    assert parsed.name == card.name
    with pytest.raises(CardDataError) as info:
        parse_basic_read(data[:-1])
    assert info.value.code == "card_data_length"


def test_fingerprint_read() -> None:
    card = replace(sample_cards()[1], fingerprint=b"\x07" * 1024)
    parsed = parse_fingerprint_read(encode_fingerprint_read(card))
    assert parsed.fingerprint == b"\x07" * 1024
    assert parsed == card


def test_check_digit() -> None:
    assert id_check_digit("11010519491231002") == "X"
    assert id_number_valid("11010519491231002X")
    assert id_number_valid("11010519491231002x")
    assert not id_number_valid("110105194912310021")
    assert not id_number_valid("1101051949123100")
    with pytest.raises(ValueError):
        id_check_digit("1101051949123100A")


def test_bad_check_digit_is_rejected() -> None:
    card = replace(sample_cards()[0], id_number="330881198503171238")
    with pytest.raises(CardDataError) as info:
        parse_text_block(encode_text_block(card))
    assert info.value.code == "id_check_digit"
    assert "校验位" in error_text(info.value)
    assert parse_text_block(encode_text_block(card), validate=False).id_number.endswith("8")


def test_birth_date_must_match_the_id_number() -> None:
    card = replace(sample_cards()[0], birth_date=date(1985, 3, 18))
    with pytest.raises(CardDataError) as info:
        parse_text_block(encode_text_block(card))
    assert info.value.code == "id_birth_mismatch"


def test_validity_period_checks() -> None:
    card = sample_cards()[0]
    assert card.is_valid_on(date(2020, 1, 1))
    assert not card.is_expired(date(2035, 6, 10))  # the last day is still valid
    assert card.is_expired(date(2035, 6, 11))
    assert not card.is_valid_on(date(2015, 6, 9))
    assert not sample_cards()[3].is_expired(date(2999, 1, 1))  # 长期
    assert expired_sample_card().is_expired(date(2026, 11, 25))
    reversed_period = replace(card, valid_from=date(2036, 1, 1))
    with pytest.raises(CardDataError) as info:
        parse_text_block(encode_text_block(reversed_period))
    assert info.value.code == "validity_period"


def test_bad_dates_are_card_data_errors() -> None:
    block = bytearray(encode_text_block(sample_cards()[0]))
    block[36:52] = ucs2("19851317")
    with pytest.raises(CardDataError):
        parse_text_block(bytes(block))
    block[36:52] = ucs2("1985-3-1")
    with pytest.raises(CardDataError):
        parse_text_block(bytes(block))


def test_unknown_card_type_flag() -> None:
    block = bytearray(encode_text_block(sample_cards()[0]))
    block[248:250] = ucs2("Z")
    with pytest.raises(CardDataError) as info:
        parse_text_block(bytes(block))
    assert info.value.code == "card_type_unsupported"
    block[248:250] = b"\x00\x00"
    assert parse_text_block(bytes(block)).card_type == CardType.RESIDENT


def test_tables() -> None:
    assert len(NATIONS) == 58  # 56 nationalities + 其他 + 外国血统中国籍人士
    assert NATIONS["01"] == "汉" and NATIONS["05"] == "维吾尔" and NATIONS["56"] == "基诺"
    assert NATIONS["97"] == "其他" and NATIONS["98"] == "外国血统中国籍人士"
    assert len(set(NATIONS.values())) == 58
    assert GENDERS == {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
    assert (
        nation_code("蒙古族") == "02" and nation_code("蒙古") == "02" and nation_code("02") == "02"
    )
    assert gender_code("女") == "2"
    with pytest.raises(ValueError):
        nation_code("火星")
    block = bytearray(encode_text_block(sample_cards()[0]))
    block[30:32] = ucs2("9")
    block[32:36] = ucs2("98")
    parsed = parse_text_block(bytes(block))
    assert (parsed.gender, parsed.nation) == ("未说明", "外国血统中国籍人士")


def test_repr_does_not_leak_personal_data() -> None:
    card = sample_cards()[0]
    text = repr(card)
    assert card.name not in text and card.id_number not in text
    assert "3308" in text and "1237" in text
