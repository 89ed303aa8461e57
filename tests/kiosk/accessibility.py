"""Measure the 适老化 minimums from live widgets: sizes, fonts, leading, rendered contrast."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QListWidget,
    QScrollBar,
    QWidget,
)

from kiosk.theme import (
    MIN_ACTION_PX,
    MIN_BODY_PX,
    MIN_CONTRAST,
    MIN_LINE_SPACING,
    MIN_TARGET_DIP,
    Theme,
    contrast_ratio,
)
from kiosk.widgets import CHECK_MARK, BigButton, Text


def _shown(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(root) and w.isVisible()]


class WindowShot:
    """One rendering of a top-level window, to read any shown widget's pixels from (a
    transparent label shows what is behind it). One grab per check instead of two per
    widget measured: the pixels are the same, the window is painted once."""

    def __init__(self, top: QWidget) -> None:
        self.top = top
        image = top.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        self.ratio = image.devicePixelRatio()
        w, h = image.width(), image.height()
        buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
        # copied as it is (the QImage's memory goes with it when this returns), a row at a
        # time; red, green and blue read through a view (copying the channels reversed
        # took 16 ms a shot)
        bgra = buf.reshape(h, image.bytesPerLine() // 4, 4)[:, :w].copy()
        self.rgb = bgra[:, :, 2::-1]

    def pixels(self, widget: QWidget, region: QRect) -> tuple[QColor, np.ndarray]:
        """The colour at `region`'s corner (one pixel in) and all of `region`'s pixels;
        `region` in the widget's coordinates."""
        ratio = self.ratio
        origin = widget.mapTo(self.top, QPoint(0, 0))
        x0, y0 = int(origin.x() * ratio), int(origin.y() * ratio)
        w, h = int(widget.width() * ratio), int(widget.height() * ratio)
        arr = self.rgb[y0 : y0 + h, x0 : x0 + w]
        h, w = arr.shape[:2]
        r = QRect(int(region.x() * ratio), int(region.y() * ratio),
                  int(region.width() * ratio), int(region.height() * ratio)).intersected(
            QRect(0, 0, w, h))
        patch = arr[r.top() : r.bottom() + 1, r.left() : r.right() + 1]
        bg = patch[1, 1] if patch.shape[0] > 2 and patch.shape[1] > 2 else arr[h // 2, 2]
        return QColor(int(bg[0]), int(bg[1]), int(bg[2])), patch.reshape(-1, 3)


def rendered_contrast(widget: QWidget, shot: WindowShot | None = None) -> float:
    """Contrast between the background and the most distinct ink in the text area
    (read from `shot`, a rendering of the widget's window, or from a new one)."""
    visible = widget.visibleRegion().boundingRect()
    if visible != widget.rect():  # (partly) scrolled out of sight: nothing to measure
        return 21.0
    if isinstance(widget, QAbstractButton):
        # inside the 3 px border, clear of the rounded corners: background, then the text
        rect = widget.rect()
        bg_region = QRect(rect.width() // 2 - 2, 5, 4, 4)
        text_region = rect.adjusted(rect.width() // 8, rect.height() // 5, -rect.width() // 8,
                                    -rect.height() // 5)
    else:
        text_region = widget.contentsRect()
        bg_region = QRect(text_region.left(), text_region.top(), 4, 4)
    text_region = text_region.intersected(visible)
    if not visible.contains(bg_region) or text_region.isEmpty():
        return 21.0
    if shot is None:
        shot = WindowShot(widget.window())
    bg, _ = shot.pixels(widget, bg_region)
    _, ink = shot.pixels(widget, text_region)
    if ink.size == 0:
        return 21.0
    lum = ink @ np.array([0.2126, 0.7152, 0.0722])
    bg_l = 0.2126 * bg.red() + 0.7152 * bg.green() + 0.0722 * bg.blue()
    far = ink[int(np.argmax(np.abs(lum - bg_l)))]
    return contrast_ratio(bg, QColor(int(far[0]), int(far[1]), int(far[2])))


def check_minimums(root: QWidget, theme: Theme, where: str) -> int:
    """Assert every shown widget meets the minimums; returns how many were measured."""
    QApplication.processEvents()
    measured = 0
    shot = WindowShot(root.window())
    for w in _shown(root):
        if isinstance(w, QAbstractButton) and w.text():
            assert w.width() >= MIN_TARGET_DIP and w.height() >= MIN_TARGET_DIP, (where, w.text())
            assert w.height() >= theme.target_px - 1, (where, w.text(), w.height())
            px = w.font().pixelSize()
            minimum = MIN_ACTION_PX if w.property("role") == "main" else MIN_BODY_PX
            assert px >= minimum, (where, w.text(), px)
            if w.isCheckable():  # state in words too, never colour alone
                assert w.text().startswith(CHECK_MARK) == w.isChecked(), (where, w.text())
                assert isinstance(w, BigButton)
            ratio = rendered_contrast(w, shot)
            assert ratio >= MIN_CONTRAST, (where, w.text(), round(ratio, 2))
            measured += 1
        elif isinstance(w, QLabel) and w.text().strip():
            assert isinstance(w, Text), (where, "plain QLabel", w.text())
            px = w.font().pixelSize()
            assert px >= MIN_BODY_PX, (where, w.text(), px)
            if w.property("role") in ("title", "heading"):
                assert px >= MIN_ACTION_PX, (where, w.text(), px)
            assert w.line_height() / px >= MIN_LINE_SPACING, (where, w.text())
            ratio = rendered_contrast(w, shot)
            assert ratio >= MIN_CONTRAST, (where, w.text(), round(ratio, 2))
            measured += 1
        elif isinstance(w, QListWidget) and w.count():
            assert w.font().pixelSize() >= MIN_BODY_PX, where
            for row in range(w.count()):
                rect = w.visualItemRect(w.item(row))
                if rect.isValid() and rect.intersects(w.viewport().rect()):
                    assert rect.height() >= MIN_TARGET_DIP, (where, w.item(row).text())
            measured += 1
        elif isinstance(w, QScrollBar):
            assert w.width() >= MIN_TARGET_DIP, (where, "scroll bar", w.width())
    return measured
