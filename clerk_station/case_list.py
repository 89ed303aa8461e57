"""The clerk's case list: what was accepted here, whether it reached the
platform, what the department said, and what needs the clerk's hand.

A submission the platform refused is quarantined with a reason; the clerk
reads the reason here and, once the cause is dealt with, sends it again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
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

from clerk_station.case_pages_model import CasePagesModel, Search
from intake.catalog import Catalog
from station.cases import CASE_PAGE, DELIVERED, NEEDS_ATTENTION, WAITING, Upload, item_name
from station.ledger import LedgerCursor, LedgerQuery, LedgerRow
from ui_shared.messages import stored_sync_text
from ui_shared.plain_text import PlainLabel, PlainTextModel, platform_status_text
from ui_shared.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)

#: a refresh reloads what the clerk has scrolled through, up to this many rows, so a
#: sync event does not yank the list back to the top (nor reread a huge list each time)
REFRESH_ROWS_MAX = 500


class CaseTableModel(CasePagesModel):
    """The case list's columns: where each case stands on its way to the platform."""

    COLUMNS = 8

    def __init__(
        self, search: Search, tasks: TaskRunner, catalog: Catalog, *, english: bool = False
    ) -> None:
        super().__init__(search, tasks, page_size=CASE_PAGE)
        self._catalog = catalog
        self._english = english

    @property
    def english(self) -> bool:
        return self._english

    def record_at(self, row: int) -> LedgerRow:
        return self.row_at(row)

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

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        r = self.row_at(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.receipt_no
            if col == 1:
                return item_name(self._catalog, r.item_code, english=self._english)
            if col == 2:
                return f"{r.applicant_name} {r.applicant_id}"
            if col == 3:
                # the hall, its receipts and its receipt numbers run on Beijing time
                return r.accepted_at.strftime("%Y-%m-%d %H:%M")
            if col == 4:
                return self.upload_text(r.sync_state)
            if col == 5:
                return platform_status_text(
                    r.platform_status or None, where=r.receipt_no, english=self._english
                ) or "—"
            if col == 6:
                return r.case_no or "—"
            return stored_sync_text(r.note, english=self._english)
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            if r.sync_state == Upload.QUARANTINED:
                return QColor("#c0392b")
            if r.sync_state == Upload.DELIVERED:
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
        search: Search,
        tasks: TaskRunner,
        catalog: Catalog,
        parent: QWidget | None = None,
        *,
        english: bool = False,
    ) -> None:
        """``search(query, after, limit)`` reads one page of cases (disk work, run on
        ``tasks``): the ledger's search, here filtered by upload state only."""
        super().__init__(parent)
        self.setObjectName("caseList")
        self.setWindowTitle(self.tr("Cases accepted at this window"))
        self.model = CaseTableModel(search, tasks, catalog, english=english)
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
        self._keep: str | None = None  # the case selected when a refresh started
        self.model.reloaded.connect(self._reselect)
        self.model.failed.connect(self._failed)

    @property
    def states(self) -> tuple[Upload, ...] | None:
        return self.FILTER_STATES[self.filter.currentIndex()]

    def query(self) -> LedgerQuery:
        states = self.states
        return LedgerQuery(uploads=() if states is None else tuple(s.value for s in states))

    @property
    def refresh_limit(self) -> int:
        """How many rows a refresh reads: what is shown now (at least one page)."""
        return min(max(CASE_PAGE, self.model.rowCount()), REFRESH_ROWS_MAX)

    def refresh(self) -> None:
        # refreshes come with every sync event: keep the clerk's selection across them
        index = self.table.currentIndex()
        self._keep = self.model.record_at(index.row()).uuid if index.isValid() else None
        self.model.load(self.query(), self.refresh_limit)

    def show_records(
        self, records: Sequence[LedgerRow], next_cursor: LedgerCursor | None = None
    ) -> None:
        self.model.show_rows(records, next_cursor)

    def _reselect(self) -> None:
        self.reason.setText("")
        self.requeue.setEnabled(False)
        keep, self._keep = self._keep, None
        for row in range(self.model.rowCount()):
            if self.model.record_at(row).uuid == keep:
                self.table.selectRow(row)
                self._selected(self.model.index(row, 0), QModelIndex())
                break

    def _failed(self, text: str) -> None:
        log.warning("case list page failed: %s", text)
        self.reason.setText(text)

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
