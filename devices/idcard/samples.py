"""Fictional ID cards for the simulator, the demo and the tests.

Every card has a valid check character and made-up personal data; photos are
deterministic placeholder bytes, not decodable WLT images.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from devices.idcard.card import CardType, IdCardData

__all__ = ["expired_sample_card", "foreign_sample_cards", "sample_cards", "sample_photo"]


def sample_photo(seed: str, size: int = 1024) -> bytes:
    """Deterministic placeholder photo bytes (NOT a decodable WLT image)."""
    out = bytearray()
    block = hashlib.sha256(f"yiwang-sim-photo:{seed}".encode()).digest()
    while len(out) < size:
        out += block
        block = hashlib.sha256(block).digest()
    return bytes(out[:size])


def _card(**fields: object) -> IdCardData:
    card = IdCardData(**fields)  # type: ignore[arg-type]
    return replace(card, photo_wlt=sample_photo(card.id_number))


def sample_cards() -> list[IdCardData]:
    """Realistic, fictional cards with valid check characters.

    0: ordinary resident card (汉); 1: longest address (35 characters, 苗);
    2: minority nation (维吾尔, name with the middle dot); 3: 长期 validity;
    4: 港澳台居民居住证 ('J') of a Hong Kong resident.
    """
    return [
        _card(
            name="陈志强",
            gender="男",
            nation="汉",
            birth_date=date(1985, 3, 17),
            address="浙江省衢州市江山市贺村镇淤头村上塘自然村12号",
            id_number="330881198503171237",
            issuer="江山市公安局",
            valid_from=date(2015, 6, 10),
            valid_until=date(2035, 6, 10),
        ),
        _card(
            name="龙秀英",
            gender="女",
            nation="苗",
            birth_date=date(1978, 6, 21),
            address="贵州省黔东南苗族侗族自治州雷山县西江镇羊排村西江千户苗寨观景台路19号",
            id_number="522634197806210026",
            issuer="雷山县公安局",
            valid_from=date(2019, 8, 1),
            valid_until=date(2039, 8, 1),
        ),
        _card(
            name="阿依古丽·买买提",
            gender="女",
            nation="维吾尔",
            birth_date=date(1992, 8, 5),
            address="新疆乌鲁木齐市天山区解放南路街道和平南路47号3栋2单元501室",
            id_number="650102199208052441",
            issuer="乌鲁木齐市公安局天山区分局",
            valid_from=date(2022, 9, 20),
            valid_until=date(2042, 9, 20),
        ),
        _card(
            name="刘德厚",
            gender="男",
            nation="汉",
            birth_date=date(1956, 9, 18),
            address="湖北省黄冈市红安县七里坪镇长胜街社区居委会八组",
            id_number="421122195609180634",
            issuer="红安县公安局",
            valid_from=date(2012, 4, 15),
            valid_until=None,
        ),
        _card(
            name="黄嘉俊",
            gender="男",
            nation="",
            birth_date=date(1990, 2, 14),
            address="广东省深圳市福田区福田街道福华三路88号财富大厦28层",
            id_number="810000199002140050",
            issuer="深圳市公安局福田分局",
            valid_from=date(2023, 3, 1),
            valid_until=date(2028, 3, 1),
            card_type=CardType.HMT_RESIDENCE,
            pass_number="H60312587",
            issue_count="01",
        ),
    ]


def expired_sample_card() -> IdCardData:
    """A resident card whose validity ended on 2024-05-09."""
    return _card(
        name="赵丽华",
        gender="女",
        nation="汉",
        birth_date=date(1970, 4, 12),
        address="山西省晋城市泽州县巴公镇东四义村富民路3号",
        id_number="140525197004123444",
        issuer="泽州县公安局",
        valid_from=date(2004, 5, 9),
        valid_until=date(2024, 5, 9),
    )


def foreign_sample_cards() -> list[IdCardData]:
    """Fictional foreign permanent residence cards: 2017 ('I') and 2023 ('Y')."""
    return [
        _card(
            name="约翰·史密斯",
            gender="男",
            nation="",
            birth_date=date(1985, 3, 12),
            address="",
            id_number="GBR110085031201",
            issuer="",
            valid_from=date(2018, 5, 1),
            valid_until=date(2028, 5, 1),
            card_type=CardType.FOREIGN_PERMANENT,
            english_name="SMITH, JOHN WILLIAM",
            nationality="GBR",
            card_version="01",
            authority_code="1100",
        ),
        _card(
            name="卡洛斯",
            gender="男",
            nation="",
            birth_date=date(1988, 11, 3),
            address="",
            id_number="913440198811030016",
            issuer="",
            valid_from=date(2024, 1, 10),
            valid_until=date(2034, 1, 10),
            card_type=CardType.FOREIGN_PERMANENT_2023,
            english_name="GARCIA LOPEZ, CARLOS ALBERTO MONTENEGRO",
            nationality="ESP",
            issue_count="01",
        ),
    ]
