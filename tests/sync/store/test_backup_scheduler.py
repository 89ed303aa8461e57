"""Rolling backups: after a batch of accepts (once it has settled) and every N minutes."""

from __future__ import annotations

import threading
from pathlib import Path

from sync.store import BackupScheduler, BackupSettings, Store, list_backups


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_accept_batches_and_the_period_trigger_backups(
    data_dir: Path, store: Store, accept, tmp_path: Path
) -> None:
    clock = FakeClock()
    folder = tmp_path / "other-disk"
    made: list[Path] = []
    scheduler = BackupScheduler(
        store.db_path,
        folder,
        BackupSettings(folder, every_minutes=10, keep=2, settle_seconds=2.0),
        clock=clock,
        on_backup=made.append,
    )
    store.backups = scheduler  # the station wires it like this (station.context)
    assert scheduler.run_due() is None  # nothing happened yet
    accept()
    accept()
    clock.t += 1.0
    assert scheduler.run_due() is None  # the batch may not be over
    clock.t += 1.5
    first = scheduler.run_due()
    assert first is not None and made == [first]
    assert scheduler.due_in() == 600.0  # next: the period
    clock.t += 600.0
    assert scheduler.run_due() is not None
    accept()
    clock.t += 5.0
    assert scheduler.run_due() is not None
    assert len(list_backups(folder)) == 2  # kept K generations
    assert scheduler.last_error is None


def test_a_failing_backup_is_reported_not_raised(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the backup folder should be")
    clock = FakeClock()
    scheduler = BackupScheduler(
        store.db_path, blocker, BackupSettings(blocker, every_minutes=1), clock=clock
    )
    clock.t += 61
    assert scheduler.run_due() is None
    assert scheduler.last_error is not None


def test_the_thread_backs_up_after_an_accept(
    data_dir: Path, store: Store, accept, tmp_path: Path
) -> None:
    done = threading.Event()
    folder = tmp_path / "b"
    scheduler = BackupScheduler(
        store.db_path,
        folder,
        BackupSettings(folder, every_minutes=60, settle_seconds=0.05),
        on_backup=lambda _p: done.set(),
    )
    store.backups = scheduler
    scheduler.start()
    try:
        accept()
        assert done.wait(10)
    finally:
        scheduler.stop()
    assert len(list_backups(folder)) == 1
