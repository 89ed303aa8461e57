"""Schema for service evaluations (好差评) waiting for the platform.

Migration v6 (see :mod:`.schema`): the ``evaluations`` table that
:mod:`sync.evaluations` writes when a citizen rates a finished case and delivers
like a submission (idempotent ``PUT`` per uuid, backoff, failure kept with its
reason). One evaluation per submission.
"""

from __future__ import annotations

from sqlite_utils import Database

EVALUATIONS_SCHEMA_VERSION = 6

MIGRATION_SQL = (
    """
    CREATE TABLE evaluations (
        uuid TEXT PRIMARY KEY,
        submission_uuid TEXT NOT NULL UNIQUE REFERENCES submissions (uuid),
        body TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
    )""",
    "CREATE INDEX evaluations_due ON evaluations (state, next_attempt_at)",
)


def migrate_v6(db: Database) -> None:
    for stmt in MIGRATION_SQL:
        db.execute(stmt)
