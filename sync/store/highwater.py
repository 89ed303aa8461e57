"""The receipt high-water record kept outside the database, beside the keys.

A printed receipt number is a promise to a citizen; it must never be issued
again, even after the database is lost or rolled back to an old copy. So every
number is reserved here (fsync'd) *before* the accept transaction commits, and
marked committed right after.

Two pre-allocated slots (``receipt-high.a`` / ``.b``, fixed size) are written
alternately in place, each with a generation and a checksum; a reader takes the
valid slot with the highest generation. So a write replaces the record
atomically (a torn write leaves the other slot, one generation older, intact)
and needs no new disk space: the record keeps working on a full disk, where
the database then refuses the accept itself. A database whose
receipt sequence for a day is behind the committed mark here has lost data (a
lost WAL, an old copy put back): :mod:`sync.store.integrity` refuses it.

The record also says that a database existed in this data directory, so a
missing or empty ``station.db`` is recognised as damage and never silently
replaced by a fresh one, and it keeps the highest receipt number the platform
reported for the station (P2), so a station set up again from scratch starts
above it.

The record (JSON, in each slot after a ``generation checksum`` line)::

    {"version": 1, "database_created": "2026-12-03T07:15:00Z",
     "days": {"S001": {"2026-11-25": {"reserved": 7, "committed": 7}}},
     "platform_high": {"S001": "S001-20261125-0007"}}
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from intake.errors import IntakeError
from intake.receipt_number import parse_receipt_no
from sync.crypto import StorageError, fsync_dir

__all__ = ["HIGHWATER_FILENAME", "DayMark", "HighWaterUnreadable", "ReceiptHighWater"]

HIGHWATER_FILENAME = "receipt-high"
#: days older than this (before the newest day recorded) are dropped from the record
KEEP_DAYS = 400
#: each slot's fixed size; 400 days of one station take about 20 KiB
SLOT_BYTES = 64 * 1024
#: the header of a slot allocated but never written
_ALLOCATED = b"0 -"
_EMPTY: dict[str, Any] = {"version": 1, "days": {}, "platform_high": {}}


class HighWaterUnreadable(StorageError):
    code = "highwater_unreadable"


@dataclass(frozen=True)
class DayMark:
    station: str
    day: date
    reserved: int
    committed: int


class ReceiptHighWater:
    """``ReceiptHighWater(data_dir / "keys")``; every write is fsync'd and atomic."""

    def __init__(self, keys_dir: Path) -> None:
        self.dir = Path(keys_dir)
        self.path = self.dir / f"{HIGHWATER_FILENAME}.a"
        self.slots = (self.path, self.dir / f"{HIGHWATER_FILENAME}.b")
        self._lock = threading.Lock()

    def exists(self) -> bool:
        return any(p.exists() for p in self.slots)

    # -- reading --------------------------------------------------------------------

    def _slot(self, path: Path) -> tuple[int, dict[str, Any]] | None:
        """(generation, record) of one slot, or None when it is absent or torn."""
        try:
            with open(path, "rb") as f:
                raw = f.read(SLOT_BYTES)
        except FileNotFoundError:
            return None
        except OSError as e:
            raise HighWaterUnreadable(f"cannot read {path}: {e}") from e
        head, _, rest = raw.partition(b"\n")
        if head == _ALLOCATED:
            return 0, json.loads(json.dumps(_EMPTY))
        try:
            gen_text, digest = head.decode("ascii").split(" ")
            body = rest.rstrip(b" \n")
            if hashlib.sha256(body).hexdigest() != digest:
                return None
            doc = json.loads(body)
            if not isinstance(doc, dict) or not isinstance(doc.get("days"), dict):
                return None
            return int(gen_text), doc
        except (UnicodeDecodeError, ValueError):
            return None

    def _read_generation(self) -> tuple[int, dict[str, Any]]:
        found = [s for s in (self._slot(p) for p in self.slots) if s is not None]
        if not found:
            if self.exists():
                raise HighWaterUnreadable(f"{self.path} and its twin are both damaged")
            return 0, json.loads(json.dumps(_EMPTY))
        gen, doc = max(found, key=lambda s: s[0])
        doc.setdefault("platform_high", {})
        return gen, doc

    def _read(self) -> dict[str, Any]:
        return self._read_generation()[1]

    def database_created(self) -> bool:
        """True once a database has been created in this data directory."""
        return bool(self._read().get("database_created"))

    def marks(self) -> list[DayMark]:
        out = []
        for station, days in self._read()["days"].items():
            for day, mark in days.items():
                out.append(
                    DayMark(
                        station,
                        date.fromisoformat(day),
                        int(mark.get("reserved", 0)),
                        int(mark.get("committed", 0)),
                    )
                )
        return out

    def day_mark(self, station: str, day: date) -> tuple[int, int]:
        """(floor, committed) for ``day``: ``floor`` is the highest sequence that may
        already have been printed — reserved here, or held by the platform (P2) — so
        the next number must be above it; ``committed`` is what a whole database holds."""
        doc = self._read()
        mark = doc["days"].get(station, {}).get(day.isoformat(), {})
        floor = int(mark.get("reserved", 0))
        high = doc["platform_high"].get(station)
        if isinstance(high, str):
            _st, high_day, high_seq = parse_receipt_no(high)
            if high_day == day:
                floor = max(floor, high_seq)
        return floor, int(mark.get("committed", 0))

    def platform_high(self, station: str) -> str | None:
        high = self._read()["platform_high"].get(station)
        return high if isinstance(high, str) else None

    # -- writing --------------------------------------------------------------------

    def _write(self, doc: dict[str, Any]) -> None:
        """Overwrite the older slot in place (no new disk space) and fsync it."""
        gen, _ = self._read_generation()
        gen += 1
        body = json.dumps(doc, ensure_ascii=True, sort_keys=True).encode("ascii")
        data = f"{gen} {hashlib.sha256(body).hexdigest()}\n".encode("ascii") + body + b"\n"
        if len(data) > SLOT_BYTES:
            raise HighWaterUnreadable(f"the receipt record outgrew {SLOT_BYTES} bytes")
        self._allocate()
        target = self.slots[gen % 2]
        fd = os.open(target, os.O_WRONLY)
        try:
            os.pwrite(fd, data.ljust(SLOT_BYTES, b" "), 0)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _allocate(self) -> None:
        """Create both slots at full size once (the only write that needs space)."""
        created = False
        for path in self.slots:
            if path.exists():
                continue
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.pwrite(fd, (_ALLOCATED + b"\n").ljust(SLOT_BYTES, b" "), 0)
                os.fsync(fd)
            finally:
                os.close(fd)
            created = True
        if created:
            fsync_dir(self.dir)

    def mark_database_created(self, at: datetime) -> None:
        with self._lock:
            doc = self._read()
            if doc.get("database_created"):
                return
            doc["database_created"] = at.strftime("%Y-%m-%dT%H:%M:%SZ")
            self._write(doc)

    def reserve(self, station: str, day: date, seq: int) -> None:
        """Durably record that ``seq`` of ``day`` may be printed (before it is committed)."""
        self._update(station, day, reserved=seq)

    def commit(self, station: str, day: date, seq: int) -> None:
        """Record that the database holds ``seq`` of ``day`` (after the commit)."""
        self._update(station, day, committed=seq)

    def _update(self, station: str, day: date, *, reserved: int = 0, committed: int = 0) -> None:
        with self._lock:
            doc = self._read()
            days = doc["days"].setdefault(station, {})
            mark = days.setdefault(day.isoformat(), {"reserved": 0, "committed": 0})
            mark["reserved"] = max(int(mark["reserved"]), reserved, committed)
            mark["committed"] = max(int(mark["committed"]), committed)
            newest = max(date.fromisoformat(d) for d in days)
            for old in [d for d in days if date.fromisoformat(d) < newest - timedelta(KEEP_DAYS)]:
                del days[old]
            self._write(doc)

    def note_platform_high(self, receipt_no: str) -> bool:
        """Keep the platform's highest receipt number for its station (ordered by day,
        then sequence); True when it raised the record. Malformed text is ignored."""
        try:
            station, day, seq = parse_receipt_no(receipt_no)
        except IntakeError:
            return False
        with self._lock:
            doc = self._read()
            old = doc["platform_high"].get(station)
            if isinstance(old, str):
                _s, old_day, old_seq = parse_receipt_no(old)
                if (old_day, old_seq) >= (day, seq):
                    return False
            doc["platform_high"][station] = receipt_no.strip()
            self._write(doc)
            return True
