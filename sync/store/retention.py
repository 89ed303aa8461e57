"""Retention: page images leave the terminal once delivered long enough ago, and
images no submission references leave after a day.

Two rules keep it safe for the window:

- Short transactions. Work is done in small batches, each its own write
  transaction of a few milliseconds (files are deleted inside it, so an
  ``accept`` can never start referencing a page that is being deleted); an
  accept waits at most one batch.
- Never early. Age is counted on the station's clock *and* on the platform's:
  a delivery must be older than the retention period by both, where the
  platform's side uses the delivery time in platform time and the latest
  platform time the station has seen (:meth:`StatusesPart.note_platform_clock`).
  A station clock that runs fast therefore cannot purge pages early, and one
  corrected backwards only delays the purge.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sync.store.core import StoreCore
from sync.store.records import PurgeResult, aware, from_db_time, to_db_time, utcnow

log = logging.getLogger("sync.store")

#: submissions per purge transaction (about two page files each)
PURGE_BATCH = 50
#: unreferenced page files checked and deleted per transaction
ORPHAN_BATCH = 100
#: pause between batches, so a writer in another process (its busy handler polls)
#: finds the lock free; in this process an accept goes first anyway (WriteGate)
BATCH_PAUSE = 0.01


class RetentionPart(StoreCore):
    def _platform_time_high(self) -> datetime | None:
        row = self._db().execute("SELECT value FROM kv WHERE key = 'platform_time_high'").fetchone()
        return from_db_time(str(row[0])) if row else None

    def purge_unreferenced_blobs(
        self, older_than: timedelta = timedelta(hours=24), now: datetime | None = None
    ) -> int:
        """Delete page images no submission references, once they are ``older_than``.

        Pages of drafts the clerk abandoned or pages removed before acceptance are
        personal data too; they must not stay on the terminal for ever. Pages of a
        draft in progress are younger than the cutoff and are kept. Candidates are
        found without a lock; each batch re-checks them under the write lock, so an
        ``accept`` cannot start referencing a blob being deleted.
        """
        cutoff = (aware(now or utcnow()) - older_than).timestamp()
        candidates = []
        for sha in self.blobs.all_hashes():
            try:
                if self.blobs.path(sha).stat().st_mtime < cutoff:
                    candidates.append(sha)
            except FileNotFoundError:
                continue
        deleted = 0
        for start in range(0, len(candidates), ORPHAN_BATCH):
            if start:
                self._yield_to_accept(BATCH_PAUSE)
            gone = []
            with self._write() as db:
                for sha in candidates[start : start + ORPHAN_BATCH]:
                    used = db.execute(
                        "SELECT 1 FROM submission_pages WHERE sha256 = ?"
                        " UNION ALL SELECT 1 FROM case_outcome_pages WHERE sha256 = ? LIMIT 1",
                        [sha, sha],
                    ).fetchone()
                    if used is None and self.blobs.delete(sha, durable=False):
                        gone.append(sha)
            self.blobs.sync_dirs(gone)
            deleted += len(gone)
        if deleted:
            self.audit("retention", "purge_unreferenced_blobs", None, {"blobs": deleted}, now=now)
            log.info("removed %d page image(s) no submission references", deleted)
        return deleted

    def purge_delivered_blobs(
        self, older_than: timedelta, now: datetime | None = None
    ) -> PurgeResult:
        """Delete page blobs of submissions delivered more than ``older_than`` ago
        (by the station's clock and by the platform's, see the module text).

        Metadata (rows, page hashes, statuses, audit) is kept. A blob still
        referenced by any submission that is not purged (undelivered, or delivered
        more recently) is kept.
        """
        now = now or utcnow()
        local_cutoff = to_db_time(aware(now) - older_than)
        platform_high = self._platform_time_high()
        # unknown platform time: nothing better than the local clock (no delivery
        # has then been acknowledged with a time either)
        platform_cutoff = (
            to_db_time(platform_high - older_than) if platform_high is not None else local_cutoff
        )
        submissions = deleted = kept = 0
        while True:
            if submissions:
                self._yield_to_accept(BATCH_PAUSE)
            with self._write() as db:
                batch = [
                    str(r[0])
                    for r in db.execute(
                        "SELECT uuid FROM submissions WHERE sync_state = 'delivered'"
                        " AND blobs_purged_at IS NULL AND delivered_at <= ?"
                        " AND COALESCE(delivered_platform_at, delivered_at) <= ?"
                        " LIMIT ?",
                        [local_cutoff, platform_cutoff, PURGE_BATCH],
                    ).fetchall()
                ]
                if not batch:
                    break
                self._hook("purge:batch")
                marks = ", ".join("?" for _ in batch)
                candidates = {
                    str(r[0])
                    for r in db.execute(
                        f"SELECT DISTINCT sha256 FROM submission_pages WHERE uuid IN ({marks})",
                        batch,
                    ).fetchall()
                }
                db.execute(
                    f"UPDATE submissions SET blobs_purged_at = ? WHERE uuid IN ({marks})",
                    [to_db_time(now), *batch],
                )
                to_delete = [
                    sha
                    for sha in sorted(candidates)
                    if db.execute(
                        "SELECT 1 FROM submission_pages p JOIN submissions s ON s.uuid = p.uuid"
                        " WHERE p.sha256 = ? AND s.blobs_purged_at IS NULL LIMIT 1",
                        [sha],
                    ).fetchone()
                    is None
                ]
                self._append_audit(
                    db,
                    actor="retention",
                    action="purge_blobs",
                    subject=None,
                    detail={"submissions": len(batch), "blobs": len(to_delete)},
                    now=now,
                )
                # Files go while we still hold the write lock; if we crash half-way the
                # rows say "purged" and the leftover files are unreferenced garbage.
                gone = [sha for sha in to_delete if self.blobs.delete(sha, durable=False)]
            self.blobs.sync_dirs(gone)  # the slow part, outside the lock
            deleted += len(gone)
            submissions += len(batch)
            kept += len(candidates) - len(to_delete)
        if submissions:
            log.info("purged %d blob(s) of %d delivered submission(s)", deleted, submissions)
        return PurgeResult(submissions, deleted, kept)
