"""Card presence on a thread: :class:`CardPoller` polls an ID card reader and reports
cards placed and removed, and the reader going away and coming back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from devices.idcard.card import IdCardData
from devices.idcard.errors import SW3_NO_CARD, CardDataError, DeviceError, ReaderStatusError

if TYPE_CHECKING:  # the reader module re-exports this one: a runtime import would be a cycle
    from devices.idcard.reader import IdCardReader

log = logging.getLogger(__name__)


class CardPoller:
    """Polls a reader on a thread and reports cards placed and removed.

    - ``on_card(data)`` once per presentation: a card that has been read is
      reported again only after it has been lifted and presented again (the
      reader's find-card answers only freshly presented cards).
    - ``on_removed()`` when a reported card is gone: ``removal_debounce``
      consecutive polls found no card and could not select one, or another
      card was presented, or the reader went away.
    - ``on_error(error)`` when the reader goes away (once, until it is back)
      and for card errors (once per distinct error until a success).
    - :meth:`request_reread` asks for the card lying on the reader to be read
      once more (the clerk's 重新读卡): ``on_card`` again with its data, or
      ``on_error`` with SW3 "no card" when none lies there. Nothing else reads a
      card that stays on the reader, so the next applicant never inherits the
      previous one's card by accident.

    ``reader_factory`` builds a reader (opened or not); it is called again to
    reconnect after the device went away. Callbacks run on the poller thread;
    exceptions they raise are logged and swallowed.
    """

    def __init__(
        self,
        reader_factory: Callable[[], IdCardReader],
        on_card: Callable[[IdCardData], None],
        on_removed: Callable[[], None],
        on_error: Callable[[DeviceError], None],
        interval: float = 0.3,
        *,
        removal_debounce: int = 2,
    ) -> None:
        if interval <= 0:
            raise ValueError("interval must be positive")
        self._factory = reader_factory
        self._on_card = on_card
        self._on_removed = on_removed
        self._on_error = on_error
        self.interval = interval
        self.removal_debounce = max(1, removal_debounce)
        self._stop = threading.Event()
        self._reread = threading.Event()
        self._thread: threading.Thread | None = None
        self._reader: IdCardReader | None = None
        self._holding = False
        self._misses = 0
        self._device_down = False
        self._last_error_code: str | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def device_available(self) -> bool:
        """False while the reader is known to be gone."""
        return not self._device_down

    def request_reread(self) -> None:
        """Read the card on the reader again at the next poll (any thread)."""
        self._reread.set()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="idcard-poller", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    # --- loop -------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    self.poll_once()
                except Exception:  # a broken factory must not end polling for good
                    log.exception("ID card poller step failed")
                self._stop.wait(self.interval)
        finally:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def poll_once(self) -> None:
        """One poll step (the thread calls this; tests may call it directly)."""
        try:
            if self._reader is None:
                self._reader = self._factory()
            reader = self._reader
            reader.open()
            if self._reread.is_set():
                self._reread.clear()
                self._read_again(reader)
                return
            if reader.find_card():
                if self._holding:  # another presentation without a seen removal
                    self._release()
                if reader.select_card():
                    data = reader.read_basic()
                    self._device_ok()
                    self._holding = True
                    self._misses = 0
                    self._last_error_code = None
                    self._call(self._on_card, data)
                    return
            elif self._holding:
                if reader.select_card():
                    self._misses = 0
                else:
                    self._misses += 1
                    if self._misses >= self.removal_debounce:
                        self._release()
            self._device_ok()
        except (ReaderStatusError, CardDataError) as exc:
            # The reader is there and talking; the card (or SAM) or its data has a problem.
            self._device_ok()
            if exc.code != self._last_error_code:
                self._last_error_code = exc.code
                log.info("ID card read failed: %s", exc)
                self._call(self._on_error, exc)
        except DeviceError as exc:
            self._device_gone(exc)

    def _read_again(self, reader: IdCardReader) -> None:
        """The clerk asked: a fresh card or the one still lying there (select-card
        answers while it lies on the reader), else say that there is none."""
        self._last_error_code = None  # an asked-for read always gets its answer
        if (reader.find_card() or self._holding) and reader.select_card():
            data = reader.read_basic()
            self._device_ok()
            self._holding = True
            self._misses = 0
            self._call(self._on_card, data)
            return
        self._device_ok()
        if self._holding:
            self._release()
        self._call(self._on_error, ReaderStatusError(SW3_NO_CARD, command="reread"))

    def _release(self) -> None:
        self._holding = False
        self._misses = 0
        self._call(self._on_removed)

    def _device_ok(self) -> None:
        if self._device_down:
            self._device_down = False
            self._last_error_code = None
            log.info("ID card reader is back")

    def _device_gone(self, exc: DeviceError) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._holding:
            self._release()
        if not self._device_down:
            self._device_down = True
            self._last_error_code = exc.code
            log.warning("ID card reader unavailable: %s", exc)
            self._call(self._on_error, exc)

    def _call(self, callback: Callable[..., None], *args: Any) -> None:
        try:
            callback(*args)
        except Exception:
            log.exception("ID card poller callback %r failed", callback)
