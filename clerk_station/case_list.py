"""The clerk's case list: what was accepted here, whether it reached the
platform, what the department said, and what needs the clerk's hand.

A submission the platform refused is quarantined with a reason; the clerk
reads the reason here and, once the cause is dealt with, sends it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.catalog import Catalog
from station.cases import (
    CASE_PAGE,
    DELIVERED,
    NEEDS_ATTENTION,
    WAITING,
    CasePage,
    CaseRow,
    Upload,
    item_name,
)
from ui_shared.messages import stored_sync_text
from ui_shared.plain_text import PlainLabel, PlainTextModel, platform_status_text

_Index = QModelIndex | QPersistentModelIndex

#: a refresh reloads what the clerk has scrolled through, up to this many rows, so a
#: sync event does not yank the list back to the top (nor reread a huge list each time)
REFRESH_ROWS_MAX = 500


class CaseTableModel(QAbstractTableModel):
    """A thin adapter over pages of station.cases.CaseRow: the first page comes with
    each refresh, the following ones through canFetchMore/fetchMore as the view
    scrolls. ``fetch_page(cursor)`` starts loading off the GUI thread; its answer
    comes back through :meth:`append_page`."""

    COLUMNS = 8

    def __init__(
        self,
        catalog: Catalog,
        *,
        english: bool = False,
        fetch_page: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self._catalog = catalog
        self._english = english
        self._fetch_page = fetch_page
        self._rows: list[CaseRow] = []
        self._next_cursor: str | None = None
        #: the cursor of the page being fetched (one at a time), None when idle
        self._fetching: str | None = None

    @property
    def english(self) -> bool:
        return self._english

    def set_records(self, records: Sequence[CaseRow], next_cursor: str | None = None) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._next_cursor = next_cursor
        self._fetching = None  # a page asked for before the reset belongs to the old list
        self.endResetModel()

    def append_page(self, cursor: str, page: CasePage) -> None:
        if cursor != self._fetching:
            return  # the list was reloaded (refresh, other filter) while this was read
        self._fetching = None
        self._next_cursor = page.next_cursor
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def fetch_failed(self, cursor: str) -> None:
        if cursor == self._fetching:
            self._fetching = None  # the view may ask again when scrolled

    def canFetchMore(self, parent: _Index) -> bool:
        return (
            not parent.isValid()
            and self._fetch_page is not None
            and self._next_cursor is not None
            and self._fetching is None
        )

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent) or self._fetch_page is None:
            return
        assert self._next_cursor is not None
        self._fetching = self._next_cursor
        self._fetch_page(self._next_cursor)

    def record_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Receipt"),
            self.tr("Item"),
            self.tr("Applicant"),
            self.tr("Accepted at"),
            self.tr("Upload"),
            self.tr("Platform status"),
            self.tr("Case number"),
            self.tr("Note"),
        )[section]

    def _state(self, state: Upload) -> str:
        return {
            Upload.QUEUED: self.tr("Waiting to upload"),
            Upload.SENDING: self.tr("Uploading"),
            Upload.RETRY: self.tr("Will retry"),
            Upload.DELIVERED: self.tr("Delivered"),
            Upload.QUARANTINED: self.tr("Needs attention"),
        }[state]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.receipt_no
            if col == 1:
                return item_name(self._catalog, r.item_code, english=self._english)
            if col == 2:
                return r.applicant_label
            if col == 3:
                # the hall, its receipts and its receipt numbers run on Beijing time
                return r.accepted_at.strftime("%Y-%m-%d %H:%M")
            if col == 4:
                return self._state(r.upload)
            if col == 5:
                return platform_status_text(r.platform_status, where=r.receipt_no) or "—"
            if col == 6:
                return r.case_no or "—"
            return stored_sync_text(r.note, english=self._english)
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            if r.upload is Upload.QUARANTINED:
                return QColor("#c0392b")
            if r.upload is Upload.DELIVERED:
                return QColor("#1b7f4f")
        if role == Qt.ItemDataRole.ToolTipRole and col == 7 and r.note:
            return stored_sync_text(r.note, english=self._english)
        return None


class CaseListDialog(QDialog):
    requeue_requested = Signal(str)  # uuid

    # the filter box's entries, in order (labels are set in __init__ through tr)
    FILTER_STATES: tuple[tuple[Upload, ...] | None, ...] = (
        None,
        WAITING,
        NEEDS_ATTENTION,
        DELIVERED,
    )

    def __init__(
        self,
        load: Callable[[tuple[Upload, ...] | None], None],
        catalog: Catalog,
        parent: QWidget | None = None,
        *,
        english: bool = False,
        fetch_more: Callable[[tuple[Upload, ...] | None, str], None] | None = None,
    ) -> None:
        """``load(states)`` reads the first :attr:`refresh_limit` rows and answers
        with :meth:`show_records`; ``fetch_more(states, cursor)`` reads the page
        after ``cursor`` and answers with ``model.append_page``."""
        super().__init__(parent)
        self.setObjectName("caseList")
        self.setWindowTitle(self.tr("Cases accepted at this window"))
        self._load = load
        fetch_page = (
            None if fetch_more is None else (lambda cursor: fetch_more(self.states, cursor))
        )
        self.model = CaseTableModel(catalog, english=english, fetch_page=fetch_page)
        self.filter = QComboBox(self)
        for label in (
            self.tr("All"),
            self.tr("Not yet delivered"),
            self.tr("Needs attention"),
            self.tr("Delivered"),
        ):
            self.filter.addItem(label)
        self.table = QTableView(self)
        self.table.setModel(PlainTextModel(self.model, self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reason = PlainLabel("", self, multiline=True)
        self.reason.setObjectName("error")
        self.reason.setWordWrap(True)
        self.requeue = QPushButton(self.tr("Send again"), self)
        self.requeue.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.requeue)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1100, 560)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.requeue.clicked.connect(self._requeue)

    @property
    def states(self) -> tuple[Upload, ...] | None:
        return self.FILTER_STATES[self.filter.currentIndex()]

    @property
    def refresh_limit(self) -> int:
        """How many rows a refresh reads: what is shown now (at least one page)."""
        return min(max(CASE_PAGE, self.model.rowCount()), REFRESH_ROWS_MAX)

    def refresh(self) -> None:
        self._load(self.states)

    def show_page(self, page: CasePage) -> None:
        self.show_records(page.rows, page.next_cursor)

    def show_records(self, records: Sequence[CaseRow], next_cursor: str | None = None) -> None:
        # refreshes come with every sync event: keep the clerk's selection across them
        index = self.table.currentIndex()
        keep = self.model.record_at(index.row()).uuid if index.isValid() else None
        self.model.set_records(records, next_cursor)
        self.reason.setText("")
        self.requeue.setEnabled(False)
        for row in range(self.model.rowCount()):
            if self.model.record_at(row).uuid == keep:
                self.table.selectRow(row)
                self._selected(self.model.index(row, 0), QModelIndex())
                break

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        r = self.model.record_at(current.row())
        self.requeue.setEnabled(r.stuck)
        reason = stored_sync_text(r.note, english=self.model.english)
        self.reason.setText(reason if r.stuck else "")

    def _requeue(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.requeue.setEnabled(False)
            self.requeue_requested.emit(self.model.record_at(index.row()).uuid)
