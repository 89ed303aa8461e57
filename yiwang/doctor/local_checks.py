"""Doctor's checks of the station itself: configuration, credentials, database,
disk, queue and devices."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from yiwang.doctor import Check, DoctorOptions, Words
from yiwang.error_words import technician_text

SETUP_FIX = (
    "run `yiwang setup --data-dir {d}` (the wizard) or `yiwang setup --data-dir {d} --platform URL "
    "--enrollment-code CODE --station-code CODE --role window|kiosk --devices simulated`"
)
RECOVER_FIX = "stop the station's services, then run `yiwang recover --data-dir {d}`"
FREE_SPACE_FIX = (
    "free space on the file system of {d} (old logs, other files) or move the data directory "
    "to a larger disk; the station needs room for every page it captures"
)
#: below this much free space SQLite cannot even open the database to read it (the WAL
#: index alone is 32 KiB), so an open failure then means "disk full", not "damaged"
FULL_BELOW = 1024 * 1024


def size_text(n: int) -> str:
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.0f} kB"
    return f"{n / 1e6:.1f} MB"


def full_disk(data_dir: Path) -> str | None:
    """"<dir> is full (ENOSPC): N free" when the data dir's file system is (nearly) full."""
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        return None
    if free >= FULL_BELOW:
        return None
    return f"the file system of {data_dir} is full (ENOSPC): {size_text(free)} free"


def _setup_fix(data_dir: Path) -> Words:
    return ("fix.setup", {"dir": str(data_dir)})


def _free_space_fix(data_dir: Path) -> Words:
    return ("fix.free_space", {"dir": str(data_dir)})


def _recover_fix(data_dir: Path) -> Words:
    return ("fix.recover", {"dir": str(data_dir)})


def local_checks(data_dir: Path, opts: DoctorOptions) -> list[Check]:
    return [
        check_config(data_dir),
        check_credentials(data_dir),
        check_database(data_dir),
        check_backups(data_dir, now=(opts.clock or time.time)()),
        check_disk(data_dir, opts.min_free_bytes),
        check_queue(data_dir, opts.max_queue_age),
    ]


def check_config(data_dir: Path) -> Check:
    from station.config_schema import check_station_config
    from sync.config_schema import ConfigError

    fix = SETUP_FIX.format(d=data_dir)
    if not data_dir.is_dir():
        return Check("config", False, f"no data directory at {data_dir}", fix,
                     said=("config.no_data_dir", {"dir": str(data_dir)}),
                     fix_said=_setup_fix(data_dir))
    try:
        tables = check_station_config(data_dir)
    except ConfigError as e:
        where = f"edit {e.path} line {e.line}" if e.line else f"edit {e.path}"
        at = f"{e.path}:{e.line}" if e.line else str(e.path)
        return Check("config", False, str(e), f"{where} (see docs/configuration.md), or {fix}",
                     fix_said=("fix.edit_config", {"path": at, "dir": str(data_dir)}),
                     detail_zh=technician_text(e))
    station = tables["station"]
    return Check(
        "config",
        True,
        f"config.toml valid: station {station['code']} ({station['role']}), "
        f"platform {tables['platform']['url']}",
        said=("config.ok", {"station": station["code"], "role": station["role"],
                            "url": tables["platform"]["url"]}),
    )


def check_credentials(data_dir: Path) -> Check:
    from sync.config import ConfigError, load_credentials

    try:
        creds = load_credentials(data_dir)
    except ConfigError as e:
        return Check(
            "credentials",
            False,
            str(e),
            "enroll again with a new code from the platform: " + SETUP_FIX.format(d=data_dir),
            fix_said=("fix.enroll_again", {"dir": str(data_dir)}),
            detail_zh=technician_text(e),
        )
    return Check("credentials", True, f"enrolled as station id {creds.station_id}",
                 said=("credentials.ok", {"id": creds.station_id}))


def _open_readonly(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)


def check_database(data_dir: Path) -> Check:
    from sync.store import DB_FILENAME, SCHEMA_VERSION

    db_path = data_dir / DB_FILENAME
    fix = RECOVER_FIX.format(d=data_dir)
    if not db_path.exists():
        return Check(
            "database",
            True,
            f"no {DB_FILENAME} yet (created when the station first starts)",
            said=("database.none_yet", {}),
        )
    try:
        with contextlib.closing(_open_readonly(db_path)) as db:
            verdict = str(db.execute("PRAGMA quick_check").fetchone()[0])
            version = int(db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])
            rows = int(db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0])
    except sqlite3.Error as e:
        full = full_disk(data_dir)
        if full is not None:  # not damaged: SQLite had no room for its read-only index
            return Check(
                "database",
                False,
                f"{full}; {DB_FILENAME} cannot be opened until there is room (it is not "
                "damaged: do not run `yiwang recover`)",
                FREE_SPACE_FIX.format(d=data_dir),
                fix_said=_free_space_fix(data_dir),
            )
        return Check("database", False, f"{db_path} cannot be read: {e}", fix,
                     fix_said=_recover_fix(data_dir))
    if verdict != "ok":
        return Check("database", False, f"{db_path} is damaged: {verdict[:200]}", fix,
                     fix_said=_recover_fix(data_dir))
    if version > SCHEMA_VERSION:
        return Check(
            "database",
            False,
            f"{db_path} has schema v{version}, newer than this software (v{SCHEMA_VERSION})",
            "install the software version that wrote it (do not downgrade a station)",
            said=("database.newer", {"version": version, "ours": SCHEMA_VERSION}),
            fix_said=("fix.no_downgrade", {}),
        )
    return Check(
        "database", True, f"{DB_FILENAME} intact (quick_check ok, schema v{version}, {rows} cases)",
        said=("database.ok", {"version": version, "rows": rows}),
    )


def _fresh_and_empty(db_path: Path, now: float, allowed: float) -> float | None:
    """The station's age in seconds when its database was created less than `allowed`
    ago and holds no case yet (nothing to back up; the first backup is still to come)."""
    try:
        with contextlib.closing(_open_readonly(db_path)) as db:
            created = db.execute("SELECT MIN(applied_at) FROM schema_version").fetchone()[0]
            cases = int(db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0])
    except sqlite3.Error:
        return None
    if created is None or cases:
        return None
    age = now - _parse_time(str(created)).timestamp()
    return age if -60 <= age < allowed else None


def check_backups(data_dir: Path, now: float | None = None) -> Check:
    """The newest rolling backup (sync.store.backup) exists, is intact, and is not far
    behind the database it copies. A station younger than the backup interval with no
    case yet has no backup to show, and that is fine."""
    from station.context import backup_settings
    from sync.config import ConfigError, load_config
    from sync.store import DB_FILENAME, list_backups

    db_path = data_dir / DB_FILENAME
    if not db_path.exists():
        return Check("backups", True, "no database yet (backups start with the station)",
                     said=("backups.no_database", {}))
    try:
        settings = backup_settings(load_config(data_dir), data_dir)
    except ConfigError as e:
        return Check("backups", False, f"not checked: {e}", "fix the configuration first",
                     fix_said=("fix.config_first", {}))
    folder = settings.folder_for(data_dir)
    fix = (
        f"keep the clerk window or kiosk running (it makes the backups), and make sure {folder} "
        "exists, is writable by the station's user and has free space ([sync] backup_dir)"
    )
    fix_said: Words = ("fix.backups", {"folder": str(folder)})
    found = list_backups(folder)
    allowed = 2 * settings.every_minutes * 60 + 60
    if not found:
        age = _fresh_and_empty(db_path, time.time() if now is None else now, allowed)
        if age is not None:
            return Check(
                "backups",
                True,
                f"no backup yet (info): the station started {max(age, 0) / 60:.0f} min ago "
                f"with no case; the first backup goes to {folder} within "
                f"{settings.every_minutes} min or right after the first accept",
                said=("backups.first_soon", {"minutes": f"{max(age, 0) / 60:.0f}",
                                             "folder": str(folder),
                                             "every": settings.every_minutes}),
            )
        return Check("backups", False, f"no database backup in {folder}", fix,
                     said=("backups.none", {"folder": str(folder)}), fix_said=fix_said)
    newest = found[0]
    try:
        with contextlib.closing(_open_readonly(newest)) as db:
            verdict = str(db.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.Error as e:
        verdict = str(e)
    if verdict != "ok":
        return Check("backups", False, f"the newest backup {newest.name} is damaged: {verdict}",
                     fix, said=("backups.damaged", {"name": newest.name, "verdict": verdict}),
                     fix_said=fix_said)
    changed = max(p.stat().st_mtime for p in (db_path, Path(f"{db_path}-wal")) if p.exists())
    behind = changed - newest.stat().st_mtime
    detail = f"{len(found)} generation(s) in {folder}; newest {newest.name}"
    words = {"count": len(found), "folder": str(folder), "name": newest.name}
    if behind > allowed:
        return Check(
            "backups", False, f"{detail} is {behind / 60:.0f} min older than the database", fix,
            said=("backups.behind", {**words, "minutes": f"{behind / 60:.0f}"}),
            fix_said=fix_said,
        )
    return Check("backups", True, detail, said=("backups.ok", words))


def check_disk(data_dir: Path, min_free: int) -> Check:
    """Free space on the data dir's file system, and a real write to prove it."""
    if not data_dir.is_dir():
        fix = SETUP_FIX.format(d=data_dir)
        return Check("disk", False, f"no data directory at {data_dir}", fix,
                     said=("config.no_data_dir", {"dir": str(data_dir)}),
                     fix_said=_setup_fix(data_dir))
    usage = shutil.disk_usage(data_dir)
    fix = FREE_SPACE_FIX.format(d=data_dir)
    probe = data_dir / f".doctor-probe-{os.getpid()}"
    try:
        with open(probe, "wb") as f:
            f.write(b"\0" * 65536)
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        if e.errno == errno.ENOSPC:
            free = shutil.disk_usage(data_dir).free
            why = f"the file system is full (ENOSPC): {size_text(free)} free"
        else:
            why = f"{e.strerror or e} ({errno.errorcode.get(e.errno or 0, 'OSError')})"
        return Check("disk", False, f"cannot write to {data_dir}: {why}", fix,
                     fix_said=_free_space_fix(data_dir))
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    free_mb = usage.free / 1e6
    if usage.free < min_free:
        return Check(
            "disk",
            False,
            f"only {free_mb:.1f} MB free for {data_dir} (need {min_free / 1e6:.0f} MB)",
            fix,
            said=("disk.low", {"free": f"{free_mb:.1f}", "dir": str(data_dir),
                               "need": f"{min_free / 1e6:.0f}"}),
            fix_said=_free_space_fix(data_dir),
        )
    return Check("disk", True, f"{free_mb:.0f} MB free of {usage.total / 1e6:.0f} MB",
                 said=("disk.ok", {"free": f"{free_mb:.0f}", "total": f"{usage.total / 1e6:.0f}"}))


def queue_summary(data_dir: Path) -> dict[str, Any]:
    """Counts by state, the oldest undelivered acceptance, quarantine reasons (no
    personal data: reasons are the platform's error codes and English texts)."""
    from sync.store import DB_FILENAME

    with contextlib.closing(_open_readonly(data_dir / DB_FILENAME)) as db:
        counts = dict(
            db.execute("SELECT sync_state, COUNT(*) FROM submissions GROUP BY sync_state")
        )
        oldest = db.execute(
            "SELECT MIN(accepted_at) FROM submissions WHERE sync_state != 'delivered'"
        ).fetchone()[0]
        reasons = Counter(
            str(r or "no reason recorded")[:160]
            for (r,) in db.execute(
                "SELECT last_error FROM submissions WHERE sync_state = 'quarantined'"
            )
        )
    return {
        "counts": {str(k): int(v) for k, v in counts.items()},
        "oldest_undelivered": oldest,
        "quarantined_reasons": dict(reasons),
    }


def check_queue(data_dir: Path, max_age: float) -> Check:
    from sync.store import DB_FILENAME

    if not (data_dir / DB_FILENAME).exists():
        return Check("queue", True, "no cases yet", said=("queue.none", {}))
    try:
        summary = queue_summary(data_dir)
    except sqlite3.Error as e:
        full = full_disk(data_dir)
        if full is not None:
            return Check("queue", False, f"not read: {full}", FREE_SPACE_FIX.format(d=data_dir),
                         fix_said=_free_space_fix(data_dir))
        return Check("queue", False, f"cannot read the queue: {e}", RECOVER_FIX.format(d=data_dir),
                     fix_said=_recover_fix(data_dir))
    counts = summary["counts"]
    undelivered = sum(n for state, n in counts.items() if state != "delivered")
    quarantined = counts.get("quarantined", 0)
    detail = f"{counts.get('delivered', 0)} delivered, {undelivered} not yet delivered"
    if quarantined:
        why = "; ".join(f"{n}x {r}" for r, n in summary["quarantined_reasons"].items())
        return Check(
            "queue",
            False,
            f"{detail}; {quarantined} quarantined (the platform refused them): {why}",
            "open 办件查询 in the clerk window, correct each refused case and send it again",
            fix_said=("fix.quarantined", {}),
        )
    oldest = summary["oldest_undelivered"]
    words: dict[str, object] = {"delivered": counts.get("delivered", 0),
                                "undelivered": undelivered}
    if oldest:
        age = datetime.now(UTC) - _parse_time(oldest)
        detail += f"; oldest accepted {age.total_seconds() / 3600:.1f} h ago"
        words.update(hours=f"{age.total_seconds() / 3600:.1f}", variant="oldest")
        if age.total_seconds() > max_age:
            return Check(
                "queue",
                False,
                detail,
                "make sure the sync service runs (`systemctl status yiwang-sync`) and the "
                "platform is reachable (see the platform checks)",
                said=("queue.ok", words), fix_said=("fix.sync_service", {}),
            )
    return Check("queue", True, detail, said=("queue.ok", words))


def _parse_time(text: str) -> datetime:
    at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=UTC)


_DEVICE_FIX = {
    "idcard": "check the reader's USB/serial cable and power, then `yiwang devices list`; "
    "set [devices] idcard to the port it shows (or \"auto\")",
    "camera": "check the document camera's USB cable; `yiwang devices list` shows /dev/video*; "
    "set [devices] camera to its index",
    "printer": "check power, cable and paper; set [devices] printer (serial:/dev/yiwang-printer, "
    "usb:VID:PID, tcp:HOST) and try `yiwang devices test-print --data-dir DIR`",
    "scanner": "check the scanner's cable; set [devices] scanner (none, wedge, serial:PORT, "
    "evdev:PATH)",
}


def device_checks(data_dir: Path) -> list[Check]:
    """One check per configured device, reusing `yiwang devices diagnose`."""
    from sync.config_schema import ConfigError
    from yiwang.commands.devices_cmd import diagnose

    if not data_dir.is_dir():
        return [Check("devices", False, "not checked: no data directory", SETUP_FIX.format(
            d=data_dir), fix_said=_setup_fix(data_dir))]
    try:
        report = diagnose(data_dir)
    except (ConfigError, ValueError, OSError) as e:
        return [Check("devices", False, f"cannot read [devices]: {e}", "fix config.toml first",
                      fix_said=("fix.config_first", {}))]
    return [
        Check(
            f"device.{d['device']}",
            bool(d["ok"]),
            d["detail_en"] if d["configured"] else f"not configured ({d['detail_en']})",
            "" if d["ok"] else _DEVICE_FIX.get(d["device"], ""),
            fix_said=(f"fix.device.{d['device']}", {}),
            detail_zh=str(d.get("detail_zh") or ""),
        )
        for d in report["devices"]
    ]
