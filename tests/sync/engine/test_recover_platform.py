"""`yiwang recover` against the real reference platform: the newest backup is
restored, what the platform acknowledged (P4) comes back as delivered, what neither
holds is named, and no receipt number is ever issued again."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from intake.receipt_number import parse_receipt_no
from reference_platform.server import PlatformProcess
from sync.config import StationConfig, enroll_station, save_config
from sync.exit_codes import ExitCode
from sync.runner import EXIT_OK, run_sync_process
from sync.store import Store, StoreDamaged, SyncState, backup_database
from yiwang.commands.recover import recover_command

# run_sync_process builds its own requests session: keep loopback away from any proxy
pytestmark = pytest.mark.usefixtures("no_proxy")


def corrupt(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    raw[4096 : 3 * 4096] = b"\x5a" * (2 * 4096)
    db.write_bytes(bytes(raw))
    for extra in ("-wal", "-shm"):
        db.with_name(db.name + extra).unlink(missing_ok=True)


def test_recover_takes_back_what_the_platform_holds(
    data_dir: Path,
    platform: PlatformProcess,
    admin,
    http: requests.Session,
    station_code: str,
    store: Store,
    accept,
    capsys: pytest.CaptureFixture[str],
) -> None:
    save_config(data_dir, StationConfig(station_code=station_code, platform_url=platform.url))
    enroll_station(data_dir, admin.enrollment_code(), session=http)
    a = accept()
    backup_database(store.db_path, data_dir / "backups", keep=3)
    b, c = accept(), accept()
    assert run_sync_process(data_dir, once=True) == EXIT_OK  # a, b, c acknowledged
    d = accept()  # accepted after the backup, never delivered: only its record knows
    store.close()
    corrupt(data_dir / "station.db")
    with pytest.raises(StoreDamaged):
        Store(data_dir)

    assert recover_command(data_dir) == ExitCode.RECOVERY_INCOMPLETE
    out = capsys.readouterr().out
    assert "platform replay: 2 submission(s) taken back" in out
    assert f"could NOT restore 1 accepted submission(s): {d.receipt_no}" in out
    assert "Traceback" not in out
    with Store(data_dir) as again:
        for s in (a, b, c):
            rec = again.get(s.uuid)
            assert rec.sync_state is SyncState.DELIVERED and rec.case_no
            assert rec.submission == s  # applicant, pages, receipt: as accepted
        nxt = accept(target=again)
    # d's number was printed: the next one is after it, never d's again
    assert parse_receipt_no(nxt.receipt_no)[2] == parse_receipt_no(d.receipt_no)[2] + 1
    assert sorted(data_dir.glob("station.db.damaged-*"))  # the damaged file is kept

    # a second recovery on a healthy station changes nothing and is complete
    assert recover_command(data_dir) == ExitCode.RECOVERY_INCOMPLETE  # d is still lost
    assert "platform replay: 0 submission(s) taken back" in capsys.readouterr().out
