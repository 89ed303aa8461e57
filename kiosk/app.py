"""The kiosk with its station: the devices and sync wired to the window.

`yiwang kiosk` shows the window first (kiosk.front, kiosk.boot) and builds this around
it once the station is open; tests and tools build both at once."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.device_watch import DeviceWatch
from kiosk.front import KioskFront, make_application
from station.device_health import Health
from station.kiosk_services import KioskServices
from station.services import Poller
from station.warmup import warm_up
from ui_shared.bridges import CardBridge, ScanBridge, SyncBridge
from ui_shared.wedge_filter import WedgeKeyFilter

log = logging.getLogger(__name__)
__all__ = ["RESTART_EXIT_CODE", "KioskApp", "make_application"]


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
        front: KioskFront | None = None,
        warm_up_libraries: bool = True,
        watch_devices: bool = False,
    ) -> None:
        """``warm_up_libraries``: load what start-up left out once the window is up (off
        for a kiosk that leaves as soon as it is ready: --exit-when-ready).
        ``watch_devices``: check the devices every few minutes while nobody is at the
        kiosk (kiosk.device_watch; a real kiosk does, tests call `devices.check_now`)."""
        super().__init__()
        self.services = services
        if front is None:
            front = KioskFront(english=english, voice_engine=voice_engine, clock=clock,
                               frameless=frameless)
        self.front = front
        self.tasks = front.tasks
        self.voice = front.voice
        self.ctx = front.ctx
        self.idle = front.idle
        self.window = front.window
        self.ctx.attach(services)
        self.window.station_opened()
        if warm_up_libraries:
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
            self.cards.on_card, self.cards.on_removed, self._poller_error
        )
        self.ctx.reader_status = self._reader_status
        self.devices = DeviceWatch(services, self.tasks, self._reader_status,
                                   lambda: self.window.current is self.window.attract, self)
        self._watch_devices = watch_devices
        self.ctx.reread_card = self.poller.request_reread
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
        self.start_services()

    def start_services(self) -> None:
        """Everything but the window's own start (kiosk.boot starts the window before
        the station is open)."""
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
        if self._watch_devices:
            self.devices.start()
        if self.sync is not None:
            self.sync.start()
        # the other screens are built on the next turns, while nobody touches it yet
        QTimer.singleShot(0, self.window, self.window.build_screens_later)

    def shutdown(self) -> None:
        self._shut_down = True
        self._unsubscribe()
        self.window.shutdown()
        self.devices.stop()
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

    def _reader_status(self) -> tuple[bool, bool | None]:
        # any thread: two attribute reads (CardPoller; another poller kind says less)
        poller = self.poller
        polling = bool(getattr(poller, "running", self._services_started))
        reachable = getattr(poller, "device_available", None)
        return polling, None if reachable is None else bool(reachable)

    def _poller_error(self, error: BaseException) -> None:
        # any thread. The answer "no card" to a re-read the kiosk asked for (the card
        # was lifted meanwhile) is no reader trouble: its removal is reported as such
        if getattr(error, "command", "") == "reread":
            log.info("no card on the reader to read again")
            return
        self.cards.on_error(error)

    def _card_placed(self, card: object) -> None:
        self.services.health.report("reader", Health.OK)
        self.window.card_placed(card)

    def _reader_error(self, message: str) -> None:
        log.warning("card reader trouble")
        self.services.health.report("reader", Health.FAULT, "reader_error")
        del message  # shown by the screens that need the reader, in their own words
        self.window.current.reader_trouble()

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


#: `yiwang kiosk` exits with this when maintenance asks for a restart; the kiosk session
#: (systemd unit / cage loop) starts it again.
RESTART_EXIT_CODE = 75
