"""What every kiosk screen gets: the station facade, the task runner, the voice, the theme."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.theme import NORMAL, Theme
from kiosk.voice import Voice
from station.kiosk_services import KioskServices
from ui_shared.tasks import TaskRunner


@dataclass
class KioskContext:
    services: KioskServices
    tasks: TaskRunner
    voice: Voice
    english: bool = False
    theme: Theme = NORMAL
    #: shown in the status line; set by the window
    notify: Callable[[str], None] = field(default=lambda _text: None)


class Screen(QWidget):
    """One kiosk screen. Screens hold a citizen's data only between `enter()` and
    `wipe()`; `wipe()` must leave no trace of it in any widget or model."""

    home_requested = Signal()
    #: True while the screen holds or collects a citizen's data (the idle watch runs)
    personal = True

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        return ""

    def prompt(self) -> str:
        """A short spoken prompt for this screen (no personal data)."""
        return ""

    def enter(self) -> None:
        """The screen is shown."""

    def wipe(self) -> None:
        """Forget the citizen."""

    def on_card(self, card: object) -> None:
        """An ID card was placed on the reader while this screen is shown."""

    def on_scan(self, text: str) -> None:
        """The scanner read a code while this screen is shown."""

    def pending_items(self) -> list[str]:
        """Things the citizen may leave behind (e.g. "a page on the camera")."""
        return []
