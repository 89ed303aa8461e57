"""Map what a card reader returns into the domain's applicant."""

from __future__ import annotations

from datetime import date

from devices.idcard.card import IdCardData
from intake.applicant import ID_KIND_RESIDENT, Person, validate_applicant
from intake.errors import IntakeError
from intake.identity import validate_resident_id

ID_KIND_HMT_PERMIT = "hk_macao_taiwan_permit"
_ID_KINDS = {
    "resident": ID_KIND_RESIDENT,
    "hmt_residence": ID_KIND_HMT_PERMIT,
    "foreign_permanent": "foreign_permanent",
    "foreign_permanent_2023": "foreign_permanent",
}


def person_from_card(card: IdCardData, *, today: date | None = None) -> Person:
    """A validated Person; raises IntakeError for expired cards or bad numbers."""
    today = today or date.today()
    if card.valid_until is not None and card.valid_until < today:
        raise IntakeError(
            "card_expired",
            f"identity card expired on {card.valid_until.isoformat()}",
            params={"valid_until": f"{card.valid_until:%Y.%m.%d}"},
        )
    kind = _ID_KINDS.get(card.card_type, card.card_type)
    if kind == ID_KIND_HMT_PERMIT:  # these permits carry resident-format numbers
        validate_resident_id(card.id_number, today=today)
    person = validate_applicant(
        Person(
            name=card.name,
            id_number=card.id_number,
            gender=card.gender,
            nation=card.nation,
            birth_date=card.birth_date,
            address=card.address,
            id_kind=kind,
        ),
        today=today,
    )
    assert isinstance(person, Person)
    return person
