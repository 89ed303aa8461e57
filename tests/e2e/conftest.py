"""A reference platform on 127.0.0.1 and freshly enrolled stations for whole-flow tests."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reference_platform.server import PlatformProcess

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root: tests.helpers

from tests.helpers.platform_admin import admin_json_caller, set_up_enrolled_station


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlatformProcess]:
    db = tmp_path_factory.mktemp("platform") / "platform.db"
    with PlatformProcess(db) as proc:
        yield proc


@pytest.fixture
def admin(platform: PlatformProcess) -> Iterator[Callable[..., Any]]:
    with admin_json_caller(platform) as call:
        yield call


@pytest.fixture
def station_dir(tmp_path: Path, platform: PlatformProcess, admin: Callable[..., Any]) -> Path:
    station_code = "T" + secrets.token_hex(3).upper()
    return set_up_enrolled_station(tmp_path / "station", admin, platform.url, station_code)
