"""Keyed hashes that let the station find a case by ID number or name without storing either.

``HMAC-SHA256(lookup key, kind || normalised value)``: equal inputs give equal
hashes on this station only; without ``keys/lookup.key`` a copied database
cannot be searched by guessing ID numbers (18 digits with a check digit and a
birth date are few enough to enumerate, which is why a plain hash would not do).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from intake.applicant import Applicant, LegalEntity
from safe_chars import strip_unsafe

__all__ = ["LOOKUP_KEY_FILE", "LookupHasher", "normalise_id_number", "normalise_name"]

LOOKUP_KEY_FILE = "lookup.key"


def normalise_id_number(text: str) -> str:
    """``"  110101 19900307 123x"`` → ``"11010119900307123X"`` (also fits a credit code)."""
    return "".join(unicodedata.normalize("NFKC", strip_unsafe(text)).split()).upper()


def normalise_name(text: str) -> str:
    """Full-width forms folded, spaces, control and invisible characters dropped (as
    intake.applicant stores a name), Latin letters case-folded."""
    clean = strip_unsafe(text, keep_not_text=True)
    return "".join(unicodedata.normalize("NFKC", clean).split()).casefold()


class LookupHasher:
    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("lookup key too short")
        self._key = key

    def _mac(self, kind: str, value: str) -> str:
        return hmac.new(self._key, f"{kind}\n{value}".encode(), hashlib.sha256).hexdigest()

    def id_number(self, text: str) -> str:
        return self._mac("id", normalise_id_number(text))

    def name(self, text: str) -> str:
        return self._mac("name", normalise_name(text))

    def applicant(self, applicant: Applicant) -> tuple[str, str]:
        """(id hash, name hash) of an applicant; a company is found by its credit code."""
        if isinstance(applicant, LegalEntity):
            return self.id_number(applicant.credit_code), self.name(applicant.name)
        return self.id_number(applicant.id_number), self.name(applicant.name)
