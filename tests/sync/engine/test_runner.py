"""config.toml / credentials helpers and the `yiwang sync` process entry point."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import requests

from reference_platform.server import PlatformProcess
from sync.client import StationCredentials
from sync.config import (
    CONFIG_VERSION,
    ConfigError,
    NotEnrolled,
    StationConfig,
    config_path,
    credentials_path,
    enroll_station,
    load_config,
    load_credentials,
    save_config,
    save_credentials,
)
from sync.runner import EXIT_AUTH, EXIT_CONFIG, EXIT_OK, EXIT_PENDING, run_sync_process
from sync.store import Store, SyncState
from ui_shared.error_text import error_text
from yiwang.error_words import technician_text

ROOT = Path(__file__).resolve().parents[3]


def test_config_roundtrip_keeps_other_tables(data_dir: Path) -> None:
    config_path(data_dir).write_text('[devices]\nidcard = "auto"\n', encoding="utf-8")
    cfg = StationConfig(
        station_code="S001",
        station_name="城关镇便民服务中心",
        platform_url="https://platform.example.gov.cn/",
        ca_bundle=str(data_dir / "ca.pem"),
        sync_interval=15,
        retention_days=90,
    )
    save_config(data_dir, cfg)
    doc = tomllib.loads(config_path(data_dir).read_text(encoding="utf-8"))
    assert doc["config_version"] == CONFIG_VERSION == 2
    assert doc["devices"] == {"idcard": "auto"}
    assert doc["platform"]["ca_bundle"] == "ca.pem"  # stored relative to the data dir
    loaded = load_config(data_dir)
    assert loaded.station_code == "S001" and loaded.station_name == "城关镇便民服务中心"
    assert loaded.platform_url == "https://platform.example.gov.cn"
    assert loaded.ca_bundle == str(data_dir / "ca.pem")
    assert (loaded.sync_interval, loaded.retention_days, loaded.role) == (15, 90, "window")


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        (None, "未找到配置文件"),
        ("[station\n", "格式错误"),
        ('[station]\ncode = "S001"\n', "缺少必填项"),
        ('[station]\ncode = "S-1"\n[platform]\nurl = "https://x"\n', "终端编号"),
        ('[station]\ncode = "S1"\nrole = "tv"\n[platform]\nurl = "https://x"\n', "终端类型"),
        ('[station]\ncode = "S1"\n[platform]\nurl = "ftp://x"\n', "平台地址"),
        ('config_version = 9\n[station]\ncode = "S1"\n', "升级"),
    ],
)
def test_config_errors_speak_to_the_technician(data_dir: Path, text: str | None, zh: str) -> None:
    if text is not None:
        config_path(data_dir).write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(data_dir)
    assert zh in error_text(e.value)


def test_credentials_are_owner_only(data_dir: Path) -> None:
    with pytest.raises(NotEnrolled):
        load_credentials(data_dir)
    path = save_credentials(data_dir, StationCredentials("st-1", "s3cret"))
    assert path == credentials_path(data_dir) == data_dir / "keys" / "credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_credentials(data_dir) == StationCredentials("st-1", "s3cret")
    save_config(data_dir, StationConfig(station_code="S001", platform_url="https://x"))
    assert "s3cret" not in config_path(data_dir).read_text()  # secrets never in config.toml
    path.write_text("{not json")
    with pytest.raises(ConfigError):
        load_credentials(data_dir)


@pytest.fixture
def station(
    data_dir: Path, platform: PlatformProcess, admin, http: requests.Session, station_code: str
) -> Path:
    save_config(data_dir, StationConfig(station_code=station_code, platform_url=platform.url))
    enroll_station(data_dir, admin.enrollment_code(), session=http)
    return data_dir


# run_sync_process builds its own requests session: keep loopback away from any proxy
pytestmark = pytest.mark.usefixtures("no_proxy")


def test_run_once_delivers_and_exits_zero(station: Path, store: Store, accept, admin) -> None:
    subs = [accept(), accept()]
    assert run_sync_process(station, once=True) == EXIT_OK
    for s in subs:
        assert store.get(s.uuid).sync_state is SyncState.DELIVERED
    assert run_sync_process(station, once=True) == EXIT_OK  # nothing left


def test_run_once_prints_the_progress_figures(
    station: Path, store: Store, accept, capsys: pytest.CaptureFixture[str]
) -> None:
    subs = [accept(), accept()]
    assert run_sync_process(station, once=True) == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    sending = [line for line in err if line.startswith("sync: sending")]
    delivered = [line for line in err if line.startswith("sync: delivered")]
    assert sending[0].startswith(f"sync: sending 1 of 2 ({subs[0].receipt_no}): 0 B of ")
    assert [d.split(" (")[0] for d in delivered] == ["sync: delivered 1 of 2",
                                                      "sync: delivered 2 of 2"]
    assert f"({subs[1].receipt_no})" in delivered[-1]


def test_run_once_exit_codes(data_dir: Path, store: Store, accept, capsys) -> None:
    assert run_sync_process(data_dir, once=True, words=technician_text) == EXIT_CONFIG
    assert "config.toml" in capsys.readouterr().err
    # configured, but pointing at a port where nothing listens, and not enrolled
    save_config(data_dir, StationConfig(station_code="S001", platform_url="http://127.0.0.1:9"))
    assert run_sync_process(data_dir, once=True, words=technician_text) == EXIT_AUTH
    assert "注册" in capsys.readouterr().err
    save_credentials(data_dir, StationCredentials("st", "secret"))
    accept()
    assert run_sync_process(data_dir, once=True) == EXIT_PENDING
    assert "not yet delivered (offline)" in capsys.readouterr().err


def test_sync_process_stops_cleanly_on_sigterm(station: Path, store: Store, accept) -> None:
    sub = accept()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(var, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.runner", "--data-dir", str(station), "--interval", "60"],
        env=env,
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while store.get(sub.uuid).sync_state is not SyncState.DELIVERED:
            assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == EXIT_OK
        assert time.monotonic() - t0 < 5  # the 60 s sleep was cut short
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    log = (station / "logs" / "sync.log").read_text(encoding="utf-8")
    assert "stopped cleanly" in log


def _sync_once_process(station: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(var, None)
    return subprocess.run(
        [sys.executable, "-m", "sync.runner", "--data-dir", str(station), "--once"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )


def test_the_sync_process_log_is_owner_only(station: Path, accept) -> None:
    accept()
    old = os.umask(0o022)
    try:
        done = _sync_once_process(station)
    finally:
        os.umask(old)
    assert done.returncode == EXIT_OK, done.stderr
    log = station / "logs" / "sync.log"
    assert "delivered" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_link_in_the_sync_log_s_place_is_not_followed(
    station: Path, accept, tmp_path: Path
) -> None:
    """logging.handlers' rotating file followed it: run as root, the sync service
    appended its lines to whatever the link named (sync.private_files.open_private_log
    refuses it)."""
    passwd = "root:x:0:0::/root:/bin/sh\n"
    target = tmp_path / "passwd"
    target.write_text(passwd)
    target.chmod(0o644)
    (station / "logs").mkdir(mode=0o700, exist_ok=True)
    (station / "logs" / "sync.log").symlink_to(target)
    accept()
    done = _sync_once_process(station)
    assert done.returncode == EXIT_OK and "Traceback" not in done.stderr
    assert target.read_text() == passwd
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_linked_logs_folder_or_a_hard_linked_log_is_not_written(
    station: Path, accept, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "etc"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)
    (station / "logs").symlink_to(elsewhere, target_is_directory=True)
    accept()
    done = _sync_once_process(station)
    assert done.returncode == EXIT_OK and "sync: no log file" in done.stderr
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755 and list(elsewhere.iterdir()) == []
    (station / "logs").unlink()
    (station / "logs").mkdir(mode=0o700)
    other = tmp_path / "shadow"
    other.write_text("root:x:0:0\n")
    os.link(other, station / "logs" / "sync.log")
    accept()
    done = _sync_once_process(station)
    assert done.returncode == EXIT_OK and "sync: no log file" in done.stderr
    assert other.read_text() == "root:x:0:0\n"


def test_a_folder_that_is_not_a_station_gets_no_log(tmp_path: Path) -> None:
    """A mistyped --data-dir: its own logs folder keeps its mode and gains no sync.log."""
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs").chmod(0o755)
    done = _sync_once_process(tmp_path)
    assert done.returncode != EXIT_OK and "Traceback" not in done.stderr
    assert stat.S_IMODE((tmp_path / "logs").stat().st_mode) == 0o755
    assert list((tmp_path / "logs").iterdir()) == []
