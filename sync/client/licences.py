"""P9 client calls: an applicant's electronic licences (电子证照) and a licence's page.

What the platform answers is hostile until checked: the list is capped (size and count),
every field is validated against ``wire.licences.LicenceDoc`` strictly, and text with
control characters (or bidi overrides that could disguise it) is refused, so the UI only
ever shows short plain text. A page must be a JPEG of at most ``MAX_PAGE_BYTES`` whose
SHA-256 is the one the list announced.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import quote

from sync.client.errors import BadAnswer
from sync.client.platform_client import PlatformClient
from wire.plain_text import is_plain_line

if TYPE_CHECKING:  # pydantic models: loaded on the first call, not at station start-up
    from wire.licences import LicenceDoc

__all__ = ["ElectronicLicence", "fetch_licence_page", "find_licences"]

#: a holder's list: 50 entries of a few hundred bytes each fit well inside
MAX_LIST_ANSWER = 256 * 1024
#: no licence is issued before the People's Republic was founded
EARLIEST_ISSUE = date(1949, 10, 1)
#: a licence valid longer than this after its issue is a made-up date (9999-12-31)
LONGEST_VALIDITY_YEARS = 100


@dataclass(frozen=True)
class ElectronicLicence:
    licence_id: str
    kind: str
    title: str
    number: str
    issuer: str
    issued_on: str
    valid_until: str | None
    holder: str  # masked by the platform
    page_sha256: str
    page_bytes: int
    sample: bool


def _masked(holder: str) -> bool:
    """Masked as the protocol says (`样*****甲`, `陈*`): every character between the
    first and the last is "*", and at least one is hidden."""
    return len(holder) >= 2 and "*" in holder and set(holder[1:-1]) <= {"*"}


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadAnswer(f"licence {what} is not a calendar date") from None


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _licence(doc: LicenceDoc, today: date | None = None) -> ElectronicLicence:
    for value in (doc.title, doc.number, doc.issuer, doc.holder):
        if not is_plain_line(value):
            raise BadAnswer("licence text holds control, invisible or non-text characters")
    if not _masked(doc.holder):
        raise BadAnswer("licence holder is not masked")  # a name must never reach the UI
    # a day of grace: the platform's date may already be tomorrow in its time zone
    latest = (today or datetime.now(UTC).date()) + timedelta(days=1)
    issued = _day(doc.issued_on, "issued_on")
    if not EARLIEST_ISSUE <= issued <= latest:
        raise BadAnswer("licence issued_on lies before 1949-10-01 or in the future")
    if doc.valid_until is not None:
        until = _day(doc.valid_until, "valid_until")
        if until <= issued:
            raise BadAnswer("licence valid_until is not after issued_on")
        if until >= _years_after(issued, LONGEST_VALIDITY_YEARS):
            raise BadAnswer("licence valid_until lies 100 years or more after issued_on")
    return ElectronicLicence(
        licence_id=doc.licence_id, kind=doc.kind, title=doc.title, number=doc.number,
        issuer=doc.issuer, issued_on=doc.issued_on, valid_until=doc.valid_until,
        holder=doc.holder, page_sha256=doc.page_sha256, page_bytes=doc.page_bytes,
        sample=doc.sample,
    )  # fmt: skip


def find_licences(client: PlatformClient, id_number: str) -> list[ElectronicLicence]:
    """The holder's licences ([] when the library has none). Raises TransientError
    (network, platform down: the caller says it needs the network), AuthError, BadAnswer."""
    from pydantic import ValidationError

    from wire.licences import LicenceList, holder_hash

    hashed = holder_hash(client.credentials.secret, id_number)
    answer = client._call(  # the client's own signed-call plumbing
        "GET", "/v1/licences", params={"holder_hash": hashed}, limit=MAX_LIST_ANSWER
    )
    try:
        parsed = LicenceList.model_validate(answer.data, strict=True)
    except ValidationError as e:
        raise BadAnswer(f"malformed licence list ({e.error_count()} problem(s))") from None
    return [_licence(doc) for doc in parsed.licences]


def fetch_licence_page(client: PlatformClient, licence: ElectronicLicence, id_number: str) -> bytes:
    """The licence's page as JPEG bytes, checked against what the list announced."""
    from wire.licences import MAX_PAGE_BYTES, holder_hash

    hashed = holder_hash(client.credentials.secret, id_number)
    answer = client._call(
        "GET", f"/v1/licences/{quote(licence.licence_id, safe='')}/page",
        params={"holder_hash": hashed}, limit=MAX_PAGE_BYTES,
    )  # fmt: skip
    page = answer.content
    if not page.startswith(b"\xff\xd8\xff") or len(page) > MAX_PAGE_BYTES:
        raise BadAnswer("licence page is not a JPEG")
    if hashlib.sha256(page).hexdigest() != licence.page_sha256:
        raise BadAnswer("licence page differs from the one listed")
    return page
