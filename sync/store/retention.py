"""Retention: page images leave the terminal once delivered long enough ago, and
images no submission references leave after a day."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sync.store.core import StoreCore
from sync.store.records import PurgeResult, aware, to_db_time, utcnow

log = logging.getLogger("sync.store")


class RetentionPart(StoreCore):
    def purge_unreferenced_blobs(
        self, older_than: timedelta = timedelta(hours=24), now: datetime | None = None
    ) -> int:
        """Delete page images no submission references, once they are ``older_than``.

        Pages of drafts the clerk abandoned or pages removed before acceptance are
        personal data too; they must not stay on the terminal for ever. Pages of a
        draft in progress are younger than the cutoff and are kept. Runs under the
        write lock, so an ``accept`` cannot start referencing a blob being deleted.
        """
        cutoff = (aware(now or utcnow()) - older_than).timestamp()
        with self._write() as db:
            referenced = {
                str(r[0]) for r in db.execute("SELECT DISTINCT sha256 FROM submission_pages")
            }
            deleted = 0
            for sha in self.blobs.all_hashes():
                if sha in referenced:
                    continue
                try:
                    if self.blobs.path(sha).stat().st_mtime >= cutoff:
                        continue
                except FileNotFoundError:
                    continue
                if self.blobs.delete(sha):
                    deleted += 1
            if deleted:
                self._append_audit(
                    db,
                    actor="retention",
                    action="purge_unreferenced_blobs",
                    subject=None,
                    detail={"blobs": deleted},
                    now=now or utcnow(),
                )
        if deleted:
            log.info("removed %d page image(s) no submission references", deleted)
        return deleted

    def purge_delivered_blobs(
        self, older_than: timedelta, now: datetime | None = None
    ) -> PurgeResult:
        """Delete page blobs of submissions delivered before ``now - older_than``.

        Metadata (rows, page hashes, statuses, audit) is kept. A blob still
        referenced by any submission that is not being purged (undelivered, or
        delivered more recently) is kept. Runs under the write lock, so an
        ``accept`` cannot start referencing a blob while it is being deleted.
        """
        now = now or utcnow()
        cutoff = to_db_time(aware(now) - older_than)
        with self._write() as db:
            victims = [
                str(r[0])
                for r in db.execute(
                    "SELECT uuid FROM submissions WHERE sync_state = 'delivered'"
                    " AND delivered_at <= ? AND blobs_purged_at IS NULL",
                    [cutoff],
                ).fetchall()
            ]
            if not victims:
                return PurgeResult(0, 0, 0)
            db.execute("CREATE TEMP TABLE IF NOT EXISTS purge_set (uuid TEXT PRIMARY KEY)")
            db.execute("DELETE FROM purge_set")
            db.conn.executemany("INSERT INTO purge_set (uuid) VALUES (?)", [(u,) for u in victims])
            candidates = [
                str(r[0])
                for r in db.execute(
                    "SELECT DISTINCT sha256 FROM submission_pages WHERE uuid IN purge_set"
                ).fetchall()
            ]
            still_needed = {
                str(r[0])
                for r in db.execute(
                    "SELECT DISTINCT p.sha256 FROM submission_pages p JOIN submissions s"
                    " ON s.uuid = p.uuid"
                    " WHERE s.uuid NOT IN purge_set AND s.blobs_purged_at IS NULL"
                ).fetchall()
            }
            to_delete = [s for s in candidates if s not in still_needed]
            db.execute(
                "UPDATE submissions SET blobs_purged_at = ? WHERE uuid IN purge_set",
                [to_db_time(now)],
            )
            self._append_audit(
                db,
                actor="retention",
                action="purge_blobs",
                subject=None,
                detail={"submissions": len(victims), "blobs": len(to_delete)},
                now=now,
            )
            db.execute("DELETE FROM purge_set")
            # Files go while we still hold the write lock; if we crash half-way the
            # rows say "purged" and the leftover files are unreferenced garbage.
            deleted = sum(1 for sha in to_delete if self.blobs.delete(sha))
        log.info("purged %d blob(s) of %d delivered submission(s)", deleted, len(victims))
        return PurgeResult(len(victims), deleted, len(candidates) - len(to_delete))
