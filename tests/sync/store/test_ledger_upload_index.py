"""Migration v10: the ledger's upload-state filter pages through an index in date order
(bench/ledger_upload_filter.py: ~50-300 ms a page at 100 000 cases without it, ~1 ms
with it). Checked on the query plan SQLite chooses for the ledger's own statement."""

from __future__ import annotations

from pathlib import Path

from sync.store import Store
from sync.store.ledger import _COLUMNS, LedgerFilter, _where


def _plan(store: Store, flt: LedgerFilter) -> str:
    clauses, params = _where(flt)
    rows = store._db().execute(
        f"EXPLAIN QUERY PLAN SELECT {_COLUMNS} FROM submissions WHERE {' AND '.join(clauses)}"
        " ORDER BY accepted_at DESC, rowid DESC LIMIT 51",
        params,
    ).fetchall()
    return "; ".join(str(r[-1]) for r in rows)


def test_the_upload_filter_reads_the_v10_index_in_date_order(tmp_path: Path) -> None:
    with Store(tmp_path / "station") as store:
        assert store.schema_version() >= 10
        indexes = {r[0] for r in store._db().execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'submissions'"
        )}
        assert "submissions_sync_accepted" in indexes
        one_state = _plan(store, LedgerFilter(sync_states=("delivered",)))
        # one range of the index, already newest first: no sort of every delivered case
        assert "USING INDEX submissions_sync_accepted" in one_state, one_state
        assert "TEMP B-TREE" not in one_state, one_state
        with_dates = _plan(store, LedgerFilter(sync_states=("queued", "retry", "sending")))
        assert "USING INDEX submissions_sync_accepted" in with_dates, with_dates
