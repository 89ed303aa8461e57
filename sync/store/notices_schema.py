"""Schema v11 (see :mod:`.schema`): which card holder each 一次性告知书 was issued to.

The notice's own record (kv ``notice:<number>``: item and materials) names nobody, so
a citizen could reprint a notice only by its code. ``notice_holders`` links a notice to
its applicant by the station's keyed hash of the ID number (:mod:`sync.keyed_hash`, as
``submissions.id_hash`` is): the kiosk lists a citizen's own notices after the ID card
is read, and a copied database cannot be searched by guessing ID numbers.
"""

from __future__ import annotations

from sqlite_utils import Database

NOTICES_SCHEMA_VERSION = 11

MIGRATION_SQL = (
    """
    CREATE TABLE notice_holders (
        notice_no TEXT PRIMARY KEY,
        id_hash TEXT NOT NULL,
        issued_at TEXT NOT NULL
    )""",
    "CREATE INDEX notice_holders_id_hash ON notice_holders (id_hash, issued_at)",
)


def migrate_v11(db: Database) -> None:
    for stmt in MIGRATION_SQL:
        db.execute(stmt)
