"""Accepting a submission (receipt number, row, pages, audit in one transaction) and
reading it back as a :class:`SubmissionRecord`."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from intake.acceptance import Acceptance
from intake.applicant import Applicant, applicant_from_dict, applicant_to_dict
from intake.receipt_number import format_receipt_no
from intake.submission import CapturedMaterial, Channel, Submission
from sync.blobs import check_sha
from sync.keyed_hash import LOOKUP_KEY_FILE, LookupHasher
from sync.store.core import StoreCore, os_storage_error
from sync.store.highwater import HighWaterUnreadable
from sync.store.integrity import DamageKind, StoreDamaged
from sync.store.records import (
    DuplicateSubmission,
    MissingLocalBlobs,
    SubmissionRecord,
    SyncState,
    UnknownSubmission,
    aware,
    canonical_text,
    from_db_time,
    to_db_time,
)

log = logging.getLogger("sync.store")


QUEUE_TICKET = re.compile(r"[A-Za-z0-9-]{1,16}")


class SubmissionsPart(StoreCore):
    def _lookup_hasher(self) -> LookupHasher:
        hasher: LookupHasher | None = getattr(self, "_lookup_hasher_cache", None)
        if hasher is None:
            hasher = LookupHasher(self.keys.named_key(LOOKUP_KEY_FILE))
            self._lookup_hasher_cache = hasher
        return hasher

    def lookup_hasher(self) -> LookupHasher:
        """Keyed hashes of ID numbers and names, as stored for the ledger's search."""
        return self._lookup_hasher()

    def _seal_applicant(self, uuid: str, applicant: Applicant) -> bytes:
        plain = canonical_text(applicant_to_dict(applicant)).encode("utf-8")
        return self.keys.seal(plain, aad=f"applicant:{uuid}".encode())

    def _open_applicant(self, uuid: str, sealed: bytes) -> Applicant:
        plain = self.keys.open(bytes(sealed), aad=f"applicant:{uuid}".encode())
        return applicant_from_dict(json.loads(plain))

    def accept(
        self,
        *,
        uuid: str,
        station_code: str,
        item_code: str,
        catalog_version: str,
        applicant: Applicant,
        materials: Sequence[CapturedMaterial],
        channel: Channel | str,
        clerk_id: str | None,
        now: datetime,
        started_at: datetime | None = None,
        queue_ticket: str | None = None,
        collection: str | None = None,
        acceptance: Acceptance | None = None,
    ) -> Submission:
        """Allocate the next receipt number for (station, local day) and store the submission.

        Receipt number, submission row, page rows and an audit row are committed in
        one transaction; every page blob must already be in the store
        (:class:`MissingLocalBlobs` otherwise). Calling again with the same uuid and
        the same content returns the stored submission (no new number);
        different content raises :class:`DuplicateSubmission`.

        ``started_at`` (the first card read of this intake) measures handling time;
        ``queue_ticket`` is the hall's 排队号; ``acceptance`` records 容缺受理 or 告知承诺制
        (in the row and the manifest). The applicant's ID number and name are
        stored only as keyed hashes (:mod:`sync.keyed_hash`) for the ledger's search.
        """
        if queue_ticket is not None and not QUEUE_TICKET.fullmatch(queue_ticket):
            raise ValueError("a queue ticket is 1-16 ASCII letters, digits or '-'")
        # Build (and so validate) the submission before touching the database.
        provisional = Submission(
            uuid=uuid,
            receipt_no="(pending)",
            item_code=item_code,
            catalog_version=catalog_version,
            applicant=applicant,
            materials=tuple(materials),
            channel=Channel(channel),
            clerk_id=clerk_id,
            accepted_at=aware(now),
            collection=collection,
            acceptance=acceptance,
        )
        accepted_at = provisional.accepted_at
        channel = provisional.channel
        materials = provisional.materials
        hashes = [check_sha(s) for s in provisional.blob_hashes]
        sealed = self._seal_applicant(uuid, applicant)
        id_hash, name_hash = self._lookup_hasher().applicant(applicant)
        day: date = accepted_at.astimezone(self.tz).date()
        with self._gate.urgent(), self._write() as db:
            self._hook("accept:locked")
            existing = db.execute("SELECT uuid FROM submissions WHERE uuid = ?", [uuid]).fetchone()
            if existing is not None:
                prev = self._load(db, uuid).submission
                same = (
                    prev.item_code == item_code
                    and prev.catalog_version == catalog_version
                    and prev.applicant == applicant
                    and prev.materials == materials
                    and prev.channel == channel
                    and prev.clerk_id == clerk_id
                    and prev.acceptance == acceptance
                )
                if not same:
                    raise DuplicateSubmission(f"uuid {uuid} already accepted with other content")
                log.info("accept replay for %s returns %s", uuid, prev.receipt_no)
                return prev
            missing = sorted({s for s in hashes if not self.blobs.has(s)})
            if missing:
                raise MissingLocalBlobs(missing)
            seq = self._reserve_receipt_seq(db, station_code, day)
            receipt_no = format_receipt_no(station_code, day, seq)
            self._hook("accept:receipt")
            submission = dataclasses.replace(provisional, receipt_no=receipt_no)
            manifest = self.keys.seal(
                canonical_text(submission.manifest()).encode("utf-8"),
                aad=f"manifest:{uuid}".encode(),
            )
            # the receipt is dated by the local clock; how far that clock was from the
            # platform's (as last learned) goes with it, for whoever reads it later
            offset = db.execute("SELECT value FROM kv WHERE key = 'clock_offset_s'").fetchone()
            skew = -float(offset[0]) if offset is not None else None
            db.execute(
                "INSERT INTO submissions (uuid, receipt_no, station_code, item_code,"
                " catalog_version, channel, clerk_id, accepted_at, applicant_sealed,"
                " manifest_sealed, clock_skew_s, sync_state, id_hash, name_hash, started_at,"
                " queue_ticket, acceptance)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)",
                [
                    uuid,
                    receipt_no,
                    station_code,
                    item_code,
                    catalog_version,
                    channel.value,
                    clerk_id,
                    to_db_time(accepted_at),
                    sealed,
                    manifest,
                    skew,
                    id_hash,
                    name_hash,
                    to_db_time(aware(started_at)) if started_at else None,
                    queue_ticket,
                    canonical_text(acceptance.to_dict()) if acceptance is not None else None,
                ],
            )
            self._hook("accept:submission")
            pages = [
                {
                    "uuid": uuid,
                    "material_index": mi,
                    "material_code": m.material_code,
                    "page_index": pi,
                    "sha256": sha,
                }
                for mi, m in enumerate(materials)
                for pi, sha in enumerate(m.pages)
            ]
            if pages:
                db.table("submission_pages").insert_all(pages)
            self._hook("accept:pages")
            self._append_audit(
                db,
                actor=clerk_id or channel.value,
                action="accept",
                subject=uuid,
                detail={
                    "receipt_no": receipt_no,
                    "item_code": item_code,
                    "pages": len(pages),
                    **({"acceptance": acceptance.to_dict()} if acceptance else {}),
                },
                now=accepted_at,
            )
            self._hook("accept:commit")
        self._receipt_committed(station_code, day, seq)
        if self.backups is not None:
            self.backups.note_accept()
        log.info("accepted %s as %s (%d pages)", uuid, receipt_no, len(pages))
        return submission

    def _reserve_receipt_seq(self, db: Database, station_code: str, day: date) -> int:
        """The next sequence of ``day``, above everything this database, the high-water
        record outside it and the platform (P2) know; reserved durably in the record
        before the caller commits, so a printed number is never issued again."""
        row = db.execute(
            "SELECT last_seq FROM receipt_sequences WHERE station_code = ? AND day = ?",
            [station_code, day.isoformat()],
        ).fetchone()
        have = int(row[0]) if row else 0
        try:
            floor, committed = self.highwater.day_mark(station_code, day)
        except HighWaterUnreadable as e:
            raise StoreDamaged(DamageKind.RECORD, str(e), self.data_dir) from e
        if have < committed:
            raise StoreDamaged(
                DamageKind.BEHIND,
                f"{station_code} {day}: database ends at {have}, "
                f"receipts were issued up to {committed}",
                self.data_dir,
            )
        seq = max(have, floor) + 1
        db.execute(
            "INSERT INTO receipt_sequences (station_code, day, last_seq) VALUES (?, ?, ?)"
            " ON CONFLICT (station_code, day) DO UPDATE SET last_seq = excluded.last_seq",
            [station_code, day.isoformat(), seq],
        )
        try:
            self.highwater.reserve(station_code, day, seq)
        except OSError as e:
            raise os_storage_error(e, self.highwater.path) from e
        return seq

    def note_receipt_high(self, receipt_no: str) -> bool:
        """The platform's highest receipt number for this station (P2: the
        ``X-Yiwang-Receipt-High`` header, ``receipt_high`` at enrollment). Kept in the
        record outside the database, so no number at or below it is issued again even
        from a new or restored database. True when it raised the record."""
        try:
            return self.highwater.note_platform_high(receipt_no)
        except OSError as e:
            raise os_storage_error(e, self.highwater.path) from e

    def _receipt_committed(self, station_code: str, day: date, seq: int) -> None:
        try:
            self.highwater.commit(station_code, day, seq)
        except (OSError, HighWaterUnreadable):
            # Safe to miss: the number stays reserved; only the check that a later
            # database copy is not behind loses this one receipt.
            log.exception("could not mark receipt %s-%s-%d committed", station_code, day, seq)

    # -- reading ------------------------------------------------------------------

    def _load(self, db: Database, uuid: str) -> SubmissionRecord:
        rows = list(db.query("SELECT * FROM submissions WHERE uuid = ?", [uuid]))
        if not rows:
            raise UnknownSubmission(f"no submission {uuid}")
        return self._record(db, rows[0])

    def _record(self, db: Database, r: Mapping[str, Any]) -> SubmissionRecord:
        uuid = str(r["uuid"])
        materials: list[CapturedMaterial] = []
        current: tuple[int, str] | None = None
        pages: list[str] = []
        for p in db.query(
            "SELECT material_index, material_code, sha256 FROM submission_pages"
            " WHERE uuid = ? ORDER BY material_index, page_index",
            [uuid],
        ):
            key = (int(p["material_index"]), str(p["material_code"]))
            if key != current:
                if current is not None:
                    materials.append(CapturedMaterial(current[1], tuple(pages)))
                current, pages = key, []
            pages.append(str(p["sha256"]))
        if current is not None:
            materials.append(CapturedMaterial(current[1], tuple(pages)))
        accepted_at = from_db_time(r["accepted_at"])
        assert accepted_at is not None
        submission = Submission(
            uuid=uuid,
            receipt_no=str(r["receipt_no"]),
            item_code=str(r["item_code"]),
            catalog_version=str(r["catalog_version"]),
            applicant=self._open_applicant(uuid, r["applicant_sealed"]),
            materials=tuple(materials),
            channel=Channel(r["channel"]),
            clerk_id=r["clerk_id"],
            accepted_at=accepted_at,
            acceptance=_acceptance(r.get("acceptance")),
        )
        return SubmissionRecord(
            submission=submission,
            sync_state=SyncState(r["sync_state"]),
            attempts=int(r["attempts"]),
            next_attempt_at=from_db_time(r["next_attempt_at"]),
            last_error=r["last_error"],
            case_no=r["case_no"],
            platform_status=r["platform_status"],
            platform_status_at=from_db_time(r["platform_status_at"]),
            delivered_at=from_db_time(r["delivered_at"]),
            blobs_purged_at=from_db_time(r["blobs_purged_at"]),
            clock_skew_s=r["clock_skew_s"],
        )


def _acceptance(raw: object) -> Acceptance | None:
    return Acceptance.from_dict(json.loads(str(raw))) if raw else None
