"""What the kiosk's and the clerk's start-ups share (kiosk.boot, clerk_station.boot):
their first screen is shown at once, the station is opened on a plain thread after
the first event-loop turn (ui_shared.station_opening), joined to the screen on the GUI
thread once it is open, and closed after the event loop, waited for if it is still
opening.

A front end says what it shows (`show`), how it joins the station (`join`), what an
opening that failed shows (`station_failed`; by default the exit code 1 and the error
raised from its `run`), and what it closes before the station (`close_front`)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from ui_shared.gui_gc import stop_collecting_on_gui_thread
from ui_shared.station_opening import StationOpening

T = TypeVar("T")


class FrontEndBoot(QObject, Generic[T]):
    def __init__(self, app: QApplication, opener: Callable[[], T], *,
                 exit_when_ready: bool) -> None:
        super().__init__()
        self.app = app
        self.exit_when_ready = exit_when_ready
        #: the exit code `leave` gave the event loop
        self.code = 0
        #: an error while joining the station to the screen, raised after the loop
        self.error: BaseException | None = None
        self.opening: StationOpening[T] = StationOpening(opener, self)
        #: set by close(): a `finished` still queued then is dropped (the station it
        #: brings was closed by close(); joining it would wire a closed screen to it)
        self._closed = False

    def open_after_first_turn(self, log: logging.Logger, ready: str, started: float) -> None:
        """On the first event-loop turn (the first screen is up and takes input): log
        `ready` with the seconds since `started` (bench/kiosk_cold_start.py times the
        process up to that line), then open the station. Not sooner: its thread would
        hold the GIL while the first frame is built."""

        def first_turn() -> None:
            log.info("%s %.2f s after start", ready, time.monotonic() - started)
            # Qt.ConnectionType is the first use of the Qt namespace on the clerk's
            # path, whose Python enums (93 of them) cost a fifth of an empty window's
            # start: after the ready line, where the first screen no longer waits on it.
            # Queued whatever thread emits: the slot builds widgets, on the GUI thread.
            from PySide6.QtCore import Qt

            self.opening.finished.connect(self._station_opened,
                                          Qt.ConnectionType.QueuedConnection)
            self.opening.start()

        QTimer.singleShot(0, first_turn)

    def leave(self, value: int) -> None:
        self.code = value
        self.app.exit(value)

    def _station_opened(self) -> None:
        if self._closed:
            return  # close() ran first and closed what the opener brought
        services = self.opening.services
        if services is None:
            self.station_failed(self.opening.error)
            return
        try:
            self.join(services)
        except Exception as e:  # never a traceback from a slot: raised from run()
            self.error = e
            self.leave(1)

    def join(self, services: T) -> None:
        raise NotImplementedError

    def station_failed(self, error: BaseException | None) -> None:
        self.leave(1)  # the opening error is raised from run()

    def raise_errors(self) -> None:
        """After the loop: an opening or joining error leaves `run` as it would have
        had the station been opened before any screen (the command line turns it into
        its one line and exit code)."""
        if self.opening.error is not None:
            raise self.opening.error
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """After the event loop: the front end's own parts, then the station (waited for
        if it is still opening, so one opened late is closed too)."""
        if self._closed:
            return
        self._closed = True
        try:
            self.close_front()
            self.opening.wait()
            if self.opening.services is not None:
                self.close_services(self.opening.services)
        finally:
            # the workers are joined: here, on the GUI thread and in no destructor, the
            # collector may hand collection back (ui_shared.gui_gc says why not sooner)
            stop_collecting_on_gui_thread()

    def close_front(self) -> None:
        raise NotImplementedError

    def close_services(self, services: T) -> None:
        raise NotImplementedError
