"""P9 electronic licence library (电子证照): how a station names a licence holder, and
the shape and limits of the platform's answers (docs/protocol.md, "Electronic licences").

The holder is never named by the ID number on the wire: the station sends a keyed hash,
HMAC-SHA256 with its own secret, so the value in a URL or an access log is useless to
anyone without that station's secret (an unkeyed hash of an 18-character ID number could
be reversed by trying every birth date and sequence number).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

__all__ = [
    "HOLDER_HASH_RE",
    "LICENCE_ID_RE",
    "MAX_LICENCES",
    "MAX_PAGE_BYTES",
    "UNKNOWN_LICENCE",
    "LicenceDoc",
    "LicenceList",
    "holder_hash",
]

#: error code: no such licence for this holder (also a licence of someone else)
UNKNOWN_LICENCE = "unknown_licence"
HOLDER_HASH_RE = re.compile(r"^[0-9a-f]{64}$")
LICENCE_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
#: a holder's list is at most this long; a longer answer is malformed
MAX_LICENCES = 50
#: a rendered licence page (JPEG) is at most this large
MAX_PAGE_BYTES = 4 * 1024 * 1024
#: text fields of a licence: at most this many characters, plain text
MAX_TEXT = 100

_CONTEXT = "yiwang-licence-holder"


def holder_hash(secret: str, id_number: str) -> str:
    """Lower-case hex HMAC-SHA256(key = the station's secret as UTF-8,
    msg = "yiwang-licence-holder\\n" + the ID number in upper case)."""
    msg = f"{_CONTEXT}\n{id_number.strip().upper()}".encode()
    return hmac.new(secret.encode("utf-8"), msg, hashlib.sha256).hexdigest()


Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
Day = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


class LicenceDoc(BaseModel):
    """One licence in a holder's list (metadata; the page is fetched on its own)."""

    licence_id: Annotated[str, StringConstraints(pattern=LICENCE_ID_RE.pattern)]
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    title: Text
    number: Text
    issuer: Text
    issued_on: Day
    valid_until: Day | None = None
    holder: Text = Field(description="the holder's name, masked (e.g. 陈*强)")
    page_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    page_bytes: Annotated[int, Field(ge=1, le=MAX_PAGE_BYTES)]
    sample: bool = Field(description="true for the reference platform's made-up library")


class LicenceList(BaseModel):
    licences: Annotated[list[LicenceDoc], Field(max_length=MAX_LICENCES)]
