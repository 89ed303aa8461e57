"""Store behaviour on a real SQLite file in a temp dir."""

from __future__ import annotations

import sqlite3
import stat
import threading
import uuid as uuidlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intake.applicant import LegalEntity, Person
from intake.receipt_number import parse_receipt_no
from intake.submission import CapturedMaterial, Channel, Submission
from sync.store import (
    SCHEMA_VERSION,
    DuplicateSubmission,
    MissingLocalBlobs,
    SchemaTooNew,
    Store,
    SyncState,
)
from ui_shared.error_text import error_text

STATION = "S001"
NOW = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC)


def test_open_creates_layout_and_pragmas(store: Store, data_dir: Path) -> None:
    assert (data_dir / "station.db").is_file()
    assert (data_dir / "blobs").is_dir()
    assert stat.S_IMODE((data_dir / "keys").stat().st_mode) == 0o700
    db = store._db()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert store.schema_version() == SCHEMA_VERSION == 11
    assert set(db.table_names()) >= {
        "schema_version",
        "submissions",
        "submission_pages",
        "receipt_sequences",
        "status_events",
        "kv",
        "audit_log",
        "clerks",
        "evaluations",
    }


def test_migrations_are_recorded_once_and_newer_schema_refused(data_dir: Path) -> None:
    Store(data_dir).close()
    Store(data_dir).close()
    con = sqlite3.connect(data_dir / "station.db")
    versions = con.execute("SELECT version FROM schema_version").fetchall()
    assert versions == [(1,), (2,), (3,), (4,), (5,), (6,), (7,), (8,), (9,), (10,), (11,)]
    con.execute("INSERT INTO schema_version VALUES (99, 'future', 'x')")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNew) as e:
        Store(data_dir)
    assert "升级" in error_text(e.value)


def test_accept_roundtrip_and_manifest(store: Store, accept, person: Person) -> None:
    sub = accept(pages=3)
    assert isinstance(sub, Submission)
    assert sub.receipt_no == "S001-20261125-0001"
    rec = store.get(sub.uuid)
    assert rec.submission == sub
    assert rec.submission.manifest() == sub.manifest()
    assert rec.submission.applicant == person
    assert rec.sync_state is SyncState.QUEUED
    assert rec.attempts == 0 and rec.case_no is None
    assert [m.material_code for m in rec.submission.materials] == ["M01", "M02"]
    assert len(rec.submission.blob_hashes) == 3
    assert store.queue_depth() == 1
    assert store.find_by_receipt(sub.receipt_no) == rec


def test_legal_entity_and_kiosk_roundtrip(store: Store, accept, company: LegalEntity) -> None:
    sub = accept(applicant=company, channel=Channel.KIOSK, clerk_id=None)
    rec = store.get(sub.uuid)
    assert rec.submission.applicant == company
    assert rec.submission.channel is Channel.KIOSK and rec.submission.clerk_id is None


def test_personal_data_is_not_in_the_database_in_clear(
    store: Store, accept, person: Person, data_dir: Path
) -> None:
    accept()
    store.close()
    raw = b"".join(p.read_bytes() for p in data_dir.glob("station.db*"))
    for secret in (person.name, person.id_number, person.address):
        assert secret.encode("utf-8") not in raw


def test_receipt_numbers_are_sequential_per_local_day(store: Store, accept) -> None:
    day1 = datetime(2026, 11, 25, 15, 59, 59, tzinfo=UTC)  # 23:59:59 Beijing
    day2 = datetime(2026, 11, 25, 16, 0, 0, tzinfo=UTC)  # 00:00 next day, Beijing
    a = accept(now=day1)
    b = accept(now=day1)
    c = accept(now=day2)
    d = accept(now=day2, station_code="S002")
    assert [a.receipt_no, b.receipt_no] == ["S001-20261125-0001", "S001-20261125-0002"]
    assert c.receipt_no == "S001-20261126-0001"
    assert d.receipt_no == "S002-20261126-0001"


def test_missing_blob_rejected_without_consuming_a_number(store: Store, accept) -> None:
    with pytest.raises(MissingLocalBlobs) as e:
        accept(materials=[CapturedMaterial("M01", ("ef" * 32,))])
    assert e.value.shas == ["ef" * 32]
    assert error_text(e.value)
    assert store.queue_depth() == 0
    assert accept().receipt_no.endswith("-0001")


def test_accept_replay_same_uuid(store: Store, accept, person: Person) -> None:
    uid = str(uuidlib.uuid4())
    first = accept(uuid=uid, tag="same")
    again = accept(uuid=uid, tag="same")
    assert again == first
    assert store.queue_depth() == 1
    with pytest.raises(DuplicateSubmission):
        accept(uuid=uid, tag="different")


def test_concurrent_accepts_from_two_threads(store: Store, accept, person: Person) -> None:
    # Pages first (as the UI does), then 2 x 15 accepts racing on the same day counter.
    shas = [store.put_blob(f"page {i}".encode()) for i in range(4)]
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def worker(k: int) -> None:
        try:
            barrier.wait()
            for _ in range(15):
                sub = store.accept(
                    uuid=str(uuidlib.uuid4()),
                    station_code=STATION,
                    item_code="HJ001",
                    catalog_version="v1",
                    applicant=person,
                    materials=[CapturedMaterial("M01", (shas[k],))],
                    channel=Channel.WINDOW,
                    clerk_id=f"c{k}",
                    now=NOW,
                )
                results.append(sub.receipt_no)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    seqs = sorted(parse_receipt_no(r)[2] for r in results)
    assert seqs == list(range(1, 31))
    assert store.queue_depth() == 30
    assert store.verify_audit_chain()


def test_two_store_instances_share_the_database(data_dir: Path, accept) -> None:
    # Like the UI and a separate `yiwang sync` process: separate connections, one WAL file.
    other = Store(data_dir)
    try:
        a = accept()
        b = accept(target=other)
        assert parse_receipt_no(b.receipt_no)[2] == parse_receipt_no(a.receipt_no)[2] + 1
        assert other.get(a.uuid).submission == a
    finally:
        other.close()


def test_state_machine(store: Store, accept) -> None:
    sub = accept()
    assert store.mark_sending(sub.uuid, now=NOW) is True
    assert store.mark_sending(sub.uuid, now=NOW) is False  # already claimed
    rec = store.get(sub.uuid)
    assert rec.sync_state is SyncState.SENDING and rec.attempts == 1
    assert store.pending(NOW) == []
    later = NOW + timedelta(minutes=5)
    store.mark_retry(sub.uuid, "connection refused", later)
    rec = store.get(sub.uuid)
    assert (rec.sync_state, rec.last_error, rec.next_attempt_at) == (
        SyncState.RETRY,
        "connection refused",
        later,
    )
    assert store.pending(NOW) == []
    assert [r.uuid for r in store.pending(later)] == [sub.uuid]
    assert store.next_retry_at() == later
    assert store.queue_depth() == 1
    store.mark_sending(sub.uuid, now=later)
    store.mark_delivered(sub.uuid, "SW20261125000001", "受理", now=later)
    rec = store.get(sub.uuid)
    assert rec.sync_state is SyncState.DELIVERED and rec.attempts == 2
    assert (rec.case_no, rec.platform_status, rec.delivered_at) == (
        "SW20261125000001",
        "受理",
        later,
    )
    assert rec.last_error is None
    assert store.queue_depth() == 0
    assert store.quarantine(sub.uuid, "x") is False  # delivered stays delivered


def test_quarantine_requeue_and_release(store: Store, accept) -> None:
    a, b = accept(), accept()
    store.mark_sending(a.uuid)
    store.quarantine(a.uuid, "平台拒绝：事项编码不存在")
    rec = store.get(a.uuid)
    assert rec.sync_state is SyncState.QUARANTINED
    assert rec.last_error == "平台拒绝：事项编码不存在"
    assert store.queue_depth() == 1
    assert [r.uuid for r in store.pending()] == [b.uuid]
    store.requeue(a.uuid, actor="tech01")
    assert [r.uuid for r in store.pending()] == [a.uuid, b.uuid]  # oldest first
    store.mark_sending(b.uuid)
    assert store.get(b.uuid).attempts == 1
    store.release(b.uuid, "auth failed")
    assert store.get(b.uuid).sync_state is SyncState.QUEUED
    assert store.get(b.uuid).attempts == 0
    assert store.counts()[SyncState.QUEUED] == 2


def test_pending_is_oldest_first(store: Store, accept) -> None:
    late = accept(now=NOW + timedelta(hours=1))
    early = accept(now=NOW)
    assert [r.uuid for r in store.pending(NOW + timedelta(hours=2))] == [early.uuid, late.uuid]


def test_recover_interrupted_on_open(data_dir: Path, accept, store: Store) -> None:
    sub = accept()
    store.mark_sending(sub.uuid)
    # Our own process is alive, so a plain recover leaves the row alone...
    assert store.recover_interrupted() == 0
    # ...but a row claimed by a dead process (crashed engine) is recovered at open.
    store._db().execute(
        "UPDATE submissions SET sending_owner = ? WHERE uuid = ?",
        [f"{__import__('socket').gethostname()}:999999999", sub.uuid],
    )
    reopened = Store(data_dir)
    try:
        rec = reopened.get(sub.uuid)
        assert rec.sync_state is SyncState.RETRY
        assert rec.attempts == 1
        assert [r.uuid for r in reopened.pending()] == [sub.uuid]
    finally:
        reopened.close()


def test_recover_interrupted_stale_and_forced(store: Store, accept) -> None:
    a, b = accept(), accept()
    store.mark_sending(a.uuid, now=NOW)
    store.mark_sending(b.uuid, now=NOW + timedelta(hours=1))
    assert store.recover_interrupted(now=NOW + timedelta(hours=1)) == 1  # a is stale
    assert store.get(a.uuid).sync_state is SyncState.RETRY
    assert store.recover_interrupted(force=True) == 1
    assert store.get(b.uuid).sync_state is SyncState.RETRY


@dataclass(frozen=True)
class Ev:
    event_id: str
    uuid: str
    status: str
    at: datetime
    case_no: str | None = None


def test_status_events_are_idempotent_and_cursor_atomic(store: Store, accept) -> None:
    sub = accept()
    store.mark_sending(sub.uuid)
    store.mark_delivered(sub.uuid, "C1", "受理", now=NOW)
    assert store.status_cursor() is None
    evs = [
        Ev("e1", sub.uuid, "审核中", NOW + timedelta(hours=1)),
        Ev("e2", sub.uuid, "办结", NOW + timedelta(hours=2)),
    ]
    assert store.apply_status_events(evs, cursor="2") == 2
    assert store.status_cursor() == "2"
    assert store.get(sub.uuid).platform_status == "办结"
    assert store.apply_status_events(evs) == 0  # replay changes nothing
    # an older event arriving late does not overwrite a newer status
    assert store.apply_status_events([Ev("e0", sub.uuid, "受理", NOW)]) == 1
    rec = store.get(sub.uuid)
    assert rec.platform_status == "办结"
    assert rec.platform_status_at == NOW + timedelta(hours=2)
    assert [h["status"] for h in store.status_history(sub.uuid)] == ["审核中", "办结", "受理"]
    store.set_status_cursor("3")
    assert store.status_cursor() == "3"
    # events for unknown submissions (e.g. another station's) are recorded harmlessly
    assert store.apply_status_events([Ev("x", "nope", "办结", NOW)]) == 1


def test_purge_delivered_blobs_keeps_shared_and_recent(store: Store, accept) -> None:
    old = accept(now=NOW, tag="old")
    shared_sha = old.blob_hashes[0]
    # an undelivered submission re-uses one of old's pages
    pending = accept(now=NOW, materials=[CapturedMaterial("M01", (shared_sha,))])
    recent = accept(now=NOW, tag="recent")
    for s, when in ((old, NOW), (recent, NOW + timedelta(days=80))):
        store.mark_sending(s.uuid)
        store.mark_delivered(s.uuid, f"C-{s.receipt_no}", "受理", now=when)
    result = store.purge_delivered_blobs(timedelta(days=30), now=NOW + timedelta(days=90))
    assert (result.submissions, result.blobs_deleted, result.blobs_kept) == (1, 1, 1)
    assert store.has_blob(shared_sha)  # still needed by the undelivered one
    assert not store.has_blob(old.blob_hashes[1])
    assert all(store.has_blob(s) for s in recent.blob_hashes + pending.blob_hashes)
    rec = store.get(old.uuid)
    assert rec.blobs_purged_at == NOW + timedelta(days=90)
    assert rec.submission == old  # metadata kept
    again = store.purge_delivered_blobs(timedelta(days=30), now=NOW + timedelta(days=90))
    assert again.submissions == 0
    assert store.verify_audit_chain()


def test_audit_chain_detects_tampering(store: Store, accept, data_dir: Path) -> None:
    sub = accept()
    store.audit("c01", "reveal_id_number", sub.uuid, {"reason": "核对"})
    store.mark_sending(sub.uuid)
    store.mark_delivered(sub.uuid, "C1", "受理")
    assert store.verify_audit_chain()
    actions = [r["action"] for r in store.audit_rows()]
    assert actions == ["accept", "reveal_id_number", "delivered"]
    db = store._db()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit_log WHERE id = 2")
    # Someone with direct file access drops the trigger and rewrites history:
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
    assert not store.verify_audit_chain()


def test_audit_chain_detects_deleted_row(store: Store, accept) -> None:
    accept()
    accept()
    accept()
    db = store._db()
    db.execute("DROP TRIGGER audit_log_no_delete")
    db.execute("DELETE FROM audit_log WHERE id = 2")
    assert not store.verify_audit_chain()


def test_naive_time_is_refused(store: Store, accept) -> None:
    with pytest.raises(ValueError):
        accept(now=datetime(2026, 11, 25, 10, 0))


def test_store_instances_are_usable_from_other_threads(store: Store, accept) -> None:
    sub = accept()
    seen: list[str] = []
    t = threading.Thread(target=lambda: seen.append(store.get(sub.uuid).receipt_no))
    t.start()
    t.join()
    assert seen == [sub.receipt_no]


def test_connections_of_finished_threads_are_closed(store: Store) -> None:
    for _ in range(20):
        t = threading.Thread(target=store.queue_depth)
        t.start()
        t.join()
    t = threading.Thread(target=store.queue_depth)
    t.start()
    t.join()
    assert len(store._conns) <= 3
