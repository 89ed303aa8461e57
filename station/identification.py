"""Who applies, and who stands at the window for them: the identification part of
an intake session, as plain data with rules.

The session keeps one ``Identification`` and asks it for the applicant the
draft should hold. It gathers:

- the person, from the card reader or typed by the clerk from an original
  document they sighted (any kind of ``intake.documents.DOCUMENT_KINDS``);
- a mobile number for the department to call back;
- a 代办人 (agent) with their relation, from their own card or typed in;
- for a legal-entity item, the company (name and credit code; its
  representative is the person).

A child (under 16, or identified by a birth certificate) can only apply through
a guardian or other agent. Every method raises an ``IntakeError`` with the
reason when the input is not acceptable, and leaves what it had unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from devices.idcard.card import IdCardData
from intake.applicant import (
    SOURCE_MANUAL,
    Agent,
    Applicant,
    LegalEntity,
    Person,
    validate_applicant,
)
from intake.catalog import Entrance, ServiceItem
from intake.documents import validate_mobile
from intake.errors import IntakeError, InvalidApplicant
from station.card_mapping import person_from_card

#: below this age a citizen applies through a guardian (居民身份证法: cards from 16)
ADULT_AGE = 16
RELATIONS = ("父母", "子女", "配偶", "其他亲属", "受托人")


def _sighted_required() -> IntakeError:
    return InvalidApplicant(
        "applicant.not_sighted",
        "a typed identity needs the clerk's confirmation that the original was sighted",
    )


def typed_person(person: Person, *, sighted: bool, today: date | None = None) -> Person:
    """A person typed by the clerk, checked and marked as manually entered."""
    if not sighted:
        raise _sighted_required()
    checked = validate_applicant(
        replace(person, id_source=SOURCE_MANUAL, agent=None, phone=""), today=today
    )
    assert isinstance(checked, Person)
    return checked


@dataclass
class Identification:
    person: Person | None = None
    phone: str = ""
    agent: Agent | None = None
    #: the relation of an agent whose card the next read belongs to
    awaiting_agent: str | None = None
    company: tuple[str, str] | None = None  # name, credit code
    #: the chip data of the person's own card, when it was read (not typed)
    card: IdCardData | None = None

    def card_read(self, card: IdCardData, *, today: date | None = None) -> None:
        person = person_from_card(card, today=today)
        if self.awaiting_agent is not None:
            self.agent = Agent(person, self.awaiting_agent)
            self.awaiting_agent = None
            return
        self._set_person(person)
        self.card = card

    def person_typed(self, person: Person, *, sighted: bool, today: date | None = None) -> None:
        self._set_person(typed_person(person, sighted=sighted, today=today))

    def _set_person(self, person: Person) -> None:
        if self.person is not None and self.person.id_number != person.id_number:
            # someone else: the number and agent given belonged to the one before
            self.phone = ""
            self.agent = None
            self.card = None
        self.person = person

    def phone_entered(self, text: str) -> None:
        self.phone = validate_mobile(text) if text.strip() else ""

    def agent_requested(self, relation: str) -> None:
        self.awaiting_agent = _relation(relation)

    def agent_typed(
        self, person: Person, relation: str, *, sighted: bool, today: date | None = None
    ) -> None:
        self.agent = Agent(typed_person(person, sighted=sighted, today=today), _relation(relation))
        self.awaiting_agent = None

    def agent_removed(self) -> None:
        self.agent = None
        self.awaiting_agent = None

    def company_entered(self, entity: LegalEntity | None) -> None:
        if entity is None:
            self.company = None
            return
        checked = validate_applicant(entity)
        assert isinstance(checked, LegalEntity)
        self.company = (checked.name, checked.credit_code)
        if self.person is None or self.person.id_number != checked.representative.id_number:
            self._set_person(checked.representative)

    def needs_guardian(self, today: date | None = None) -> bool:
        person = self.person
        if person is None or self.agent is not None:
            return False
        if person.id_kind == "birth_certificate":
            return True
        if person.birth_date is None:
            return False
        day = today or date.today()
        years = day.year - person.birth_date.year
        if (day.month, day.day) < (person.birth_date.month, person.birth_date.day):
            years -= 1
        return years < ADULT_AGE

    def applicant_for(self, item: ServiceItem) -> Applicant | None:
        """What the draft for ``item`` should hold, or None while something is missing."""
        if self.person is None:
            return None
        person = replace(self.person, phone=self.phone, agent=self.agent)
        if item.entrance is Entrance.PERSONAL:
            return person
        if self.company is None:
            return None
        return LegalEntity(self.company[0], self.company[1], person)


def _relation(text: str) -> str:
    relation = text.strip()
    if not relation:
        raise InvalidApplicant(
            "applicant.agent_relation",
            "the agent's relation is empty",
        )
    return relation[:20]
