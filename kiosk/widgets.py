"""Small widgets the kiosk screens share: text with generous leading, big buttons,
an on-screen QR code. All text is plain text (untrusted data never becomes markup)."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintEvent,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui_shared.qt_by_name import set_by_name

#: line height as a multiple of the font's pixel size (适老化: at least 1.3)
LINE_SPACING = 1.45


ELLIPSIS = "…"


def elide_right(text: str, fm: QFontMetricsF, width: float) -> str:
    """`text` cut to fit `width`, ending in "…" when cut (QFontMetricsF.elidedText's
    ElideRight without the Qt namespace, which a title still being laid out would load
    before the attract screen is up)."""
    if fm.horizontalAdvance(text) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        mid = (low + high + 1) // 2
        if fm.horizontalAdvance(text[:mid].rstrip() + ELLIPSIS) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


class Text(QLabel):
    """A plain-text label that lays its lines out with LINE_SPACING leading
    (QLabel uses the font's own, about 1.18 for the CJK fonts we ship)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent)
        # by name: the attract screen comes up before anything loads the Qt namespace
        # (ui_shared.qt_by_name)
        set_by_name(self, "textFormat", "PlainText")
        self.setWordWrap(True)
        set_by_name(self, "textInteractionFlags", "NoTextInteraction")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)  # layouts give wrapped text the height it needs
        self.setSizePolicy(policy)
        if role:
            self.setProperty("role", role)
        #: laid-out lines of the current text by (font, width): layouts ask
        #: heightForWidth many times while the window first comes up (~0.2 s uncached).
        #: Emptied with every new text, so no earlier (personal) text outlives a wipe.
        self._line_cache: dict[tuple[str, float], list[tuple[str, float]]] = {}
        #: more lines than this are cut, the last one shown ending in "…" (0: no limit)
        self.max_lines = 0
        self.setText(text)

    def setText(self, text: str) -> None:
        self._line_cache.clear()
        super().setText(text)

    def clear(self) -> None:
        self._line_cache.clear()
        super().clear()

    def line_height(self) -> float:
        return max(QFontMetricsF(self.font()).height(), self._px() * LINE_SPACING)

    def _px(self) -> float:
        px = self.font().pixelSize()
        return float(px if px > 0 else QFontMetricsF(self.font()).height())

    def _lines(self, width: float) -> list[tuple[str, float]]:
        """The text broken into lines that fit `width`: (line, natural width)."""
        key = (self.font().key(), width)
        cached = self._line_cache.get(key)
        if cached is None:
            if len(self._line_cache) >= 16:  # fonts and widths change: keep it small
                self._line_cache.clear()
            cached = self._line_cache[key] = self._layout_lines(width)
        return list(cached)

    def _layout_lines(self, width: float) -> list[tuple[str, float]]:
        out: list[tuple[str, float]] = []
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        for paragraph in self.text().split("\n"):
            layout = QTextLayout(paragraph, self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(10.0, width))
                start, length = line.textStart(), line.textLength()
                if self.max_lines and len(out) == self.max_lines - 1:
                    fm = QFontMetricsF(self.font())
                    rest = paragraph[start:].strip()
                    shown = elide_right(rest, fm, max(10.0, width))
                    out.append((shown, fm.horizontalAdvance(shown)))
                    break
                out.append((paragraph[start : start + length].rstrip(), line.naturalTextWidth()))
            layout.endLayout()
            if self.max_lines and len(out) >= self.max_lines:
                break
        return out

    def _inner_width(self, width: int) -> float:
        m = self.contentsMargins()
        return float(width - m.left() - m.right() - 2 * self.margin())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        h = len(self._lines(self._inner_width(width))) * self.line_height()
        m = self.contentsMargins()
        return int(h + m.top() + m.bottom() + 2 * self.margin() + 1)

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        longest = max((fm.horizontalAdvance(p) for p in self.text().split("\n")), default=0.0)
        m = self.contentsMargins()
        width = int(min(longest, 1400) + m.left() + m.right() + 2 * self.margin() + 2)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(int(self._px() * 4), int(self.line_height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        # the style sheet's background and border (role="card", "warn"), then our text;
        # QFrame paints with its own painter, so ours starts after it has finished
        from PySide6.QtCore import Qt  # loaded by the first paint, after the ready line

        QFrame.paintEvent(self, event)
        from PySide6.QtGui import QPainter  # its enums load with the first paint

        painter = QPainter(self)
        inner = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        lines = self._lines(float(inner.width()))
        step = self.line_height()
        top = float(inner.top())
        if self.alignment() & Qt.AlignmentFlag.AlignVCenter:
            top += max(0.0, (inner.height() - step * len(lines)) / 2)
        fm = QFontMetricsF(self.font())
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        centred = bool(self.alignment() & Qt.AlignmentFlag.AlignHCenter)
        for n, (text, natural) in enumerate(lines):
            x = inner.left() + ((inner.width() - natural) / 2 if centred else 0.0)
            baseline = top + n * step + (step - fm.height()) / 2 + fm.ascent()
            painter.drawText(QPointF(x, baseline), text)


class StepStack(QWidget):
    """Steps shown one at a time, like a QStackedWidget, but asking only for the room of
    the step on screen: a stacked layout asks for its tallest page's height-for-width,
    so the long review page pushed every step's buttons off a 768-line screen. The
    steps sit in a box layout, all hidden but one (a box layout skips hidden widgets)."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._current = -1
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current < 0:
            self._current = 0
        else:
            page.hide()
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if self._pages else None

    def setCurrentIndex(self, index: int) -> None:
        if index == self._current or not 0 <= index < len(self._pages):
            return
        self._pages[self._current].hide()
        self._current = index
        self._pages[index].show()
        self.currentChanged.emit(index)


class ScrollingPanel(QScrollArea):
    """Content that scrolls when the screen is too short for it, so that the actions
    laid out after it stay on screen (a long summary or list scrolls; the button that
    acts on it never does). It asks only for its minimum height and grows into what
    is left: a page sized by height-for-width takes every child's preferred height,
    which for a plain scroll area is its whole content."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        from kiosk.drag_scroll import drag_to_scroll  # not with the attract screen

        drag_to_scroll(self)  # a finger drags the list, not only the scroll bar

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        # the scroll bar asks for room for arrows the style sheet hides (214 px in
        # 关怀模式): twice its width holds its handle, and the pinyin pad with the page
        # buttons keeps the list on a 1024x768 screen (s12 #4)
        least = super().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        least.setHeight(min(least.height(), 2 * bar + frame))
        return least


def scrolling(content: QWidget, parent: QWidget | None = None) -> ScrollingPanel:
    return ScrollingPanel(content, parent)


CHECK_MARK = "✓ "


#: where a caption may break besides a space (invisible): "非常\u200b不满意"
SOFT_BREAK = "\u200b"
#: a wrapped caption's lines at the most, the last ending in "…" when cut: a catalog's
#: 200-character name made a button taller than the list around it, and wrapping it at
#: the few pixels a button has before it is laid out cost seconds (s12 #5)
MAX_CAPTION_LINES = 6


class BigButton(QPushButton):
    """A touch button. A checked button says so in words (a ✓), not only in colour.

    With `wrap`, a caption wider than the room the button is given is broken into lines
    at its spaces and SOFT_BREAKs (a word wider still, anywhere): a long English choice
    or a five-character rating in 关怀模式 on a 1024-wide screen is read whole on two
    lines instead of clipped on one."""

    def __init__(self, text: str, parent: QWidget | None = None, *, role: str = "",
                 wrap: bool = False, whole: bool = False) -> None:
        # "&" marks a shortcut for a QPushButton: a catalog's "出生登记&户口申报" lost its
        # "&" and underlined 户; a touch kiosk has no shortcuts, so every "&" is shown
        super().__init__(_literal(text.replace(SOFT_BREAK, "")), parent)
        self._caption = text
        self._wrap = wrap
        #: never narrower than its caption on one line (a layout short of room squeezes
        #: the others first): 删除 beside a row of letter keys
        self._whole = whole
        if role:
            self.setProperty("role", role)
        set_by_name(self, "focusPolicy", "NoFocus")  # touch only: no focus rectangles
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toggled.connect(self._mark)

    def set_caption(self, text: str) -> None:
        self._caption = text
        self._mark(self.isChecked())

    def _mark(self, checked: bool) -> None:
        self._show_caption((CHECK_MARK if checked else "") + self._caption)

    def _show_caption(self, full: str) -> None:
        text = _wrapped(full, self.font(), self._room()) if self._wrap else full
        text = _literal(text.replace(SOFT_BREAK, ""))
        if text != self.text():
            self.setText(text)
        if self._whole:
            self._keep_whole()
        if self._wrap:
            # every line of a wrapped caption needs its height: the style sheet's
            # min-height is one line's, and a list in a short page (English 关怀模式 at
            # 1024x768) squeezed each item to it, cutting its caption at the top and
            # bottom (s12 #4); the list scrolls instead
            least = self.sizeHint().height()
            if self.minimumHeight() != least:
                self.setMinimumHeight(least)

    def caption(self) -> str:
        """The caption as given (with its SOFT_BREAKs, without line breaks of its own)."""
        return self._caption

    def caption_room(self) -> float:
        """The width the button leaves its caption (less its border and padding)."""
        return self._room()

    def _room(self) -> float:
        # imported on the first wrapped caption: QStyle's 17 enums cost ~7 ms of the
        # kiosk's cold start, and the attract screen has no wrapped caption (#12)
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        option = QStyleOptionButton()
        self.initStyleOption(option)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                            self)
        return float(min(inner.width(), self.contentsRect().width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._wrap:
            self._mark(self.isChecked())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            if self._wrap:
                self._mark(self.isChecked())
            elif self._whole:
                self._keep_whole()

    def _keep_whole(self) -> None:
        least = self.sizeHint().width()
        if self.minimumWidth() != least:
            self.setMinimumWidth(least)


def wrapped_caption(caption: str, font: QFont, room: float) -> str:
    """`caption` broken into the lines a wrapping BigButton `room` px wide shows."""
    return _wrapped(caption, font, room)


def _literal(caption: str) -> str:
    """`caption` as a button shows it letter for letter (no "&" shortcut marks)."""
    return caption.replace("&", "&&")


def _wrapped(caption: str, font: QFont, room: float) -> str:
    """`caption` with line breaks so that each line fits `room` px where it can."""
    fm = QFontMetricsF(font)
    out: list[str] = []
    for paragraph in caption.split("\n"):
        # words and what stood between them: a space, or nothing (a SOFT_BREAK)
        tokens = re.split(f"([ {SOFT_BREAK}])", paragraph)
        line = tokens[0]
        for joiner, word in zip(tokens[1::2], tokens[2::2], strict=True):
            candidate = line + joiner.replace(SOFT_BREAK, "") + word
            if not line or fm.horizontalAdvance(candidate) <= room:
                line = candidate
            elif word:
                out.append(line)
                line = word
        out.append(line)
    lines: list[str] = []
    for n, line in enumerate(out):  # a single word wider than the room: broken anywhere
        while len(line) > 1 and fm.horizontalAdvance(line) > room:
            if len(lines) == MAX_CAPTION_LINES - 1:
                break
            cut = _longest_fitting(line, fm, room)
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
        if len(lines) >= MAX_CAPTION_LINES:
            rest = " ".join([line, *out[n + 1:]]) if n + 1 < len(out) else line
            if len(lines) > MAX_CAPTION_LINES or rest != line \
                    or fm.horizontalAdvance(line) > room:
                del lines[MAX_CAPTION_LINES - 1:]
                lines.append(elide_right(rest, fm, room))
            break
    return "\n".join(lines)


def _longest_fitting(text: str, fm: QFontMetricsF, room: float) -> int:
    """How many of `text`'s first characters fit `room` (at least one), by bisection: a
    200-character name without spaces was cut one character at a time, re-measuring
    the whole rest each time (755 000 measurements, 2.4-3.2 s opening 办事: s12 #5)."""
    low, high = 1, len(text) - 1  # the answer lies in [low, high]
    while low < high:
        mid = (low + high + 1) // 2
        if fm.horizontalAdvance(text[:mid]) <= room:
            low = mid
        else:
            high = mid - 1
    return low


class QrView(QWidget):
    """A receipt's QR code drawn on screen (for a phone to photograph when paper is out)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.payload = ""
        self.setMinimumSize(QSize(280, 280))
        self.setAccessibleName(self.tr("Receipt QR code"))

    def set_payload(self, payload: str) -> None:
        self.payload = payload
        # loaded with the first QR shown, not with the attract screen (cold start)
        from devices.printer.receipt import qr_matrix

        self._matrix = qr_matrix(payload) if payload else []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter  # its enums load with the first paint

        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self._matrix:
            return
        n = len(self._matrix) + 8  # quiet zone of 4 modules each side
        side = min(self.width(), self.height())
        cell = side / n
        x0 = (self.width() - side) / 2 + 4 * cell
        y0 = (self.height() - side) / 2 + 4 * cell
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    rect = QRectF(x0 + c * cell, y0 + r * cell, cell + 0.5, cell + 0.5)
                    painter.fillRect(rect, QColor("#000000"))
