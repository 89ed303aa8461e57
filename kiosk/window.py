"""The kiosk window: a top bar (关怀模式, replay, home), one screen at a time, the idle
countdown and the wipe between citizens. The screens are made by kiosk.screen_factories,
the card taken out mid-visit is kiosk.card_away_flow, and the application-wide checks
(lockdown, idle activity, the hidden maintenance corner) are kiosk.event_gate.

The window is shown before the station is open (kiosk.boot): until `station_opened`,
only the attract screen exists; a screen asked for meanwhile (a service button, the
maintenance corner) is remembered, the touched button says "please wait", and the
screen opens as soon as the station does. This module and those it imports at load
time stay free of the station, the store and sync (tests/yiwang/test_cold_start.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.card_away_flow import CardAwayFlow
from kiosk.context import KioskContext, Screen
from kiosk.countdown import CountdownOverlay
from kiosk.event_gate import KioskEventGate
from kiosk.idle import IdleWatch, TapCounter
from kiosk.lockdown import Lockdown
from kiosk.mode_styles import ModeStyles
from kiosk.screen_factories import screen_factories
from kiosk.screen_set import ScreenSet
from kiosk.screens.attract import AttractScreen
from kiosk.theme import ELDERLY, MIN_ACTION_PX, NORMAL, WARN_BG, WARN_INK, Theme, stylesheet
from kiosk.title_text import OneLineText
from kiosk.widgets import BigButton, StepStack, Text

if TYPE_CHECKING:  # built after the attract screen is up
    from kiosk.card_away import CardAwayPanel
    from kiosk.leave_overlay import LeaveOverlay

log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    ready = Signal()  # the attract screen is shown and takes touches
    restart_requested = Signal()
    exit_requested = Signal()

    def __init__(
        self, ctx: KioskContext, idle: IdleWatch, taps: TapCounter, *, frameless: bool = False
    ) -> None:
        super().__init__()
        self._shut_down = False
        self.ctx = ctx
        self.setObjectName("kioskRoot")
        self.lockdown = Lockdown(self)
        # Flags and style sheet before any child exists: set afterwards, each re-polishes
        # every widget of every screen (~0.1 s apiece at start-up)
        if frameless:
            self.lockdown.make_frameless()
            self.ready.connect(self.lockdown.settle_flags)
        self.styles = ModeStyles(self, stylesheet(NORMAL))  # a hidden page's when shown
        self.setWindowTitle(self.tr("Yiwang Window — Self-service Kiosk"))
        ctx.notify = self.notify
        self.idle = idle
        self.idle.countdown.connect(self._countdown)
        self.idle.resumed.connect(self._resumed)
        self.idle.expired.connect(self._idle_expired)
        #: lockdown, idle activity and the maintenance corner: one application-wide filter
        self.gate = KioskEventGate(self, self.lockdown, idle, taps,
                                   lambda: self.show_screen("pin"))
        # top bar
        self.heading = OneLineText("", self, role="title")
        self.care = BigButton(self._care_caption(NORMAL), self, role="main")
        self.care.setObjectName("careMode")
        self.care.setCheckable(True)
        self.care.clicked.connect(lambda: self.set_elderly(self.care.isChecked()))
        self.replay = BigButton(self.tr("Hear it again"), self, role="main")
        self.replay.setObjectName("replayVoice")
        self.replay.clicked.connect(ctx.voice.replay)
        self.home = BigButton(self.tr("Home"), self, role="main")
        self.home.setObjectName("home")
        self.home.clicked.connect(self._home_touched)
        #: "放弃本次办理吗？" (kiosk.leave_overlay), made the first time it is asked
        self._leave: LeaveOverlay | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        for b in (self.care, self.replay, self.home):
            # never narrower than the caption: the title gives way (it elides) instead
            # of the buttons' words ("✓ Care mod")
            b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
            # padding all round, not doubled at the sides: the title keeps that room
            # (it elided to "Ap…" in English 关怀模式 on a 1024-wide screen)
            b.setProperty("compact", "true")
            bar.addWidget(b)
        self.status = Text("", self, role="warn")
        self.status.hide()
        # screens: the attract screen now, the others on first use or after the first
        # paint (kiosk.screen_set)
        self.stack = QStackedWidget(self)
        self.styles.watch(self.stack)
        self.stack.currentChanged.connect(self.gate.page_changed)
        #: each screen scrolls on its own when it is taller than the display (the
        #: elderly theme on a small screen) instead of pushing the window off it
        self._pages: dict[Screen, QScrollArea] = {}
        self.screens = ScreenSet(screen_factories(ctx), self._add_screen)
        attract = self.screens["attract"]
        assert isinstance(attract, AttractScreen)
        self.attract = attract
        self._current: Screen = self.attract
        self.attract.service_chosen.connect(self.show_screen)
        #: the screen asked for before the station was open, and the badge saying so
        self._pending: str | None = None
        self._wait_badge: QLabel | None = None
        if ctx.station_open:
            self.attract.set_station_name(ctx.services.station.intake.station_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self.overlay = CountdownOverlay(self)
        self.overlay.covered.connect(self.gate.page_changed)
        self.overlay.more_time.connect(self.idle.touch)
        self.overlay.hide()
        # "您的身份证已取出": a page of its own in front of the service (kiosk.card_away),
        # built after the attract screen is up
        self._away = CardAwayFlow(self)
        self.card_present = False
        ctx.card_on_reader = lambda: self.card_present
        #: the card on the reader was left by a visit that has ended (完成, walked away,
        #: gave up, 回首页): it is announced, never read for the next citizen; only a
        #: card taken away and placed again identifies anyone (review: after 完成 the
        #: card lying there was read as the next citizen's identity)
        self._card_left_behind = False
        # the mode every visit starts in (no configuration chooses 关怀模式 by default)
        self.default_theme: Theme = NORMAL
        self.apply_theme(NORMAL)
        self.show_screen("attract")

    # -- screens -------------------------------------------------------------------
    def add_page(self, content: QWidget) -> QScrollArea:
        """`content` as a page of the stack, scrolling on its own when it is taller."""
        page = QScrollArea(self.stack)
        page.setStyleSheet(self.styles.sheet)  # before its content: polished once
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidget(content)
        self.stack.addWidget(page)
        return page

    def _add_screen(self, name: str, screen: Screen) -> None:
        self._pages[screen] = self.add_page(screen)
        screen.home_requested.connect(self.reset_to_attract)
        screen.leaving_changed.connect(self._show_home)
        screen.card_wanted.connect(self._read_card_lying_there)
        # a step or a page within the screen is a new page under the finger too
        for steps in screen.findChildren(StepStack):
            steps.currentChanged.connect(self.gate.page_changed)
        for pages in screen.findChildren(QStackedWidget):
            pages.currentChanged.connect(self.gate.page_changed)
        if name in ("pin", "maintenance"):
            self._wire_maintenance(screen)
        self.theme_texts(screen, self.ctx.theme)

    def page_of(self, screen: Screen) -> QScrollArea:
        return self._pages[screen]

    def _wire_maintenance(self, screen: Screen) -> None:
        # loaded with the first maintenance screen (it brings the station's PIN check)
        from kiosk.screens.maintenance import MaintenanceScreen, PinScreen

        if isinstance(screen, PinScreen):
            screen.unlocked.connect(lambda: self.show_screen("maintenance"))
        elif isinstance(screen, MaintenanceScreen):
            screen.restart_requested.connect(self.restart_requested)
            screen.exit_requested.connect(self._exit_to_desktop)

    def station_opened(self) -> None:
        """The station's services are attached to the context: the screen asked for
        while it opened (if any) is shown now."""
        self.attract.set_station_name(self.ctx.services.station.intake.station_name)
        pending, self._pending = self._pending, None
        if self._wait_badge is not None:
            self._wait_badge.deleteLater()
            self._wait_badge = None
        if pending is not None and self._current is self.attract:
            self.show_screen(pending)

    def _wait_for_station(self, name: str) -> None:
        self._pending = name
        button = self.attract.buttons.get(name)
        if button is None:
            return  # the maintenance corner: nothing to mark
        if self._wait_badge is None:
            # a child of the button, outside every layout: nothing moves around it
            from PySide6.QtCore import Qt  # a touch: the ready line is behind us

            self._wait_badge = QLabel(self.tr("Please wait…"))
            self._wait_badge.setObjectName("pleaseWait")
            self._wait_badge.setTextFormat(Qt.TextFormat.PlainText)
            self._wait_badge.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        badge = self._wait_badge
        badge.setParent(button)
        badge.setStyleSheet(
            f"background-color: {WARN_BG}; color: {WARN_INK}; border-radius: 6px;"
            f" padding: 2px 12px; font-size: {self.ctx.theme.body_px}px;"
        )
        badge.adjustSize()
        badge.move((button.width() - badge.width()) // 2,
                   button.height() - badge.height() - 8)
        badge.show()

    def build_screens_later(self) -> None:
        """Build the screens not yet built, one per event-loop turn (after the first paint)."""
        if self._shut_down:
            return  # a turn queued before shutdown must not build into a closing window
        if not self.ctx.station_open:
            return
        if not self._away.built:
            self._away.build()
            QTimer.singleShot(0, self, self.build_screens_later)
        elif self.screens.build_next():
            # the window as context: a turn still queued when it is deleted is dropped
            QTimer.singleShot(0, self, self.build_screens_later)

    @property
    def current(self) -> Screen:
        return self._current

    def show_screen(self, name: str) -> None:
        if name != "attract" and not self.ctx.station_open:
            self._wait_for_station(name)
            return
        screen = self.screens[name]
        self._current = screen
        self.stack.setCurrentWidget(self._pages[screen])
        if name != "attract":  # a new service begins: the last visit's notice is done
            self.notify("")
        self.heading.setText(self._title(screen))
        screen.enter()
        self._watch_idle()
        self.ctx.voice.prompt(screen.prompt())
        self._show_home()
        if screen.wants_card():
            self._read_card_lying_there()

    def _read_card_lying_there(self) -> None:
        """A screen waits for a card: one already lying on the reader is read for it
        (after 不是，重新开始, 上一步, 完成 and another service the citizen's card stays
        down; the poller reports a card once per presentation). Once per wait: the
        answer is the card's ordinary `card_placed`."""
        # on the next turn: a card handed over with the new service (the card-removed
        # page's next person) has been read by then, and is not read twice
        QTimer.singleShot(0, self, self._reread_if_still_wanted)

    def _reread_if_still_wanted(self) -> None:
        if not self.card_present or self.card_away_shown or not self.current.wants_card():
            return
        if self._card_left_behind:
            # the screen asks for a card that is already lying there and is not read:
            # without a word the citizen waits on "请把身份证放在读卡区" for ever
            self.notify(self._lift_and_place(), speak=True)
            return
        self.ctx.reread_card()

    def _lift_and_place(self) -> str:
        return self.tr("A card is already on the reader. Please take it off, then place "
                       "your ID card again.")

    def _end_lift_words(self) -> bool:
        """The words asking to lift the card left behind end (a newer message stays)."""
        if self.status.text() != self._lift_and_place():
            return False
        self.notify("")
        return True

    def _show_home(self) -> None:
        """回首页 everywhere but the attract screen, and never while the visit may not
        end (an application being filed: Screen.can_leave)."""
        offered = self._current is not self.attract and self._can_leave()
        self.home.setVisible(offered)
        self.home.setEnabled(offered)
        if not offered and self._leave is not None:
            self._leave.hide()

    def _can_leave(self) -> bool:
        return all(screen.can_leave() for screen in self.screens.built())

    def _watch_idle(self) -> None:
        """The idle clock runs on every screen but the attract screen (the PIN and
        maintenance screens too: a visit they interrupt is still wiped, and they are
        not left open for the next passer-by), and there too while 关怀模式 or another
        mode than the kiosk's own is on: the next citizen starts in the usual one."""
        self.idle.set_active(self._current is not self.attract
                             or self.ctx.theme is not self.default_theme)

    def _idle_expired(self) -> None:
        self._current.timed_out()
        self.reset_to_attract()

    def reset_to_attract(self) -> None:
        """The end of a citizen's visit: wipe every trace, then the attract screen.

        Not while an application is being filed (the idle clock, the card-removed
        page or a late 放弃): its outcome is shown first, the quiet time starts again."""
        if not self._can_leave():
            log.info("visit end postponed: an application is being filed")
            self.overlay.hide()
            self.idle.set_active(True)  # the expiry switched it off: the quiet time anew
            return
        left = [thing for s in self.screens.built() for thing in s.pending_items()]
        self._card_left_behind = self.card_present  # the visit is over: not read again
        self.wipe_visit()
        self.show_screen("attract")
        if self.card_present:
            left.insert(0, self.tr("your ID card on the reader"))
        if left:
            self.notify(self.tr("Please take %1 with you.").replace("%1", "、".join(left)),
                        speak=True)

    def _home_touched(self) -> None:
        """回首页: at once when nothing would be lost, else asked first."""
        if not self._can_leave():
            return  # hidden meanwhile (_show_home); a touch already on its way
        if not self.current.visit_in_progress():
            self.reset_to_attract()
            return
        if self._leave is None:
            from kiosk.leave_overlay import LeaveOverlay

            self._leave = LeaveOverlay(self)
            self._leave.covered.connect(self.gate.page_changed)
            self._leave.stay.connect(self._leave.hide)
            self._leave.leave.connect(self._leave_visit)
            self.styles.restyle(self._leave)
        self._leave.ask_now()
        self.ctx.voice.prompt(self._leave.question())

    def _leave_visit(self) -> None:
        """The citizen chose to stop: the visit is wiped like any end of a visit, but
        the same citizen keeps the mode they chose (关怀模式 stays on)."""
        theme = self.ctx.theme
        self.reset_to_attract()
        if theme is not self.ctx.theme:
            self.set_elderly(theme is ELDERLY)

    def wipe_visit(self) -> None:
        """Forget the citizen everywhere (every screen, the voice, the clipboard, temp
        files) and return to the kiosk's own mode."""
        self.ctx.end_visit()  # a result still on its way belongs to nobody now
        self.overlay.hide()
        if self._leave is not None:
            self._leave.hide()
        self._away.stop()
        for screen in self.screens.built():
            screen.wipe()
        self.ctx.voice.forget()
        # loaded with the first wipe, not with the attract screen (cold start)
        from kiosk.wipe import wipe_traces

        wipe_traces()
        self.status.setText("")
        self.status.hide()
        # the next citizen starts in the kiosk's own mode, not in the last one's 关怀模式
        self.apply_theme(self.default_theme)
        self.ctx.voice.enabled = self.default_theme.voice

    def notify(self, text: str, *, speak: bool = False) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if speak and text:
            self.ctx.voice.announce(text)

    # -- care mode -------------------------------------------------------------------
    def set_elderly(self, on: bool) -> None:
        self.apply_theme(ELDERLY if on else NORMAL)
        self.ctx.voice.enabled = on
        self._watch_idle()
        if self.card_away_shown:
            self._away.restart_clock()
        else:
            self.ctx.voice.prompt(self.current.prompt())

    def _title(self, screen: Screen) -> str:
        return screen.care_title() if self.ctx.theme is ELDERLY else screen.title()

    def _care_caption(self, theme: Theme) -> str:
        # in 关怀模式 the button's explanation is what the citizen already has: one line
        # keeps the top bar (and every screen under it) a row shorter
        if theme is ELDERLY:
            return self.tr("Care mode")
        return self.tr("Care mode\n(larger, spoken)")

    def apply_theme(self, theme: Theme) -> None:
        self.ctx.theme = theme
        self.theme_texts(self, theme)
        # the title stays within the buttons' height, never below a heading's minimum,
        # and in 关怀模式 never below the normal mode's title (its shorter wording fits)
        self.heading.floor_px = NORMAL.title_px if theme is ELDERLY else MIN_ACTION_PX
        self.heading.max_height = theme.target_px
        self.heading.setText(self._title(self._current))
        self.care.set_caption(self._care_caption(theme))
        self.care.setChecked(theme is ELDERLY)
        self.styles.apply(stylesheet(theme))
        self.idle.configure(theme.idle_seconds, theme.countdown_seconds)

    @staticmethod
    def theme_texts(root: QWidget, theme: Theme) -> None:
        for text in root.findChildren(Text):
            if text.property("detail"):  # explanations the elderly theme leaves out
                text.setVisible(theme is not ELDERLY)

    # -- devices ---------------------------------------------------------------------
    def card_placed(self, card: object) -> None:
        self.card_present = True
        self._card_left_behind = False  # placed anew: its holder is here
        self._end_lift_words()
        if self.card_away_shown:
            self._away.card_placed(card)
            return
        self.current.on_card(card)

    def card_removed(self) -> None:
        self.card_present = False
        self.current.card_lifted()
        self._card_left_behind = False
        if self.current is self.attract:
            self.notify("")  # the card left behind has been taken
        elif self._end_lift_words():
            return  # the card left behind, taken at last: nobody's card was taken out
        elif self.current.card_holder() is not None and not self.card_away_shown:
            self._away.taken_out()

    @property
    def card_away(self) -> CardAwayPanel:
        """The card-removed page (kiosk.card_away_flow)."""
        return self._away.panel

    @property
    def card_away_shown(self) -> bool:
        return self._away.shown

    def scanned(self, text: str) -> None:
        if self.current is self.attract:
            self.show_screen("progress")  # a receipt held to the scanner means "progress"
        self._end_lift_words()  # a code instead of the card: the card's words are done
        self.current.on_scan(text)

    # -- idle ------------------------------------------------------------------------
    def _countdown(self, seconds: int) -> None:
        if not self.overlay.isVisible():
            self.ctx.voice.announce(self.overlay.question())
        self.overlay.show_seconds(seconds)

    def _resumed(self) -> None:
        self.overlay.hide()

    def resizeEvent(self, event: object) -> None:
        self.overlay.setGeometry(self.rect())

    def start(self, *, windowed: bool) -> None:
        self.prepare(windowed=windowed)
        self.watch()

    def prepare(self, *, windowed: bool) -> None:
        """What must be set before the window is shown (its flags: new ones hide it)."""
        self.lockdown.lock_window(windowed=windowed)

    def watch(self) -> None:
        """The application-wide filter (lockdown, idle, the maintenance corner) and the
        idle clock (kiosk.boot: once the window is shown, before the event loop runs)."""
        self.gate.install()
        self.idle.start()

    def shutdown(self) -> None:
        self._shut_down = True
        self.lockdown.allow_close = True  # the application is ending: let it close
        self.gate.remove()
        self.lockdown.remove()
        self.idle.stop()
        for screen in self.screens.built():
            screen.wipe()

    def _exit_to_desktop(self) -> None:
        self.lockdown.allow_close = True
        self.exit_requested.emit()

    def closeEvent(self, event: QEvent) -> None:
        if not self.lockdown.allow_close:
            event.ignore()
            return
        event.accept()
