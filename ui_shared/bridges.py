"""Thin Qt adapters over the plain-Python card poller and sync engine.

The drivers call back on their own threads; emitting a signal from there is
queued by Qt onto the GUI thread, which is the only place widgets are touched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui_shared.messages import user_message

log = logging.getLogger(__name__)


class CardBridge(QObject):
    card_placed = Signal(object)  # devices.idcard.card.IdCardData
    card_removed = Signal()
    reader_error = Signal(str)  # message for the user, in the window's language

    def on_card(self, card: object) -> None:
        self.card_placed.emit(card)

    def on_removed(self) -> None:
        self.card_removed.emit()

    def on_error(self, error: BaseException) -> None:
        self.reader_error.emit(user_message(error, self.tr("The ID card reader failed")))


class ScanBridge(QObject):
    scanned = Signal(str)  # the code exactly as scanned: untrusted, clean it only to show it
    scanner_error = Signal(str)

    def on_scan(self, scan: object) -> None:
        self.scanned.emit(str(getattr(scan, "text", "")))

    def on_error(self, error: BaseException) -> None:
        self.scanner_error.emit(user_message(error, self.tr("The scanner failed")))


class SyncBridge(QObject):
    """Runs a sync engine's loop on its own thread and relays its events."""

    sync_event = Signal(object)  # sync.engine.SyncEvent (not `event`: that is QObject.event)

    def __init__(
        self,
        run_forever: Callable[[threading.Event], Any],
        wake: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run_forever = run_forever
        self._wake = wake
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def relay(self, event: object) -> None:
        self.sync_event.emit(event)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="sync-engine", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        try:
            self._run_forever(self._stop)
        except Exception:  # the engine must never take the window down
            log.exception("sync engine stopped unexpectedly")

    def sync_now(self) -> None:
        self._wake()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("sync engine did not stop within %.0f s", timeout)
            self._thread = None
