"""A database locked by another program is a clear, one-line storage failure."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sync.exit_codes import ExitCode, exit_code_for, one_line
from sync.store import DatabaseLocked, Store
from yiwang.error_words import technician_text


def test_locked_database_is_reported_not_raised_raw(data_dir: Path, store: Store, accept) -> None:
    accept()
    store.close()
    holder = sqlite3.connect(data_dir / "station.db")
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked) as e:
            Store(data_dir, busy_timeout_ms=200)
        assert exit_code_for(e.value) is ExitCode.STORAGE
        line = one_line("sync", e.value, technician_text)
        assert "\n" not in line and "locked" in line and "占用" in line
    finally:
        holder.rollback()
        holder.close()


def test_accept_while_another_program_holds_the_lock(data_dir: Path, accept) -> None:
    store = Store(data_dir, busy_timeout_ms=200)
    try:
        accept(target=store)
        holder = sqlite3.connect(data_dir / "station.db")
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseLocked):
                accept(target=store)
        finally:
            holder.rollback()
            holder.close()
        # refused before any number was reserved: nothing half-done, no gap
        assert accept(target=store).receipt_no.endswith("-0002")
        assert len(store.list_records()) == 2
    finally:
        store.close()
