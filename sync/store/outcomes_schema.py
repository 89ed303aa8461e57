"""Schema for what the station owes the platform after the submission itself.

Migration v7 (see :mod:`.schema`): ``case_outcomes`` holds supplements (补正, P5),
refusals (不予受理) and handovers (办结领取, P6) until the platform acknowledged each
with a valid proof; :mod:`sync.case_outcomes` writes and delivers them. The body is
sealed with the data key (it carries names and ID numbers). ``case_outcome_pages``
keeps a supplement's page images referenced, so retention never deletes them.
"""

from __future__ import annotations

from sqlite_utils import Database

OUTCOMES_SCHEMA_VERSION = 7

MIGRATION_SQL = (
    """
    CREATE TABLE case_outcomes (
        uuid TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('supplement', 'refusal', 'handover')),
        submission_uuid TEXT REFERENCES submissions (uuid),
        reference TEXT NOT NULL,
        body_sealed BLOB NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT,
        platform_status TEXT
    )""",
    "CREATE INDEX case_outcomes_due ON case_outcomes (state, next_attempt_at)",
    "CREATE INDEX case_outcomes_submission ON case_outcomes (submission_uuid)",
    # a case is handed over once
    "CREATE UNIQUE INDEX case_outcomes_one_handover ON case_outcomes (submission_uuid)"
    " WHERE kind = 'handover'",
    """
    CREATE TABLE case_outcome_pages (
        outcome_uuid TEXT NOT NULL REFERENCES case_outcomes (uuid),
        material_code TEXT NOT NULL,
        page_index INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (outcome_uuid, material_code, page_index)
    )""",
    "CREATE INDEX case_outcome_pages_sha ON case_outcome_pages (sha256)",
)


def migrate_v7(db: Database) -> None:
    for stmt in MIGRATION_SQL:
        db.execute(stmt)
