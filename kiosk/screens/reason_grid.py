"""The GB/T 39734 reasons after a low rating, all in view without scrolling.

Seven reasons in two columns took four rows: on a 1024x768 screen they scrolled inside
their panel in both modes (in 关怀模式 three of the seven were out of sight). The grid
takes the fewest columns (two, three or four) whose rows fit the room it is given, and
in 关怀模式 the reasons are worded shorter ("fewer words"), so that four columns hold them
at the mode's size. Every reason stays a full-size touch target (the theme's, >= 60 px).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.widgets import CHECK_MARK, BigButton, ScrollingPanel, wrapped_caption
from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

CONTEXT = "ReasonWords"
#: the reasons in 关怀模式: the same meaning as station.kiosk_services.REASONS, fewer words
CARE_WORDS: dict[str, str] = {
    "efficiency_slow": QT_TRANSLATE_NOOP("ReasonWords", "Too slow"),
    "efficiency_trips": QT_TRANSLATE_NOOP("ReasonWords", "Many trips"),
    "guide_unclear": QT_TRANSLATE_NOOP("ReasonWords", "Unclear guide"),
    "level_unskilled": QT_TRANSLATE_NOOP("ReasonWords", "Unskilled staff"),
    "attitude_poor": QT_TRANSLATE_NOOP("ReasonWords", "Poor attitude"),
    "fees_improper": QT_TRANSLATE_NOOP("ReasonWords", "Unfair fees"),
    "terminal_hard": QT_TRANSLATE_NOOP("ReasonWords", "Kiosk hard to use"),
}
COLUMNS = (2, 3, 4)


def care_words(code: str) -> str:
    return QCoreApplication.translate(CONTEXT, CARE_WORDS[code])


class ReasonGrid(QWidget):
    def __init__(
        self, full_words: dict[str, str], care: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._full = full_words
        self._care = care
        self._grid = QGridLayout(self)
        # the screen has its margins: these would cost 1024x768's care mode a reason row
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, BigButton] = {}
        for code, words in full_words.items():
            self.buttons[code] = BigButton(words, self, wrap=True)
        self._columns = 0
        self._room = QSize()
        self._words_care: bool | None = None

    def columns(self) -> int:
        return self._columns

    def fit(self, room: QSize) -> None:
        """Arrange the reasons for a panel of `room` (its viewport)."""
        self._room = room
        self._set_words()
        heights = {n: self._height(n) for n in COLUMNS}
        # the fewest columns that fit; on a screen smaller than any the kiosk is made
        # for, the lowest grid (it scrolls rather than squeeze a caption)
        n = next((n for n in COLUMNS if heights[n] <= room.height()),
                 min(COLUMNS, key=lambda n: heights[n]))
        if n == self._columns:
            return
        self._columns = n
        for b in self.buttons.values():
            self._grid.removeWidget(b)
        for col in range(self._grid.columnCount()):
            self._grid.setColumnStretch(col, 0)
        for i, b in enumerate(self.buttons.values()):
            self._grid.addWidget(b, i // n, i % n)
        for col in range(n):
            self._grid.setColumnStretch(col, 1)

    def _set_words(self) -> None:
        care = self._care()
        if care == self._words_care:
            return
        self._words_care = care
        self._columns = 0
        for code, b in self.buttons.items():
            b.set_caption(care_words(code) if care else self._full[code])

    def _height(self, n: int) -> int:
        """The grid's height in `n` columns of the room's width."""
        margins = self._grid.contentsMargins()
        h_gap = max(0, self._grid.horizontalSpacing())
        v_gap = max(0, self._grid.verticalSpacing())
        cell = (self._room.width() - margins.left() - margins.right() - h_gap * (n - 1)) / n
        buttons = list(self.buttons.values())
        rows = [buttons[i:i + n] for i in range(0, len(buttons), n)]
        total = sum(max(_height_at(b, cell) for b in row) for row in rows)
        return total + v_gap * (len(rows) - 1) + margins.top() + margins.bottom()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._columns = 0
            if self._room.isValid():
                self.fit(self._room)


def _height_at(button: BigButton, cell: float) -> int:
    """The height `button` takes at `cell` px wide, its caption wrapped as it will be."""
    chrome = button.width() - button.caption_room()
    mark = CHECK_MARK if button.isChecked() else ""
    text = wrapped_caption(mark + button.caption(), button.font(), cell - chrome)
    lines = text.count("\n") + 1
    content = QSize(int(cell), QFontMetrics(button.font()).lineSpacing() * lines)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    size = button.style().sizeFromContents(
        QStyle.ContentsType.CT_PushButton, option, content, button
    )
    return max(size.height(), button.minimumSizeHint().height())


class ReasonArea(ScrollingPanel):
    """The reasons' panel: scrolls only when even four columns do not fit (a screen
    smaller than any the kiosk is made for); it re-fits the grid on every resize."""

    def __init__(self, grid: ReasonGrid, parent: QWidget | None = None) -> None:
        super().__init__(grid, parent)
        self.grid = grid
        # one row of reasons at the least: asking for more pushed 提交 below a 768-line
        # screen in 关怀模式 under a two-line heading
        self.setMinimumHeight(120)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.grid.fit(self.viewport().size())
