"""评价: rate one's own finished case (five levels; reasons for the two lowest)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from devices.idcard.card import IdCardData
from intake.applicant import Person
from kiosk.context import KioskContext, Screen
from kiosk.screens.cases import CaseList
from kiosk.screens.identify import IdentifyPanel
from kiosk.screens.reason_grid import ReasonArea, ReasonGrid
from kiosk.theme import ELDERLY
from kiosk.widgets import SOFT_BREAK, BigButton, Text
from station.kiosk_services import LOW_RATING, RATINGS, REASONS
from station.progress import CaseView
from ui_shared.messages import user_message
from ui_shared.plain_text import shown


class EvaluateScreen(Screen):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # the ID number of the card this visit was identified by (kiosk.card_away)
        self._card_id: str | None = None
        self._person: Person | None = None
        self._case: CaseView | None = None
        self._rating: int | None = None
        self.identify = IdentifyPanel(self.tr("Place your ID card on the reader"), self)
        self.heading = Text("", self, role="heading")
        self.cases = CaseList(self)
        self.rating_box = RatingGrid(self)
        self.rating_buttons: dict[int, BigButton] = {}
        for r in RATINGS:
            stars = "★" * r.value
            label = f"{r.en if ctx.english else _soft_breaks(r.zh)}\n{stars}"
            # padding all round, not doubled at the sides, so that a word keeps the
            # room; a caption breaks at its spaces (a Chinese one after its degree word)
            # and the grid takes fewer columns when a word would not fit whole
            # ("Basically satisfied" was clipped in 关怀模式 below 1280 wide)
            button = RatingButton(label, self.rating_box, role="main", wrap=True)
            button.setProperty("compact", "true")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, v=r.value: self._rate(v))
            self.rating_buttons[r.value] = button
        # after a low rating only the chosen one stays, beside this: the reasons take
        # the others' room (five ratings, the reasons and 提交 did not fit 768 lines)
        self.change = BigButton(self.tr("Choose another rating"), self.rating_box,
                                role="main", wrap=True)
        self.change.setProperty("compact", "true")
        self.change.clicked.connect(self._show_all_ratings)
        self.change.hide()
        self.rating_box.set_buttons(list(self.rating_buttons.values()))
        # all the reasons in view at every kiosk size (kiosk.screens.reason_grid)
        self.reason_box = ReasonGrid(
            {code: en if ctx.english else zh for code, zh, en in REASONS},
            lambda: ctx.theme is ELDERLY,
        )
        self.reason_buttons: dict[str, BigButton] = self.reason_box.buttons
        for reason in self.reason_buttons.values():
            reason.setCheckable(True)
        self.submit = BigButton(self.tr("Submit my rating"), self, role="main")
        self.submit.clicked.connect(self._submit)
        self.status = Text("", self, role="warn")
        # after the rating: the thanks in the heading's place and the way out
        self.finish = BigButton(self.tr("Finish"), self, role="main")
        self.finish.clicked.connect(self.home_requested)
        layout = QVBoxLayout(self)
        # the submit button under the reasons is never pushed off the screen by them
        self.reason_area = ReasonArea(self.reason_box, self)
        for w in (self.identify, self.heading, self.cases, self.rating_box, self.reason_area,
                  self.submit, self.status):
            layout.addWidget(w)
        # shown with the thanks only: the thanks at the top and 完成 under it, not
        # centred in a tall box (while rating, the reasons need every line)
        self._gap = QWidget(self)
        self._gap.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.finish)
        layout.addWidget(self._gap)
        self.wipe()

    def title(self) -> str:
        return self.tr("Rate our service")

    def care_title(self) -> str:
        return self.tr("Rate us", "care-mode title: fewer words, larger")

    def prompt(self) -> str:
        return self.tr("Place your ID card on the reader to rate a finished case.")

    def enter(self) -> None:
        self.wipe()
        if not self.ctx.services.health.usable("reader"):
            self.reader_trouble()

    def reader_trouble(self) -> None:
        if self._card_id is None:
            self.identify.set_message(
                self.tr("The card reader is not working right now; please ask at the window.")
            )
    def card_holder(self) -> str | None:
        return self._card_id

    def wants_card(self) -> bool:
        return self._card_id is None

    def wipe(self) -> None:
        self._card_id = None
        self._person = self._case = None
        self._rating = None
        self.cases.clear()
        self.heading.max_lines = 0
        self.heading.setText("")
        self.heading.setAccessibleName("")
        self.status.setText("")
        # a rating still being filed when the visit ended never answers this screen
        self.submit.setEnabled(True)
        for b in [*self.rating_buttons.values(), *self.reason_buttons.values()]:
            b.setChecked(False)
        self.rating_box.set_buttons(list(self.rating_buttons.values()))
        for w in (self.heading, self.cases, self.rating_box, self.reason_area, self.submit,
                  self.status, self.finish, self._gap):
            w.hide()
        self.identify.show()
        self.identify.start()

    def on_card(self, card: object) -> None:
        assert isinstance(card, IdCardData)
        self._card_id = card.id_number  # this visit is the card holder's from now on
        services = self.ctx.services

        def work() -> tuple[Person, list[CaseView]]:
            person = services.person_from_card(card)
            return person, services.evaluable(person)

        self.visit_task(work, self._found, self._failed)

    def _found(self, found: tuple[Person, list[CaseView]]) -> None:
        self._person, cases = found
        self.identify.stop()
        self.identify.hide()
        self.heading.show()
        if not cases:
            self.heading.setText(self.tr("You have no finished case waiting for a rating."))
        else:
            self.heading.setText(self.tr("Choose the case to rate"))
            self.cases.show_cases(cases, self.ctx.english, (self.tr("Rate"), self._chosen))
            self.cases.show()
        self.ctx.voice.prompt(self.heading.text())

    def _chosen(self, case: CaseView) -> None:
        self._case = case
        self.cases.hide()
        name = shown(case.item_name_en if self.ctx.english else case.item_name_zh, limit=120)
        question = self.tr("How satisfied are you with: %1").replace("%1", name)
        # a long item name would push 提交 below a 768-line screen: two lines at most,
        # the rest elided; the whole question is spoken and the case list showed it whole
        self.heading.max_lines = 2
        self.heading.setText(question)
        self.heading.setAccessibleName(question)
        self.rating_box.show()
        self.ctx.voice.prompt(question)

    def _rate(self, value: int) -> None:
        self._rating = value
        for v, b in self.rating_buttons.items():
            b.setChecked(v == value)
        low = value <= LOW_RATING
        self.reason_area.setVisible(low)
        if low:
            self.rating_box.set_buttons([self.rating_buttons[value], self.change])
        if not low:
            for b in self.reason_buttons.values():
                b.setChecked(False)
        self.submit.show()

    def _show_all_ratings(self) -> None:
        self.rating_box.set_buttons(list(self.rating_buttons.values()))
        self.reason_area.hide()
        self.submit.setVisible(self._rating is not None and self._rating > LOW_RATING)

    def _submit(self) -> None:
        person, case, rating = self._person, self._case, self._rating
        if person is None or case is None or rating is None:
            return
        reasons = tuple(c for c, b in self.reason_buttons.items() if b.isChecked())
        services = self.ctx.services
        self.submit.setEnabled(False)
        self.visit_task(
            lambda: services.evaluate(person, case.uuid, rating, reasons),
            self._done,
            self._failed,
        )

    def _done(self, _uuid: str) -> None:
        self.submit.setEnabled(True)
        self.rating_box.hide()
        self.reason_area.hide()
        self.submit.hide()
        # the question is answered: the heading says thanks instead of asking it again
        # (review7), and 完成 leads out
        thanks = self.tr("Thank you. Your rating has been recorded and will be sent to "
                         "the department.")
        self.heading.setText(thanks)
        self.heading.setAccessibleName(thanks)
        self.status.hide()
        self.finish.show()
        self._gap.show()
        self.ctx.voice.prompt(thanks)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.ctx.voice.prompt(text)

    def _failed(self, error: BaseException) -> None:
        self.submit.setEnabled(True)
        self._say(user_message(error, self.tr("Could not record the rating")))


def _soft_breaks(rating: str) -> str:
    """"非常不满意" may break after its degree word ("非常" / "基本"), never inside
    "不满意"."""
    for degree in ("非常", "基本"):
        if rating.startswith(degree) and len(rating) > len(degree):
            return degree + SOFT_BREAK + rating[len(degree):]
    return rating


class RatingButton(BigButton):
    """A rating with its stars under the words; where a row of stars would itself have
    to break ("★★★\n★★" in 关怀模式 on a narrow screen) it is written "★×5"."""

    def _show_caption(self, full: str) -> None:
        words, _, stars = full.rpartition("\n")
        if stars and set(stars) == {"★"} and len(stars) > 1:
            width = QFontMetricsF(self.font()).horizontalAdvance(stars)
            if width > self._room():
                full = f"{words}\n★×{len(stars)}"
        super()._show_caption(full)


class RatingGrid(QWidget):
    """The ratings in as many columns as keep each of their words whole: five in a row
    where they fit, else three, two or one (the English words in 关怀模式 on a
    1024-wide screen)."""

    COLUMNS = (5, 3, 2, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._buttons: list[BigButton] = []
        self._columns = 0

    def set_buttons(self, buttons: list[BigButton]) -> None:
        for b in self._buttons:
            if b not in buttons:
                b.hide()
        self._buttons = buttons
        self._columns = 0
        self._arrange()

    def columns(self) -> int:
        return self._columns

    def _fitting_columns(self) -> int:
        spacing = max(0, self._grid.horizontalSpacing())
        for n in self.COLUMNS:
            if n > len(self._buttons):
                continue
            cell = (self.width() - spacing * (n - 1)) / n
            if all(_longest_word(b) <= cell - b.width() + b.caption_room()
                   for b in self._buttons):
                return n
        return 1

    def _arrange(self) -> None:
        n = self._fitting_columns()
        if n == self._columns:
            return
        self._columns = n
        for b in self._buttons:
            self._grid.removeWidget(b)
        for col in range(self._grid.columnCount()):
            self._grid.setColumnStretch(col, 0)
        for i, b in enumerate(self._buttons):
            self._grid.addWidget(b, i // n, i % n)
            b.show()
        for col in range(n):
            self._grid.setColumnStretch(col, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._columns = 0
            self._arrange()


def _longest_word(button: BigButton) -> float:
    fm = QFontMetricsF(button.font())
    words = button.caption().replace(SOFT_BREAK, " ").replace("\n", " ").split(" ")
    return max((fm.horizontalAdvance(w) for w in words if set(w) != {"★"}), default=0.0)
