"""办事's item list, a page at a time: the same few big buttons re-labelled for each page,
with 上一页 / 下一页 (main actions, 适老化 size) and "第 n / m 页" when there is more than
one page. What the screen costs (building it, 关怀模式, the wipe between citizens)
stays that of one page however large the catalog: 4 027 kiosk-enabled items had made
one button each (opening 办事 took 16 s, the 关怀模式 toggle 7 s, a reset 9.5 s)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.widgets import BigButton, Text
from ui_shared.qt_by_name import set_by_name

#: items on one page: the whole of a small catalog (the seed's 13) on one page, scrolled
#: like before; a large one in pages of this many
PAGE_SIZE = 16


class ItemPager(QWidget):
    chosen = Signal(str)  # the item code

    def __init__(self, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._items: tuple[tuple[str, str], ...] = ()
        self._page = 0
        self.nav_shown = False
        self._list = QVBoxLayout()
        #: the page's buttons, by the code of the item each shows now
        self.buttons: dict[str, BigButton] = {}
        self._pool: list[BigButton] = []
        self.previous = BigButton(self.tr("Previous page"), None, role="main")
        self.previous.setObjectName("itemsPrevious")
        self.previous.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next = BigButton(self.tr("Next page"), None, role="main")
        self.next.setObjectName("itemsNext")
        self.next.clicked.connect(lambda: self.show_page(self._page + 1))
        self.where = Text("")
        set_by_name(self.where, "alignment", "AlignCenter")
        #: 上一页 / 第 n / m 页 / 下一页: for the screen to place where it stays in view
        #: (under the scrolling list, not at its end)
        self.nav = QWidget()
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.previous)
        nav.addWidget(self.where, 1)
        nav.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list)
        layout.addStretch(1)

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        """(code, caption) of every item, in catalog order; back to the first page."""
        self._items = tuple(items)
        self.show_page(0)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self._items) // self.page_size))

    @property
    def page(self) -> int:
        return self._page

    def show_page(self, page: int) -> None:
        self._page = min(max(0, page), self.pages - 1)
        start = self._page * self.page_size
        shown = self._items[start : start + self.page_size]
        while len(self._pool) < len(shown):
            button = BigButton("", self, role="main", wrap=True)
            index = len(self._pool)
            button.clicked.connect(lambda _c=False, i=index: self._clicked(i))
            self._list.addWidget(button)
            self._pool.append(button)
        self.buttons = {}
        for button, (code, caption) in zip(self._pool, shown, strict=False):
            button.set_caption(caption)
            button.show()
            self.buttons[code] = button
        for button in self._pool[len(shown):]:
            button.hide()
        several = self.pages > 1
        self.nav.setVisible(several)
        self.nav_shown = several
        self.previous.setEnabled(self._page > 0)
        self.next.setEnabled(self._page < self.pages - 1)
        self.where.setText(self.tr("Page %1 of %2").replace("%1", str(self._page + 1))
                           .replace("%2", str(self.pages)))

    def _clicked(self, index: int) -> None:
        start = self._page * self.page_size
        if start + index < len(self._items):
            self.chosen.emit(self._items[start + index][0])
