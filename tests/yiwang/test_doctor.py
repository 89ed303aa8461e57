"""`yiwang doctor`: all green on a freshly set-up station, and each check failing for
a real cause (wrong URL, platform down, wrong clock, missing device, corrupted
database, full disk, quarantined case).

`yiwang doctor --bundle`: useful to a remote technician, and never a name, an ID
number, an image or a key — checked by scanning every file of a real bundle made
from a station holding real submissions of known people (here, not in a file of its
own: it shares the station with accepted submissions that is made once per worker)."""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from reference_platform.server import PlatformProcess
from station.device_settings import load_device_settings, save_device_settings
from sync.config import load_config, save_config
from sync.store import DB_FILENAME, Store
from tests.helpers.cli_in_process import CliRun, run_cli
from tests.yiwang.conftest import AcceptedStation, platform_gone
from yiwang import logs
from yiwang.doctor import Check, DoctorOptions, run_doctor
from yiwang.doctor.local_checks import check_disk
from yiwang.doctor.words import human_lines

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = [
    "config", "credentials", "database", "backups", "disk", "queue", "platform", "tls", "signature",
    "clock", "heartbeat", "device.idcard", "device.camera", "device.printer", "device.scanner",
]  # fmt: skip


def yiwang_process(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`yiwang ARGS` as a real process: the installed script when there is one."""
    exe = Path(sys.executable).with_name("yiwang")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "yiwang"]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def yiwang(*args: str) -> CliRun:
    """`yiwang ARGS` in this process (tests/helpers/cli_in_process.py): what the command
    prints and its exit code; the JSON contract is also checked on a real process
    (test_fresh_station_is_all_green_json_contract)."""
    return run_cli(*args)


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {c.name: c for c in checks}


def failing(checks: list[Check]) -> set[str]:
    return {c.name for c in checks if not c.ok and not c.skipped}


def skipped(checks: list[Check]) -> set[str]:
    return {c.name for c in checks if c.skipped}


def test_fresh_station_is_all_green_json_contract(station: Path) -> None:
    # a real process: `yiwang doctor --data-dir D --json` is a contract harnesses drive
    proc = yiwang_process("doctor", "--data-dir", str(station), "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["ok"] is True
    assert [c["name"] for c in report["checks"]] == EXPECTED
    for c in report["checks"]:
        assert set(c) == {"name", "ok", "detail", "fix"} and c["ok"] is True, c


def test_human_output_one_verdict_per_line_with_fix(station: Path) -> None:
    save_device_settings(
        station, replace(load_device_settings(station), idcard="/dev/ttyYIWANG-absent")
    )
    proc = yiwang("doctor", "--data-dir", str(station), "--lang", "en")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == len(EXPECTED) + 1 and lines[-1] == "1 check(s) failed"
    bad = [line for line in lines if line.startswith("FAIL")]
    assert len(bad) == 1 and "device.idcard" in bad[0] and "-> fix:" in bad[0]
    # Chinese by default, as the other commands speak; the JSON is the same either way
    proc = yiwang("doctor", "--data-dir", str(station))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == len(EXPECTED) + 1 and lines[-1] == "1 项检查未通过"
    bad = [line for line in lines if line.startswith("失败")]
    assert len(bad) == 1 and "身份证阅读器(device.idcard)" in bad[0]
    assert "→ 处理办法：检查阅读器的 USB/串口线和电源" in bad[0]  # the fix worded too
    assert sum(line.startswith("通过 ") for line in lines) == len(EXPECTED) - 1
    assert "数据库(database)" in proc.stdout and "FAIL" not in proc.stdout
    # what each check found, worded: the database, the queue, a device's own diagnosis
    assert "尚无数据库（站点首次启动时创建）" in proc.stdout and "尚无办件" in proc.stdout
    assert "签名请求已被接受" in proc.stdout and "与平台时钟相差不超过" in proc.stdout
    assert "无法打开身份证阅读器端口" in bad[0]
    assert "no station.db" not in proc.stdout and "accepted" not in proc.stdout
    as_json = [yiwang("doctor", "--data-dir", str(station), "--json", *lang).stdout
               for lang in ((), ("--lang", "en"))]  # fmt: skip
    first, second = (json.loads(text) for text in as_json)
    assert first["checks"][0]["detail"] == second["checks"][0]["detail"]
    assert [c["name"] for c in first["checks"]] == EXPECTED


def test_bundle_exits_like_doctor_and_is_still_written(station: Path, tmp_path: Path) -> None:
    """Review 7a: `--bundle` exited 0 with a failing check; docs/technician.md says doctor
    exits 0 only when every check passes. 2 stays for a bundle that cannot be written."""
    settings = load_device_settings(station)
    save_device_settings(station, replace(settings, idcard="/dev/ttyYIWANG-absent"))
    bundle = tmp_path / "failing.zip"
    proc = yiwang("doctor", "--data-dir", str(station), "--bundle", str(bundle), "--lang", "en")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "1 check(s) failed" in proc.stdout and "bundle written" in proc.stderr
    with zipfile.ZipFile(bundle) as zf:
        assert json.loads(zf.read("doctor.json"))["ok"] is False

    (tmp_path / "a file").write_text("", encoding="utf-8")
    unwritable = tmp_path / "a file" / "bundle.zip"
    proc = yiwang("doctor", "--data-dir", str(station), "--bundle", str(unwritable))
    assert proc.returncode == 2 and "无法写入诊断包" in proc.stderr

    save_device_settings(station, settings)
    proc = yiwang("doctor", "--data-dir", str(station), "--bundle", str(tmp_path / "ok.zip"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "ok.zip").is_file()


def test_missing_device(station: Path) -> None:
    save_device_settings(
        station, replace(load_device_settings(station), idcard="/dev/ttyYIWANG-absent")
    )
    checks = run_doctor(station)
    assert failing(checks) == {"device.idcard"}
    assert "yiwang devices list" in by_name(checks)["device.idcard"].fix


def test_wrong_url(station: Path, platform: PlatformProcess) -> None:
    save_config(station, replace(load_config(station), platform_url=platform.url + "/portal"))
    checks = run_doctor(station, DoctorOptions(devices=False))
    assert failing(checks) == {"platform"}
    assert skipped(checks) == {"tls", "signature", "clock", "heartbeat"}
    platform_check = by_name(checks)["platform"]
    assert "404" in platform_check.detail and "path" in platform_check.fix


def test_platform_down(station: Path) -> None:
    url = platform_gone(station)
    checks = run_doctor(station, DoctorOptions(devices=False))
    assert failing(checks) == {"platform"}  # one outage is one failure
    assert skipped(checks) == {"tls", "signature", "clock", "heartbeat"}
    detail = by_name(checks)["platform"].detail
    port = url.rsplit(":", 1)[1]
    assert detail.startswith(f"cannot reach the platform at 127.0.0.1:{port}: connection refused")
    for raw in ("Max retries", "HTTPConnection", "Errno", "urllib3", "_HTTPPool"):
        assert raw not in detail, detail
    for name in ("tls", "signature", "clock", "heartbeat"):
        assert by_name(checks)[name].detail == "skipped: platform unreachable"
        assert by_name(checks)[name].fix == ""
    # the human output in Chinese words the outage too (a window's most common failure);
    # the JSON's detail above stays English
    [line] = [x for x in human_lines(checks, english=False) if "(platform)" in x]
    assert f"无法连接平台 127.0.0.1:{port}：连接被拒绝" in line, line
    assert "cannot reach" not in line and "connection refused" not in line, line
    [english] = [x for x in human_lines(checks, english=True) if x.split()[1] == "platform"]
    assert f"cannot reach the platform at 127.0.0.1:{port}: connection refused" in english


def test_wrong_clock(station: Path) -> None:
    """The platform's Date says an hour later than this machine thinks it is."""
    checks = run_doctor(
        station, DoctorOptions(devices=False, clock=lambda: time.time() - 3600)
    )
    assert failing(checks) == {"clock"}
    clock = by_name(checks)["clock"]
    assert "behind" in clock.detail and "timedatectl" in clock.fix
    assert 3590 <= float(clock.detail.split()[4]) <= 3610


def test_revoked_credentials(station: Path) -> None:
    creds = station / "keys" / "credentials.json"
    data = json.loads(creds.read_text())
    creds.write_text(json.dumps({**data, "secret": "not-the-secret"}))
    checks = run_doctor(station, DoctorOptions(devices=False))
    assert failing(checks) == {"signature"} and skipped(checks) == {"heartbeat"}
    assert "enroll again" in by_name(checks)["signature"].fix


def test_corrupted_database(station: Path) -> None:
    with Store(station) as store:
        store.kv_set("filler", "x" * 50_000)  # a few pages to damage
    db = station / DB_FILENAME
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{db}{suffix}").exists() or Path(f"{db}{suffix}").stat().st_size == 0
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[page : 4 * page] = os.urandom(3 * page)  # pages 2-4 overwritten, header intact
    db.write_bytes(bytes(data))
    checks = run_doctor(station, DoctorOptions(devices=False))
    assert "database" in failing(checks)
    assert "yiwang recover" in by_name(checks)["database"].fix


def test_backups_checked_after_real_accepts(accepted_station: AcceptedStation) -> None:
    station = accepted_station.data_dir
    checks = by_name(run_doctor(station, DoctorOptions(devices=False)))
    assert checks["backups"].ok, checks["backups"]
    assert "generation(s) in" in checks["backups"].detail
    for backup in (station / "backups").iterdir():
        backup.unlink()
    checks = by_name(run_doctor(station, DoctorOptions(devices=False)))
    assert not checks["backups"].ok and "no database backup" in checks["backups"].detail
    assert "backup_dir" in checks["backups"].fix


def test_quarantined_case_is_reported_with_its_reason(accepted_station: AcceptedStation) -> None:
    station = accepted_station.data_dir
    uuid = accepted_station.records[0].accepted.submission.uuid
    with Store(station) as store:
        store.quarantine(uuid, "platform refused: unknown_item HJ999")
    checks = run_doctor(station, DoctorOptions(devices=False))
    assert failing(checks) == {"queue"}
    queue = by_name(checks)["queue"]
    assert "1 quarantined" in queue.detail and "unknown_item HJ999" in queue.detail


def test_full_disk(tiny_fs: Path) -> None:
    data_dir = tiny_fs / "station"
    data_dir.mkdir()
    assert check_disk(data_dir, 64 * 1024).ok  # the small disk itself is fine
    with open(tiny_fs / "filler", "wb") as f, pytest.raises(OSError):
        while True:
            f.write(b"\0" * 65536)
            f.flush()
            os.fsync(f.fileno())
    verdict = check_disk(data_dir, 64 * 1024)
    assert not verdict.ok
    assert "free space" in verdict.fix


def test_missing_data_dir_is_one_clear_failure(tmp_path: Path) -> None:
    proc = yiwang("doctor", "--data-dir", str(tmp_path / "nowhere"), "--json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert by_name([Check(**c) for c in report["checks"]])["config"].ok is False
    assert not (tmp_path / "nowhere").exists()


def test_tls_verified_with_the_ca_bundle_and_refused_without(tmp_path: Path) -> None:
    """The platform over HTTPS with a throwaway CA: trusted through [platform] ca_bundle,
    refused (with the fix) once the bundle is taken away."""
    from station.setup import SetupChoices, apply_setup
    from tests.sync.engine.test_tls import make_pki
    from tests.yiwang.conftest import enroll_code

    ca, cert, key = make_pki(tmp_path)
    with PlatformProcess(tmp_path / "tls-platform.db", ssl_certfile=cert, ssl_keyfile=key,
                         ca_bundle=ca) as platform:  # fmt: skip
        station = tmp_path / "station"
        apply_setup(station, SetupChoices("TLS01", platform.url, ca_bundle=str(ca),
                                          enrollment_code=enroll_code(platform, verify=ca)))
        checks = by_name(run_doctor(station, DoctorOptions(devices=False)))
        assert checks["tls"].ok and f"the CA bundle {ca}" in checks["tls"].detail
        assert checks["signature"].ok and checks["heartbeat"].ok
        save_config(station, replace(load_config(station), ca_bundle=None))
        checks = by_name(run_doctor(station, DoctorOptions(devices=False)))
        assert checks["platform"].ok and not checks["tls"].ok
        assert "ca_bundle" in checks["tls"].fix
        # killed, not stopped: a TLS platform's graceful stop waits 5 s for the loopback
        # connections of its own readiness check (what is checked here is the station)
        platform.kill()


IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM6", b"II*\x00", b"MM\x00*")


def _secret_forms(data_dir: Path) -> list[bytes]:
    key = (data_dir / "keys" / "data.key").read_bytes()
    secret = json.loads((data_dir / "keys" / "credentials.json").read_text())["secret"]
    forms = []
    for raw in (key, secret.encode()):
        forms += [raw, raw.hex().encode(), base64.b64encode(raw).rstrip(b"=")]
        forms += [base64.urlsafe_b64encode(raw).rstrip(b"=")]
    return forms


def test_bundle_holds_no_personal_data_images_or_keys(
    accepted_station: AcceptedStation, tmp_path: Path
) -> None:
    station, records = accepted_station.data_dir, accepted_station.records
    people = [r.accepted.submission.applicant for r in records]
    names = {p.name for p in people}
    id_numbers = {p.id_number for p in people}
    assert len(names) == 3 and all(len(n) == 18 for n in id_numbers)
    secret = json.loads((station / "keys" / "credentials.json").read_text())["secret"]

    # personal data and secrets slipping into the logs, through the logger and around it
    logs.configure("INFO", station, name="clerk")
    leaky = logging.getLogger("clerk_station.test_leak")
    for p in people:
        leaky.info("accepted applicant name=%s id_number=%s", p.name, p.id_number)
        leaky.info('manifest {"name": "%s", "address": "%s"}', p.name, p.address)
        leaky.info("read card %s", p.id_number)
    for handler in logging.getLogger().handlers:
        handler.flush()
    logs.configure("INFO", None)
    with open(station / "logs" / "sync.log", "a", encoding="utf-8") as f:
        f.write(f"2026-12-03T07:00:00.000Z ERROR raw id {people[0].id_number} secret {secret}\n")

    bundle = tmp_path / "out" / "bundle.zip"
    # a real process: `yiwang doctor --data-dir D --bundle FILE.zip` is a contract
    proc = yiwang_process("doctor", "--data-dir", str(station), "--bundle", str(bundle))
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(bundle) as zf:
        contents = {name: zf.read(name) for name in zf.namelist()}

    assert {"doctor.json", "versions.json", "config.json", "devices.json", "queue.json"} <= set(
        contents
    )
    assert {"logs/clerk.log", "logs/sync.log"} <= set(contents)
    forbidden = [n.encode() for n in names] + [i.encode() for i in id_numbers]
    forbidden += [p.address.encode() for p in people] + _secret_forms(station)
    for name, data in contents.items():
        for item in forbidden:
            assert item not in data, f"{name} leaks {item[:6]!r}..."
        assert not any(data.startswith(m) for m in IMAGE_MAGIC), name
        assert b"\xff\xd8\xff" not in data, name
        assert not re.search(rb"(?<!\d)\d{17}[\dXx](?!\d)", data), name
        data.decode("utf-8")  # text only

    # ... and still useful
    queue = json.loads(contents["queue.json"])
    assert queue["counts"] == {"queued": 3}
    config = json.loads(contents["config.json"])
    assert config["station"]["code"] == station_code(station)
    assert config["platform"]["url"].startswith("http://127.0.0.1:")
    assert json.loads(contents["devices.json"])["ok"] is True
    log_text = contents["logs/clerk.log"].decode()
    assert log_text.count("accepted applicant name=[masked] id_number=[masked]") == 3
    assert "read card [ID]" in log_text
    assert "secret [removed]" in contents["logs/sync.log"].decode()


def station_code(data_dir: Path) -> str:
    return load_config(data_dir).station_code
