"""`yiwang kiosk` start-up: the attract screen first, the station behind it.

Opening the station loads the store, sync and the station's modules (about three times
what an empty PySide6 window costs to start). So the kiosk shows its real attract
screen first (kiosk.front: Qt and small modules of ours only), says "ready for a touch"
on its first event-loop turn, and opens the station on a plain Python thread. When the
station is open, kiosk.app wires devices and sync around the window already shown; a
touch that came in meanwhile is acted on then (kiosk.window). If the station cannot be
opened, the window goes and the error leaves `run_kiosk` exactly as it did when the
station was opened before the window (the command line turns it into one line and its
exit code).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.front import KioskFront, make_application
from kiosk.voice import default_engine
from ui_shared.front_boot import FrontEndBoot
from ui_shared.quit_signals import SignalQuit, quit_on_signals
from ui_shared.station_opening import peek_config

if TYPE_CHECKING:
    from kiosk.app import KioskApp
    from station.kiosk_services import KioskServices

log = logging.getLogger("kiosk.app")


def open_services(data_dir: Path) -> KioskServices:
    """The kiosk's station (the default opener; runs on the opening thread)."""
    from station.context import open_station
    from station.kiosk_services import KioskServices

    station = open_station(data_dir, clerk_id="kiosk")
    try:
        return KioskServices(station)
    except BaseException:
        station.close()
        raise


def run_kiosk(
    data_dir: Path,
    *,
    language: str = "zh_CN",
    windowed: bool = False,
    exit_when_ready: bool = False,
    demo_devices: bool = False,
    opener: Callable[[Path], KioskServices] = open_services,
) -> int:
    started = time.monotonic()
    app = make_application(language)
    # Ctrl+C / SIGTERM (systemd stopping the session) leave the event loop like the
    # maintenance exit does, so devices, sync and the private temp folder are cleaned up
    signals = quit_on_signals(app)
    try:
        boot = KioskBoot(app, data_dir, language=language, windowed=windowed,
                         exit_when_ready=exit_when_ready, demo_devices=demo_devices,
                         opener=opener)
        boot.show(started)
        code = boot.run(signals)
    finally:
        signals.restore()
    log.info("kiosk stopped (exit code %d)", code)
    return code


class KioskBoot(FrontEndBoot["KioskServices"]):
    """The window shown at once, the station opened behind it, the two joined."""

    def __init__(
        self,
        app: QApplication,
        data_dir: Path,
        *,
        language: str,
        windowed: bool,
        exit_when_ready: bool,
        demo_devices: bool,
        opener: Callable[[Path], KioskServices],
    ) -> None:
        super().__init__(app, lambda: opener(data_dir), exit_when_ready=exit_when_ready)
        self.data_dir = data_dir
        self.windowed = windowed
        self.demo_devices = demo_devices
        self.english = language == "en"
        self.kiosk: KioskApp | None = None
        self.devices: QWidget | None = None
        self.front = KioskFront(english=self.english, voice_engine=default_engine(),
                                frameless=not windowed)
        self.window = self.front.window
        # the greeting names the station before it opens, so it does not change under
        # the citizen's eyes (opening says what is wrong when config.toml is not right)
        name = peek_config(data_dir).station_name
        if name:
            self.window.attract.set_station_name(name)
        self.window.exit_requested.connect(lambda: self.leave(0))
        self.window.restart_requested.connect(lambda: self.leave(_restart_code()))

    def show(self, started: float) -> None:
        self.window.prepare(windowed=self.windowed)  # flags first: changing them hides it
        if self.windowed:
            self.window.resize(1280, 800)
            self.window.show()
        else:
            self.window.showFullScreen()
        # lockdown, idle and corner filters once it is shown (the hundreds of events of
        # building and showing it skip three Python filters), before the event loop
        # runs, so before any touch or key can reach the window
        self.window.watch()
        self.open_after_first_turn(log, "kiosk ready for a touch", started)

    def leave(self, value: int) -> None:
        # exit(), not quit(): quit() first asks every window to close, and ours refuses
        self.window.lockdown.allow_close = True
        super().leave(value)

    def join(self, services: KioskServices) -> None:
        from kiosk.app import KioskApp
        from kiosk.wipe import use_private_temp_dir

        use_private_temp_dir(services.station.intake.store.data_dir / "tmp")
        # leaving once ready: no warm-up of the capture and printing libraries, which the
        # way out would wait for (half a CPU-second)
        self.kiosk = kiosk = KioskApp(services, english=self.english, front=self.front,
                                      warm_up_libraries=not self.exit_when_ready,
                                      watch_devices=not self.exit_when_ready)
        if self.exit_when_ready:
            kiosk.window.ready.connect(lambda: QTimer.singleShot(0, lambda: self.leave(0)))
        kiosk.start_services()
        if self.demo_devices:
            self.devices = _demo_devices(kiosk)
            if self.devices is not None:
                self.devices.show()

    def run(self, signals: SignalQuit) -> int:
        try:
            signals.exec()
        finally:
            self.close()
        if signals.code is not None:
            return signals.code
        self.raise_errors()
        return self.code

    def close_front(self) -> None:
        """Devices, sync and the window's filters (before the station closes)."""
        self.window.lockdown.allow_close = True  # the loop ended: the window may go
        if self.devices is not None:
            self.devices.close()
        if self.kiosk is not None:
            self.kiosk.shutdown()
        else:
            self.window.shutdown()
            self.front.voice.stop()
            self.front.tasks.shutdown()

    def close_services(self, services: KioskServices) -> None:
        from kiosk.wipe import remove_private_temp_dir

        services.station.close()
        remove_private_temp_dir()


def _restart_code() -> int:
    from kiosk.app import RESTART_EXIT_CODE

    return RESTART_EXIT_CODE


def _demo_devices(kiosk: KioskApp) -> QWidget | None:
    sims = kiosk.services.station.simulators
    if sims is None:
        return None
    from kiosk.demo_devices import DemoDevices
    from kiosk.screens.apply import ApplyScreen

    apply_screen = kiosk.window.screens["apply"]
    assert isinstance(apply_screen, ApplyScreen)

    devices = DemoDevices(sims, kiosk.window.scanned)
    apply_screen.receipt_issued.connect(devices.receipt_issued)
    return devices
