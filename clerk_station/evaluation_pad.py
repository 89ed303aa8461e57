"""The citizen's evaluation pad (评价器): a second window facing the citizen.

On the second screen when the station has one (full size, frameless), otherwise a
small floating window. It never takes focus from the clerk's window: the window
does not accept focus, is shown without activation, and none of its buttons take
keyboard focus, so a citizen's tap never moves the clerk's cursor.

Screens: welcome → the masked details to confirm during intake → after the
accept, the five GB/T 39734-2020 levels (and the reasons for the two lowest, with a
way back to the levels) →
thanks → welcome. Evaluating is optional: 跳过 (skip) or the next applicant
returns it to the details screen. Everything shown is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.window_evaluation import LOW_RATING, RATINGS, WINDOW_REASONS, PadDetails
from ui_shared.plain_text import PlainLabel

#: the thank-you screen stays this long before the welcome screen returns
THANKS_MS = 6000
FLOATING_SIZE = (520, 400)


class EvaluationPad(QWidget):
    rated = Signal(int, tuple)  # level 1-5, reason codes
    skipped = Signal()

    def __init__(self, *, english: bool = False) -> None:
        super().__init__(None)
        self.setObjectName("evaluationPad")
        self.setWindowTitle(self.tr("Evaluation pad"))
        self.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus | Qt.WindowType.WindowTitleHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "#evaluationPad { background: #f7f9fc; }"
            " QLabel#padTitle { font-size: 30px; font-weight: bold; color: #1f3b63; }"
            " QLabel#padText { font-size: 26px; line-height: 150%; }"
            " QPushButton { font-size: 24px; min-height: 56px; padding: 6px 12px; }"
            " QPushButton:checked { background: #ffd9a8; }"
        )
        self._english = english
        self.pages = QStackedWidget(self)
        self.welcome = self._page(self.tr("Welcome"), self.tr("Please wait for the clerk."))
        self.details_title = PlainLabel(self.tr("Please check your details"), self)
        self.details_text = PlainLabel("", self, multiline=True)
        self.details = self._page_of(self.details_title, self.details_text)
        self.level_buttons: dict[int, QPushButton] = {}
        self.rating = self._rating_page()
        self.reason_buttons: dict[str, QPushButton] = {}
        self.reasons = self._reasons_page()
        self.thanks = self._page(self.tr("Thank you for your evaluation"),
                                 self.tr("We will keep improving our service."))
        self.not_saved = self._page(self.tr("Your evaluation could not be saved"),
                                    self.tr("Please tell the clerk at the window."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._level = 0
        self.back_timer = QTimer(self)
        self.back_timer.setSingleShot(True)
        self.back_timer.setInterval(THANKS_MS)
        self.back_timer.timeout.connect(self.show_welcome)

    # -- building -----------------------------------------------------------------------

    def _button(self, text: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap never takes the clerk's focus
        return button

    def _page_of(self, title: PlainLabel, *rest: QWidget) -> QWidget:
        page = QWidget(self.pages)
        title.setObjectName("padTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        for widget in rest:
            if isinstance(widget, PlainLabel):
                widget.setObjectName("padText")
                widget.setWordWrap(True)
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.pages.addWidget(page)
        return page

    def _page(self, title: str, text: str) -> QWidget:
        return self._page_of(PlainLabel(title, self), PlainLabel(text, self, multiline=True))

    def _rating_page(self) -> QWidget:
        box = QWidget(self)
        grid = QVBoxLayout(box)
        names = {5: self.tr("Very satisfied"), 4: self.tr("Satisfied"),
                 3: self.tr("Basically satisfied"), 2: self.tr("Dissatisfied"),
                 1: self.tr("Very dissatisfied")}
        for rating in RATINGS:
            button = self._button(names[rating.value], box)
            button.setObjectName(f"padLevel{rating.value}")
            button.clicked.connect(lambda _c=False, v=rating.value: self.choose_level(v))
            self.level_buttons[rating.value] = button
            grid.addWidget(button)
        self.skip_button = self._button(self.tr("Skip"), box)
        self.skip_button.clicked.connect(self.skip)
        grid.addWidget(self.skip_button)
        return self._page_of(PlainLabel(self.tr("How was our service today?"), self), box)

    def _reasons_page(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        for i, (code, zh, en) in enumerate(WINDOW_REASONS):
            button = self._button(en if self._english else zh, box)
            button.setCheckable(True)
            self.reason_buttons[code] = button
            grid.addWidget(button, i // 2, i % 2)
        last = (len(WINDOW_REASONS) + 1) // 2
        # a citizen who tapped a low level by mistake goes back to the five levels
        self.back_button = self._button(self.tr("Back"), box)
        self.back_button.setObjectName("padBack")
        self.back_button.clicked.connect(self.back_to_rating)
        grid.addWidget(self.back_button, last, 0)
        self.submit_button = self._button(self.tr("Submit"), box)
        self.submit_button.clicked.connect(self.submit_reasons)
        grid.addWidget(self.submit_button, last, 1)
        return self._page_of(PlainLabel(self.tr("What went wrong? (choose any)"), self), box)

    # -- placing ------------------------------------------------------------------------

    def place(self, clerk_screen: QScreen | None = None) -> bool:
        """On a screen other than the clerk's when there is one (True: full screen
        there once shown), else floating at the bottom right of the clerk's screen."""
        primary = clerk_screen or QGuiApplication.primaryScreen()
        others = [s for s in QGuiApplication.screens() if s is not primary]
        if others:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.setScreen(others[0])
            self.setGeometry(others[0].geometry())
            return True
        area = primary.availableGeometry() if primary is not None else QRect(0, 0, 1366, 768)
        hint = self.minimumSizeHint()
        w = min(max(FLOATING_SIZE[0], hint.width()), area.width())
        h = min(max(FLOATING_SIZE[1], hint.height()), area.height())
        x = max(area.left(), area.right() + 1 - w - 16)
        y = max(area.top(), area.bottom() + 1 - h - 48)
        self.setGeometry(x, y, w, h)
        return False

    # -- what the citizen sees ----------------------------------------------------------

    def show_welcome(self) -> None:
        self.back_timer.stop()
        self.pages.setCurrentWidget(self.welcome)

    def show_details(self, details: PadDetails) -> None:
        self.back_timer.stop()
        lines = [self.tr("Item: %1").replace("%1", details.item),
                 self.tr("Name: %1").replace("%1", details.name),
                 self.tr("ID number: %1").replace("%1", details.id_number)]
        self.details_text.setText("\n".join(lines))
        self.pages.setCurrentWidget(self.details)

    def ask_rating(self) -> None:
        self.back_timer.stop()
        self._level = 0
        for button in self.reason_buttons.values():
            button.setChecked(False)
        self.pages.setCurrentWidget(self.rating)

    def choose_level(self, level: int) -> None:
        self._level = level
        if level <= LOW_RATING:
            self.pages.setCurrentWidget(self.reasons)
        else:
            self.rated.emit(level, ())

    def back_to_rating(self) -> None:
        """The reasons page's way back: nothing is sent, the chosen reasons are cleared."""
        self.ask_rating()

    def submit_reasons(self) -> None:
        chosen = tuple(code for code, b in self.reason_buttons.items() if b.isChecked())
        self.rated.emit(self._level, chosen)

    def skip(self) -> None:
        self.skipped.emit()
        self.show_welcome()

    def show_thanks(self) -> None:
        self.pages.setCurrentWidget(self.thanks)
        self.back_timer.start()

    def show_not_saved(self) -> None:
        self.pages.setCurrentWidget(self.not_saved)
        self.back_timer.start()
