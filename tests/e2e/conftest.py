"""A reference platform on 127.0.0.1 and freshly enrolled stations for whole-flow tests."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.camera.simulated import STILLS
from reference_platform.server import PlatformProcess
from tests.helpers.platform_admin import admin_json_caller, set_up_enrolled_station

#: the simulated camera's rendered stills kept by this worker (devices/camera/simulated.py;
#: the product keeps 8): the whole-flow tests present 37 different pages, again and again
#: (each new camera counts its seeds from the same start); 8 rendered 62 of 121 presents,
#: 32 render 37 (each ~0.05 CPU-s; 32 stills of a test station's 640x360 are 22 MB)
STILLS.size = max(STILLS.size, 32)


@pytest.fixture
def platform(shared_platform: PlatformProcess) -> PlatformProcess:
    """The worker's shared platform (tests/helpers/platform_fixtures.py): each test
    enrolls its own station on it."""
    return shared_platform


@pytest.fixture
def admin(platform: PlatformProcess) -> Iterator[Callable[..., Any]]:
    with admin_json_caller(platform) as call:
        yield call


@pytest.fixture
def station_dir(tmp_path: Path, platform: PlatformProcess, admin: Callable[..., Any]) -> Path:
    station_code = "T" + secrets.token_hex(3).upper()
    return set_up_enrolled_station(tmp_path / "station", admin, platform.url, station_code)


@pytest.fixture
def active_window(qtbot: Any, station_dir: Path) -> Iterator[Any]:
    """The clerk window on this test's station, engine off, shown and holding the
    keyboard (what the keyboard-flow tests press into)."""
    from clerk_station.app import build_window
    from station.context import open_station

    services = open_station(station_dir, with_engine=False)
    w = build_window(services)
    qtbot.addWidget(w)
    w.show()
    w.start()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)
    yield w
    w.shutdown()
    services.close()
