"""Audit entries are hash-chained AND signed with keys/audit.key: an attacker who edits the
SQLite file (triggers dropped) and recomputes the chain is still caught, at the right entry."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from sync.store import MIGRATIONS, Store
from sync.store.core import audit_hash
from sync.store.records import canonical_text

from ..conftest import AcceptFn


def _attacker(data_dir: Path) -> sqlite3.Connection:
    con = sqlite3.connect(data_dir / "station.db")
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("DROP TRIGGER audit_log_no_delete")
    return con


def _rechain(con: sqlite3.Connection) -> None:
    """Recompute every hash after an edit, as a careful attacker would."""
    prev = "0" * 64
    rows = con.execute("SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id")
    for id_, at, actor, action, subject, detail in rows.fetchall():
        h = audit_hash(
            prev, {"at": at, "actor": actor, "action": action, "subject": subject, "detail": detail}
        )
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, h, id_])
        prev = h
    con.commit()


def _fill(store: Store, accept: AcceptFn) -> None:
    accept()
    store.audit("c01", "sign_in", None, {"method": "pin"})
    store.audit("c01", "show_full_id", "x", {})
    accept()
    store.audit("c01", "export", None, {"rows": 2})


def test_entries_are_signed_and_verify(store: Store, accept: AcceptFn, data_dir: Path) -> None:
    _fill(store, accept)
    checked, problem = store.verify_audit()
    assert problem is None and checked == 5
    assert all(len(r["mac"]) == 64 for r in store.audit_rows())
    key = data_dir / "keys" / "audit.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_edit_with_rechained_hashes_fails_on_the_signature(
    store: Store, accept: AcceptFn, data_dir: Path
) -> None:
    _fill(store, accept)
    con = _attacker(data_dir)
    con.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
    _rechain(con)
    checked, problem = store.verify_audit()
    assert problem is not None and problem.entry_id == 2 and problem.reason == "signature"
    assert checked == 1
    assert not store.verify_audit_chain()


def test_plain_edit_fails_on_the_hash(store: Store, accept: AcceptFn, data_dir: Path) -> None:
    _fill(store, accept)
    con = _attacker(data_dir)
    con.execute("UPDATE audit_log SET detail = '{\"rows\":999}' WHERE id = 5")
    con.commit()
    problem = store.verify_audit()[1]
    assert problem is not None and (problem.entry_id, problem.reason) == (5, "hash")


def test_deleted_entry_breaks_the_link(store: Store, accept: AcceptFn, data_dir: Path) -> None:
    _fill(store, accept)
    con = _attacker(data_dir)
    con.execute("DELETE FROM audit_log WHERE id = 3")
    con.commit()
    problem = store.verify_audit()[1]
    assert problem is not None and (problem.entry_id, problem.reason) == (4, "prev_hash")


def test_stripped_signature_fails(store: Store, accept: AcceptFn, data_dir: Path) -> None:
    _fill(store, accept)
    con = _attacker(data_dir)
    con.execute("UPDATE audit_log SET mac = NULL WHERE id = 1")
    con.commit()
    problem = store.verify_audit()[1]
    assert problem is not None and (problem.entry_id, problem.reason) == (1, "signature")


def test_every_edited_column_of_every_entry_is_caught(
    store: Store, accept: AcceptFn, data_dir: Path
) -> None:
    _fill(store, accept)
    store.close()
    for entry in range(1, 6):
        for column in ("at", "actor", "action", "subject", "detail"):
            copy = data_dir.parent / f"copy-{entry}-{column}"
            copy.mkdir()
            (copy / "keys").mkdir(mode=0o700)
            for f in (data_dir / "keys").iterdir():
                (copy / "keys" / f.name).write_bytes(f.read_bytes())
                (copy / "keys" / f.name).chmod(0o600)
            src = sqlite3.connect(data_dir / "station.db")
            dst = sqlite3.connect(copy / "station.db")
            src.backup(dst)
            src.close()
            dst.close()
            con = _attacker(copy)
            con.execute(f"UPDATE audit_log SET {column} = 'tampered' WHERE id = ?", [entry])
            _rechain(con)
            con.close()
            with Store(copy) as s:
                problem = s.verify_audit()[1]
            assert problem is not None and problem.entry_id == entry, (entry, column)


def test_entries_written_before_v4_are_signed_by_the_migration(data_dir: Path) -> None:
    # a database as the previous release left it: schema v3, unsigned entries
    db = Database(sqlite3.connect(data_dir / "station.db"))
    db.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    for version, description, step in MIGRATIONS[:3]:
        step(db)
        db.execute("INSERT INTO schema_version VALUES (?, ?, 'x')", [version, description])
    prev = "0" * 64
    for i in range(3):
        row = {
            "at": f"2026-11-2{i}T00:00:00.000000Z",
            "actor": "c01",
            "action": "accept",
            "subject": None,
            "detail": canonical_text({"n": i}),
        }
        h = audit_hash(prev, row)
        db.execute(
            "INSERT INTO audit_log (at, actor, action, subject, detail, prev_hash, hash)"
            " VALUES (:at, :actor, :action, :subject, :detail, :prev_hash, :hash)",
            {**row, "prev_hash": prev, "hash": h},
        )
        prev = h
    db.conn.commit()
    db.close()
    with Store(data_dir) as store:
        assert store.verify_audit() == (3, None)
        store.audit("c01", "sign_in")
        assert store.verify_audit() == (4, None)
        # the log is append-only again after the one-time signing
        con = sqlite3.connect(data_dir / "station.db")
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE audit_log SET actor = 'x' WHERE id = 1")
        con.close()
    with Store(data_dir) as store:  # reopening signs nothing new
        assert store.verify_audit() == (4, None)
