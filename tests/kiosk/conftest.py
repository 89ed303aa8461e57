"""A reference platform on 127.0.0.1, an enrolled kiosk station with simulated devices,
and the kiosk itself on real widgets with a fake clock and the `mock` speech engine."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reference_platform.server import PlatformProcess
from tests.helpers.platform_admin import (
    admin_json_caller,
    set_up_enrolled_station,
    unique_station_code,
)

PIN = "482913"


class FakeClock:
    def __init__(self) -> None:
        self.now = 5_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


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
    station_code = unique_station_code("K")
    return set_up_enrolled_station(tmp_path / "station", admin, platform.url, station_code)


@dataclass
class Kiosk:
    app: Any  # kiosk.app.KioskApp
    services: Any  # station.kiosk_services.KioskServices
    clock: FakeClock
    temp_dir: Path

    @property
    def window(self) -> Any:
        return self.app.window

    @property
    def sims(self) -> Any:
        return self.services.station.simulators


@pytest.fixture(scope="session")
def _long_lived_objects_frozen() -> Iterator[None]:
    """Each end of a visit collects all garbage (kiosk/wipe.py): in a test process that
    is a full pass over everything pytest and the suite imported, 0.1-0.2 s a reset.
    Those objects outlive every kiosk: frozen once, after a full collection (so no
    garbage is frozen), later passes skip them. What a kiosk makes, the citizen's
    objects among it, is made after the freeze and collected as before; the trace
    search (traces.reachable_strings) follows references and does not depend on it."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture
def kiosk_factory(
    qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    _long_lived_objects_frozen: None,
) -> Iterator[Callable[..., Kiosk]]:
    from kiosk.app import KioskApp
    from kiosk.theme import apply_palette
    from kiosk.wipe import use_private_temp_dir
    from station.context import open_station
    from station.kiosk_pin import MaintenancePin
    from station.kiosk_services import KioskServices
    from station.pins import PinHasher
    from ui_shared.app_setup import apply_fonts, install_translator

    made: list[tuple[Any, Any]] = []
    monkeypatch.setattr("tempfile.tempdir", None)

    def make(
        data_dir: Path, *, language: str = "zh_CN", with_engine: bool = True
    ) -> Kiosk:
        apply_fonts(qapp)
        install_translator(qapp, language)
        apply_palette(qapp)
        temp_dir = use_private_temp_dir(tmp_path / "kiosk-tmp")
        clock = FakeClock()
        station = open_station(data_dir, with_engine=with_engine, clerk_id="kiosk")
        pin = MaintenancePin(
            data_dir / "keys",
            clock=clock,
            hasher=PinHasher(time_cost=1, memory_kib=8192),
        )
        services = KioskServices(station, pin=pin)
        app = KioskApp(services, english=language == "en", voice_engine="mock", clock=clock)
        qtbot.addWidget(app.window)
        app.window.resize(1920, 1080)  # the usual kiosk screen
        app.window.show()
        app.start(windowed=True)
        made.append((app, station))
        return Kiosk(app, services, clock, temp_dir)

    yield make
    for app, station in reversed(made):
        app.shutdown()
        station.close()
    # the application object outlives this test: tests after it expect the source language
    install_translator(qapp, "en")


@pytest.fixture
def kiosk(kiosk_factory: Callable[..., Kiosk], station_dir: Path) -> Kiosk:
    return kiosk_factory(station_dir)
