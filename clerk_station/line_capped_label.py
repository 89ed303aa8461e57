"""A wrapped plain-text label that never grows past a given number of lines.

At 1366x768 every line the item title or the intake summary wraps onto is a line the
materials checklist loses; past the cap the last shown line ends in "…" and the whole
text stays in `text()` (and in the tooltip where the caller asks for it).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QWidget

from intake.display_text import DEFAULT_LIMIT
from ui_shared.plain_text import PlainLabel, tooltip


class LineCappedLabel(PlainLabel):
    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        max_lines: int,
        limit: int = DEFAULT_LIMIT,
        multiline: bool = False,
        tooltip_full_text: bool = False,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        self._max_lines = max_lines
        self._elide = elide
        self._tooltip_full_text = tooltip_full_text
        super().__init__(text, parent, limit=limit, multiline=multiline)
        self.setWordWrap(True)

    def set_max_lines(self, lines: int) -> None:
        if lines != self._max_lines:
            self._max_lines = lines
            self.updateGeometry()
            self.update()

    def setText(self, text: str) -> None:
        super().setText(text)
        if self._tooltip_full_text:
            self.setToolTip(tooltip(self.text()))

    def wrapped_lines(self, width: int) -> list[str]:
        """The text as Qt wraps it at `width` px, one entry per line."""
        layout = QTextLayout(self.text(), self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines: list[str] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            lines.append(self.text()[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        return lines

    def is_capped(self) -> bool:
        return len(self.wrapped_lines(self.contentsRect().width())) > self._max_lines

    def _cap(self, height: int) -> int:
        margins = self.contentsMargins()
        most = (
            QFontMetrics(self.font()).lineSpacing() * self._max_lines
            + margins.top() + margins.bottom() + 2 * self.margin()
        )
        return min(height, most)

    def heightForWidth(self, width: int) -> int:
        return self._cap(super().heightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._cap(hint.height()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self._cap(hint.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        area = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        lines = self.wrapped_lines(area.width())
        if len(lines) <= self._max_lines:
            super().paintEvent(event)
            return
        shown = [line.rstrip() for line in lines[: self._max_lines - 1]]
        rest = "".join(lines[self._max_lines - 1 :]).replace("\n", " ").strip()
        metrics = QFontMetrics(self.font())
        shown.append(metrics.elidedText(rest, self._elide, area.width()))
        painter = QPainter(self)
        y = area.top()
        for line in shown:
            line_area = area.adjusted(0, y - area.top(), 0, 0)
            line_area.setHeight(metrics.lineSpacing())
            self.style().drawItemText(
                painter, line_area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                self.palette(), self.isEnabled(), line, self.foregroundRole(),
            )
            y += metrics.lineSpacing()
        painter.end()
