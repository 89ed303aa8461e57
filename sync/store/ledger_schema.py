"""Schema for the clerk's day: clerk accounts, ledger search columns, signed audit entries.

Migration v5 (see :mod:`.schema`):

* ``clerks``: one row per clerk account (PIN as an argon2id hash only);
* ``submissions.id_hash`` / ``name_hash``: keyed hashes (:mod:`sync.keyed_hash`)
  written at accept time so the ledger finds a case by ID number or name without
  plaintext; ``started_at`` (first card read, for handling time) and
  ``queue_ticket`` (the hall's 排队号);
* indexes for the ledger's filters and the efficiency counts;
* ``audit_log.mac``: the entry's hash signed with ``keys/audit.key``. Entries
  written before v5 are signed once, in the migration's own transaction
  (:func:`sign_unsigned_audit`); after that an unsigned entry is a failure.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from sync.audit_signing import entry_mac

LEDGER_SCHEMA_VERSION = 5

_V5 = [
    """
    CREATE TABLE clerks (
        clerk_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'admin')),
        pin_hash TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        must_change_pin INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "ALTER TABLE submissions ADD COLUMN id_hash TEXT",
    "ALTER TABLE submissions ADD COLUMN name_hash TEXT",
    "ALTER TABLE submissions ADD COLUMN started_at TEXT",
    "ALTER TABLE submissions ADD COLUMN queue_ticket TEXT",
    "CREATE INDEX submissions_id_hash ON submissions (id_hash, accepted_at)",
    "CREATE INDEX submissions_name_hash ON submissions (name_hash, accepted_at)",
    "CREATE INDEX submissions_item ON submissions (item_code, accepted_at)",
    "CREATE INDEX submissions_clerk ON submissions (clerk_id, accepted_at)",
    "CREATE INDEX submissions_pstatus ON submissions (platform_status, accepted_at)",
    "ALTER TABLE audit_log ADD COLUMN mac TEXT",
    "CREATE INDEX audit_log_subject ON audit_log (subject, action)",
    "CREATE INDEX audit_log_action ON audit_log (action, at)",
]


def migrate_v5(db: Database) -> None:
    for stmt in _V5:
        db.execute(stmt)


def sign_unsigned_audit(db: Database, key: bytes) -> int:
    """Sign the entries written before v5; run ONLY in the transaction that applies v5.

    The append-only trigger is lifted for this one statement and restored before
    the transaction commits, so no other writer ever sees the log mutable.
    """
    rows = db.execute("SELECT id, hash FROM audit_log WHERE mac IS NULL").fetchall()
    if not rows:
        return 0
    db.execute("DROP TRIGGER audit_log_no_update")
    db.conn.executemany(
        "UPDATE audit_log SET mac = ? WHERE id = ?", [(entry_mac(key, h), i) for i, h in rows]
    )
    db.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
        " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    return len(rows)


def version_on_disk(db: Database) -> int:
    """The schema version before migrating (0 for a new database)."""
    if not db["schema_version"].exists():
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def after_migration(db: Database, version_before: int, audit_key: Callable[[], bytes]) -> None:
    """Work of v5 that needs the station's keys (the migration steps only get ``db``)."""
    if version_before < LEDGER_SCHEMA_VERSION:
        sign_unsigned_audit(db, audit_key())
