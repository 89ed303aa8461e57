"""The pages of the material in hand, as thumbnails: the clerk sees what was filed,
puts pages in order and deletes a wrong one. Thumbnails are made off the GUI
thread from the stored (encrypted) pages."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_station.page_viewer import PageViewer
from station.intake_session import SessionState
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)
THUMB = QSize(90, 127)  # A4 proportions


def _thumbnail(data: bytes) -> QImage:
    image = QImage()
    if not image.loadFromData(data):
        raise ValueError("the stored page is not a readable image")
    return image.scaled(
        THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class PageStrip(QWidget):
    move_requested = Signal(str, str, int)  # material code, sha256, new index
    delete_requested = Signal(str, str)  # material code, sha256

    def __init__(
        self, page_bytes: Callable[[str], bytes], tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._page_bytes = page_bytes
        self._tasks = tasks
        self._thumbs: dict[str, QPixmap] = {}
        self._material: str | None = None
        self._pages: tuple[str, ...] = ()
        self.list = QListWidget(self)
        self.list.setObjectName("pageStrip")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(THUMB)
        self.list.setFixedHeight(THUMB.height() + 44)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.earlier = QPushButton(self.tr("◀ Earlier"), self)
        self.later = QPushButton(self.tr("Later ▶"), self)
        self.delete = QPushButton(self.tr("Delete page"), self)
        self.delete.setObjectName("deletePage")
        self.view = QPushButton(self.tr("View page…"), self)
        self.view.setObjectName("viewPage")
        self.view.setToolTip(self.tr("Zoom and rotate (Enter or double-click on a page)"))
        self.viewer: PageViewer | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.view)
        buttons.addWidget(self.earlier)
        buttons.addWidget(self.later)
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.earlier.clicked.connect(lambda: self._move(-1))
        self.later.clicked.connect(lambda: self._move(+1))
        self.delete.clicked.connect(self._delete)
        self.view.clicked.connect(self.open_viewer)
        self.list.itemActivated.connect(lambda _item: self.open_viewer())  # Enter, double-click
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self._enable()

    def show_state(self, state: SessionState) -> None:
        material = state.current_material
        pages = state.pages.get(material, ()) if material else ()
        if material == self._material and pages == self._pages:
            return
        selected = self.selected_page()
        self._material, self._pages = material, pages
        self.list.clear()
        for n, sha in enumerate(pages, start=1):
            item = QListWidgetItem(self.tr("Page %1").replace("%1", str(n)))
            item.setData(Qt.ItemDataRole.UserRole, sha)
            if sha in self._thumbs:
                item.setIcon(QIcon(self._thumbs[sha]))
            else:
                self._load(sha)
            self.list.addItem(item)
            if sha == selected:
                self.list.setCurrentItem(item)
        self._enable()

    def selected_page(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _load(self, sha: str) -> None:
        read = self._page_bytes
        self._tasks.image(
            lambda: _thumbnail(read(sha)),
            lambda image: self._loaded(sha, image),
            lambda e: log.warning("thumbnail of %s failed: %r", sha[:12], e),
        )

    def _loaded(self, sha: str, image: QImage) -> None:
        self._thumbs[sha] = QPixmap.fromImage(image)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == sha:
                item.setIcon(QIcon(self._thumbs[sha]))

    def _move(self, step: int) -> None:
        sha, row = self.selected_page(), self.list.currentRow()
        if sha is not None and self._material is not None:
            self.move_requested.emit(self._material, sha, row + step)

    def open_viewer(self) -> PageViewer | None:
        """The selected page (else the first) large, with zoom and rotation."""
        if not self._pages:
            return None
        sha = self.selected_page()
        index = self._pages.index(sha) if sha in self._pages else 0
        viewer = PageViewer(self._page_bytes, self._tasks, self._pages, index, self.window())
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.destroyed.connect(lambda: setattr(self, "viewer", None))
        self.viewer = viewer
        viewer.open()
        return viewer

    def _delete(self) -> None:
        sha = self.selected_page()
        if sha is not None and self._material is not None:
            self.delete_requested.emit(self._material, sha)

    def _enable(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.earlier.setEnabled(row > 0)
        self.later.setEnabled(0 <= row < count - 1)
        self.delete.setEnabled(row >= 0)
        self.view.setEnabled(count > 0)
