"""The kiosk's devices checked on their own, while nobody is at the kiosk: a camera or a
printer that has failed is known (on the 办事 screen, in the heartbeat to the county)
before a citizen has chosen an item, placed the card and confirmed (review wt6 #8).

The same checks as the maintenance screen's diagnostics (station.kiosk_diagnostics: a
frame grabbed, the printer asked for its status, the card poller's state), on the image
lane, only on the attract screen: never beside a citizen's capture or print."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from station.kiosk_services import KioskServices
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)

#: a real kiosk checks every ten minutes, the first time shortly after it is ready
EVERY_S = 600.0
FIRST_AFTER_S = 5.0


class DeviceWatch(QObject):
    checked = Signal()  # a check has answered (tests wait on it)

    def __init__(
        self,
        services: KioskServices,
        tasks: TaskRunner,
        reader_status: Callable[[], tuple[bool, bool | None]],
        nobody_here: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._reader_status = reader_status
        self._nobody_here = nobody_here
        self._running = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_now)

    def start(self, every_s: float = EVERY_S, first_after_s: float = FIRST_AFTER_S) -> None:
        self._timer.setInterval(int(every_s * 1000))
        self._timer.start()
        QTimer.singleShot(int(first_after_s * 1000), self, self.check_now)

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> bool:
        """Check every device now, unless a check is running or someone is at the kiosk;
        whether a check was started."""
        if self._running or not self._nobody_here():
            return False
        from station.kiosk_diagnostics import ReaderState, check_devices

        services, reader = self._services, self._reader_status
        self._running = True
        self._tasks.image(lambda: check_devices(services, lambda: ReaderState(*reader())),
                          self._done, self._failed)
        return True

    def _done(self, _verdicts: object) -> None:
        # check_devices has reported each verdict to the device health: the screens and
        # the heartbeat read it from there
        self._running = False
        self.checked.emit()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        log.warning("device check failed: %r", error)
        self.checked.emit()
