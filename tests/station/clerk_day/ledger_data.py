"""Generate many realistic ledger rows straight into a real station database (executemany)."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from intake.applicant import Person, applicant_to_dict
from intake.identity import resident_id_check_digit
from sync.store import Store
from sync.store.records import canonical_text

ITEMS = ("SB-001", "SB-003", "YB-001", "GJJ-001", "MZ-001")
CLERKS = ("c01", "c02", "c03", "c04")
STATUSES = (None, "受理", "审核中", "补正", "办结", "不予许可")
START = datetime(2026, 6, 1, 0, 30, tzinfo=UTC)


class Case(NamedTuple):
    """One generated case (a named tuple: 100 000 of them are made at a time)."""

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


class Planned(NamedTuple):
    """A case and what its row needs beyond it."""

    case: Case
    person_index: int
    started_s: int  # when the intake began, seconds since the epoch


def plan(n: int, *, seed: int = 7, per_day: int = 500) -> list[Planned]:
    """The cases `generate` stores, made without a store (the same numbers: one seed)."""
    rng = random.Random(seed)
    persons = people(1000)
    planned = []
    days: dict[int, tuple[str, int]] = {}
    start_s = int((START - _EPOCH).total_seconds())

    def day_of(day: int) -> tuple[str, int]:
        """The receipt's day (China time) as text and the day's first second, each
        made once (strftime is slow); every case of a day falls on one China day."""
        if day not in days:
            at = START + timedelta(days=day)
            days[day] = ((at + timedelta(hours=8)).strftime("%Y%m%d"), start_s + day * 86_400)
        return days[day]

    for k in range(n):
        day, within = divmod(k, per_day)
        # every 10th case shares its predecessor's timestamp: the rowid tie-break matters
        tick = within - (1 if within % 10 == 9 else 0)
        local_day, day_start = day_of(day)
        at_s = day_start + tick * 60
        uid = _uuid4(rng.getrandbits(128))
        pi = rng.randrange(len(persons))
        receipt_no = f"T01-{local_day}-{within + 1:04d}"
        status = STATUSES[k % len(STATUSES)]
        case = Case(k + 1, uid, receipt_no, _db_time(at_s), ITEMS[k % len(ITEMS)],
                    CLERKS[(k // 3) % len(CLERKS)], persons[pi], status,
                    "queued" if status is None else "delivered")
        planned.append(Planned(case, pi, at_s - 300 - k % 300))
    return planned


def generate(store: Store, n: int, *, seed: int = 7, per_day: int = 500) -> list[Case]:
    """`n` cases (`per_day` a day from START) stored in `store`, in one transaction."""
    planned = plan(n, seed=seed, per_day=per_day)
    hasher = store.lookup_hasher()
    seal = store.keys.seal
    hashes: dict[int, tuple[str, str]] = {}
    plain: dict[int, bytes] = {}
    rows = []
    for case, pi, started_s in planned:
        if pi not in hashes:
            hashes[pi] = hasher.applicant(case.person)
            plain[pi] = canonical_text(applicant_to_dict(case.person)).encode("utf-8")
        id_hash, name_hash = hashes[pi]
        rows.append(
            (
                case.uuid,
                case.receipt_no,
                "T01",
                case.item_code,
                "2026.11",
                "window",
                case.clerk_id,
                case.accepted_at,
                seal(plain[pi], f"applicant:{case.uuid}".encode()),
                case.sync_state,
                case.platform_status,
                id_hash,
                name_hash,
                _db_time(started_s),
            )
        )
    _bulk_insert(store, rows)
    return [p.case for p in planned]


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DATES: dict[int, str] = {}


def _db_time(epoch_s: int) -> str:
    """``to_db_time`` of a whole second since the epoch, the date formatted once per day
    (a quarter of the time of strftime per row; tests/station/clerk_day/test_ledger.py
    checks that both agree)."""
    day, second = divmod(epoch_s, 86_400)
    date_text = _DATES.get(day)
    if date_text is None:
        date_text = _DATES[day] = (_EPOCH + timedelta(days=day)).strftime("%Y-%m-%d")
    hour, rest = divmod(second, 3600)
    return f"{date_text}T{hour:02d}:{rest // 60:02d}:{rest % 60:02d}.000000Z"


def _uuid4(bits: int) -> str:
    """``str(uuid.UUID(int=bits, version=4))`` without building the object."""
    h = f"{bits & _UUID4_KEEP | _UUID4_SET:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UUID4_KEEP = ~((0xC000 << 48) | (0xF000 << 64)) & ((1 << 128) - 1)
_UUID4_SET = (0x8000 << 48) | (4 << 76)


def _bulk_insert(store: Store, rows: Sequence[tuple[object, ...]]) -> None:
    """One transaction; the secondary indexes of submissions are dropped first and
    made again from their own SQL after the rows are in (building an index once costs
    half of keeping it up to date through 100 000 inserts; the schema ends up as
    the store made it)."""
    con = sqlite3.connect(store.db_path)
    con.execute("PRAGMA synchronous = OFF")  # test data: no fsync of the 30 MB written
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
