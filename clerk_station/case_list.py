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
from station.cases import DELIVERED, NEEDS_ATTENTION, WAITING, CaseRow, Upload, item_name

_Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    """A thin adapter over a list of station.cases.CaseRow."""

    COLUMNS = 8

    def __init__(self, catalog: Catalog, *, english: bool = False) -> None:
        super().__init__()
        self._catalog = catalog
        self._english = english
        self._rows: list[CaseRow] = []

    def set_records(self, records: Sequence[CaseRow]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

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
                return r.platform_status or "—"
            if col == 6:
                return r.case_no or "—"
            return r.note
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            if r.upload is Upload.QUARANTINED:
                return QColor("#c0392b")
            if r.upload is Upload.DELIVERED:
                return QColor("#1b7f4f")
        if role == Qt.ItemDataRole.ToolTipRole and col == 7 and r.note:
            return r.note
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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseList")
        self.setWindowTitle(self.tr("Cases accepted at this window"))
        self._load = load
        self.model = CaseTableModel(catalog, english=english)
        self.filter = QComboBox(self)
        for label in (
            self.tr("All"),
            self.tr("Not yet delivered"),
            self.tr("Needs attention"),
            self.tr("Delivered"),
        ):
            self.filter.addItem(label)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reason = QLabel("", self)
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

    def refresh(self) -> None:
        self._load(self.states)

    def show_records(self, records: Sequence[CaseRow]) -> None:
        # refreshes come with every sync event: keep the clerk's selection across them
        index = self.table.currentIndex()
        keep = self.model.record_at(index.row()).uuid if index.isValid() else None
        self.model.set_records(records)
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
        self.reason.setText(r.note if r.stuck else "")

    def _requeue(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.requeue.setEnabled(False)
            self.requeue_requested.emit(self.model.record_at(index.row()).uuid)
