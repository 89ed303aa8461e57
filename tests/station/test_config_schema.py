"""The declared config.toml schema: errors name key, file and line; old files upgrade;
the documentation table is generated from it and kept current."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from station.config_schema import STATION_SCHEMA, check_station_config, documentation
from station.device_settings import DeviceSettings, load_device_settings, save_device_settings
from sync.config import (
    CONFIG_VERSION,
    ConfigError,
    StationConfig,
    config_path,
    load_config,
    save_config,
)
from ui_shared.error_text import error_text

ROOT = Path(__file__).resolve().parents[2]

#: a station's file exactly as the previous release wrote it (format version 1)
V1_FILE = """config_version = 1

[station]
code = "S001"
name = "城关镇便民服务中心"
role = "window"
receipt_query_url = "https://platform.example.gov.cn/r"

[platform]
url = "https://platform.example.gov.cn"
ca_bundle = ""

[sync]
interval_seconds = 30.0
retention_days = 90
catalog_minutes = 10.0
heartbeat_seconds = 60.0
probe_seconds = 15.0

[devices]
idcard = "auto"
camera = "0"
camera_width = 1920
camera_height = 1080
printer = "serial:/dev/ttyUSB0"
paper_mm = 58
native_qr = false
scanner = "wedge"
"""

@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "station"
    d.mkdir()
    return d


GOOD = '[station]\ncode = "S1"\n[platform]\nurl = "https://x"\n'


def _write(data_dir: Path, text: str) -> Path:
    path = config_path(data_dir)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        (GOOD + "[sync]\n# a comment\nretention_days = \"ninety\"\n", "sync.retention_days", 7),
        (GOOD + "[devices]\npaper_mm = 57\n", "devices.paper_mm", 6),
        (GOOD + "[devices]\ncamera_width = 1920.5\n", "devices.camera_width", 6),
        (GOOD + "[devices]\nnative_qr = \"yes\"\n", "devices.native_qr", 6),
        (GOOD + "[devices]\nprinter = \"lpt1\"\n", "devices.printer", 6),
        (GOOD + "[devices]\nscanner = \"bluetooth:x\"\n", "devices.scanner", 6),
        (GOOD + "[devices]\nidcard = \"auto\"\ncolour = \"red\"\n", "devices.colour", 7),
        ('[station]\ncode = "S1"\nnmae = "typo"\n[platform]\nurl = "https://x"\n',
         "station.nmae", 3),
        (GOOD + "[printer]\nwidth = 80\n", "printer", 5),
        ('station.code = "S-1"\n[platform]\nurl = "https://x"\n', "station.code", 1),
    ],
)
def test_wrong_type_or_unknown_key_names_key_file_and_line(
    data_dir: Path, text: str, key: str, line: int
) -> None:
    path = _write(data_dir, text)
    with pytest.raises(ConfigError) as e:
        check_station_config(data_dir)
    err = e.value
    assert (err.key, err.path, err.line) == (key, path, line)
    assert f"{path}:{line}" in str(err)
    assert key in str(err) and key in error_text(err)
    assert f"第 {line} 行" in error_text(err)


def test_missing_required_key_points_at_its_table(data_dir: Path) -> None:
    path = _write(data_dir, '[station]\nname = "x"\n[platform]\nurl = "https://x"\n')
    with pytest.raises(ConfigError) as e:
        load_config(data_dir)
    assert (e.value.key, e.value.path, e.value.line) == ("station.code", path, 1)
    assert "缺少必填项" in error_text(e.value)


def test_sync_process_leaves_foreign_tables_to_their_owners(data_dir: Path) -> None:
    """`yiwang sync` reads only its tables: a table another package owns (or a newer
    component adds) does not stop delivery; whole-station entry points refuse it."""
    _write(data_dir, GOOD + "[kiosk]\nidle_seconds = 60\n")
    assert load_config(data_dir).station_code == "S1"
    with pytest.raises(ConfigError) as e:
        check_station_config(data_dir)
    assert e.value.key == "kiosk" and e.value.line == 5


def test_version_1_file_upgrades_on_read_and_rewrites_on_save(data_dir: Path) -> None:
    _write(data_dir, V1_FILE)
    config = load_config(data_dir)
    assert config.receipt_query_url == "https://platform.example.gov.cn/r"
    assert config.retention_days == 90
    tables = check_station_config(data_dir)
    assert tables["platform"]["receipt_query_url"] == "https://platform.example.gov.cn/r"
    assert load_device_settings(data_dir) == DeviceSettings(
        idcard="auto", camera="0", printer="serial:/dev/ttyUSB0", paper_mm=58, scanner="wedge"
    )
    # reading never rewrites (a read-only station still starts)
    assert config_path(data_dir).read_text(encoding="utf-8") == V1_FILE
    # writing any table upgrades the whole file, keeping what the technician set
    save_device_settings(data_dir, DeviceSettings(idcard="auto", paper_mm=58))
    doc = tomllib.loads(config_path(data_dir).read_text(encoding="utf-8"))
    assert doc["config_version"] == CONFIG_VERSION == 2
    assert "receipt_query_url" not in doc["station"]
    assert doc["platform"]["receipt_query_url"] == "https://platform.example.gov.cn/r"
    assert doc["station"]["name"] == "城关镇便民服务中心"
    assert load_config(data_dir) == config


def test_unversioned_file_is_read_as_version_1(data_dir: Path) -> None:
    _write(data_dir, V1_FILE.replace("config_version = 1\n", ""))
    assert load_config(data_dir).receipt_query_url == "https://platform.example.gov.cn/r"


def test_programmatic_values_are_checked_by_the_same_schema(data_dir: Path) -> None:
    with pytest.raises(ConfigError) as e:
        save_config(data_dir, StationConfig("S1", "https://x", retention_days=0))
    assert e.value.key == "sync.retention_days"
    with pytest.raises(ConfigError) as e:
        save_device_settings(data_dir, DeviceSettings(paper_mm=76))
    assert e.value.key == "devices.paper_mm"
    assert not config_path(data_dir).exists()


def test_every_key_is_declared_with_meaning_and_label() -> None:
    for table in STATION_SCHEMA.tables:
        for key in table.keys:
            # its label and allowed words are the UI's (tests/ui_shared/test_config_words.py)
            assert key.meaning, f"{table.name}.{key.name}"
            if not key.required:
                assert key.problem(key.default) is None, f"default of {table.name}.{key.name}"


def test_documentation_table_is_current() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert doc == documentation(), "run: python -m station.config_schema > docs/configuration.md"


def test_setup_rewrites_an_old_file_in_the_current_format(data_dir: Path) -> None:
    """Re-running set-up with the same values enrolls nothing and changes no setting,
    but writes the file in the current format."""
    from station.setup import apply_setup, current_choices
    from sync.client import StationCredentials
    from sync.config import save_credentials

    _write(data_dir, V1_FILE)
    save_credentials(data_dir, StationCredentials("st-1", "s3cret"))
    choices = current_choices(data_dir)
    assert choices is not None and choices.devices.paper_mm == 58
    result = apply_setup(data_dir, choices)
    assert result.enrolled is False and result.changed == ()
    doc = tomllib.loads(config_path(data_dir).read_text(encoding="utf-8"))
    assert doc["config_version"] == CONFIG_VERSION
    assert doc["platform"]["receipt_query_url"] == "https://platform.example.gov.cn/r"
    assert doc["sync"]["retention_days"] == 90 and doc["devices"]["paper_mm"] == 58
