"""Schema for the clerk's day on the platform side of the station (migration v8).

* ``audit_delivery``: one row, the durable high-water mark of the audit entries the
  platform acknowledged (P7: id and chain hash of the last one), with the retry
  state of their delivery (:mod:`sync.audit_delivery`);
* ``clerk_directory``: the clerks pulled from the platform (P8) with the PIN hash
  last pulled for each, so that a PIN a clerk changed on the station is replaced
  only when the platform's hash changes (an admin reset it there), and the
  directory version applied (:mod:`sync.clerk_directory`).
"""

from __future__ import annotations

from sqlite_utils import Database

from sync.audit_signing import GENESIS_HASH

CLERK_DAY_SCHEMA_VERSION = 8

MIGRATION_SQL = (
    """
    CREATE TABLE audit_delivery (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        high_id INTEGER NOT NULL DEFAULT 0,
        high_hash TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        updated_at TEXT
    )""",
    f"INSERT INTO audit_delivery (id, high_id, high_hash) VALUES (1, 0, '{GENESIS_HASH}')",
    """
    CREATE TABLE clerk_directory (
        clerk_id TEXT PRIMARY KEY,
        pulled_pin_hash TEXT NOT NULL,
        version INTEGER NOT NULL,
        pulled_at TEXT NOT NULL
    )""",
    """
    CREATE TABLE clerk_directory_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL DEFAULT 0,
        pulled_at TEXT
    )""",
    "INSERT INTO clerk_directory_state (id, version) VALUES (1, 0)",
)


def migrate_v8(db: Database) -> None:
    for stmt in MIGRATION_SQL:
        db.execute(stmt)
