"""Pages of cases as a Qt table model: the one paging model behind the clerk's case
list (办件查询, Ctrl+L) and the case ledger (办件台账, Ctrl+F).

Both list ``station.ledger.LedgerRow`` from ``LedgerService.search`` (one keyset
query over the store); they differ only in their columns. Every page is read on
the TaskRunner's disk lane, never on the GUI thread, and only when the view
scrolls to it (``canFetchMore``/``fetchMore``), so 100 000 cases page as fast as
ten. An answer that comes back after a newer search was started is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal

from station.ledger import LedgerCursor, LedgerPage, LedgerQuery, LedgerRow
from ui_shared.messages import user_message
from ui_shared.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex

# ``search(query, after, limit)``: one page, newest first (disk work)
Search = Callable[[LedgerQuery, LedgerCursor | None, int], LedgerPage]


class CasePagesModel(QAbstractTableModel):
    """Rows of :class:`LedgerRow`; subclasses say which columns a view shows."""

    loading_changed = Signal(bool)
    failed = Signal(str)
    # the rows were replaced by a fresh read (a new search or a refresh)
    reloaded = Signal()

    def __init__(self, search: Search, tasks: TaskRunner, *, page_size: int) -> None:
        super().__init__()
        self._search = search
        self._tasks = tasks
        self.page_size = page_size
        self._rows: list[LedgerRow] = []
        self._query: LedgerQuery | None = None
        self._cursor: LedgerCursor | None = None
        self._more = False
        self._loading = False
        # bumped by every new search: a late answer of an older one is dropped
        self._generation = 0

    # -- searching ------------------------------------------------------------------

    def run(self, query: LedgerQuery) -> None:
        """A new search: the table empties and the first page loads."""
        self.show_rows((), None)
        self.load(query)

    def load(self, query: LedgerQuery, limit: int | None = None) -> None:
        """Read the first ``limit`` rows (a page by default) of ``query`` and show them
        in place of the current rows once read: a refresh keeps the list on screen
        (and as far as it was scrolled) instead of blanking it."""
        self._generation += 1
        generation, self._query = self._generation, query
        self._begin_loading()
        size = limit or self.page_size
        self._tasks.disk(
            lambda: self._search(query, None, size),
            lambda page: self._answered(generation, page, replace=True),
            lambda e: self._load_failed(generation, e),
        )

    def show_rows(self, rows: Sequence[LedgerRow], next_cursor: LedgerCursor | None) -> None:
        """Show exactly these rows (a page read, or rows a test hands in)."""
        self._generation += 1  # a page asked for before belongs to the old list
        self._loading = False
        self._replace(rows, next_cursor)

    def _replace(self, rows: Sequence[LedgerRow], next_cursor: LedgerCursor | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cursor = next_cursor
        self._more = next_cursor is not None
        self.endResetModel()
        self.reloaded.emit()

    def _fetch_next(self) -> None:
        if self._query is None or self._loading or not self._more:
            return
        generation, query, cursor = self._generation, self._query, self._cursor
        self._begin_loading()
        self._tasks.disk(
            lambda: self._search(query, cursor, self.page_size),
            lambda page: self._answered(generation, page, replace=False),
            lambda e: self._load_failed(generation, e),
        )

    def _begin_loading(self) -> None:
        self._loading = True
        self.loading_changed.emit(True)

    def _answered(self, generation: int, page: LedgerPage, *, replace: bool) -> None:
        if generation != self._generation:
            return  # an older search answered late
        self._loading = False
        if replace:
            self._replace(page.rows, page.next_cursor)
        else:
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
        self._loading = False  # the view may ask again when scrolled
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

    def upload_text(self, sync_state: str) -> str:
        """Where a case stands on its way to the platform, as the clerk reads it."""
        return {
            "queued": self.tr("Waiting to upload"),
            "sending": self.tr("Uploading"),
            "retry": self.tr("Will retry"),
            "delivered": self.tr("Delivered"),
            "quarantined": self.tr("Needs attention"),
        }.get(sync_state, sync_state)

    # -- Qt model -----------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch_next()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)
