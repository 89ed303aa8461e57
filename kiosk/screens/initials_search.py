"""办事's search by pinyin initials on on-screen letter keys ("sbk" finds 社保卡, "cxjm"
城乡居民…): a long catalog is narrowed without any Chinese text input (station.item_search,
the clerk's search). Hidden behind one touch, so a short list stays as it was. In English
the letters also match the first letters of the English names' words ("ssc": Social
Security Card), which every catalog item has (intake.catalog: name_en is required)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from intake.catalog import Catalog, ServiceItem
from kiosk.screens.item_pager import ItemPager
from kiosk.widgets import BigButton, Text
from station.item_search import ItemSearch

LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: two rows of letters, 删除 and 清空 at their ends: four rows of seven pushed the item
#: list off a 1024x768 screen in 关怀模式 and ran off its right edge (s12 #4); narrow
#: keys (padding mostly above and below: kiosk.theme's keypad="letter") keep thirteen
#: letters and 删除 within 1024 px, each still at least 60 px wide and a target high
COLUMNS = 13
MAX_LETTERS = 12
_READY_POLL_MS = 100
#: the pinyin initials are built this long after the list is first shown: loading
#: pypinyin and going through a large catalog holds the GIL for seconds, and begun at
#: once it doubled the time 办事 took to come up (s12 #5); a citizen reads the list first
_WARM_UP_DELAY_MS = 500


class InitialsSearch(QWidget):
    def __init__(self, pager: ItemPager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pager = pager
        self._items: tuple[ServiceItem, ...] = ()
        self._english = False
        self._finder: ItemSearch | None = None
        self._catalog: Catalog | None = None
        self.query = ""
        self._waiting = False  # a look for the initials being ready is queued
        self.toggle = BigButton("", self, role="secondary")
        self.toggle.setObjectName("findByInitials")
        self.toggle.setCheckable(True)
        self.toggle.clicked.connect(lambda: self._open(self.toggle.isChecked()))
        self.shown = Text("", self, role="card")
        self.shown.hide()
        self.pad = QWidget(self)
        grid = QGridLayout(self.pad)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.keys: dict[str, BigButton] = {}
        for n, letter in enumerate(LETTERS):
            key = BigButton(letter.upper(), self.pad)
            key.setProperty("keypad", "letter")
            key.clicked.connect(lambda _c=False, x=letter: self.type_letter(x))
            grid.addWidget(key, n // COLUMNS, n % COLUMNS)
            self.keys[letter] = key
        self.delete = BigButton(self.tr("Delete"), self.pad, role="secondary", whole=True)
        self.delete.clicked.connect(lambda: self._set_query(self.query[:-1]))
        self.clear_key = BigButton(self.tr("Clear"), self.pad, role="secondary", whole=True)
        self.clear_key.clicked.connect(lambda: self._set_query(""))
        for row, key in enumerate((self.delete, self.clear_key)):
            key.setProperty("keypad", "letter")
            grid.addWidget(key, row, COLUMNS)
        for column in range(COLUMNS):  # the letters share the width; 删除 takes its caption's
            grid.setColumnStretch(column, 1)
        self.pad.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.toggle)
        bar.addWidget(self.shown, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pad)

    def set_items(self, catalog: Catalog, items: Sequence[ServiceItem], english: bool) -> None:
        """The items to choose from (catalog order); the query, if any, applies to them."""
        if catalog is not self._catalog:  # a new catalog: its initials are built again
            self._catalog = catalog
            self._finder = ItemSearch(catalog)
            # pypinyin on its own thread, not on the GUI thread, once the list is up
            QTimer.singleShot(_WARM_UP_DELAY_MS, self, self._finder.warm_up)
        self._items = tuple(items)
        self._english = english
        self.toggle.set_caption(self.tr("Find by first letters") if english
                                else self.tr("Find by pinyin initials"))
        self._list()

    @property
    def initials_ready(self) -> bool:
        """The catalog's pinyin initials are built (until then letters match codes and
        English names only)."""
        return self._finder is not None and self._finder.initials_ready

    def type_letter(self, letter: str) -> None:
        if len(self.query) < MAX_LETTERS:
            self._set_query(self.query + letter)

    def reset(self) -> None:
        self.toggle.setChecked(False)
        self._open(False)

    def _open(self, on: bool) -> None:
        self.pad.setVisible(on)
        self.shown.setVisible(on)
        if not on:
            if self.query:  # the whole list again; nothing typed, nothing to re-list
                self._set_query("")
        else:
            self._show_query()

    def _set_query(self, query: str) -> None:
        self.query = query
        self._show_query()
        self._list()

    def _show_query(self) -> None:
        if self.query:
            self.shown.setText(self.tr("Initials: %1").replace("%1", self.query.upper()))
        elif self._english:  # the English names' first letters: Social Security Card
            self.shown.setText(self.tr("Touch the first letters of the words, e.g. S S C"))
        else:
            self.shown.setText(self.tr("Touch the first letters, e.g. S B K"))

    def _list(self) -> None:
        finder = self._finder
        items = self._items
        if self.query and finder is not None:
            english = self._english
            items = tuple(it for it in items
                          if finder.matches(it, self.query, english=english))
        self._pager.set_items([(it.code, it.name_en if self._english else it.name_zh)
                               for it in items])
        if self.query and finder is not None and not finder.initials_ready:
            # the catalog's initials are still being built (pypinyin, on its own thread):
            # no "nothing found" meanwhile; the list is made again once they are in
            self.shown.setText(self.tr("Initials: %1 — one moment…")
                               .replace("%1", self.query.upper()))
            if not self._waiting:
                self._waiting = True
                QTimer.singleShot(_READY_POLL_MS, self, self._ready_yet)
            return
        if self.query:
            self._show_query()
        if self.query and not items:
            self.shown.setText(self.tr("Initials: %1 — nothing found. Delete a letter.")
                               .replace("%1", self.query.upper()))

    def _ready_yet(self) -> None:
        self._waiting = False
        self._list()
