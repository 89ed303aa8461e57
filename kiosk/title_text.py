"""The kiosk top bar's title: whole where it can be, within the height of the buttons
beside it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QFont, QFontMetricsF, QPaintEvent
from PySide6.QtWidgets import QFrame, QWidget

from kiosk.widgets import LINE_SPACING, Text, elide_right


class OneLineText(Text):
    """The top bar's title, kept within the height of the buttons beside it: a wrapped
    title grew the bar to three lines and pushed each screen's actions below the edge.
    It is shown whole on one line at its own size where it fits; else at the largest
    size down to `floor_px` (适老化: 30, a heading's minimum) that fits it on one line,
    or on two lines when two fit the bar's height ("Apply for a / service" in English
    关怀模式 on a 1024-wide screen, which used to be "Ap…"); elided only when nothing
    fits. The whole title stays in the tooltip and the accessible name."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "") -> None:
        #: the smallest size the title may take, and the height it must stay within
        #: (0: the height of one line at its own size)
        self.floor_px = 30
        self.max_height = 0
        self._fit_cache: dict[tuple[str, float, int], tuple[QFont, list[tuple[str, float]]]]
        self._fit_cache = {}
        super().__init__(text, parent, role=role)

    def setText(self, text: str) -> None:
        self._fit_cache.clear()
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def fitted(self, width: float) -> tuple[QFont, list[tuple[str, float]]]:
        """The font and the lines the title is shown in at `width`."""
        key = (self.font().key(), width, self.max_height)
        found = self._fit_cache.get(key)
        if found is None:
            if len(self._fit_cache) >= 16:
                self._fit_cache.clear()
            found = self._fit_cache[key] = self._fit(width)
        return found

    def _fit(self, width: float) -> tuple[QFont, list[tuple[str, float]]]:
        line = " ".join(self.text().split())  # any line break becomes a space
        own = self.font()
        top = own.pixelSize() if own.pixelSize() > 0 else int(QFontMetricsF(own).height())
        room = float(self.max_height) if self.max_height > 0 else 0.0
        for px in range(top, min(top, self.floor_px) - 1, -2):
            font = QFont(own)
            font.setPixelSize(px)
            fm = QFontMetricsF(font)
            if fm.horizontalAdvance(line) <= width:
                return font, [(line, fm.horizontalAdvance(line))]
            two = _two_lines(line, fm, width)
            if two and room and 2 * _line_height(font) <= room:
                return font, two
        font = QFont(own)
        font.setPixelSize(min(top, self.floor_px))
        fm = QFontMetricsF(font)
        shown = elide_right(line, fm, max(10.0, width))
        return font, [(shown, fm.horizontalAdvance(shown))]

    def _lines(self, width: float) -> list[tuple[str, float]]:
        return list(self.fitted(width)[1])

    def heightForWidth(self, width: int) -> int:
        font, lines = self.fitted(self._inner_width(width))
        m = self.contentsMargins()
        return int(len(lines) * _line_height(font) + m.top() + m.bottom()
                   + 2 * self.margin() + 1)

    def minimumSizeHint(self) -> QSize:
        # two characters and the ellipsis: the buttons beside it keep their whole words
        return QSize(int(self._px() * 2), int(self.line_height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        QFrame.paintEvent(self, event)
        from PySide6.QtGui import QPainter  # its enums load with the first paint

        painter = QPainter(self)
        inner = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        font, lines = self.fitted(float(inner.width()))
        step = _line_height(font)
        top = float(inner.top()) + max(0.0, (inner.height() - step * len(lines)) / 2)
        fm = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        for n, (text, _natural) in enumerate(lines):
            baseline = top + n * step + (step - fm.height()) / 2 + fm.ascent()
            painter.drawText(QPointF(float(inner.left()), baseline), text)


def _line_height(font: QFont) -> float:
    return max(QFontMetricsF(font).height(), font.pixelSize() * LINE_SPACING)


def _two_lines(line: str, fm: QFontMetricsF, width: float) -> list[tuple[str, float]]:
    """`line` broken at a space into two lines that each fit `width` (the first as full
    as it can be), or [] when it cannot be."""
    words = line.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if fm.horizontalAdvance(first) <= width:
            if fm.horizontalAdvance(second) <= width:
                return [(first, fm.horizontalAdvance(first)),
                        (second, fm.horizontalAdvance(second))]
            return []
    return []
