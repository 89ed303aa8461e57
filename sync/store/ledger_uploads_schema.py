"""Schema for the case ledger's upload-state filter (已上传 / 未上传 / 失败).

Migration v10 (see :mod:`.schema`): the ledger pages newest first through
``WHERE sync_state IN (...) ORDER BY accepted_at DESC, rowid DESC LIMIT n``. The
only index naming ``sync_state`` was ``(sync_state, next_attempt_at)`` (the delivery
queue's), so SQLite walked every case in date order and tested each one's state:
~50 ms a page at 83 000 cases, the whole table for a state that few cases are in.
``(sync_state, accepted_at)`` hands the page its cases in order, one range per state.
bench/ledger_upload_filter.py measures it before and after.
"""

from __future__ import annotations

from sqlite_utils import Database

LEDGER_UPLOADS_SCHEMA_VERSION = 10

MIGRATION_SQL = (
    "CREATE INDEX submissions_sync_accepted ON submissions (sync_state, accepted_at)",
)


def migrate_v10(db: Database) -> None:
    for stmt in MIGRATION_SQL:
        db.execute(stmt)
