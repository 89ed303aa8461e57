"""A reference platform on 127.0.0.1, an enrolled kiosk station with simulated devices,
and the kiosk itself on real widgets with a fake clock and the `mock` speech engine."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from devices.camera.simulated import STILLS
from reference_platform.server import PlatformProcess
from tests.helpers.platform_admin import (
    admin_json_caller,
    set_up_enrolled_station,
    unique_station_code,
)

#: the simulated camera's rendered stills kept by this worker (devices/camera/simulated.py;
#: the product keeps 8): the whole-flow tests present 37 different pages, again and again
#: (each new camera counts its seeds from the same start); 8 rendered 62 of 121 presents,
#: 32 render 37 (each ~0.05 CPU-s; 32 stills of a test station's 640x360 are 22 MB)
STILLS.size = max(STILLS.size, 32)

PIN = "482913"
READER_POLL_S = 0.05


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
    language: str = "zh_CN"

    @property
    def window(self) -> Any:
        return self.app.window

    @property
    def sims(self) -> Any:
        return self.services.station.simulators


#: what a kiosk loads on first use (its screens, the station, sync, the camera pipeline,
#: the printer, and pypinyin's dictionaries, which the initials search loads at start-up:
#: some 190 000 lists, 30 ms of every later full collection when left unfrozen): loaded
#: before the freeze, their modules' objects are frozen with the rest
_LOADED_BY_A_KIOSK = (
    "pypinyin.constants",
    "kiosk.app", "kiosk.card_away", "kiosk.wipe", "kiosk.screens.apply",
    "kiosk.screens.progress", "kiosk.screens.reprint", "kiosk.screens.evaluate",
    "kiosk.screens.guide", "kiosk.screens.maintenance", "station.context",
    "station.kiosk_services", "station.kiosk_pin", "station.pins", "station.warmup",
    "station.device_factory", "station.simulators", "devices.camera.pipeline",
    "devices.printer.receipt", "devices.printer.escpos_output", "sync.engine", "sync.store",
    "sync.catalog_sync",
)


@pytest.fixture(scope="session")
def _long_lived_objects_frozen() -> Iterator[None]:
    """Each end of a visit collects all garbage (kiosk/wipe.py): in a test process that
    is a full pass over everything pytest and the suite imported, 0.1-0.2 s a reset.
    Those objects outlive every kiosk: frozen once, after a full collection (so no
    garbage is frozen), later passes skip them. What a kiosk makes, the citizen's
    objects among it, is made after the freeze and collected as before; the trace
    search (traces.reachable_strings) follows references and does not depend on it."""
    for module in _LOADED_BY_A_KIOSK:  # loaded for good anyway, by the first kiosk
        importlib.import_module(module)
    gc.collect()
    gc.freeze()
    yield  # thawed at the session's end with the rest (tests/conftest.py)


def _open_kiosk(qapp: Any, tmp_path: Path, data_dir: Path, *, language: str,
                with_engine: bool) -> tuple[Kiosk, Any]:
    """The kiosk on `data_dir`'s station, shown at the usual 1920x1080 and started, and
    its station (to close after the kiosk)."""
    from devices.idcard.poller import CardPoller
    from kiosk.app import KioskApp
    from kiosk.theme import apply_palette
    from kiosk.wipe import use_private_temp_dir
    from station.context import open_station
    from station.kiosk_pin import MaintenancePin
    from station.kiosk_services import KioskServices
    from station.pins import PinHasher
    from ui_shared.app_setup import apply_fonts, install_translator

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
    # the simulated reader asked every 50 ms, not every 300: a card placed or taken is
    # seen within a tenth of a second, not most of one (the poller's own timing is
    # tested in tests/devices)
    assert isinstance(app.poller, CardPoller)
    app.poller.interval = READER_POLL_S
    app.window.resize(1920, 1080)  # the usual kiosk screen
    app.window.show()
    app.start(windowed=True)
    return Kiosk(app, services, clock, temp_dir, language), station


@pytest.fixture
def kiosk_factory(
    qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    _long_lived_objects_frozen: None,
) -> Iterator[Callable[..., Kiosk]]:
    from ui_shared.app_setup import install_translator

    made: list[tuple[Any, Any]] = []
    monkeypatch.setattr("tempfile.tempdir", None)

    def make(
        data_dir: Path, *, language: str = "zh_CN", with_engine: bool = True
    ) -> Kiosk:
        kiosk, station = _open_kiosk(qapp, tmp_path, data_dir, language=language,
                                     with_engine=with_engine)
        qtbot.addWidget(kiosk.window)
        made.append((kiosk.app, station))
        return kiosk

    yield make
    for app, station in reversed(made):
        app.shutdown()
        station.close()
    # the application object outlives this test: tests after it expect the source language
    install_translator(qapp, "en")


@pytest.fixture(scope="module")
def module_kiosk(
    qapp: Any, tmp_path_factory: pytest.TempPathFactory, shared_platform: PlatformProcess,
    _long_lived_objects_frozen: None,
) -> Iterator[Kiosk]:
    """One kiosk (Chinese, with its sync engine) for all the tests of a module that take
    `shared_kiosk`: for tests that only look at it, or whose visit ends as a citizen's
    does. Opening a kiosk and building its screens costs about 0.3 s of CPU a test."""
    tmp_path = tmp_path_factory.mktemp("module-kiosk")
    with admin_json_caller(shared_platform) as admin, pytest.MonkeyPatch.context() as mp:
        mp.setattr("tempfile.tempdir", None)
        data_dir = set_up_enrolled_station(tmp_path / "station", admin, shared_platform.url,
                                           unique_station_code("K"))
        kiosk, station = _open_kiosk(qapp, tmp_path, data_dir, language="zh_CN",
                                     with_engine=True)
        try:
            yield kiosk
        finally:
            from ui_shared.app_setup import install_translator

            kiosk.app.shutdown()
            station.close()
            kiosk.window.close()  # shutdown lets it close
            kiosk.window.deleteLater()
            install_translator(qapp, "en")


@pytest.fixture
def shared_kiosk(
    module_kiosk: Kiosk, qapp: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Kiosk]:
    """The module's kiosk at the start of a visit: the process-wide settings a kiosk made
    by another test may have changed put back (its language, its private temp folder),
    the window shown again (every test's end hides the windows left open: tests/conftest.py)
    at its usual size, the last citizen's card taken off the reader, and the last visit
    ended by the kiosk's own reset (the wipe between citizens)."""
    from ui_shared.app_setup import install_translator

    kiosk = module_kiosk
    install_translator(qapp, kiosk.language)
    monkeypatch.setattr("tempfile.tempdir", str(kiosk.temp_dir))
    monkeypatch.setattr("kiosk.wipe._temp_dir", kiosk.temp_dir)
    kiosk.sims.remove_card()
    qtbot.waitUntil(lambda: not kiosk.window.card_present, timeout=10_000)
    kiosk.window.reset_to_attract()
    # the paper allowance outlives visits (station.print_allowance): each test starts
    # with the kiosk's and every card holder's whole allowance
    from station.print_allowance import PrintAllowance

    monkeypatch.setattr(kiosk.services, "allowance", PrintAllowance(clock=kiosk.clock))
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    yield kiosk
    install_translator(qapp, "en")


@pytest.fixture
def kiosk(kiosk_factory: Callable[..., Kiosk], station_dir: Path) -> Kiosk:
    return kiosk_factory(station_dir)
