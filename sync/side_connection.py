"""A short-lived SQLite connection to the station database, for the small queues that
live beside the store (evaluations, case outcomes, audit delivery, the clerk
directory): each call opens one, waits its turn for the write lock, commits durably
and closes, so none of them holds a connection between sync passes."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def side_connection(
    db_path: Path, *, rows: bool = True, foreign_keys: bool = False
) -> Iterator[sqlite3.Connection]:
    """``rows``: rows as :class:`sqlite3.Row`; ``foreign_keys``: enforce them."""
    conn = sqlite3.connect(str(db_path), timeout=10)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA synchronous = FULL")
        if foreign_keys:
            conn.execute("PRAGMA foreign_keys = ON")
        if rows:
            conn.row_factory = sqlite3.Row
        yield conn
    finally:
        conn.close()
