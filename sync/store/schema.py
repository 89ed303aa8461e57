"""The database schema as ordered migrations, applied at open in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from sync.store.acceptance_schema import migrate_v9
from sync.store.clerk_day_schema import migrate_v8
from sync.store.evaluations_schema import migrate_v6
from sync.store.ledger_schema import migrate_v5
from sync.store.ledger_uploads_schema import migrate_v10
from sync.store.notices_schema import migrate_v11
from sync.store.outcomes_schema import migrate_v7
from sync.store.records import SchemaTooNew, SyncState, to_db_time, utcnow

log = logging.getLogger("sync.store")

DB_FILENAME = "station.db"

_STATES_SQL = ", ".join(f"'{s.value}'" for s in SyncState)

_V1 = [
    f"""
    CREATE TABLE submissions (
        uuid TEXT PRIMARY KEY,
        receipt_no TEXT NOT NULL UNIQUE,
        station_code TEXT NOT NULL,
        item_code TEXT NOT NULL,
        catalog_version TEXT NOT NULL,
        channel TEXT NOT NULL,
        clerk_id TEXT,
        accepted_at TEXT NOT NULL,
        applicant_sealed BLOB NOT NULL,
        sync_state TEXT NOT NULL DEFAULT 'queued' CHECK (sync_state IN ({_STATES_SQL})),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        sending_owner TEXT,
        sending_since TEXT,
        case_no TEXT,
        platform_status TEXT,
        platform_status_at TEXT,
        delivered_at TEXT,
        blobs_purged_at TEXT
    )""",
    "CREATE INDEX submissions_sync ON submissions (sync_state, next_attempt_at)",
    "CREATE INDEX submissions_order ON submissions (accepted_at)",
    "CREATE INDEX submissions_case ON submissions (case_no)",
    """
    CREATE TABLE submission_pages (
        uuid TEXT NOT NULL REFERENCES submissions (uuid),
        material_index INTEGER NOT NULL,
        material_code TEXT NOT NULL,
        page_index INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (uuid, material_index, page_index)
    )""",
    "CREATE INDEX submission_pages_sha ON submission_pages (sha256)",
    """
    CREATE TABLE receipt_sequences (
        station_code TEXT NOT NULL,
        day TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (station_code, day)
    )""",
    """
    CREATE TABLE status_events (
        event_id TEXT PRIMARY KEY,
        uuid TEXT NOT NULL,
        status TEXT NOT NULL,
        payload TEXT NOT NULL,
        received_at TEXT NOT NULL
    )""",
    "CREATE INDEX status_events_uuid ON status_events (uuid)",
    """
    CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
    )""",
    """
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
]


def _migrate_v1(db: Database) -> None:
    for stmt in _V1:
        db.execute(stmt)


def _migrate_v2(db: Database) -> None:
    # why a row waits in 'retry': 'offline' (no answer from the platform), 'server'
    # (the platform answered with a failure) or NULL (local trouble, upload conflict...)
    db.execute("ALTER TABLE submissions ADD COLUMN retry_cause TEXT")


def _migrate_v3(db: Database) -> None:
    # the exact manifest sent to the platform, sealed at accept time: an upgrade that
    # changes Submission.manifest() must not turn a replay into a 409 (NULL: rebuilt)
    db.execute("ALTER TABLE submissions ADD COLUMN manifest_sealed BLOB")


def _migrate_v4(db: Database) -> None:
    # P1: the platform's own event id; the station de-duplicates by it alone, so two
    # identical events in the same second stay two events (NULL: a platform without ids)
    db.execute("ALTER TABLE status_events ADD COLUMN platform_id INTEGER")
    db.execute(
        "CREATE UNIQUE INDEX status_events_platform_id ON status_events (platform_id)"
        " WHERE platform_id IS NOT NULL"
    )
    # clock sanity: how far the station's clock was from the platform's when the
    # receipt was dated (seconds, local - platform; NULL: never compared)
    db.execute("ALTER TABLE submissions ADD COLUMN clock_skew_s REAL")
    # when the platform acknowledged delivery, in the platform's time: retention
    # counts from it, so a station clock that runs fast cannot purge pages early
    db.execute("ALTER TABLE submissions ADD COLUMN delivered_platform_at TEXT")


#: Ordered migrations: (version, description, function). Append; never edit a
#: released one. Each runs in the same transaction as its schema_version row.
MIGRATIONS: tuple[tuple[int, str, Callable[[Database], None]], ...] = (
    (1, "initial schema", _migrate_v1),
    (2, "submissions.retry_cause", _migrate_v2),
    (3, "submissions.manifest_sealed", _migrate_v3),
    (4, "status_events.platform_id, submissions.clock_skew_s/delivered_platform_at", _migrate_v4),
    (5, "clerks, ledger search columns, signed audit", migrate_v5),
    (6, "evaluations", migrate_v6),
    (7, "case outcomes: supplements, refusals, handovers", migrate_v7),
    (8, "audit delivery high-water, clerk directory", migrate_v8),
    (9, "submissions.acceptance (容缺受理, 告知承诺制)", migrate_v9),
    (10, "ledger upload-state index", migrate_v10),
    (11, "notice_holders: a notice's card holder by keyed hash", migrate_v11),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(db: Database) -> int:
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: Database, db_path: Path) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`; call inside a write transaction."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    current = current_version(db)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database schema v{current} is newer than this software (v{SCHEMA_VERSION})"
        )
    for version, description, step in MIGRATIONS:
        if version <= current:
            continue
        log.info("migrating %s to schema v%d (%s)", db_path, version, description)
        step(db)
        db.execute(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?,?,?)",
            [version, description, to_db_time(utcnow())],
        )
