"""A station database left by the previous release (schema v3) upgrades through every
later migration, in order, when the new code opens it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from sync.store import MIGRATIONS, SCHEMA_VERSION, Store


def _v3_database(path: Path) -> None:
    # exactly what the v3 release ran: the released steps are never edited
    db = Database(sqlite3.connect(path))
    db.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for version, description, step in MIGRATIONS[:3]:
        assert version <= 3
        step(db)
        db.execute("INSERT INTO schema_version VALUES (?, ?, 'x')", [version, description])
    db.conn.commit()
    db.close()


def _columns(con: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in con.execute(f"PRAGMA table_info({table})")}


def _table_names(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_v3_database_gains_every_later_column_and_table_in_order(data_dir: Path) -> None:
    _v3_database(data_dir / "station.db")
    con = sqlite3.connect(data_dir / "station.db")
    assert "platform_id" not in _columns(con, "status_events")
    assert "id_hash" not in _columns(con, "submissions")
    assert "evaluations" not in _table_names(con)
    con.close()

    with Store(data_dir) as store:
        assert store.schema_version() == SCHEMA_VERSION

    con = sqlite3.connect(data_dir / "station.db")
    applied = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY rowid")]
    # every migration once, in order
    assert applied == [m[0] for m in MIGRATIONS] == sorted(set(applied)) == list(range(1, 12))
    assert applied[0] == 1 and applied[-1] == SCHEMA_VERSION
    # v9: how a submission was accepted (容缺受理, 告知承诺制)
    assert "acceptance" in _columns(con, "submissions")
    # v4: platform event ids, clock skew, platform delivery time
    assert "platform_id" in _columns(con, "status_events")
    assert {"clock_skew_s", "delivered_platform_at"} <= _columns(con, "submissions")
    # v5: clerks, ledger search columns, signed audit entries
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "clerks" in tables
    assert {"id_hash", "name_hash", "started_at", "queue_ticket"} <= _columns(con, "submissions")
    assert "mac" in _columns(con, "audit_log")
    # v6: service evaluations waiting for the platform
    assert "evaluations" in tables
    assert {
        "uuid", "submission_uuid", "body", "state", "attempts", "next_attempt_at",
        "last_error", "created_at", "delivered_at",
    } <= _columns(con, "evaluations")
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "evaluations_due" in indexes
    # v7: supplements, refusals and handovers owed to the platform
    assert {"case_outcomes", "case_outcome_pages"} <= tables
    assert "case_outcomes_one_handover" in indexes
    # v10: the ledger's upload-state filter pages through this index
    assert "submissions_sync_accepted" in indexes
    # v11: a one-time notice's card holder, by keyed hash only
    assert "notice_holders" in tables and "notice_holders_id_hash" in indexes
    assert _columns(con, "notice_holders") == {"notice_no", "id_hash", "issued_at"}
    # v8: audit delivery high-water (starting at the genesis hash), clerk directory
    assert {"audit_delivery", "clerk_directory"} <= tables
    assert con.execute("SELECT high_id, high_hash FROM audit_delivery").fetchall() == [
        (0, "0" * 64)]
    con.close()
