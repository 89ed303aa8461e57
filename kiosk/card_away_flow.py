"""The ID card taken out mid-visit: the service's page (and what the card unlocked on
it) leaves the screen for the card-removed page (kiosk.card_away) until the same card
comes back, another card starts a new visit, or the time runs out.

The page is built after the attract screen is up (the window's idle turns), or at once
when it is needed earlier."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea

    from kiosk.card_away import CardAwayPanel
    from kiosk.window import KioskWindow


class CardAwayFlow:
    def __init__(self, window: KioskWindow) -> None:
        self._window = window
        self._panel: CardAwayPanel | None = None
        #: the panel's page in the window's stack (None until built)
        self.page: QScrollArea | None = None

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> CardAwayPanel:
        """The card-removed page (built now if the idle turns after start have not yet)."""
        return self._panel if self._panel is not None else self.build()

    def build(self) -> CardAwayPanel:
        from kiosk.card_away import CardAwayPanel

        window = self._window
        panel = CardAwayPanel(window.idle.clock)
        panel.more_time.connect(self._more_time)
        panel.end_requested.connect(window.reset_to_attract)
        panel.expired.connect(window.reset_to_attract)
        panel.ticked.connect(self._still_needed)
        self.page = window.add_page(panel)
        window.theme_texts(panel, window.ctx.theme)
        self._panel = panel
        return panel

    @property
    def shown(self) -> bool:
        return self.page is not None and self._window.stack.currentWidget() is self.page

    def stop(self) -> None:
        if self._panel is not None:
            self._panel.stop()

    def restart_clock(self) -> None:
        """The mode changed while the page is shown: the new mode's time, from now."""
        window = self._window
        self.panel.begin(window.ctx.theme.card_away_seconds)
        window.ctx.voice.prompt(self.panel.prompt())

    def card_placed(self, card: object) -> None:
        """A card while the page is shown: the same one resumes the visit, another one
        ends it and starts the next person's."""
        holder = self._window.current.card_holder()
        if holder is not None and getattr(card, "id_number", None) == holder:
            self._card_back(card)
        else:
            self._next_person(card)

    def taken_out(self) -> None:
        window = self._window
        window.overlay.hide()
        window.idle.touch()  # one countdown at a time: this one is the shorter
        panel = self.panel
        assert self.page is not None  # built with the panel
        window.stack.setCurrentWidget(self.page)
        panel.begin(window.ctx.theme.card_away_seconds)
        window.ctx.voice.announce(panel.prompt())

    def _more_time(self) -> None:
        window = self._window
        self.panel.begin(window.ctx.theme.card_away_seconds)
        window.ctx.voice.announce(self.panel.prompt())

    def _still_needed(self) -> None:
        # the application was accepted meanwhile: the card no longer matters to the
        # visit, so its "done" page comes back (it reminds them of the card only while
        # one is on the reader)
        if self._window.current.card_holder() is None:
            self.show_service_page()

    def _card_back(self, card: object) -> None:
        window = self._window
        self.show_service_page()
        window.ctx.voice.prompt(window.current.prompt())
        window.current.card_returned(card)

    def _next_person(self, card: object) -> None:
        """A different card: the first visit ends (the full wipe) and the new card's holder
        is identified in the same service."""
        window = self._window
        screen = window.current
        key = screen.service_key()
        window.wipe_visit()
        window.show_screen(window.screens.name_of(screen))
        screen.start_with_card(card, key)

    def show_service_page(self) -> None:
        self.stop()
        window = self._window
        window.stack.setCurrentWidget(window.page_of(window.current))
