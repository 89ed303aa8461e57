"""#10: a damaged station database is detected at open, kept (moved aside), reported
in one line, never replaced by an empty one; recovery loses nothing acknowledged
and never reissues a receipt number."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.receipt_number import parse_receipt_no
from intake.submission import Submission
from sync.problems import Code, Problem, decode_problem
from sync.store import (
    BackupSettings,
    DamageKind,
    Store,
    StoreDamaged,
    SyncState,
    backup_database,
    list_backups,
    recover_station,
)
from ui_shared.error_text import error_text
from ui_shared.messages import stored_sync_text

NOW = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC)
AcceptFn = Callable[..., Submission]


def accepted(store: Store, accept: AcceptFn, n: int) -> list[Submission]:
    return [accept(target=store) for _ in range(n)]


def damaged_files(data_dir: Path) -> list[str]:
    return sorted(p.name for p in data_dir.glob("station.db*.damaged-*"))


def open_damaged(data_dir: Path) -> StoreDamaged:
    with pytest.raises(StoreDamaged) as e:
        Store(data_dir)
    message = str(e.value)
    assert "\n" not in message and "Traceback" not in message
    assert "yiwang recover --data-dir" in message
    assert "\n" not in error_text(e.value) and "恢复" in error_text(e.value)
    return e.value


def seqs(subs: list[Submission]) -> list[int]:
    return [parse_receipt_no(s.receipt_no)[2] for s in subs]


def test_truncated_database_is_kept_and_never_replaced(
    data_dir: Path, store: Store, accept: AcceptFn
) -> None:
    subs = accepted(store, accept, 5)
    store.close()
    (data_dir / "station.db").write_bytes(b"")  # truncated to 0 bytes
    err = open_damaged(data_dir)
    assert err.kind is DamageKind.TRUNCATED
    assert err.moved[0].name.startswith("station.db.damaged-")
    assert not (data_dir / "station.db").exists()  # no empty database made over it
    assert any(n.startswith("station.db.damaged-") for n in damaged_files(data_dir))
    # opening again still refuses: a database existed here, an empty one is not "fresh"
    assert open_damaged(data_dir).kind is DamageKind.MISSING
    assert not (data_dir / "station.db").exists()
    # recovery without a backup or platform: new database, numbers not reissued,
    # the five accepted-but-lost receipts named
    report = recover_station(data_dir, backup_folder=data_dir / "backups", fetch_held=None)
    assert report.started_empty and not report.complete
    assert report.not_restored == [s.receipt_no for s in subs]
    with Store(data_dir) as again:
        nxt = accept(target=again)
    assert seqs([nxt]) == [6]


def test_corrupted_pages_are_detected_and_the_newest_backup_restored(
    data_dir: Path, store: Store, accept: AcceptFn
) -> None:
    first = accepted(store, accept, 3)
    backup_database(store.db_path, data_dir / "backups", keep=3)
    later = accepted(store, accept, 2)
    for s in first + later[:1]:
        store.mark_sending(s.uuid)
        store.mark_delivered(s.uuid, f"C-{s.receipt_no}", "受理")
    store.close()
    raw = bytearray((data_dir / "station.db").read_bytes())
    assert len(raw) > 8 * 4096
    raw[2 * 4096 : 6 * 4096] = b"\xa5" * (4 * 4096)  # overwrite pages 3-6
    (data_dir / "station.db").write_bytes(bytes(raw))
    err = open_damaged(data_dir)
    assert err.kind is DamageKind.CORRUPT
    kept = data_dir / err.moved[0].name
    assert kept.read_bytes() == bytes(raw)  # the damaged file itself, untouched
    report = recover_station(data_dir, backup_folder=data_dir / "backups", fetch_held=None)
    assert report.restored_from == list_backups(data_dir / "backups")[0]
    assert report.submissions_restored == 3
    assert report.pages_relinked == 6  # 3 submissions x 2 pages, found in blobs/
    # the two accepted after the backup are named; nothing is silently dropped
    assert report.not_restored == [s.receipt_no for s in later]
    with Store(data_dir) as again:
        assert {r.uuid for r in again.list_records()} == {s.uuid for s in first}
        assert seqs([accept(target=again)]) == [6]  # never 4 or 5 again


def test_lost_wal_is_treated_as_damage(data_dir: Path, store: Store, accept: AcceptFn) -> None:
    accepted(store, accept, 2)
    store._db().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    main_file = (data_dir / "station.db").read_bytes()  # what the main file holds now
    accepted(store, accept, 3)  # these live only in the WAL
    assert (data_dir / "station.db-wal").stat().st_size > 0
    store.close()  # (closing checkpoints; put the old main file back, WAL gone)
    (data_dir / "station.db").write_bytes(main_file)
    for extra in ("station.db-wal", "station.db-shm"):
        (data_dir / extra).unlink(missing_ok=True)
    err = open_damaged(data_dir)
    assert err.kind is DamageKind.BEHIND
    assert "ends at 2" in str(err) and "up to 5" in str(err)
    report = recover_station(data_dir, backup_folder=data_dir / "backups", fetch_held=None)
    # the moved-aside copy is the best one there is: restored, lost receipts named
    assert report.restored_from is not None and report.submissions_restored == 2
    assert len(report.not_restored) == 3
    with Store(data_dir) as again:
        assert seqs([accept(target=again)]) == [6]


def test_old_copy_put_back_is_refused(data_dir: Path, store: Store, accept: AcceptFn) -> None:
    accepted(store, accept, 1)
    store.close()
    shutil.copy(data_dir / "station.db", data_dir.parent / "old.db")
    with Store(data_dir) as s2:
        accepted(s2, accept, 2)
    shutil.copy(data_dir.parent / "old.db", data_dir / "station.db")
    for extra in ("station.db-wal", "station.db-shm"):
        (data_dir / extra).unlink(missing_ok=True)
    assert open_damaged(data_dir).kind is DamageKind.BEHIND


def test_deleted_page_quarantines_its_submission_without_losing_it(
    data_dir: Path, store: Store, accept: AcceptFn
) -> None:
    a, b = accepted(store, accept, 2)
    store.close()
    Store(data_dir).close()  # a healthy reopen warns about nothing
    store.blobs.path(a.blob_hashes[0]).unlink()
    with Store(data_dir) as again:
        [line] = again.open_warnings
        assert a.receipt_no in line and "\n" not in line
        rec = again.get(a.uuid)
        assert rec.sync_state is SyncState.QUARANTINED
        # stored as a code + parameters, worded for the clerk at display time
        assert decode_problem(rec.last_error) == Problem(Code.PAGES_MISSING, {"pages": 1})
        assert stored_sync_text(rec.last_error) == (
            "材料图像文件丢失，无法报送；请联系申请人补交材料后重新受理"
        )
        assert "Ask the applicant" in stored_sync_text(rec.last_error, english=True)
        assert rec.submission == a  # the row and its receipt stay
        assert again.get(b.uuid).sync_state is SyncState.QUEUED
        assert seqs([accept(target=again)]) == [3]
        assert again.verify_audit_chain()


def test_receipt_floor_outside_the_database_survives_a_new_database(
    data_dir: Path, store: Store, accept: AcceptFn
) -> None:
    accepted(store, accept, 2)
    # the platform says it holds number 9 of that day (P2)
    assert store.note_receipt_high("S001-20261125-0009")
    assert not store.note_receipt_high("S001-20261125-0004")  # lower: ignored
    assert not store.note_receipt_high("garbage")
    assert seqs([accept(target=store)]) == [10]
    store.close()
    for name in ("station.db", "station.db-wal", "station.db-shm"):
        (data_dir / name).unlink(missing_ok=True)
    assert open_damaged(data_dir).kind is DamageKind.MISSING
    recover_station(data_dir, backup_folder=data_dir / "backups", fetch_held=None)
    with Store(data_dir) as again:
        assert seqs([accept(target=again)]) == [11]


def test_reservation_survives_a_crash_between_record_and_commit(
    data_dir: Path, store: Store, accept: AcceptFn
) -> None:
    accepted(store, accept, 1)

    def die(stage: str) -> None:
        if stage == "accept:commit":
            raise KeyboardInterrupt  # the transaction rolls back after the reservation

    store.fault_hook = die
    with pytest.raises(KeyboardInterrupt):
        accept(target=store)
    store.fault_hook = None
    store.close()
    with Store(data_dir) as again:  # not damage: the database holds every committed one
        # number 2 may have been printed by a dying process: it is skipped, not reused
        assert seqs([accept(target=again)]) == [3]


def test_unreadable_record_is_damage_and_recovery_rebuilds_it(
    data_dir: Path, store: Store, accept: AcceptFn
) -> None:
    accepted(store, accept, 2)
    store.close()
    for slot in store.highwater.slots:
        slot.write_bytes(b"\x00garbage")
    err = open_damaged(data_dir)
    assert err.kind is DamageKind.RECORD and err.moved == []  # the database is untouched
    report = recover_station(data_dir, backup_folder=data_dir / "backups", fetch_held=None)
    assert report.restored_from is None and not report.started_empty
    with Store(data_dir) as again:
        assert len(again.list_records()) == 2
        assert seqs([accept(target=again)]) == [3]


def test_backups_are_rolling_and_consistent(data_dir: Path, store: Store, accept: AcceptFn) -> None:
    folder = data_dir.parent / "second-disk"
    made = []
    for i in range(4):
        accept(target=store)
        made.append(
            backup_database(
                store.db_path, folder, keep=3, now=datetime(2026, 12, 3, 7, 0, i, tzinfo=UTC)
            )
        )
    assert list_backups(folder) == made[:0:-1]  # newest first, oldest dropped
    con = sqlite3.connect(list_backups(folder)[0])
    assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 4
    con.close()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert BackupSettings().folder_for(data_dir) == data_dir / "backups"
