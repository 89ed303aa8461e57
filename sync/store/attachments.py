"""Page images: the encrypted blob files the submissions reference by SHA-256, and
the check that every page an undelivered submission needs is still on disk."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import BinaryIO, cast

from sync.problems import Code, Problem
from sync.store.core import StoreCore
from sync.store.records import to_db_time, utcnow

log = logging.getLogger("sync.store")



class AttachmentsPart(StoreCore):
    def put_blob(self, data: bytes) -> str:
        return self.blobs.put(data)

    def put_blob_stream(self, fileobj: BinaryIO) -> str:
        return self.blobs.put_stream(fileobj)

    def open_blob(self, sha: str) -> BinaryIO:
        """A seekable plaintext reader (a :class:`sync.crypto.BlobReader`)."""
        return cast(BinaryIO, self.blobs.open(sha))

    def blob_size(self, sha: str) -> int:
        return self.blobs.size(sha)

    def has_blob(self, sha: str) -> bool:
        return self.blobs.has(sha)

    def verify_blob(self, sha: str) -> None:
        self.blobs.verify(sha)

    def missing_pages(self) -> dict[str, list[str]]:
        """Receipt number -> page hashes an undelivered submission references but the
        disk no longer has (the blob index against the blob files)."""
        rows = (
            self._db()
            .execute(
                "SELECT s.receipt_no, p.sha256 FROM submissions s"
                " JOIN submission_pages p ON p.uuid = s.uuid"
                " WHERE s.sync_state IN ('queued', 'sending', 'retry')"
                " AND s.blobs_purged_at IS NULL"
            )
            .fetchall()
        )
        out: dict[str, list[str]] = {}
        for receipt_no, sha in rows:
            if not self.blobs.has(str(sha)):
                out.setdefault(str(receipt_no), []).append(str(sha))
        return out

    def quarantine_missing_pages(self, now: datetime | None = None) -> list[str]:
        """Quarantine undelivered submissions whose page files are gone (they can never
        be delivered whole; the row and its receipt stay). Returns one English line
        per finding, for the log and the command line."""
        missing = self.missing_pages()
        if not missing:
            return []
        now = now or utcnow()
        with self._write() as db:
            for receipt_no, shas in missing.items():
                cur = db.execute(
                    "UPDATE submissions SET sync_state = 'quarantined', last_error = ?,"
                    " next_attempt_at = NULL, sending_owner = NULL, sending_since = NULL"
                    " WHERE receipt_no = ? AND sync_state != 'delivered' RETURNING uuid",
                    [Problem.of(Code.PAGES_MISSING, pages=len(shas)).encode(), receipt_no],
                ).fetchall()
                for (uuid,) in cur:
                    self._append_audit(
                        db,
                        actor="integrity",
                        action="quarantine",
                        subject=str(uuid),
                        detail={"reason": "pages_missing", "pages": len(shas)},
                        now=now,
                    )
        pages = sum(len(v) for v in missing.values())
        line = (
            f"{pages} page image(s) of {len(missing)} undelivered submission(s) are missing "
            f"from blobs/ ({', '.join(sorted(missing))}); they are quarantined — "
            "the applicants must bring the documents again"
        )
        log.error("%s (checked at %s)", line, to_db_time(now))
        return [line]

    def pages_on_disk(self) -> int:
        """Distinct page images the database references and the disk still has."""
        rows = (
            self._db()
            .execute(
                "SELECT DISTINCT p.sha256 FROM submission_pages p JOIN submissions s"
                " ON s.uuid = p.uuid WHERE s.blobs_purged_at IS NULL"
            )
            .fetchall()
        )
        return sum(1 for (sha,) in rows if self.blobs.has(str(sha)))

    def unreferenced_page_count(self) -> int:
        referenced = {
            str(r[0]) for r in self._db().execute("SELECT DISTINCT sha256 FROM submission_pages")
        }
        return sum(1 for sha in self.blobs.all_hashes() if sha not in referenced)
