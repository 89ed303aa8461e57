"""Filing a page from the platform's electronic licence library (电子证照, P9) into the
intake session: the page is stored like a captured one (no quality check: it is the
platform's own rendering) and the material is marked as an electronic licence, which
goes into the manifest. A mixin of ``station.intake_session.IntakeSession``.
"""

from __future__ import annotations

import logging

from intake.submission import LicenceRef
from station.session_core import SessionCore
from station.session_state import EDITABLE, Note, Severity, Topic

log = logging.getLogger(__name__)


class LicenceFiling(SessionCore):
    def licence_filed(self, material_code: str, licence: LicenceRef, jpeg: bytes) -> None:
        """The clerk chose ``licence`` for ``material_code``; ``jpeg`` is its checked page."""
        self._require(*EDITABLE)
        self._require_draft().item.material(material_code)  # raises UnknownMaterial
        self._storing += 1
        self._changed()
        generation = self._generation
        self._runner.disk(
            lambda: self._intake.store_page(jpeg),
            lambda sha: self._licence_stored(generation, material_code, licence, sha),
            lambda e: self._licence_store_failed(generation, e),
        )

    def _licence_stored(
        self, generation: int, code: str, licence: LicenceRef, sha: str
    ) -> None:
        if generation != self._generation or self._draft is None:
            log.info("licence page stored for an abandoned draft; retention will purge it")
            return
        self._storing -= 1
        self._notice_issued = False
        self._draft.add_page(code, sha)
        self._draft.licences[code] = (sha, licence)
        self._note = Note("licence.filed", Topic.CAPTURE, Severity.INFO)
        if self._current == code:
            self._select_next_missing()
        self._changed()

    def _licence_store_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._storing -= 1
        self._note = Note.from_error(error, Topic.CAPTURE, "licence_store_failed")
        self._changed()
