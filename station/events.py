"""Fan one callback out to several listeners (UI badge, logs, tests)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)
E = TypeVar("E")


class EventHub(Generic[E]):
    def __init__(self) -> None:
        self._listeners: list[Callable[[E], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[E], None]) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: E) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("event listener failed")
