"""What every kiosk screen gets: the station facade, the task runner, the voice, the theme."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.theme import NORMAL, Theme
from kiosk.voice import Voice
from ui_shared.tasks import TaskRunner

if TYPE_CHECKING:  # the station loads after the attract screen is shown (kiosk.boot)
    from station.kiosk_services import KioskServices

log = logging.getLogger(__name__)
T = TypeVar("T")


class KioskContext:
    """The station's services arrive after the window is first shown (`attach`); only
    the attract screen is built before, and it asks nothing of them."""

    def __init__(
        self,
        tasks: TaskRunner,
        voice: Voice,
        *,
        english: bool = False,
        theme: Theme = NORMAL,
    ) -> None:
        self.tasks = tasks
        self.voice = voice
        self.english = english
        self.theme = theme
        #: shown in the status line; set by the window
        self.notify: Callable[[str], None] = lambda _text: None
        #: the card poller's state (polling, reader reachable or None when not known),
        #: for the maintenance diagnostics; set by kiosk.app with the station
        self.reader_status: Callable[[], tuple[bool, bool | None]] = lambda: (False, None)
        #: an ID card lies on the reader now; set by the window
        self.card_on_reader: Callable[[], bool] = lambda: False
        #: read the card lying on the reader once more (a card is reported once per
        #: presentation); set by kiosk.app with the card poller
        self.reread_card: Callable[[], None] = lambda: None
        self._services: KioskServices | None = None
        #: which citizen's visit this is: the wipe between citizens moves it on
        self._visit = 0

    def end_visit(self) -> None:
        """The visit is over: whatever it asked for and has not yet got is dropped."""
        self._visit += 1

    def for_this_visit(self, callback: Callable[[T], None]) -> Callable[[T], None]:
        """`callback`, called only while the visit it was asked in goes on.

        A look-up or a print on a worker lane can finish after its citizen left (the
        disk lane busy with a slow printer): its result must never reach the next
        citizen's screen, nor stay held by one (review wt6 #1)."""
        visit = self._visit

        def deliver(result: T) -> None:
            if visit != self._visit:
                log.info("a result of an ended visit dropped")
                return
            callback(result)

        return deliver

    def attach(self, services: KioskServices) -> None:
        self._services = services

    @property
    def station_open(self) -> bool:
        return self._services is not None

    @property
    def services(self) -> KioskServices:
        if self._services is None:
            raise RuntimeError("the kiosk's station is not open yet")
        return self._services


class Screen(QWidget):
    """One kiosk screen. Screens hold a citizen's data only between `enter()` and
    `wipe()`; `wipe()` must leave no trace of it in any widget or model."""

    home_requested = Signal()
    #: `can_leave()` may have changed (the window shows or hides 回首页)
    leaving_changed = Signal()
    #: the screen began waiting for a card within its service (办事's "place your card"
    #: step): a card already lying on the reader is read for it
    card_wanted = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def visit_task(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """`work` on the disk lane, its answer delivered only to the visit that asked
        (KioskContext.for_this_visit): a citizen never sees another's look-up."""
        ctx = self.ctx
        ctx.tasks.disk(work, ctx.for_this_visit(on_done), ctx.for_this_visit(on_error))

    def title(self) -> str:
        return ""

    def care_title(self) -> str:
        """The title in 关怀模式: fewer words, so it stays at least as large as the
        normal mode's beside the larger top-bar buttons (at 1024 px wide, "Apply for a
        service" shrank to 34 px on two lines there); the full title where no shorter
        one is needed."""
        return self.title()

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

    def visit_in_progress(self) -> bool:
        """Something the citizen did here would be lost by 回首页 (then it asks first)."""
        return self.card_holder() is not None

    def wants_card(self) -> bool:
        """Entered, the screen waits for an ID card (a card already on the reader is
        read for it: the poller reports a card once per presentation)."""
        return False

    def timed_out(self) -> None:
        """The idle time ran out on this screen (the visit is wiped next)."""

    def can_leave(self) -> bool:
        """False while something the citizen asked for is being done and its outcome
        must reach them first (the application being filed): no 回首页, no idle wipe."""
        return True

    def reader_trouble(self) -> None:
        """The card reader failed while this screen is shown: a screen that waits for a
        card says so, with the way forward (review wt5: it kept asking for the card)."""

    # -- the card that identified the citizen (kiosk.card_away) ----------------------
    def card_holder(self) -> str | None:
        """The ID number of the card that identified the citizen this screen now serves,
        while taking that card out must pause the visit; None when nobody was
        identified by card (a receipt's QR code, nobody yet) or the card no longer
        matters (the application was accepted)."""
        return None

    def card_returned(self, card: object) -> None:
        """The same card came back after the card-removed prompt."""

    def card_lifted(self) -> None:
        """The card was taken off the reader while this screen is shown (a reminder to
        take it may go)."""

    def service_key(self) -> str:
        """What the citizen chose that is not personal (the item code of 办事), so that a
        different card can start identification in the same service after the wipe."""
        return ""

    def start_with_card(self, card: object, key: str) -> None:
        """After the wipe: identify the holder of `card` in this service (`key` from
        `service_key` of the visit that ended)."""
        self.on_card(card)

    def pending_items(self) -> list[str]:
        """Things the citizen may leave behind (e.g. "a page on the camera")."""
        return []
