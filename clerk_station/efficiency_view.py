"""Efficiency (效能): today and this month per clerk and per item, and the cases near or
past their promised date (the overdue list is one click from the main window)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.clerk_day import ClerkDay
from station.deficiency_due import DeficiencyDue, PromisedCase
from station.efficiency import DueCase, EfficiencyLine, EfficiencyReport
from ui_shared.plain_text import shown, tooltip
from ui_shared.tasks import TaskRunner

OVERDUE_COLOUR = QColor("#c0392b")
NEAR_COLOUR = QColor("#b7791f")
DAYS_LEFT_COLUMN = 5

_Promised = TypeVar("_Promised", bound=PromisedCase)


def _cell(text: str, *, align_right: bool = False) -> QTableWidgetItem:
    # item names and platform statuses: plain, capped, never rich text
    item = QTableWidgetItem(shown(text))
    item.setToolTip(tooltip(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}"


class EfficiencyDialog(QDialog):
    def __init__(
        self,
        day: ClerkDay,
        *,
        english: bool = False,
        show_due: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("efficiencyDialog")
        self.setWindowTitle(self.tr("Efficiency"))
        self._day = day
        self._english = english
        self.tasks = TaskRunner(self)
        self.report: EfficiencyReport | None = None
        self.today_button = QRadioButton(self.tr("Today"), self)
        self.month_button = QRadioButton(self.tr("This month"), self)
        self.today_button.setChecked(True)
        period = QButtonGroup(self)
        period.addButton(self.today_button)
        period.addButton(self.month_button)
        self.totals = QLabel("", self)
        self.totals.setObjectName("summary")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        headers = [
            self.tr("Accepted"),
            self.tr("Notices"),
            self.tr("Refused"),
            self.tr("Avg. handling (min)"),
            self.tr("Near due"),
            self.tr("Overdue"),
        ]
        self.by_clerk = self._table([self.tr("Clerk"), *headers], stretch=0)
        self.by_item = self._table([self.tr("Item"), *headers], stretch=0)
        self.due = self._table(
            [
                self.tr("Receipt no."),
                self.tr("Item"),
                self.tr("Clerk"),
                self.tr("Accepted"),
                self.tr("Promised date"),
                self.tr("Working days left"),
                self.tr("Platform status"),
            ],
            stretch=1,
        )
        self.owed = self._table(
            [
                self.tr("Receipt no."),
                self.tr("Item"),
                self.tr("Clerk"),
                self.tr("Owed materials"),
                self.tr("Bring by"),
                self.tr("Working days left"),
            ],
            stretch=3,
        )
        self.owed.setObjectName("owedTable")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.by_clerk, self.tr("By clerk"))
        self.tabs.addTab(self.by_item, self.tr("By item"))
        self.tabs.addTab(self.due, self.tr("Near or past the promised date"))
        self.tabs.addTab(self.owed, self.tr("Owed materials due"))
        refresh = QPushButton(self.tr("Refresh"), self)
        close = QPushButton(self.tr("Close"), self)
        top = QHBoxLayout()
        top.addWidget(self.today_button)
        top.addWidget(self.month_button)
        top.addStretch(1)
        top.addWidget(refresh)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.today_button.toggled.connect(lambda _on: self.refresh())
        refresh.clicked.connect(self.refresh)
        close.clicked.connect(self.accept)
        if show_due:
            self.tabs.setCurrentWidget(self.due)
        self.resize(1100, 620)
        self.refresh()

    def _table(self, headers: Sequence[str], *, stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(list(headers))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    def refresh(self) -> None:
        service = self._day.efficiency
        month = self.month_button.isChecked()
        self.totals.setText(self.tr("Counting…"))
        self.tasks.disk(
            service.month_report if month else service.day_report, self._show, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.totals.setText(self.tr("The figures could not be read. Call the technician."))

    def _show(self, report: EfficiencyReport) -> None:
        self.report = report
        t = report.total
        self.totals.setText(
            self.tr(
                "%1 to %2: %3 accepted, %4 notices, %5 refused, average handling %6 min;"
                " %7 near the promised date, %8 overdue"
            )
            .replace("%1", report.since.isoformat())
            .replace("%2", report.until.isoformat())
            .replace("%3", str(t.accepted))
            .replace("%4", str(t.notices))
            .replace("%5", str(t.refused))
            .replace("%6", _minutes(t.avg_handling_seconds))
            .replace("%7", str(t.near_due))
            .replace("%8", str(t.overdue))
        )
        self._fill_lines(self.by_clerk, report.by_clerk)
        self._fill_lines(self.by_item, report.by_item)
        self._fill_due(report.due)
        self._fill_owed(report.owed)
        owed_tab = self.tabs.indexOf(self.owed)
        self.tabs.setTabText(
            owed_tab,
            self.tr("Owed materials due")
            + (f" ({len(report.owed)})" if report.owed else ""),
        )

    def _fill_lines(self, table: QTableWidget, lines: Sequence[EfficiencyLine]) -> None:
        table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            label = line.label if line.label == line.key else f"{line.key} {line.label}"
            values = (
                str(line.accepted),
                str(line.notices),
                str(line.refused),
                _minutes(line.avg_handling_seconds),
                str(line.near_due),
                str(line.overdue),
            )
            table.setItem(i, 0, _cell(label))
            for col, text in enumerate(values, start=1):
                cell = _cell(text, align_right=True)
                if col == 6 and line.overdue:
                    cell.setForeground(OVERDUE_COLOUR)
                table.setItem(i, col, cell)

    def _fill_due(self, due: Sequence[DueCase]) -> None:
        self._fill_promised(self.due, due, lambda d: (
            d.accepted_at.strftime("%Y-%m-%d"),
            d.due.isoformat(),
            str(d.days_left),
            (d.platform_status or "—") + (
                self.tr(" (clock stopped %1 working day(s) for 补正)").replace(
                    "%1", str(d.paused_days)
                )
                if d.paused_days
                else ""
            ),
        ))  # fmt: skip

    def _fill_owed(self, owed: Sequence[DeficiencyDue]) -> None:
        self._fill_promised(
            self.owed, owed, lambda d: ("、".join(d.owed), d.due.isoformat(), str(d.days_left))
        )

    def _fill_promised(
        self,
        table: QTableWidget,
        cases: Sequence[_Promised],
        rest: Callable[[_Promised], tuple[str, ...]],
    ) -> None:
        """One row a case: receipt, item, clerk, then ``rest`` (in both lists the days
        left are the sixth column, right-aligned); red when past, amber when near."""
        table.setRowCount(len(cases))
        for i, d in enumerate(cases):
            values = (d.receipt_no, d.item_name, d.clerk_label, *rest(d))
            for col, text in enumerate(values):
                item = _cell(text, align_right=col == DAYS_LEFT_COLUMN)
                item.setForeground(OVERDUE_COLOUR if d.overdue else NEAR_COLOUR)
                table.setItem(i, col, item)

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)
