"""Taking back what the platform already holds for this station (``yiwang recover``):
a submission the platform acknowledged is put back into the local database as
delivered, with its receipt number, so it is shown again and never reissued."""

from __future__ import annotations

import logging
from datetime import datetime
from enum import StrEnum
from typing import Any

from intake.receipt_number import parse_receipt_no
from intake.submission import Submission
from sync.store.records import canonical_text, to_db_time, utcnow
from sync.store.submissions import SubmissionsPart

log = logging.getLogger("sync.store")


class Adopted(StrEnum):
    ADDED = "added"  # not in the local database: put back as delivered
    DELIVERED = "delivered"  # held locally as undelivered: now marked delivered
    KNOWN = "known"  # already held as delivered
    CONFLICT = "conflict"  # its receipt number belongs to another local submission


class AdoptionPart(SubmissionsPart):
    def adopt_platform_copy(
        self,
        submission: Submission,
        *,
        case_no: str,
        status: str | None,
        received_at: datetime | None,
        manifest: dict[str, Any],
        now: datetime | None = None,
    ) -> Adopted:
        """Record a submission the platform holds for us (P4) as delivered."""
        now = now or utcnow()
        station, day, seq = parse_receipt_no(submission.receipt_no)
        delivered_at = to_db_time(received_at or now)
        with self._write() as db:
            row = db.execute(
                "SELECT sync_state FROM submissions WHERE uuid = ?", [submission.uuid]
            ).fetchone()
            if row is not None:
                if row[0] == "delivered":
                    return Adopted.KNOWN
                db.execute(
                    "UPDATE submissions SET sync_state = 'delivered', case_no = ?,"
                    " platform_status = COALESCE(?, platform_status), delivered_at = ?,"
                    " delivered_platform_at = ?, last_error = NULL, next_attempt_at = NULL,"
                    " sending_owner = NULL, sending_since = NULL WHERE uuid = ?",
                    [case_no, status, delivered_at, delivered_at, submission.uuid],
                )
                self._append_audit(
                    db,
                    actor="recover",
                    action="delivered",
                    subject=submission.uuid,
                    detail={"case_no": case_no, "source": "platform"},
                    now=now,
                )
                return Adopted.DELIVERED
            clash = db.execute(
                "SELECT uuid FROM submissions WHERE receipt_no = ?", [submission.receipt_no]
            ).fetchone()
            if clash is not None:
                log.error(
                    "platform holds %s as %s but it is %s here",
                    submission.receipt_no,
                    submission.uuid,
                    clash[0],
                )
                return Adopted.CONFLICT
            missing = [s for s in submission.blob_hashes if not self.blobs.has(s)]
            sealed_manifest = self.keys.seal(
                canonical_text(manifest).encode("utf-8"), aad=f"manifest:{submission.uuid}".encode()
            )
            db.execute(
                "INSERT INTO submissions (uuid, receipt_no, station_code, item_code,"
                " catalog_version, channel, clerk_id, accepted_at, applicant_sealed,"
                " manifest_sealed, sync_state, case_no, platform_status, delivered_at,"
                " delivered_platform_at, blobs_purged_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'delivered', ?, ?, ?, ?, ?)",
                [
                    submission.uuid,
                    submission.receipt_no,
                    station,
                    submission.item_code,
                    submission.catalog_version,
                    submission.channel.value,
                    submission.clerk_id,
                    to_db_time(submission.accepted_at),
                    self._seal_applicant(submission.uuid, submission.applicant),
                    sealed_manifest,
                    case_no,
                    status,
                    delivered_at,
                    delivered_at,
                    # pages gone from this disk are safe on the platform: nothing to purge
                    to_db_time(now) if missing else None,
                ],
            )
            db.table("submission_pages").insert_all(
                {
                    "uuid": submission.uuid,
                    "material_index": mi,
                    "material_code": m.material_code,
                    "page_index": pi,
                    "sha256": sha,
                }
                for mi, m in enumerate(submission.materials)
                for pi, sha in enumerate(m.pages)
            )
            db.execute(
                "INSERT INTO receipt_sequences (station_code, day, last_seq) VALUES (?, ?, ?)"
                " ON CONFLICT (station_code, day) DO UPDATE"
                " SET last_seq = MAX(last_seq, excluded.last_seq)",
                [station, day.isoformat(), seq],
            )
            self._append_audit(
                db,
                actor="recover",
                action="adopt",
                subject=submission.uuid,
                detail={"receipt_no": submission.receipt_no, "case_no": case_no},
                now=now,
            )
        return Adopted.ADDED
