"""Migration v9 (see :mod:`.schema`): how a submission was accepted.

``submissions.acceptance`` holds ``intake.acceptance.Acceptance.to_dict()`` as JSON
for 容缺受理 (owed non-key materials and their due date) and 告知承诺制 (materials
replaced by the applicant's signed commitment); NULL for a plain acceptance, which
is every submission accepted before this migration.
"""

from __future__ import annotations

from sqlite_utils import Database

ACCEPTANCE_SCHEMA_VERSION = 9


def migrate_v9(db: Database) -> None:
    db.execute("ALTER TABLE submissions ADD COLUMN acceptance TEXT")
