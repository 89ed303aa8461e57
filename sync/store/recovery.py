"""``yiwang recover``: put a damaged station back together without losing or
reissuing what was acknowledged.

1. Check ``station.db``; damaged files are moved aside (never deleted).
2. Restore the best good copy: the newest backup, unless a moved-aside copy
   (e.g. one that only lost its WAL) holds more submissions. No good copy: a
   new database — recovery is the technician's explicit decision.
3. Raise the receipt sequences to the high-water record kept outside the
   database, so no number already printed is issued again.
4. Re-link pages: restored rows find their page files in ``blobs/`` (never moved).
5. Replay what the platform holds for this station (P4): acknowledged
   submissions come back as delivered.
6. Report what could not be restored: receipt numbers the record says were
   issued but that neither the copy nor the platform has.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from intake.errors import IntakeError
from intake.receipt_number import format_receipt_no
from intake.submission import Submission, parse_utc
from sync.durable import publish, write_private_file
from sync.private_files import private_own_dir
from sync.store.adoption import Adopted
from sync.store.backup import list_backups
from sync.store.facade import Store
from sync.store.highwater import HighWaterUnreadable, ReceiptHighWater
from sync.store.integrity import (
    DAMAGED_INFIX,
    DamageKind,
    StoreDamaged,
    check_database,
    damaged_name,
)
from sync.store.schema import DB_FILENAME, migrate

log = logging.getLogger("sync.store")

__all__ = ["HeldSubmission", "RecoveryReport", "parse_held", "recover_station"]


@dataclass(frozen=True)
class HeldSubmission:
    """One entry of P4 ``GET /v1/stations/me/submissions``."""

    submission: Submission
    case_no: str
    status: str | None
    received_at: datetime | None
    manifest: dict[str, Any]


def parse_held(entry: Any) -> HeldSubmission:
    """Validate one P4 entry (hostile input: raises ValueError with the reason)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("manifest"), dict):
        raise ValueError("entry is not an object with a manifest")
    try:
        submission = Submission.from_manifest(entry["manifest"])
    except IntakeError as e:
        raise ValueError(f"manifest refused: {e}") from e
    if entry.get("uuid") != submission.uuid or entry.get("receipt_no") != submission.receipt_no:
        raise ValueError("uuid/receipt_no differ from the manifest")
    received: datetime | None = None
    if isinstance(entry.get("received_at"), str):
        with contextlib.suppress(ValueError, IntakeError):
            received = parse_utc(entry["received_at"])
    status = entry.get("status")
    return HeldSubmission(
        submission=submission,
        case_no=str(entry.get("case_no") or ""),
        status=str(status) if isinstance(status, str) else None,
        received_at=received,
        manifest=dict(entry["manifest"]),
    )


@dataclass
class RecoveryReport:
    damage: str | None = None
    moved_aside: list[Path] = field(default_factory=list)
    restored_from: Path | None = None
    started_empty: bool = False
    submissions_restored: int = 0
    pages_relinked: int = 0
    adopted: int = 0
    marked_delivered: int = 0
    platform_error: str | None = None
    conflicts: list[str] = field(default_factory=list)
    #: receipt numbers committed (printed) that neither the copy nor the platform has
    not_restored: list[str] = field(default_factory=list)
    #: numbers reserved at a crash, possibly never printed, also nowhere to be found
    maybe_unprinted: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    orphan_pages: int = 0

    @property
    def complete(self) -> bool:
        return self.platform_error is None and not self.not_restored and not self.conflicts

    def lines(self) -> list[str]:
        out = []
        if self.damage:
            out.append(f"damage found: {self.damage}")
        if self.moved_aside:
            out.append(f"kept aside: {', '.join(p.name for p in self.moved_aside)}")
        if self.restored_from is not None:
            out.append(
                f"restored {self.submissions_restored} submission(s) from {self.restored_from}"
                f" ({self.pages_relinked} page image(s) re-linked)"
            )
        elif self.started_empty:
            out.append("no good copy found: started a new database")
        if self.platform_error is None:
            out.append(
                f"platform replay: {self.adopted} submission(s) taken back, "
                f"{self.marked_delivered} marked delivered"
            )
        else:
            out.append(f"platform replay NOT done: {self.platform_error}")
        out.extend(self.warnings)
        if self.conflicts:
            out.append(f"receipt numbers held differently by the platform: {self.conflicts}")
        if self.not_restored:
            out.append(
                f"could NOT restore {len(self.not_restored)} accepted submission(s): "
                f"{', '.join(self.not_restored)} — the applicants must be contacted"
            )
        if self.maybe_unprinted:
            out.append(
                f"reserved at a crash and not found (probably never printed): "
                f"{', '.join(self.maybe_unprinted)}"
            )
        if self.orphan_pages:
            out.append(
                f"{self.orphan_pages} page image(s) in blobs/ belong to no submission (kept)"
            )
        out.append("recovery complete" if self.complete else "recovery INCOMPLETE (see above)")
        return out


def _probe(path: Path) -> int | None:
    """Submissions in a candidate copy, or None when it is not a good database."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        return int(con.execute("SELECT COUNT(*) FROM submissions").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        con.close()


def _candidates(data_dir: Path, backup_folder: Path) -> list[tuple[int, Path]]:
    aside = sorted(data_dir.glob(f"{DB_FILENAME}{DAMAGED_INFIX}*"), reverse=True)
    good = []
    for path in [*list_backups(backup_folder), *aside]:
        n = _probe(path)
        if n is not None:
            good.append((n, path))
    return good


def _restore(source: Path, db_path: Path) -> None:
    tmp = db_path.with_name(f".{db_path.name}.recovering")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    src = sqlite3.connect(f"file:{source}?mode=ro&immutable=1", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
        src.close()
    publish(tmp, db_path)


def _raise_floor(db_path: Path, highwater: ReceiptHighWater) -> None:
    """Create/upgrade the schema and lift every day's sequence to the record's mark."""
    db = Database(sqlite3.connect(db_path), execute_plugins=False)
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        migrate(db, db_path)
        for mark in highwater.marks():
            db.execute(
                "INSERT INTO receipt_sequences (station_code, day, last_seq) VALUES (?, ?, ?)"
                " ON CONFLICT (station_code, day) DO UPDATE"
                " SET last_seq = MAX(last_seq, excluded.last_seq)",
                [mark.station, mark.day.isoformat(), max(mark.reserved, mark.committed)],
            )
        db.conn.execute("COMMIT")
    finally:
        db.close()


def recover_station(
    data_dir: Path,
    *,
    backup_folder: Path,
    fetch_held: Callable[[], Iterable[HeldSubmission]] | None,
    now: datetime | None = None,
) -> RecoveryReport:
    """Recover the station in ``data_dir``; ``fetch_held`` pulls P4 (None: offline)."""
    now = now or datetime.now(UTC)
    data_dir = Path(data_dir)
    db_path = data_dir / DB_FILENAME
    highwater = ReceiptHighWater(data_dir / "keys")
    report = RecoveryReport()
    healthy = False
    try:
        healthy = not check_database(data_dir, highwater).fresh
    except StoreDamaged as e:
        report.damage = str(e)
        report.moved_aside += e.moved
        if e.kind is DamageKind.RECORD:
            # an unreadable record cannot be trusted: keep it aside, rebuild it below
            for slot in highwater.slots:
                if slot.exists():
                    target = damaged_name(slot, now)
                    os.replace(slot, target)
                    report.moved_aside.append(target)
            with contextlib.suppress(StoreDamaged):
                healthy = not check_database(data_dir, highwater).fresh
    if not healthy:
        good = _candidates(data_dir, backup_folder)
        if good:
            count, source = max(good, key=lambda c: c[0])  # max keeps the first (newest) on ties
            _restore(source, db_path)
            report.restored_from, report.submissions_restored = source, count
        else:
            report.started_empty = True
    _raise_floor(db_path, highwater)
    store = Store(data_dir)
    try:
        report.warnings += store.open_warnings
        report.pages_relinked = store.pages_on_disk()
        _replay(store, highwater, fetch_held, report, now)
        _find_lost(store, highwater, report)
        report.orphan_pages = store.unreferenced_page_count()
        store.audit(
            "technician",
            "recover",
            None,
            {"complete": report.complete, "not_restored": len(report.not_restored)},
        )
    finally:
        store.close()
    _write_report(data_dir, report, now)
    return report


def _replay(
    store: Store,
    highwater: ReceiptHighWater,
    fetch_held: Callable[[], Iterable[HeldSubmission]] | None,
    report: RecoveryReport,
    now: datetime,
) -> None:
    if fetch_held is None:
        report.platform_error = "the platform was not asked (no configuration or credentials)"
        return
    try:
        for held in fetch_held():
            result = store.adopt_platform_copy(
                held.submission,
                case_no=held.case_no,
                status=held.status,
                received_at=held.received_at,
                manifest=held.manifest,
                now=now,
            )
            if result is Adopted.ADDED:
                report.adopted += 1
            elif result is Adopted.DELIVERED:
                report.marked_delivered += 1
            elif result is Adopted.CONFLICT:
                report.conflicts.append(held.submission.receipt_no)
            with contextlib.suppress(HighWaterUnreadable, OSError):
                store.note_receipt_high(held.submission.receipt_no)
    except Exception as e:  # any failure of the pull leaves the local restore standing
        log.warning("platform replay failed: %s", e)
        report.platform_error = f"{type(e).__name__}: {e}"


def _find_lost(store: Store, highwater: ReceiptHighWater, report: RecoveryReport) -> None:
    held = store.all_receipt_numbers()
    for mark in sorted(highwater.marks(), key=lambda m: (m.station, m.day)):
        for seq in range(1, max(mark.reserved, mark.committed) + 1):
            receipt_no = format_receipt_no(mark.station, mark.day, seq)
            if receipt_no in held:
                continue
            if seq <= mark.committed:
                report.not_restored.append(receipt_no)
            else:
                report.maybe_unprinted.append(receipt_no)


def _write_report(data_dir: Path, report: RecoveryReport, now: datetime) -> None:
    logs = data_dir / "logs"
    with contextlib.suppress(OSError):  # a link in the folder's place: no report file
        private_own_dir(logs)
        stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
        write_private_file(logs / f"recover-{stamp}.txt",
                           ("\n".join(report.lines()) + "\n").encode("utf-8"))
