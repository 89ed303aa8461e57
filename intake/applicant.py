"""Applicants: a natural person or a legal entity with its representative.

The dataclasses themselves only hold data; checking ID numbers is a separate,
explicit step (:func:`validate_applicant`) because records that were accepted
once (and may predate a rule change) must always load back unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeAlias

from intake.documents import document_kind, validate_document, validate_mobile
from intake.errors import InvalidApplicant
from intake.identity import validate_credit_code, validate_resident_id
from safe_chars import strip_unsafe

__all__ = [
    "ID_KIND_RESIDENT",
    "SOURCE_CARD",
    "SOURCE_MANUAL",
    "Agent",
    "Applicant",
    "LegalEntity",
    "Person",
    "applicant_from_dict",
    "applicant_to_dict",
    "validate_applicant",
]

ID_KIND_RESIDENT = "resident"
#: how the identity was taken: read from the chip, or typed by the clerk from the
#: original document they sighted
SOURCE_CARD = "card"
SOURCE_MANUAL = "manual"

_PERSON_KEYS = frozenset(
    {"kind", "name", "id_number", "gender", "nation", "birth_date", "address", "id_kind"}
    | {"phone", "id_source", "agent"}
)
_AGENT_KEYS = frozenset({"relation", "person"})
_LEGAL_KEYS = frozenset({"kind", "name", "credit_code", "representative"})


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    id_number: str
    gender: str = ""
    nation: str = ""
    birth_date: date | None = None
    address: str = ""
    # "resident" = 居民身份证; other kinds (e.g. foreign permanent residence ID)
    # are carried through but not checked with the resident ID rules.
    id_kind: str = ID_KIND_RESIDENT
    #: mainland mobile number for the department to call back ("" = none given)
    phone: str = ""
    id_source: str = SOURCE_CARD
    #: 代办人: the person acting for this one at the window (a child's guardian, a relative)
    agent: Agent | None = None


@dataclass(frozen=True, slots=True)
class Agent:
    person: Person
    relation: str  # 父母, 子女, 配偶, 其他亲属, 受托人 ...


@dataclass(frozen=True, slots=True)
class LegalEntity:
    name: str
    credit_code: str
    representative: Person


Applicant: TypeAlias = Person | LegalEntity


def _plain_name(text: str) -> str:
    """A name as read or typed, without control and invisible characters (a card reader or
    a paste may bring them; "张\u200b三" would be stored, hashed and shown as another
    name than "张三"). Private-use characters stay: a card may carry a rare one there."""
    return strip_unsafe(text, keep_not_text=True).strip()


def validate_applicant(applicant: Applicant, *, today: date | None = None) -> Applicant:
    """Check names and ID numbers; return a normalised copy or raise an ``IntakeError``.

    For a resident the gender and birth date are filled in from the number when
    empty, and must agree with it when given (a card-reader/keyboard mix-up shows here).
    """
    if isinstance(applicant, LegalEntity):
        legal_name = _plain_name(applicant.name)
        if not legal_name:
            raise InvalidApplicant(
                "applicant.legal_name", "the legal entity's name is empty",
            )
        code = validate_credit_code(applicant.credit_code)
        representative = _validate_person(applicant.representative, today)
        return replace(
            applicant,
            name=legal_name,
            credit_code=code,
            representative=representative,
        )
    return _validate_person(applicant, today)


def _validate_person(person: Person, today: date | None, *, agent: bool = False) -> Person:
    checked = _validate_identity(person, today)
    phone = validate_mobile(person.phone) if person.phone.strip() else ""
    if person.agent is None:
        return replace(checked, phone=phone)
    if agent:
        raise _bad("an agent cannot have an agent of their own")
    relation = _plain_name(person.agent.relation)
    if not relation:
        raise InvalidApplicant(
            "applicant.agent_relation",
            "the agent's relation is empty",
        )
    agent_person = _validate_person(person.agent.person, today, agent=True)
    return replace(checked, phone=phone, agent=Agent(agent_person, relation))


def _validate_identity(person: Person, today: date | None) -> Person:
    name = _plain_name(person.name)
    if not name:
        raise InvalidApplicant("applicant.name", "the applicant's name is empty")
    if person.id_source not in (SOURCE_CARD, SOURCE_MANUAL):
        raise _bad(f"unknown id_source {person.id_source!r}")
    if person.id_source == SOURCE_MANUAL and person.id_kind != ID_KIND_RESIDENT:
        # typed numbers of every kind are checked; read ones keep the reader's rules
        number = validate_document(person.id_kind, person.id_number, today=today)
        person = replace(person, id_number=number)
        if not document_kind(person.id_kind).resident_format:
            return replace(person, name=name)
    elif person.id_kind != ID_KIND_RESIDENT:
        if not person.id_number.strip():
            raise InvalidApplicant(
                "applicant.id_number", "the applicant's ID number is empty",
            )
        return replace(person, name=name, id_number=person.id_number.strip())
    rid = validate_resident_id(person.id_number, today=today)
    if person.gender and person.gender != rid.gender:
        raise InvalidApplicant(
            "applicant.gender_mismatch",
            "the gender does not match the resident ID number",
        )
    if person.birth_date is not None and person.birth_date != rid.birth_date:
        raise InvalidApplicant(
            "applicant.birth_date_mismatch",
            "the birth date does not match the resident ID number",
        )
    return replace(
        person, name=name, id_number=rid.number, gender=rid.gender, birth_date=rid.birth_date
    )


def applicant_to_dict(applicant: Applicant) -> dict[str, Any]:
    """JSON-safe dict in the manifest shape (see docs/interfaces.md)."""
    if isinstance(applicant, LegalEntity):
        return {
            "kind": "legal",
            "name": applicant.name,
            "credit_code": applicant.credit_code,
            "representative": applicant_to_dict(applicant.representative),
        }
    d: dict[str, Any] = {
        "kind": "person",
        "name": applicant.name,
        "id_number": applicant.id_number,
        "gender": applicant.gender,
        "nation": applicant.nation,
        "birth_date": applicant.birth_date.isoformat() if applicant.birth_date else None,
        "address": applicant.address,
        "id_kind": applicant.id_kind,
    }
    # added later: only present when set, so older manifests keep their exact bytes
    if applicant.phone:
        d["phone"] = applicant.phone
    if applicant.id_source != SOURCE_CARD:
        d["id_source"] = applicant.id_source
    if applicant.agent is not None:
        d["agent"] = {
            "relation": applicant.agent.relation,
            "person": applicant_to_dict(applicant.agent.person),
        }
    return d


def applicant_from_dict(d: Mapping[str, Any]) -> Applicant:
    """Inverse of :func:`applicant_to_dict`; raises ``InvalidApplicant`` on malformed data."""
    if not isinstance(d, Mapping):
        raise _bad("applicant must be an object")
    kind = d.get("kind")
    if kind == "legal":
        _check_keys(d, _LEGAL_KEYS, _LEGAL_KEYS)
        representative = applicant_from_dict(_mapping(d["representative"], "representative"))
        if not isinstance(representative, Person):
            raise _bad("the representative of a legal entity must be a person")
        return LegalEntity(
            name=_str(d, "name"), credit_code=_str(d, "credit_code"), representative=representative
        )
    if kind == "person":
        _check_keys(d, _PERSON_KEYS, frozenset({"kind", "name", "id_number"}))
        return Person(
            name=_str(d, "name"),
            id_number=_str(d, "id_number"),
            gender=_str(d, "gender", ""),
            nation=_str(d, "nation", ""),
            birth_date=_date(d.get("birth_date")),
            address=_str(d, "address", ""),
            id_kind=_str(d, "id_kind", ID_KIND_RESIDENT),
            phone=_str(d, "phone", ""),
            id_source=_str(d, "id_source", SOURCE_CARD),
            agent=_agent(d.get("agent")),
        )
    raise _bad(f"unknown applicant kind {kind!r}")


def _agent(value: object) -> Agent | None:
    if value is None:
        return None
    d = _mapping(value, "agent")
    _check_keys(d, _AGENT_KEYS, _AGENT_KEYS)
    person = applicant_from_dict(_mapping(d["person"], "agent person"))
    if not isinstance(person, Person) or person.agent is not None:
        raise _bad("an agent must be a person without an agent of their own")
    return Agent(person=person, relation=_str(d, "relation"))


def _bad(detail_en: str) -> InvalidApplicant:
    return InvalidApplicant("applicant.malformed", detail_en)


def _check_keys(d: Mapping[str, Any], allowed: frozenset[str], required: frozenset[str]) -> None:
    missing = required - d.keys()
    if missing:
        raise _bad(f"applicant is missing {sorted(missing)}")
    extra = d.keys() - allowed
    if extra:
        raise _bad(f"applicant has unknown keys {sorted(extra)}")


def _mapping(value: object, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _bad(f"applicant {key!r} must be an object")
    return value


def _str(d: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = d.get(key, default)
    if not isinstance(value, str):
        raise _bad(f"applicant {key!r} must be a string")
    return value


def _date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad("applicant 'birth_date' must be a YYYY-MM-DD string or null")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        parsed = None
    # fromisoformat also takes "20261125"; only the canonical form round-trips.
    if parsed is None or parsed.isoformat() != value:
        raise _bad(f"applicant birth_date {value!r} is not YYYY-MM-DD")
    return parsed
