"""The ledger's table model: pages of ``station.ledger.LedgerRow`` fetched on demand.

``canFetchMore``/``fetchMore`` load the next keyset page through the TaskRunner
(never on the GUI thread), so scrolling through 100 000 cases stays smooth and
only the rows seen are ever loaded.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from station.ledger import LedgerCursor, LedgerPage, LedgerQuery, LedgerRow
from ui_shared.messages import user_message
from ui_shared.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex

Search = Callable[[LedgerQuery, LedgerCursor | None], LedgerPage]

SYNC_LABELS_EN = {
    "queued": "Waiting",
    "sending": "Sending",
    "retry": "Retrying",
    "delivered": "Delivered",
    "quarantined": "Needs attention",
}
SYNC_LABELS_ZH = {
    "queued": "待上报",
    "sending": "上报中",
    "retry": "等待重试",
    "delivered": "已上报",
    "quarantined": "需处理",
}


class LedgerModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    failed = Signal(str)

    COLUMNS = 9

    def __init__(self, search: Search, tasks: TaskRunner, *, english: bool = False) -> None:
        super().__init__()
        self._search = search
        self._tasks = tasks
        self._english = english
        self._rows: list[LedgerRow] = []
        self._query: LedgerQuery | None = None
        self._cursor: LedgerCursor | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self._headers = (
            self.tr("Receipt no."),
            self.tr("Accepted"),
            self.tr("Item"),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Clerk"),
            self.tr("Queue no."),
            self.tr("Upload"),
            self.tr("Platform status"),
        )

    # -- queries ----------------------------------------------------------------

    def run(self, query: LedgerQuery) -> None:
        """Start a new search: clears the table and loads the first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._query = query
        self._cursor = None
        self._more = True
        self._loading = False
        self.endResetModel()
        self._load()

    def _load(self) -> None:
        if self._query is None or self._loading or not self._more:
            return
        self._loading = True
        self.loading_changed.emit(True)
        query, cursor, generation = self._query, self._cursor, self._generation
        self._tasks.disk(
            lambda: self._search(query, cursor),
            lambda page: self._loaded(generation, page),
            lambda e: self._load_failed(generation, e),
        )

    def _loaded(self, generation: int, page: LedgerPage) -> None:
        if generation != self._generation:
            return  # an older search answered late
        self._loading = False
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._more = page.next_cursor is not None
        self.loading_changed.emit(False)

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = False
        self.loading_changed.emit(False)
        self.failed.emit(user_message(error, fallback=type(error).__name__))

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        return self._more

    def row_at(self, row: int) -> LedgerRow:
        return self._rows[row]

    # -- Qt model -----------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._load()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return r.receipt_no
        if col == 1:
            return r.accepted_at.strftime("%Y-%m-%d %H:%M")
        if col == 2:
            return (
                r.item_name
                if role == Qt.ItemDataRole.DisplayRole
                else f"{r.item_code} {r.item_name}"
            )
        if col == 3:
            return r.applicant_name
        if col == 4:
            return r.applicant_id
        if col == 5:
            return r.clerk_name or r.clerk_id
        if col == 6:
            return r.queue_ticket
        if col == 7:
            return (SYNC_LABELS_EN if self._english else SYNC_LABELS_ZH).get(
                r.sync_state, r.sync_state
            )
        return r.platform_status
