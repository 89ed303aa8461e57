from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake import (
    InvalidApplicant,
    InvalidCreditCode,
    InvalidIdNumber,
    LegalEntity,
    Person,
    applicant_from_dict,
    applicant_to_dict,
    validate_applicant,
)
from ui_shared.error_text import error_text

TODAY = date(2026, 11, 25)


def test_person_dict_shape(person: Person) -> None:
    assert applicant_to_dict(person) == {
        "kind": "person",
        "name": "王秀英",
        "id_number": "11010519491231002X",
        "gender": "女",
        "nation": "汉",
        "birth_date": "1949-12-31",
        "address": "北京市朝阳区某某街道1号",
        "id_kind": "resident",
    }


def test_legal_dict_shape(legal_entity: LegalEntity) -> None:
    d = applicant_to_dict(legal_entity)
    assert d["kind"] == "legal"
    assert d["credit_code"] == "92330782MA2XYK120H"
    assert d["representative"]["kind"] == "person"
    assert d["representative"]["birth_date"] is None
    assert set(d) == {"kind", "name", "credit_code", "representative"}


def test_round_trip(person: Person, legal_entity: LegalEntity) -> None:
    assert applicant_from_dict(applicant_to_dict(person)) == person
    assert applicant_from_dict(applicant_to_dict(legal_entity)) == legal_entity


def test_person_dict_optional_fields_default() -> None:
    p = applicant_from_dict({"kind": "person", "name": "张三", "id_number": "440304199001010011"})
    assert p == Person(name="张三", id_number="440304199001010011")


@pytest.mark.parametrize(
    "d",
    [
        {"kind": "robot", "name": "x"},
        {"name": "张三", "id_number": "440304199001010011"},
        {"kind": "person", "name": "张三"},
        {"kind": "person", "name": "张三", "id_number": 440304199001010011},
        {"kind": "person", "name": "张三", "id_number": "1", "birth_date": "19900101"},
        {"kind": "person", "name": "张三", "id_number": "1", "birth_date": "1990-02-30"},
        {"kind": "person", "name": "张三", "id_number": "1", "birth_date": 19900101},
        {"kind": "person", "name": "张三", "id_number": "1", "photo": "…"},
        {"kind": "legal", "name": "某店", "credit_code": "x"},
        {"kind": "legal", "name": "某店", "credit_code": "x", "representative": "张三"},
        {
            "kind": "legal",
            "name": "某店",
            "credit_code": "x",
            "representative": {
                "kind": "legal",
                "name": "y",
                "credit_code": "z",
                "representative": {"kind": "person", "name": "a", "id_number": "b"},
            },
        },
    ],
)
def test_from_dict_rejects_malformed(d: dict[str, Any]) -> None:
    with pytest.raises(InvalidApplicant) as exc:
        applicant_from_dict(d)
    assert error_text(exc.value) == "申请人信息格式错误"


def test_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(InvalidApplicant):
        applicant_from_dict("张三")  # type: ignore[arg-type]


def test_validate_person_fills_gender_and_birth_date_from_the_number() -> None:
    p = validate_applicant(Person(name=" 张三 ", id_number="440304199001010011 "), today=TODAY)
    assert p == Person(
        name="张三", id_number="440304199001010011", gender="男", birth_date=date(1990, 1, 1)
    )


def test_validate_person_normalises_lowercase_x(person: Person) -> None:
    lower = replace(person, id_number="11010519491231002x")
    assert validate_applicant(lower, today=TODAY) == person


def test_validate_person_rejects_bad_number(person: Person) -> None:
    with pytest.raises(InvalidIdNumber):
        validate_applicant(replace(person, id_number="110105194912310021"), today=TODAY)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"gender": "男"}, "applicant.gender_mismatch"),
        ({"birth_date": date(1949, 12, 30)}, "applicant.birth_date_mismatch"),
        ({"name": "  "}, "applicant.name"),
    ],
)
def test_validate_person_rejects_inconsistent_data(
    person: Person, change: dict[str, Any], code: str
) -> None:
    with pytest.raises(InvalidApplicant) as exc:
        validate_applicant(replace(person, **change), today=TODAY)
    assert exc.value.code == code
    assert error_text(exc.value)


def test_validate_non_resident_id_kind_is_not_checked_as_resident_id() -> None:
    foreigner = Person(name="JOHN SMITH", id_number=" 911156198001010015 ", id_kind="foreign")
    checked = validate_applicant(foreigner)
    assert isinstance(checked, Person)
    assert checked.id_number == "911156198001010015"
    with pytest.raises(InvalidApplicant):
        validate_applicant(replace(foreigner, id_number=" "))


def test_validate_legal_entity(legal_entity: LegalEntity) -> None:
    lowered = replace(legal_entity, credit_code="92330782ma2xyk120h", name=" 某县李记杂货店 ")
    valid = validate_applicant(lowered, today=TODAY)
    assert isinstance(valid, LegalEntity)
    assert valid.credit_code == "92330782MA2XYK120H"
    assert valid.name == "某县李记杂货店"
    assert valid.representative.gender == "男"


def test_validate_legal_entity_rejects_bad_code_and_representative(
    legal_entity: LegalEntity,
) -> None:
    with pytest.raises(InvalidCreditCode):
        validate_applicant(replace(legal_entity, credit_code="92330782MA2XYK120J"))
    bad_rep = replace(legal_entity.representative, id_number="440304199001010012")
    with pytest.raises(InvalidIdNumber):
        validate_applicant(replace(legal_entity, representative=bad_rep))
    with pytest.raises(InvalidApplicant):
        validate_applicant(replace(legal_entity, name=""))


@given(
    st.text(min_size=1, max_size=20),
    st.text(max_size=20),
    st.one_of(st.none(), st.dates()),
    st.text(max_size=40),
)
def test_person_round_trip_property(name: str, nation: str, birth: date | None, addr: str) -> None:
    p = Person(name=name, id_number="X", nation=nation, birth_date=birth, address=addr)
    assert applicant_from_dict(applicant_to_dict(p)) == p
