"""Faults injected for real: SIGKILL inside the accept transaction, and a full filesystem."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid as uuidlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from sync.blobs import StorageFullError
from sync.store import Store, SyncState
from ui_shared.error_text import error_text

ROOT = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent(
    """
    import os, sys, time, uuid
    from datetime import datetime, UTC
    from pathlib import Path
    from intake.applicant import Person
    from intake.submission import CapturedMaterial, Channel
    from sync.store import Store

    data_dir, stage, id_number, marker = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    store = Store(data_dir)
    sha = store.put_blob(b"page captured before the crash")
    person = Person(name="李四", id_number=id_number)

    def mark(text):
        # atomic, so the parent never reads a marker that exists but is still empty
        Path(marker + ".tmp").write_text(text)
        os.replace(marker + ".tmp", marker)

    def hook(s):
        if s == stage:
            mark(s)
            time.sleep(60)  # the parent kills us here, mid-transaction

    if stage == "engine:sending":
        sub = store.accept(uuid=str(uuid.uuid4()), station_code="S001", item_code="HJ001",
                           catalog_version="v1", applicant=person,
                           materials=[CapturedMaterial("M01", (sha,))],
                           channel=Channel.WINDOW, clerk_id="c01", now=datetime.now(UTC))
        store.mark_sending(sub.uuid)
        mark(stage)
        time.sleep(60)  # killed "during the network attempt"
    store.fault_hook = hook
    store.accept(uuid=str(uuid.uuid4()), station_code="S001", item_code="HJ001",
                 catalog_version="v1", applicant=person,
                 materials=[CapturedMaterial("M01", (sha,))],
                 channel=Channel.WINDOW, clerk_id="c01", now=datetime.now(UTC))
    mark("committed")
    """
)


def run_child_until(data_dir: Path, stage: str, id_number: str, tmp_path: Path) -> None:
    marker = tmp_path / f"marker-{stage.replace(':', '_')}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), stage, id_number, str(marker)],
        env=env,
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while not marker.exists():
            if proc.poll() is not None:
                raise AssertionError(f"child exited early: {proc.stderr.read().decode()}")  # type: ignore[union-attr]
            if time.monotonic() > deadline:
                raise AssertionError("child never reached the stage")
            time.sleep(0.01)
        assert marker.read_text() == stage
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    "stage", ["accept:receipt", "accept:submission", "accept:pages", "accept:commit"]
)
def test_sigkill_mid_accept_leaves_no_half_submission(
    data_dir: Path, tmp_path: Path, person: Person, accept, stage: str
) -> None:
    first = accept()  # one committed submission before the crash
    run_child_until(data_dir, stage, person.id_number, tmp_path)

    reopened = Store(data_dir)
    try:
        assert reopened.integrity_check() == "ok"
        db = reopened._db()
        assert db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 1
        assert db.execute("SELECT COUNT(*) FROM submission_pages").fetchone()[0] == len(
            first.blob_hashes
        )
        assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 1
        assert reopened.verify_audit_chain()
        # the receipt number allocated inside the dead transaction was rolled back too
        nxt = accept(target=reopened)
        assert nxt.receipt_no == "S001-20261125-0002"
        assert reopened.get(first.uuid).submission == first
    finally:
        reopened.close()


def test_sigkill_while_sending_is_recovered_on_open(
    data_dir: Path, tmp_path: Path, person: Person, store: Store
) -> None:
    run_child_until(data_dir, "engine:sending", person.id_number, tmp_path)
    [rec] = store.list_records()
    assert rec.sync_state is SyncState.SENDING  # as the dead engine left it
    reopened = Store(data_dir)  # recover_interrupted() runs at open
    try:
        rec = reopened.get(rec.uuid)
        assert rec.sync_state is SyncState.RETRY
        assert rec.attempts == 1
        assert [r.uuid for r in reopened.pending()] == [rec.uuid]
    finally:
        reopened.close()


# --- full disk -----------------------------------------------------------------


def leftovers(blob_root: Path) -> list[str]:
    return sorted(str(p.relative_to(blob_root)) for p in blob_root.rglob("*") if p.is_file())


def test_full_disk_blob_write_is_clean(tiny_fs: Path) -> None:
    store = Store(tiny_fs / "station")
    try:
        small = store.put_blob(b"fits")
        before = leftovers(store.blobs.root)
        big = os.urandom(2 * 1024 * 1024)  # larger than the whole filesystem
        with pytest.raises(StorageFullError) as e:
            store.put_blob(big)
        assert error_text(e.value) == "存储空间已满，请联系技术人员"
        assert leftovers(store.blobs.root) == before  # no partial or temp file
        with pytest.raises(StorageFullError):
            store.put_blob_stream(io.BytesIO(big))
        assert leftovers(store.blobs.root) == before
        assert store.has_blob(small)
        store.verify_blob(small)
    finally:
        store.close()


def test_full_disk_during_accept_rolls_back(tiny_fs: Path, person: Person) -> None:
    store = Store(tiny_fs / "station")
    filler = tiny_fs / "filler"
    try:
        sha = store.put_blob(b"page")

        def do_accept() -> object:
            return store.accept(
                uuid=str(uuidlib.uuid4()),
                station_code="S001",
                item_code="HJ001",
                catalog_version="v1",
                applicant=person,
                materials=[CapturedMaterial("M01", (sha,))],
                channel=Channel.WINDOW,
                clerk_id="c01",
                now=datetime.now(UTC),
            )

        do_accept()
        # Fill every remaining byte, then try to accept.
        with contextlib.suppress(OSError), open(filler, "wb") as f:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        with pytest.raises(StorageFullError) as e:
            for _ in range(50):  # the WAL may have a little slack; keep going until it bites
                do_accept()
        assert error_text(e.value) == "存储空间已满，请联系技术人员"
        assert isinstance(e.value.__cause__, sqlite3.Error)  # SQLITE_FULL, mapped
        filler.unlink()
        assert store.integrity_check() == "ok"
        n = store._db().execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
        pages = store._db().execute("SELECT COUNT(*) FROM submission_pages").fetchone()[0]
        assert n == pages  # every stored submission is whole
        do_accept()  # and the store works again once space is freed
        assert store.verify_audit_chain()
    finally:
        store.close()
