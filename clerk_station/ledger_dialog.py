"""The case ledger (办件台账): search, page through, open a case, reprint, export.

Everything that touches the disk (search pages, a case, a page image, reprint,
export) goes through the TaskRunner; the dialog only paints and reacts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_station.case_detail import CaseDetailDialog
from clerk_station.export_failure import export_failure_text
from clerk_station.ledger_model import LedgerModel
from station.clerk_day import ClerkDay
from station.ledger import LedgerCursor, LedgerPage, LedgerQuery
from station.ledger_export import export_csv, export_xlsx
from ui_shared.messages import user_message
from ui_shared.plain_text import platform_status_text
from ui_shared.tasks import TaskRunner

#: platform statuses, shown as the platform names them
PLATFORM_STATUSES = ("受理", "审核中", "补正", "办结", "不予许可")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class LedgerDialog(QDialog):
    exported = Signal(str, int)  # path, rows

    def __init__(
        self,
        day: ClerkDay,
        clerk_id: str,
        *,
        today: date,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerDialog")
        self.setWindowTitle(self.tr("Case ledger"))
        self._day = day
        self._clerk = clerk_id
        self._english = english
        self.tasks = TaskRunner(self)
        self.receipt = QLineEdit(self)
        self.name = QLineEdit(self)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(24)
        self.clerk = QLineEdit(self)
        self.clerk.setMaxLength(32)
        self.item = QComboBox(self)
        self.item.addItem(self.tr("All items"), "")
        for it in day.ledger.catalog.items:
            self.item.addItem(f"{it.code} {it.name_en if english else it.name_zh}", it.code)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), "")
        for status in PLATFORM_STATUSES:
            self.status.addItem(platform_status_text(status, english=english), status)
        self.status.addItem(self.tr("Not yet uploaded"), "queued")
        self.status.addItem(self.tr("Waiting to retry"), "retry")
        self.status.addItem(self.tr("Needs attention"), "quarantined")
        self.date_from = QDateEdit(_qdate(today.replace(day=1)), self)
        self.date_to = QDateEdit(_qdate(today), self)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setDefault(True)
        self.search_button.setToolTip(self.tr("Search (Enter)"))
        form = QGridLayout()
        fields = (
            (self.tr("Receipt no."), self.receipt),
            (self.tr("Name"), self.name),
            (self.tr("ID number"), self.id_number),
            (self.tr("Item"), self.item),
            (self.tr("Status"), self.status),
            (self.tr("Clerk"), self.clerk),
            (self.tr("From"), self.date_from),
            (self.tr("To"), self.date_to),
        )
        for i, (label, widget) in enumerate(fields):
            form.addWidget(QLabel(label, self), i // 4, (i % 4) * 2)
            form.addWidget(widget, i // 4, (i % 4) * 2 + 1)
        # every field column shares the width: left to the grid, the item and date boxes
        # took it all and 姓名/经办人 shrank to a box too narrow to type a name in
        for column in (1, 3, 5, 7):
            form.setColumnStretch(column, 1)
        for line in (self.receipt, self.name, self.id_number, self.clerk):
            line.setMinimumWidth(120)
        self.item.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item.setMinimumContentsLength(12)
        form.addWidget(self.search_button, 0, 8, 2, 1)

        names = {it.code: it.name_en if english else it.name_zh for it in day.ledger.catalog.items}
        self.model = LedgerModel(self._search_page, self.tasks, item_names=names, english=english)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.state = QLabel("", self)
        self.state.setObjectName("hint")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("Open case"), self)
        self.reprint_button = QPushButton(self.tr("Reprint receipt"), self)
        self.xlsx_button = QPushButton(self.tr("Export XLSX"), self)
        self.csv_button = QPushButton(self.tr("Export CSV"), self)
        close = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.reprint_button):
            buttons.addWidget(b)
        buttons.addWidget(self.state, 1)
        for b in (self.xlsx_button, self.csv_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search_button.clicked.connect(self.search)
        for line in (self.receipt, self.name, self.id_number, self.clerk):
            line.returnPressed.connect(self.search)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        close.clicked.connect(self.accept)
        self.model.loading_changed.connect(self._loading)
        self.model.failed.connect(self.state.setText)
        QShortcut(QKeySequence("Ctrl+O"), self, self.open_selected)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint_selected)
        self.open_button.setToolTip(self.tr("Open case (Ctrl+O, double-click)"))
        self.reprint_button.setToolTip(self.tr("Reprint receipt (Ctrl+P)"))
        self.resize(1240, 680)
        self.receipt.setFocus()

    # -- search ----------------------------------------------------------------------

    def query(self) -> LedgerQuery:
        return LedgerQuery(
            receipt_no=self.receipt.text(),
            name=self.name.text(),
            id_number=self.id_number.text(),
            item_code=str(self.item.currentData() or ""),
            status=str(self.status.currentData() or ""),
            clerk_id=self.clerk.text(),
            date_from=_pydate(self.date_from.date()),
            date_to=_pydate(self.date_to.date()),
        )

    def _search_page(
        self, query: LedgerQuery, after: LedgerCursor | None, limit: int
    ) -> LedgerPage:
        return self._day.ledger.search(query, after=after, limit=limit)

    def search(self) -> None:
        self.model.run(self.query())

    def _loading(self, loading: bool) -> None:
        if loading:
            self.state.setText(self.tr("Searching…"))
            return
        n = self.model.rowCount()
        if n and n <= 50:  # the first page sets the column widths; later pages keep them
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        more = self.tr(" (scroll for more)") if self.model.has_more else ""
        self.state.setText(self.tr("%n case(s) shown", "", n) + more)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # -- one case ----------------------------------------------------------------------

    def open_selected(self) -> CaseDetailDialog | None:
        row = self._selected_row()
        if row is None:
            self.state.setText(self.tr("Select a case first."))
            return None
        dialog = CaseDetailDialog(
            self._day, self.model.row_at(row).uuid, self._clerk, english=self._english, parent=self
        )
        dialog.open()
        return dialog

    def reprint_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            self.state.setText(self.tr("Select a case first."))
            return
        case = self.model.row_at(row)
        clerk, ledger = self._clerk, self._day.ledger
        self.reprint_button.setEnabled(False)
        self.tasks.disk(
            lambda: ledger.reprint(case.uuid, clerk_id=clerk),
            lambda _data: self._reprinted(case.receipt_no),
            self._reprint_failed,
        )

    def _reprinted(self, receipt_no: str) -> None:
        self.reprint_button.setEnabled(True)
        self.state.setText(self.tr("Receipt %1 printed again.").replace("%1", receipt_no))

    def _reprint_failed(self, error: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        text = user_message(error, fallback=self.tr("the printer did not answer"))
        self.state.setText(self.tr("Reprint failed: %1").replace("%1", text))

    # -- export ------------------------------------------------------------------------

    def _ask_export(self, fmt: str) -> None:
        q = self.query()
        default = f"办件台账_{q.date_from}_{q.date_to}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export ledger"), str(Path.home() / default), f"*.{fmt}"
        )
        if path:
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str) -> None:
        query, clerk, ledger = self.query(), self._clerk, self._day.ledger
        writer = export_xlsx if fmt == "xlsx" else export_csv
        self.state.setText(self.tr("Exporting…"))

        def done(rows: int) -> None:
            self.state.setText(
                self.tr("%n case(s) exported to %1", "", rows).replace("%1", path.name)
            )
            self.exported.emit(str(path), rows)

        self.tasks.disk(
            lambda: writer(ledger, query, path, clerk_id=clerk),
            done,
            lambda e: self.state.setText(export_failure_text(e, path)),
        )

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)
