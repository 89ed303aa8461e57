"""The [sync] settings for catalog pull, heartbeat and offline probe."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.config import ConfigError, StationConfig, config_path, load_config, save_config
from ui_shared.error_text import error_text

BASE = '[station]\ncode = "S1"\n[platform]\nurl = "https://x"\n'


def test_defaults_and_roundtrip(data_dir: Path) -> None:
    config_path(data_dir).write_text(BASE, encoding="utf-8")
    cfg = load_config(data_dir)
    assert (cfg.catalog_minutes, cfg.heartbeat_seconds, cfg.probe_seconds) == (10, 60, 15)
    save_config(data_dir, StationConfig("S1", "https://x", catalog_minutes=5,
                                        heartbeat_seconds=120, probe_seconds=3.5))
    cfg = load_config(data_dir)
    assert (cfg.catalog_minutes, cfg.heartbeat_seconds, cfg.probe_seconds) == (5, 120, 3.5)


@pytest.mark.parametrize(
    "line",
    ["probe_seconds = 0", "heartbeat_seconds = -1", 'catalog_minutes = "ten"',
     "probe_seconds = true", "heartbeat_seconds = nan", "catalog_minutes = inf"],
)
def test_invalid_values_are_refused(data_dir: Path, line: str) -> None:
    config_path(data_dir).write_text(BASE + f"[sync]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(data_dir)
    assert "sync." in error_text(e.value)
