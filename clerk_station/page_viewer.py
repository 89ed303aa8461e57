"""A captured page at reading size: zoom, rotate, step through the material's pages.

Everything is on the keyboard: + / - (or Ctrl++ / Ctrl+-) zoom, 0 fits the page to
the window, R rotates a quarter turn clockwise (Shift+R back), Page Up / Page Down
(or ← / →) step through the pages, Esc closes. Rotation only turns the view: the
stored page (its SHA-256 is in the manifest) never changes. The page is decrypted
and decoded off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui_shared.plain_text import PlainLabel
from ui_shared.screen_fit import resize_within_screen
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0


def _decode(data: bytes) -> QImage:
    image = QImage()
    if not image.loadFromData(data):
        raise ValueError("the stored page is not a readable image")
    return image


class PageViewer(QDialog):
    def __init__(
        self,
        page_bytes: Callable[[str], bytes],
        tasks: TaskRunner,
        pages: Sequence[str],
        index: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageViewer")
        self.setWindowTitle(self.tr("Page viewer"))
        self._page_bytes = page_bytes
        self._tasks = tasks
        self._pages = tuple(pages)
        self.index = max(0, min(index, len(self._pages) - 1))
        self.zoom = 1.0  # 1.0 = fit to the window
        self.rotation = 0  # degrees clockwise, a multiple of 90
        self._image: QImage | None = None
        self.image_label = QLabel(self)
        self.image_label.setObjectName("pageImage")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.image_label)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position = PlainLabel("", self)
        self.position.setObjectName("pagePosition")
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, label, keys, slot in (
            ("previous", self.tr("◀ Previous"), ("PgUp", "Left"), lambda: self.step(-1)),
            ("next", self.tr("Next ▶"), ("PgDown", "Right"), lambda: self.step(+1)),
            ("zoom_out", self.tr("Zoom out (-)"), ("-", "Ctrl+-"), self.zoom_out),
            ("zoom_in", self.tr("Zoom in (+)"), ("+", "=", "Ctrl++", "Ctrl+="), self.zoom_in),
            ("fit", self.tr("Fit (0)"), ("0", "Ctrl+0"), self.fit),
            ("rotate", self.tr("Rotate (R)"), ("R", "Ctrl+R"), lambda: self.rotate(90)),
        ):
            button = QPushButton(label, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        QShortcut(QKeySequence("Shift+R"), self, lambda: self.rotate(-90))
        buttons.addStretch(1)
        buttons.addWidget(self.position)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.scroller, 1)
        resize_within_screen(self, 900, 1000)
        self._load()

    @property
    def image(self) -> QImage | None:
        return self._image

    def step(self, delta: int) -> None:
        target = self.index + delta
        if 0 <= target < len(self._pages) and target != self.index:
            self.index = target
            self.rotation = 0
            self._load()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_by(self, factor: float) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        self._show()

    def fit(self) -> None:
        self.zoom = 1.0
        self._show()

    def rotate(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        self._show()

    def _load(self) -> None:
        self._image = None
        self.image_label.setText(self.tr("Loading…"))
        self.position.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self._pages)))
        )
        self.buttons["previous"].setEnabled(self.index > 0)
        self.buttons["next"].setEnabled(self.index < len(self._pages) - 1)
        if not self._pages:
            return
        sha, read, shown = self._pages[self.index], self._page_bytes, self.index
        self._tasks.image(
            lambda: _decode(read(sha)),
            lambda image: self._loaded(shown, image),
            lambda e: self._failed(shown, e),
        )

    def _loaded(self, index: int, image: QImage) -> None:
        if not shiboken6.isValid(self.scroller):  # closed before the page was decoded
            return
        if index == self.index:  # the clerk may have stepped on meanwhile
            self._image = image
            self._show()

    def _failed(self, index: int, error: BaseException) -> None:
        log.warning("page viewer: page %d unreadable: %r", index, error)
        if index == self.index and shiboken6.isValid(self.image_label):
            self.image_label.setText(self.tr("This page cannot be shown."))

    def shown_size(self) -> tuple[int, int]:
        pixmap = self.image_label.pixmap()
        return (pixmap.width(), pixmap.height()) if not pixmap.isNull() else (0, 0)

    def _show(self) -> None:
        if self._image is None:
            return
        turned = self._image.transformed(QTransform().rotate(self.rotation))
        room = self.scroller.viewport().size()
        fit = min(
            max(room.width() - 4, 50) / max(turned.width(), 1),
            max(room.height() - 4, 50) / max(turned.height(), 1),
        )
        scale = fit * self.zoom
        size = turned.size() * scale
        pixmap = QPixmap.fromImage(
            turned.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.image_label.setPixmap(pixmap)
        self.image_label.resize(pixmap.size())
