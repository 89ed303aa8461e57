"""The 一次性告知书 issued: its record, and its card holder, found by the keyed hash of
the ID number (schema v11, :mod:`.notices_schema`)."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from intake.applicant import Applicant
from sync.store.core import kv_put
from sync.store.records import aware, to_db_time, utcnow
from sync.store.submissions import SubmissionsPart

log = logging.getLogger("sync.store")

#: notices listed for one holder at the most, newest first (a kiosk screen's worth)
NOTICES_PER_HOLDER = 20


class NoticesPart(SubmissionsPart):
    def record_notice(
        self,
        notice_no: str,
        record: Mapping[str, Any],
        applicant: Applicant | None,
        issued_at: datetime,
        *,
        actor: str,
    ) -> None:
        """A numbered notice issued, in one transaction: its audit row, its record (kv
        ``notice:<number>``: item and materials, what a reprint by its code reads) and,
        given an `applicant`, its link to the card holder. One commit, not three, and no
        notice left recorded without its holder."""
        with self._write() as db:
            self._append_audit(db, actor=actor, action="notice.issued", subject=notice_no,
                               detail=record, now=None)
            kv_put(db, f"notice:{notice_no}", json.dumps(record, ensure_ascii=False), utcnow())
            if applicant is not None:
                self._link(db, notice_no, applicant, issued_at)

    def link_notice(self, notice_no: str, applicant: Applicant, issued_at: datetime) -> None:
        """Remember that `notice_no` was issued to `applicant` (only the keyed hash of
        the ID number or credit code is stored)."""
        with self._write() as db:
            self._link(db, notice_no, applicant, issued_at)

    def _link(
        self, db: Database, notice_no: str, applicant: Applicant, issued_at: datetime
    ) -> None:
        id_hash, _name_hash = self.lookup_hasher().applicant(applicant)
        db.execute(
            "INSERT OR IGNORE INTO notice_holders (notice_no, id_hash, issued_at)"
            " VALUES (?, ?, ?)",
            [notice_no, id_hash, to_db_time(issued_at)],
        )

    def notices_of(self, id_number: str, limit: int = NOTICES_PER_HOLDER) -> list[str]:
        """The numbers of the notices issued to the holder of `id_number`, newest first."""
        id_hash = self.lookup_hasher().id_number(id_number)
        rows = self._db().execute(
            "SELECT notice_no FROM notice_holders WHERE id_hash = ?"
            " ORDER BY issued_at DESC, notice_no DESC LIMIT ?",
            [id_hash, limit],
        ).fetchall()
        return [str(r[0]) for r in rows]

    def holds_notice(self, id_number: str, notice_no: str) -> bool:
        """Whether `notice_no` was issued to the holder of `id_number` (however many
        notices they have: not only the newest listed)."""
        id_hash = self.lookup_hasher().id_number(id_number)
        row = self._db().execute(
            "SELECT 1 FROM notice_holders WHERE id_hash = ? AND notice_no = ?",
            [id_hash, notice_no],
        ).fetchone()
        return row is not None

    def purge_notice_holders(self, older_than: timedelta, now: datetime | None = None) -> int:
        """Forget which card holder a notice older than `older_than` was issued to (the
        retention period of personal data, ``[sync] retention_days``): the link is
        personal data kept only so a citizen can reprint a recent notice at the kiosk;
        the notice itself (names nobody) still reprints by its code. The links removed."""
        cutoff = to_db_time(aware(now or utcnow()) - older_than)
        with self._write() as db:
            gone = db.execute(
                "DELETE FROM notice_holders WHERE issued_at <= ?", [cutoff]
            ).rowcount
            if gone:
                self._append_audit(
                    db, actor="retention", action="purge_notice_holders", subject=None,
                    detail={"links": gone}, now=now,
                )
        if gone:
            log.info("forgot the card holder of %d notice(s) past retention", gone)
        return int(gone)
