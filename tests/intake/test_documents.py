"""Documents typed by a clerk, mobile numbers, agents: checked, and carried losslessly."""

from __future__ import annotations

from datetime import date

import pytest

from intake.applicant import (
    SOURCE_MANUAL,
    Agent,
    Person,
    applicant_from_dict,
    applicant_to_dict,
    validate_applicant,
)
from intake.documents import mask_mobile, validate_document, validate_mobile
from intake.errors import IntakeError
from intake.identity import resident_id_check_digit
from ui_shared.error_text import error_text

CHILD_17 = "11010520180315002"
CHILD = CHILD_17 + resident_id_check_digit(CHILD_17)
PARENT_17 = "11010519800101002"
PARENT = PARENT_17 + resident_id_check_digit(PARENT_17)


def test_household_register_number_is_checked_like_a_resident_id() -> None:
    assert validate_document("household_register", CHILD.lower()) == CHILD.upper()
    wrong = CHILD[:17] + ("0" if CHILD[17] != "0" else "1")
    with pytest.raises(IntakeError) as e:
        validate_document("household_register", wrong)
    assert e.value.code == "id.check_digit" and "校验位" in error_text(e.value)


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        ("birth_certificate", "p440123456", "P44012345"),
        ("foreign_permanent", "GBR110085031201", "GB110085031201"),
        ("foreign_permanent", "913440198811030016", "913440198811030017"),
        ("hk_macao_taiwan_permit", "810000199002140050", "110000199002140050"),
        ("hk_macao_travel", "H12345678", "X12345678"),
        ("taiwan_travel", "1234 5678", "1234567"),
    ],
)
def test_each_document_kind_has_its_number_rule(kind: str, good: str, bad: str) -> None:
    assert validate_document(kind, good) == good.replace(" ", "").upper()
    with pytest.raises(IntakeError):
        validate_document(kind, bad)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(IntakeError):
        validate_document("passport_of_atlantis", "A1")


def test_mobile_numbers() -> None:
    assert validate_mobile("+86 138-0013-8000") == "13800138000"
    for bad in ("12800138000", "1380013800", "138001380001", "１３８００１３８０００"):
        with pytest.raises(IntakeError) as e:
            validate_mobile(bad)
        assert "11位" in error_text(e.value)
    assert mask_mobile("13800138000") == "138****8000"


def test_manual_child_with_guardian_validates_and_round_trips() -> None:
    guardian = Person("王建国", PARENT)
    child = Person(
        "王小明",
        CHILD,
        id_kind="household_register",
        id_source=SOURCE_MANUAL,
        phone="138 0013 8000",
        agent=Agent(guardian, "父母"),
    )
    checked = validate_applicant(child, today=date(2026, 12, 1))
    assert isinstance(checked, Person)
    assert checked.birth_date == date(2018, 3, 15) and checked.phone == "13800138000"
    assert checked.agent is not None and checked.agent.person.gender == "女"
    d = applicant_to_dict(checked)
    assert d["id_source"] == "manual" and d["agent"]["relation"] == "父母"
    assert applicant_from_dict(d) == checked


def test_older_manifests_keep_their_exact_shape() -> None:
    d = applicant_to_dict(Person("王建国", PARENT))
    assert set(d) == {
        "kind", "name", "id_number", "gender", "nation", "birth_date", "address", "id_kind"
    }


def test_agent_needs_a_relation_and_cannot_nest() -> None:
    guardian = Person("王建国", PARENT)
    with pytest.raises(IntakeError) as e:
        validate_applicant(Person("王小明", CHILD, agent=Agent(guardian, " ")))
    assert e.value.code == "applicant.agent_relation"
    nested = Person("王建国", PARENT, agent=Agent(Person("李四", CHILD), "子女"))
    with pytest.raises(IntakeError):
        validate_applicant(Person("王小明", CHILD, agent=Agent(nested, "父母")))
    bad = applicant_to_dict(Person("王小明", CHILD, agent=Agent(nested, "父母")))
    with pytest.raises(IntakeError):
        applicant_from_dict(bad)
