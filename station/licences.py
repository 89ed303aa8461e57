"""The applicant's electronic licences (电子证照, P9) for the intake UIs: list them by ID
number and fetch a chosen one's page, through the platform client (network lane).

Every failure is one :class:`LicenceUnavailable` whose code picks the sentence:
``offline`` (no network or platform: the action needs the network), ``refused`` (the
platform refused the station), ``bad_answer`` (the answer broke the protocol: nothing
of it is used). The ID number is only hashed (keyed) by the client; it is never logged.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import TypeVar

from coded_errors import CodedError
from intake.catalog import Material
from intake.submission import LicenceRef
from sync.client import AuthError, BadAnswer, PermanentError, PlatformClient, TransientError
from sync.client.licences import ElectronicLicence, fetch_licence_page, find_licences

T = TypeVar("T")

__all__ = [
    "ElectronicLicence",
    "LicenceService",
    "LicenceUnavailable",
    "licence_ref",
    "licences_fitting",
]

log = logging.getLogger(__name__)

#: a page wider or taller than this is not a licence page
MAX_PAGE_SIDE = 6000

_DETAIL = {
    "offline": "electronic licences need the network",
    "refused": "the platform refused the licence query",
    "bad_answer": "the platform's licence answer was invalid and was not used",
}


class LicenceUnavailable(CodedError):
    """The licence library cannot be used now: "licence.offline", "licence.refused" or
    "licence.bad_answer", worded by the front end."""

    family = "licence"

    def __init__(self, code: str) -> None:
        super().__init__(code, _DETAIL[code])


def licence_ref(licence: ElectronicLicence) -> LicenceRef:
    """What the manifest records of a licence filed as a material."""
    return LicenceRef(licence.licence_id, licence.kind, licence.number, licence.issuer)


def licences_fitting(
    licences: list[ElectronicLicence], material: Material
) -> list[ElectronicLicence]:
    """The licences the catalog lets stand in for ``material`` (its ``licence_kinds``):
    a 户口簿 is never offered for a 出生医学证明."""
    return [lic for lic in licences if lic.kind in material.licence_kinds]


class LicenceService:
    """``client`` gives a fresh worker client (its own HTTP session), or None when the
    station has no platform (not enrolled, engine off): that is "offline" too."""

    def __init__(self, client: Callable[[], PlatformClient | None]) -> None:
        self._client = client

    def find(self, id_number: str) -> list[ElectronicLicence]:
        return self._with_client(lambda c: find_licences(c, id_number))

    def page(self, licence: ElectronicLicence, id_number: str) -> bytes:
        from PIL import Image  # on first use: start-up does not need it

        jpeg = self._with_client(lambda c: fetch_licence_page(c, licence, id_number))
        try:
            with Image.open(io.BytesIO(jpeg)) as image:
                if image.format != "JPEG" or max(image.size) > MAX_PAGE_SIDE:
                    raise ValueError(f"{image.format} {image.size}")
                image.load()  # decodes every byte: a truncated page fails here
        except (OSError, ValueError, Image.DecompressionBombError) as e:
            log.warning("licence page refused: %s", e)
            raise LicenceUnavailable("bad_answer") from None
        return jpeg

    def _with_client(self, call: Callable[[PlatformClient], T]) -> T:
        client = self._client()
        if client is None:
            raise LicenceUnavailable("offline")
        try:
            return call(client)
        except BadAnswer as e:  # before TransientError, which it extends
            log.warning("licence answer refused: %s", e)
            raise LicenceUnavailable("bad_answer") from None
        except TransientError as e:
            log.info("licence library unreachable: %s", e)
            raise LicenceUnavailable("offline") from None
        except (AuthError, PermanentError) as e:
            log.warning("licence query refused by the platform: %s", e)
            raise LicenceUnavailable("refused") from None
        finally:
            client.close_worker()
