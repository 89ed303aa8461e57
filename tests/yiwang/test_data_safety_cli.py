"""#10 contracts: on a damaged database, a missing or read-only data directory, a full
disk or a bad configuration, `yiwang sync --once`, `yiwang clerk --exit-when-ready` and
`yiwang recover` exit with the documented code and one line naming the problem — never
a traceback — and keep the damaged file.

`sync` and `recover` run in this process (tests/helpers/cli_in_process.py); `recover`
once as a real process too (a listed contract; `sync --once` is one in
test_station_contracts.py). The front ends start Qt, so they run as real processes
where the whole chain is proven: a station that cannot open (station.context.
StationUnavailable, whatever the cause) -> the one line on stderr and its exit code
(damaged database: clerk and kiosk; recovered: the clerk starts). For the other causes
the same chain's inputs are checked here: the StationUnavailable each front end's
opener raises, with its exit code, and the clerk's line for it."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid as uuidlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.applicant import Person
from intake.identity import resident_id_check_digit
from intake.submission import CapturedMaterial, Channel, Submission
from station.device_settings import DeviceSettings, save_device_settings
from sync.client import StationCredentials
from sync.config import StationConfig, save_config, save_credentials
from sync.exit_codes import TABLE, ExitCode
from sync.store import Store
from tests.helpers.cli_in_process import CliRun, run_cli

ROOT = Path(__file__).resolve().parents[2]


def _dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def yiwang_process(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "yiwang", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def make_station(data_dir: Path, accepted: int = 2) -> list[Submission]:
    save_config(data_dir, StationConfig(station_code="S001", platform_url=_dead_url()))
    save_device_settings(data_dir, DeviceSettings())
    save_credentials(data_dir, StationCredentials("st-1", "secret"))
    first17 = "11010519491231002"
    person = Person(name="张三", id_number=first17 + resident_id_check_digit(first17))
    subs = []
    with Store(data_dir) as store:
        for i in range(accepted):
            sha = store.put_blob(f"page {i}".encode())
            subs.append(
                store.accept(
                    uuid=str(uuidlib.uuid4()),
                    station_code="S001",
                    item_code="HJ001",
                    catalog_version="v1",
                    applicant=person,
                    materials=[CapturedMaterial("M01", (sha,))],
                    channel=Channel.WINDOW,
                    clerk_id="c01",
                    now=datetime.now(UTC),
                )
            )
    return subs


def assert_one_line(
    r: subprocess.CompletedProcess[str] | CliRun, command: str, *needles: str
) -> str:
    assert "Traceback" not in r.stderr + r.stdout, r.stderr
    ours = [line for line in r.stderr.splitlines() if line.startswith(f"{command}:")]
    assert len(ours) == 1, r.stderr
    for needle in needles:
        assert needle in ours[0], ours[0]
    return ours[0]


def assert_front_ends_refuse(station: Path, code: ExitCode, *needles: str) -> None:
    """What `yiwang clerk|kiosk --data-dir STATION --exit-when-ready` act on before any
    other window: each front end's station opener refuses with ``code``, and the
    clerk's one stderr line for it names ``needles`` (the chain from there to the
    exit code and the line, in real processes: the damaged-database test)."""
    from clerk_station.boot import open_services as open_clerk_station
    from kiosk.boot import open_services as open_kiosk_station
    from station.context import StationUnavailable
    from yiwang.commands.clerk import _report_unavailable

    for front_end, opener in (("clerk", open_clerk_station), ("kiosk", open_kiosk_station)):
        with pytest.raises(StationUnavailable) as refused:
            opener(station).close()
        assert refused.value.exit_code == code, (front_end, refused.value)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            _report_unavailable(refused.value)
        assert_one_line(CliRun(int(code), "", err.getvalue()), "clerk", *needles)


def test_damaged_database_stops_sync_and_clerk_and_is_kept(tmp_path: Path) -> None:
    station = tmp_path / "station"
    make_station(station)
    (station / "station.db").write_bytes(b"")  # truncated
    r = run_cli("sync", "--data-dir", str(station), "--once")
    assert r.returncode == ExitCode.DAMAGED
    assert_one_line(r, "sync", "truncated", "yiwang recover --data-dir")
    kept = sorted(station.glob("station.db.damaged-*"))
    assert kept and kept[0].stat().st_size == 0
    assert not (station / "station.db").exists()  # nothing empty made in its place
    for front_end in ("clerk", "kiosk"):  # the kiosk exited 7 (unexpected) here
        r = yiwang_process(front_end, "--data-dir", str(station), "--exit-when-ready")
        assert r.returncode == ExitCode.DAMAGED, (front_end, r.stderr)
        assert_one_line(r, front_end, "missing", "yiwang recover")
        assert not (station / "station.db").exists()


def test_recover_restores_and_then_the_station_starts(tmp_path: Path) -> None:
    station = tmp_path / "station"
    subs = make_station(station)
    raw = bytearray((station / "station.db").read_bytes())
    raw[4096:8192] = b"\xff" * 4096
    (station / "station.db").write_bytes(bytes(raw))
    (station / "station.db-wal").unlink(missing_ok=True)
    # a real process: `yiwang recover --data-dir D` is a contract harnesses drive
    r = yiwang_process("recover", "--data-dir", str(station), "--offline")
    assert "Traceback" not in r.stderr
    # no backup and no platform: the two accepted receipts are named as not restored
    assert r.returncode == ExitCode.RECOVERY_INCOMPLETE, r.stderr
    assert all(s.receipt_no in r.stdout for s in subs)
    assert sorted(station.glob("station.db.damaged-*"))
    r = yiwang_process("clerk", "--data-dir", str(station), "--exit-when-ready")
    assert r.returncode == 0, r.stderr


def test_missing_data_dir_is_one_line_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    for command in ("sync", "recover"):
        args = ["--once"] if command == "sync" else []
        r = run_cli(command, "--data-dir", str(missing), *args)
        assert r.returncode == ExitCode.CONFIG, (command, r.stderr)
        assert_one_line(r, command, str(missing))
    assert_front_ends_refuse(missing, ExitCode.CONFIG, str(missing))
    assert not missing.exists()


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda t: t.replace('code = "S001"', 'code = "bad code!"'), "station.code"),
        (lambda t: t.replace("[platform]", "[elsewhere]"), "url"),
        (lambda t: t.replace("retention_days = 180", "retention_days = 0"), "retention_days"),
        (lambda t: t + "\n[[broken\n", "config.toml"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, edit: Callable[[str], str], needle: str) -> None:
    station = tmp_path / "station"
    make_station(station, accepted=0)
    cfg = station / "config.toml"
    cfg.write_text(edit(cfg.read_text("utf-8")), "utf-8")
    r = run_cli("sync", "--data-dir", str(station), "--once")
    assert r.returncode == ExitCode.CONFIG, r.stderr
    assert_one_line(r, "sync", needle)
    assert_front_ends_refuse(station, ExitCode.CONFIG, needle)


def test_read_only_file_system(small_fs: Path, remount_readonly: Callable[[Path], None]) -> None:
    station = small_fs / "station"
    make_station(station, accepted=1)
    remount_readonly(small_fs)
    r = run_cli("sync", "--data-dir", str(station), "--once")
    assert r.returncode == ExitCode.STORAGE, r.stderr
    assert_one_line(r, "sync", str(station))
    assert_front_ends_refuse(station, ExitCode.STORAGE, str(station))


def test_full_disk(tiny_fs: Path) -> None:
    station = tiny_fs / "station"
    make_station(station, accepted=1)
    filler = tiny_fs / "filler"
    with contextlib.suppress(OSError), open(filler, "wb") as f:
        while True:
            f.write(b"\0" * 4096)
            f.flush()
    r = run_cli("sync", "--data-dir", str(station), "--once")
    assert r.returncode == ExitCode.STORAGE, r.stderr
    assert_one_line(r, "sync", "存储空间已满")
    filler.unlink()
    with Store(station) as store:  # nothing was lost or half-written
        assert store.integrity_check() == "ok" and len(store.list_records()) == 1


def test_exit_code_table_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for code, meaning in TABLE:
        assert f"| {int(code)} | {meaning} |" in readme


def _as_nobody_env(**extra: str) -> dict[str, str]:
    """The environment for a process run as nobody: without the session's bytecode cache
    (tests/conftest.py), which lies in root's home: through it, nobody's interpreter
    would find no compiled module at all, not even the standard library's."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    return {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT), **extra}


def _nobody_can_import_the_product() -> bool:
    """A checkout under a 0700 folder (``mktemp -d``) is closed to nobody: then this test
    cannot run the product as nobody at all, whatever the data dir's permissions."""
    r = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-c", "import yiwang"],
        cwd="/", env=_as_nobody_env(),
        capture_output=True, text=True, timeout=60, check=False,
    )
    return r.returncode == 0


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root to run the command as another user (root may read any directory)",
)
def test_unreadable_data_dir_is_a_storage_problem() -> None:
    if not _nobody_can_import_the_product():
        pytest.skip(f"nobody cannot read this checkout ({ROOT}) or its venv")
    outer = Path(tempfile.mkdtemp(prefix="yiwang-perm-", dir="/tmp"))
    try:
        outer.chmod(0o711)
        station = outer / "station"
        make_station(station, accepted=1)
        station.chmod(0o700)  # root's; the command runs as nobody
        env = _as_nobody_env(HOME=str(outer))

        def sync_as_nobody() -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                 sys.executable, "-m", "yiwang", "sync", "--data-dir", str(station), "--once"],
                cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
            )

        r = sync_as_nobody()
        assert r.returncode == ExitCode.STORAGE, r.stderr
        assert_one_line(r, "sync", str(station), "not readable")
        # the folder above closed too: the data dir cannot even be looked at (Path.is_dir
        # raised PermissionError in the log set-up, a traceback before the command ran)
        outer.chmod(0o700)
        r = sync_as_nobody()
        assert r.returncode == ExitCode.STORAGE, r.stderr
        assert_one_line(r, "sync", str(station), "not readable")
    finally:
        shutil.rmtree(outer, ignore_errors=True)
