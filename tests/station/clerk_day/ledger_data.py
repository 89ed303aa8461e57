"""Generate many realistic ledger rows straight into a real station database (executemany)."""

from __future__ import annotations

import random
import sqlite3
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from intake.applicant import Person, applicant_to_dict
from intake.identity import resident_id_check_digit
from sync.store import Store, to_db_time
from sync.store.records import canonical_text

ITEMS = ("SB-001", "SB-003", "YB-001", "GJJ-001", "MZ-001")
CLERKS = ("c01", "c02", "c03", "c04")
STATUSES = (None, "受理", "审核中", "补正", "办结", "不予许可")
START = datetime(2026, 6, 1, 0, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Case:
    rowid: int
    uuid: str
    receipt_no: str
    accepted_at: str
    item_code: str
    clerk_id: str
    person: Person
    platform_status: str | None
    sync_state: str


def people(n: int) -> list[Person]:
    out = []
    for i in range(n):
        first17 = f"3501021980{(i % 12) + 1:02d}{(i % 28) + 1:02d}{i % 1000:03d}"
        out.append(
            Person(name=f"测试{i:04d}", id_number=first17 + resident_id_check_digit(first17))
        )
    return out


def generate(store: Store, n: int, *, seed: int = 7, per_day: int = 500) -> list[Case]:
    rng = random.Random(seed)
    persons = people(1000)
    hasher = store.lookup_hasher()
    hashes: dict[int, tuple[str, str]] = {}
    plain: dict[int, bytes] = {}
    rows = []
    cases = []
    local_days: dict[date, str] = {}

    def day_of(at: datetime) -> str:
        """The receipt's day (China time), each one formatted once (strftime is slow)."""
        local = (at + timedelta(hours=8)).date()
        if local not in local_days:
            local_days[local] = local.strftime("%Y%m%d")
        return local_days[local]

    for k in range(n):
        day, within = divmod(k, per_day)
        # every 10th case shares its predecessor's timestamp: the rowid tie-break matters
        tick = within - (1 if within % 10 == 9 else 0)
        at = START + timedelta(days=day, seconds=tick * 60)
        uid = str(uuidlib.UUID(int=rng.getrandbits(128), version=4))
        pi = rng.randrange(len(persons))
        person = persons[pi]
        if pi not in hashes:
            hashes[pi] = hasher.applicant(person)
            plain[pi] = canonical_text(applicant_to_dict(person)).encode("utf-8")
        id_hash, name_hash = hashes[pi]
        local_day = day_of(at)
        receipt_no = f"T01-{local_day}-{within + 1:04d}"
        item = ITEMS[k % len(ITEMS)]
        clerk = CLERKS[(k // 3) % len(CLERKS)]
        status = STATUSES[k % len(STATUSES)]
        sync_state = "queued" if status is None else "delivered"
        db_at = to_db_time(at)
        rows.append(
            (
                uid,
                receipt_no,
                "T01",
                item,
                "2026.11",
                "window",
                clerk,
                db_at,
                store.keys.seal(plain[pi], aad=f"applicant:{uid}".encode()),
                sync_state,
                status,
                id_hash,
                name_hash,
                to_db_time(at - timedelta(seconds=300 + k % 300)),
            )
        )
        cases.append(Case(k + 1, uid, receipt_no, db_at, item, clerk, person, status, sync_state))
    _bulk_insert(store, rows)
    return cases


def _bulk_insert(store: Store, rows: Sequence[tuple[object, ...]]) -> None:
    """One transaction; the secondary indexes of submissions are dropped first and
    made again from their own SQL after the rows are in (building an index once costs
    half of keeping it up to date through 100 000 inserts; the schema ends up as
    the store made it)."""
    con = sqlite3.connect(store.db_path)
    try:
        with con:
            indexes = con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'submissions' AND sql IS NOT NULL"
            ).fetchall()
            for name, _ in indexes:
                con.execute(f'DROP INDEX "{name}"')
            con.executemany(
                "INSERT INTO submissions (uuid, receipt_no, station_code, item_code,"
                " catalog_version, channel, clerk_id, accepted_at, applicant_sealed, sync_state,"
                " platform_status, id_hash, name_hash, started_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            for _, sql in indexes:
                con.execute(sql)
    finally:
        con.close()
