"""What the kiosk shows before its station is open: the Qt application and the window
with its attract screen (kiosk.boot opens the station behind it, kiosk.app wires the
station in). Nothing here, nor in what it imports, loads the station, store or sync."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from kiosk.context import KioskContext
from kiosk.idle import IdleWatch, TapCounter
from kiosk.theme import NORMAL, apply_palette
from kiosk.voice import Voice
from kiosk.window import KioskWindow
from ui_shared.app_setup import application
from ui_shared.tasks import TaskRunner


def make_application(language: str) -> QApplication:
    app = application(language, "Yiwang Kiosk")
    apply_palette(app)
    return app


class KioskFront(QObject):
    """The window, its voice, idle watch and task runner: everything a touch on the
    attract screen needs, and nothing of the station."""

    def __init__(
        self,
        *,
        english: bool = False,
        voice_engine: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        frameless: bool = False,
    ) -> None:
        super().__init__()
        self.tasks = TaskRunner(self)
        self.voice = Voice(voice_engine, self, chinese=not english)
        self.ctx = KioskContext(self.tasks, self.voice, english=english, theme=NORMAL)
        self.idle = IdleWatch(
            idle_seconds=NORMAL.idle_seconds,
            countdown_seconds=NORMAL.countdown_seconds,
            clock=clock,
            parent=self,
        )
        self.window = KioskWindow(self.ctx, self.idle, TapCounter(clock=clock),
                                  frameless=frameless)
