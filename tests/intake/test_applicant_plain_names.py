"""Review #15 (attacker): a name read from a card or pasted may carry control and
invisible characters; "张\\u200b三" was stored as it came, so the ledger's name search
for 张三 (a keyed hash) never found the case and the name printed otherwise than it
was shown. The name is stored without them; the search normalises the same way."""

from __future__ import annotations

import pytest

from intake.applicant import Agent, LegalEntity, Person, validate_applicant
from intake.errors import InvalidApplicant
from sync.keyed_hash import LookupHasher

ID = "11010519491231002X"


@pytest.mark.parametrize(
    "name", ["张\u200b三", "\u202e张三", "张\x1b三\x00", "张三\u2060", "\U000e0041张三\ufe0f"]
)
def test_a_person_name_is_stored_plain(name: str) -> None:
    assert validate_applicant(Person(name=name, id_number=ID)).name == "张三"  # type: ignore[union-attr]


def test_a_private_use_rare_character_stays() -> None:
    assert validate_applicant(Person(name="张\ue000", id_number=ID)).name == "张\ue000"  # type: ignore[union-attr]


def test_a_name_of_only_invisible_characters_is_empty() -> None:
    with pytest.raises(InvalidApplicant):
        validate_applicant(Person(name="\u200b\u2060\x00", id_number=ID))


def test_company_name_and_agent_relation_too() -> None:
    agent = Person(name="李四", id_number="350102198001010011")
    company = LegalEntity("某某\u202e公司", "91350100M000100Y43",
                          Person(name="张三", id_number=ID, agent=Agent(agent, "父\u200b子")))
    checked = validate_applicant(company)
    assert isinstance(checked, LegalEntity) and checked.name == "某某公司"
    assert checked.representative.agent is not None
    assert checked.representative.agent.relation == "父子"


def test_the_name_search_hash_ignores_them() -> None:
    hasher = LookupHasher(b"k" * 32)
    assert hasher.name("张\u200b三") == hasher.name("张三") == hasher.name(" 张 三\u2060")
    assert hasher.id_number("1101\u200b05194912310\u202e02x") == hasher.id_number(ID)
