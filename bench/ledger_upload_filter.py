"""The case ledger's upload-state filter on a 100 000-case station, before and after
store migration v10 (index ``submissions (sync_state, accepted_at)``).

Builds a real station store in a temporary directory, fills ``submissions`` with
100 000 cases over a year (97 % delivered, the rest queued, retrying or
quarantined), then pages the ledger through ``Store.ledger_page`` with each upload
filter the ledger offers, with and without the index, and prints the query plan and
the median time of a page.
Run: `.venv/bin/python bench/ledger_upload_filter.py [--cases N] [--repeat N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sync.store import Store  # noqa: E402
from sync.store.ledger import _COLUMNS, LedgerFilter, _where  # noqa: E402
from sync.store.ledger_uploads_schema import MIGRATION_SQL  # noqa: E402
from sync.store.records import to_db_time  # noqa: E402

FILTERS = {
    "delivered": ("delivered",),
    "not yet delivered": ("queued", "retry", "sending"),
    "failed (quarantined)": ("quarantined",),
}


def fill(store: Store, cases: int) -> None:
    now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    step = timedelta(days=365) / cases
    rows = []
    for n in range(cases):
        state = ("delivered" if n % 100 < 97 else
                 ("queued", "retry", "quarantined")[n % 3])
        rows.append((
            f"00000000-0000-4000-8000-{n:012d}", f"S001-{n:08d}", "S001", "SB-001", "v1",
            "window", "clerk", to_db_time(now - step * n), b"\x00" * 64, state,
        ))
    db = store._db()
    with db.conn:
        db.conn.executemany(
            "INSERT INTO submissions (uuid, receipt_no, station_code, item_code,"
            " catalog_version, channel, clerk_id, accepted_at, applicant_sealed, sync_state)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


def plan(store: Store, flt: LedgerFilter) -> str:
    clauses, params = _where(flt)
    sql = (f"EXPLAIN QUERY PLAN SELECT {_COLUMNS} FROM submissions WHERE"
           f" {' AND '.join(clauses)} ORDER BY accepted_at DESC, rowid DESC LIMIT 51")
    rows = store._db().execute(sql, params).fetchall()
    return "; ".join(str(r[-1]) for r in rows)


def page_ms(store: Store, flt: LedgerFilter, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        store.ledger_page(flt, limit=50)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yiwang-ledger-bench-") as tmp, \
            Store(Path(tmp) / "station") as store:
        fill(store, args.cases)
        db = store._db()
        print(f"{args.cases} cases; median of {args.repeat} first pages of 50")
        results: dict[str, dict[str, float]] = {}
        for label in ("before v10", "after v10"):
            with db.conn:
                if label == "before v10":
                    db.execute("DROP INDEX submissions_sync_accepted")
                else:
                    for stmt in MIGRATION_SQL:
                        db.execute(stmt)
            print(f"-- {label}")
            for name, states in FILTERS.items():
                flt = LedgerFilter(sync_states=states)
                ms = page_ms(store, flt, args.repeat)
                results.setdefault(name, {})[label] = ms
                print(f"  {name:22} {ms:7.2f} ms   plan: {plan(store, flt)}")
        print("-- summary (ms per page: before -> after)")
        for name, r in results.items():
            print(f"  {name:22} {r['before v10']:7.2f} -> {r['after v10']:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
