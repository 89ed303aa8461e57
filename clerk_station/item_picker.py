"""Pick a service item: entrance tabs, a filter box and the list."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLineEdit, QListView, QTabBar, QVBoxLayout, QWidget

from intake.catalog import Catalog, Entrance, ServiceItem
from station.item_search import ItemSearch
from ui_shared.plain_text import shown, tooltip

ItemRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
WARM_UP_DELAY_MS = 1500


class ServiceItemModel(QAbstractListModel):
    """A thin adapter over the catalog's items, filtered by entrance and text."""

    def __init__(self, catalog: Catalog, *, english: bool = False) -> None:
        super().__init__()
        self._catalog = catalog
        self._english = english
        self._entrance = Entrance.PERSONAL
        self._text = ""
        self._rows: list[ServiceItem] = []
        #: accepted cases per item code lately; most used first (catalog order otherwise)
        self._usage: dict[str, int] = {}
        self._search = ItemSearch(catalog)
        self._search.warm_up()
        self._refilter()

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._search = ItemSearch(catalog)
        # pypinyin's import costs most of a second of CPU: not while the window opens
        QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)
        self._refilter()

    def _warm_up(self) -> None:
        self._search.warm_up()

    def set_usage(self, usage: dict[str, int]) -> None:
        self._usage = dict(usage)
        self._refilter()

    def set_entrance(self, entrance: Entrance) -> None:
        self._entrance = entrance
        self._refilter()

    def set_filter(self, text: str) -> None:
        self._text = text.strip().lower()
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = [
            item
            for item in self._catalog.items
            if item.entrance == self._entrance and self._matches(item)
        ]
        if self._usage:  # sorted() is stable: equal counts keep the catalog's order
            self._rows = sorted(self._rows, key=lambda i: -self._usage.get(i.code, 0))
        self.endResetModel()

    def _matches(self, item: ServiceItem) -> bool:
        # code, names, department, short names (低保 社保卡 医保 公积金 …), pinyin initials
        return self._search.matches(item, self._text)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = item.name_en if self._english else item.name_zh
            dept = item.department_en if self._english else item.department_zh
            return f"{shown(name, limit=200)}\n{shown(dept, limit=200)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(item.code)
        if role == ItemRole:
            return item
        return None

    def item_at(self, row: int) -> ServiceItem:
        return self._rows[row]


class ItemPicker(QWidget):
    item_chosen = Signal(object)  # ServiceItem

    def __init__(
        self, catalog: Catalog, parent: QWidget | None = None, *, english: bool = False
    ) -> None:
        super().__init__(parent)
        self.tabs = QTabBar(self)
        self.tabs.addTab(self.tr("Personal"))
        self.tabs.addTab(self.tr("Legal entity"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Search items"))
        self.filter.setClearButtonEnabled(True)
        self.model = ServiceItemModel(catalog, english=english)
        self.view = QListView(self)
        self.view.setObjectName("itemList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setUniformItemSizes(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.tabs.currentChanged.connect(self._entrance_changed)
        self.filter.textChanged.connect(self.model.set_filter)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)

    def _entrance_changed(self, index: int) -> None:
        self.model.set_entrance(Entrance.PERSONAL if index == 0 else Entrance.LEGAL)

    def _clicked(self, index: QModelIndex) -> None:
        self.item_chosen.emit(self.model.item_at(index.row()))

    def choose_current(self) -> None:
        """Enter in the search: the highlighted item, else the first match."""
        if self.model.rowCount() == 0:
            return
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.model.index(0)
            self.view.setCurrentIndex(index)
        self._clicked(index)

    def mark(self, code: str) -> None:
        """Show ``code`` as the item in hand without choosing it again (a cancelled switch)."""
        for row in range(self.model.rowCount()):
            if self.model.item_at(row).code == code:
                self.view.setCurrentIndex(self.model.index(row))
                return
        self.view.clearSelection()

    def choose(self, code: str) -> ServiceItem:
        """Select an item by code (switching entrance tab and clearing the filter as needed)."""
        self.filter.clear()
        for tab, entrance in enumerate((Entrance.PERSONAL, Entrance.LEGAL)):
            self.tabs.setCurrentIndex(tab)
            for row in range(self.model.rowCount()):
                item = self.model.item_at(row)
                if item.code == code and item.entrance == entrance:
                    index = self.model.index(row)
                    self.view.setCurrentIndex(index)
                    self._clicked(index)
                    return item
        raise KeyError(code)
