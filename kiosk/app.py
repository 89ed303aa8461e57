"""Start the kiosk: the Qt application, the window, and the devices and sync wired to it."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.context import KioskContext
from kiosk.idle import IdleWatch, TapCounter
from kiosk.theme import NORMAL, apply_palette
from kiosk.voice import Voice, default_engine
from kiosk.window import KioskWindow
from kiosk.wipe import use_private_temp_dir
from station.device_health import Health
from station.kiosk_services import KioskServices
from station.services import Poller
from station.warmup import warm_up
from ui_shared.app_setup import apply_fonts, install_translator
from ui_shared.bridges import CardBridge, ScanBridge, SyncBridge
from ui_shared.gui_gc import collect_garbage_on_gui_thread
from ui_shared.quit_signals import SignalQuit, quit_on_signals
from ui_shared.tasks import TaskRunner
from ui_shared.wedge_filter import WedgeKeyFilter

log = logging.getLogger(__name__)


def make_application(language: str) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Yiwang Kiosk")
    app.setOrganizationName("Yiwang")
    apply_fonts(app)
    collect_garbage_on_gui_thread(app)
    install_translator(app, language)
    apply_palette(app)
    return app


class KioskApp(QObject):
    """Owns the window and everything that runs beside it (poller, scanner, sync)."""

    def __init__(
        self,
        services: KioskServices,
        *,
        english: bool = False,
        voice_engine: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        frameless: bool = False,
    ) -> None:
        super().__init__()
        self.services = services
        self.tasks = TaskRunner(self)
        self.voice = Voice(voice_engine, self, chinese=not english)
        self.ctx = KioskContext(services, self.tasks, self.voice, english=english, theme=NORMAL)
        self.idle = IdleWatch(
            idle_seconds=NORMAL.idle_seconds,
            countdown_seconds=NORMAL.countdown_seconds,
            clock=clock,
            parent=self,
        )
        self.window = KioskWindow(self.ctx, self.idle, TapCounter(clock=clock),
                                  frameless=frameless)
        self.window.ready.connect(self._warm_up)
        self.cards = CardBridge(self)
        self.cards.card_placed.connect(self._card_placed)
        self.cards.card_removed.connect(self.window.card_removed)
        self.cards.reader_error.connect(self._reader_error)
        self.scans = ScanBridge(self)
        self.scans.scanned.connect(self.window.scanned)
        self.scans.scanner_error.connect(
            lambda _m: services.health.report("scanner", Health.FAULT, "scanner_error")
        )
        self.wedge: WedgeKeyFilter | None = None
        station = services.station
        if station.wedge_scanner:
            self.wedge = WedgeKeyFilter(parent=self)
            self.wedge.scanned.connect(self.window.scanned)
        self.poller: Poller = station.card_poller(
            self.cards.on_card, self.cards.on_removed, self.cards.on_error
        )
        self.sync: SyncBridge | None = None
        self._services_started = False
        self._shut_down = False
        self._unsubscribe: Callable[[], None] = lambda: None
        if station.engine is not None:
            engine = station.engine
            self.sync = SyncBridge(engine.run_forever, engine.wake, self)
            self._unsubscribe = station.sync_events.subscribe(self.sync.relay)
            self.sync.sync_event.connect(self._sync_event)

    def start(self, *, windowed: bool = False) -> None:
        self.window.start(windowed=windowed)
        if self.wedge is not None:
            self.wedge.install()
        # devices and sync on the first event-loop turn, once the window is shown: their
        # threads (the sync engine's first call loads requests) would hold the GIL while
        # the first frame is built. `ready` comes with them (see _start_services).
        QTimer.singleShot(0, self._start_services)

    def _start_services(self) -> None:
        if self._shut_down:
            return
        self._services_started = True
        self.poller.start()
        scanner = self.services.station.scanner
        if scanner is None:
            self.services.health.report("scanner", Health.MISSING, "not_configured")
        else:
            if hasattr(scanner, "on_error"):
                scanner.on_error = self.scans.on_error
            try:
                scanner.start(self.scans.on_scan)
                self.services.health.report("scanner", Health.OK)
            except Exception as e:  # the other services stay available
                log.warning("scanner did not start: %r", e)
                self.services.health.report("scanner", Health.MISSING, "not_found")
        # `ready` (and its log line, which bench/kiosk_cold_start.py and the cold-start
        # test read) before the sync engine's thread: its first exchange loads requests,
        # email and importlib.metadata, and on a fast thread that raced the line. The
        # engine still starts in this same turn, before any slot queued on `ready` runs.
        self.window.ready.emit()
        if self.sync is not None:
            self.sync.start()
        # the other screens are built on the next turns, while nobody touches it yet
        QTimer.singleShot(0, self.window, self.window.build_screens_later)

    def shutdown(self) -> None:
        self._shut_down = True
        self._unsubscribe()
        self.window.shutdown()
        if self.wedge is not None:
            self.wedge.remove()
        if self._services_started:
            self.poller.stop()
            if self.services.station.scanner is not None:
                self.services.station.scanner.stop()
            if self.sync is not None:
                self.sync.stop()
        self.voice.stop()
        self.tasks.shutdown()

    def _warm_up(self) -> None:
        # after the attract screen is up (next event-loop turn, so whoever waits for
        # `ready` runs first), and before the first capture needs cv2
        QTimer.singleShot(
            0,
            lambda: self.tasks.image(
                warm_up, lambda _took: None, lambda e: log.warning("warm-up failed: %r", e)
            ),
        )

    def _card_placed(self, card: object) -> None:
        self.services.health.report("reader", Health.OK)
        self.window.card_placed(card)

    def _reader_error(self, message: str) -> None:
        log.warning("card reader trouble")
        self.services.health.report("reader", Health.FAULT, "reader_error")
        del message  # shown by the screens that need the reader, in their own words

    def _sync_event(self, event: object) -> None:
        if getattr(event, "kind", "") == "catalog":
            from kiosk.screens.apply import ApplyScreen

            apply_screen = self.window.screens["apply"]
            assert isinstance(apply_screen, ApplyScreen)
            self.tasks.disk(
                self.services.reload_catalog,
                apply_screen.session.set_catalog,
                lambda e: log.warning("catalog reload failed: %r", e),
            )


def run_kiosk(
    services: KioskServices,
    *,
    language: str = "zh_CN",
    windowed: bool = False,
    exit_when_ready: bool = False,
    demo_devices: bool = False,
) -> int:
    started = time.monotonic()
    app = make_application(language)
    # Ctrl+C / SIGTERM (systemd stopping the session) leave the event loop like the
    # maintenance exit does, so devices, sync and the private temp folder are cleaned up
    signals = quit_on_signals(app)
    try:
        code = _run_window(app, services, started, language=language, windowed=windowed,
                           exit_when_ready=exit_when_ready, demo_devices=demo_devices,
                           signals=signals)
    finally:
        signals.restore()
    log.info("kiosk stopped (exit code %d)", code)
    return code


def _run_window(
    app: QApplication,
    services: KioskServices,
    started: float,
    *,
    language: str,
    windowed: bool,
    exit_when_ready: bool,
    demo_devices: bool,
    signals: SignalQuit,
) -> int:
    use_private_temp_dir(services.station.intake.store.data_dir / "tmp")
    kiosk = KioskApp(services, english=language == "en", voice_engine=default_engine(),
                     frameless=not windowed)
    code = {"value": 0}

    def leave(value: int) -> None:
        # exit(), not quit(): quit() first asks every window to close, and ours refuses
        code["value"] = value
        kiosk.window.lockdown.allow_close = True
        app.exit(value)

    kiosk.window.ready.connect(
        lambda: log.info("kiosk ready for a touch %.2f s after start", time.monotonic() - started)
    )
    if exit_when_ready:
        kiosk.window.ready.connect(lambda: QTimer.singleShot(0, lambda: leave(0)))
    kiosk.window.exit_requested.connect(lambda: leave(0))
    kiosk.window.restart_requested.connect(lambda: leave(RESTART_EXIT_CODE))
    kiosk.start(windowed=windowed)  # window flags first: changing them hides a shown window
    devices = _demo_devices(kiosk) if demo_devices else None
    if windowed:
        kiosk.window.resize(1280, 800)
        kiosk.window.show()
    else:
        kiosk.window.showFullScreen()
    if devices is not None:
        devices.show()
    signals.exec()
    kiosk.window.lockdown.allow_close = True  # a signal ended the loop: the window may go
    if devices is not None:
        devices.close()
    kiosk.shutdown()
    return signals.code if signals.code is not None else code["value"]


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


#: `yiwang kiosk` exits with this when maintenance asks for a restart; the kiosk session
#: (systemd unit / cage loop) starts it again.
RESTART_EXIT_CODE = 75
