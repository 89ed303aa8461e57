"""One case from the ledger: every page, every document printed, every status with the
department's note; reprint the receipt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_station.case_followup_panel import FollowUpPanel
from intake.errors import UnknownItem
from station.clerk_day import ClerkDay
from station.ledger import CaseDetail
from ui_shared.messages import acceptance_text, owed_text, user_message
from ui_shared.plain_text import platform_status_text, shown, tooltip
from ui_shared.tasks import TaskRunner


def document_name(action: str) -> str:
    """The printed document an audit action stands for, in the window's language."""
    names = {
        "print": QCoreApplication.translate("CaseDetailDialog", "Receipt"),
        "reprint": QCoreApplication.translate("CaseDetailDialog", "Receipt (reprint)"),
        "handover.printed": QCoreApplication.translate(
            "CaseDetailDialog", "Handover confirmation"
        ),
    }
    return names.get(action, action)


def _item(text: str) -> QTableWidgetItem:
    # platform text (status, note, missing materials): plain, capped, never rich text
    item = QTableWidgetItem(shown(text))
    item.setToolTip(tooltip(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class CaseDetailDialog(QDialog):
    def __init__(
        self,
        day: ClerkDay,
        uuid: str,
        clerk_id: str,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.setWindowTitle(self.tr("Case"))
        self._day = day
        self._uuid = uuid
        self._clerk = clerk_id
        self._english = english
        self.tasks = TaskRunner(self)
        self.detail: CaseDetail | None = None
        self.heading = QLabel(self.tr("Loading…"), self)
        self.heading.setObjectName("itemTitle")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.facts = QLabel("", self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)

        self.pages = QListWidget(self)
        self.preview = QLabel(self.tr("Choose a page"), self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        self.page_area = scroll
        pages_tab = QSplitter(Qt.Orientation.Horizontal, self)
        pages_tab.addWidget(self.pages)
        pages_tab.addWidget(scroll)
        pages_tab.setSizes([260, 640])

        self.statuses = QTableWidget(0, 4, self)
        self.statuses.setHorizontalHeaderLabels(
            [
                self.tr("Status"),
                self.tr("Time"),
                self.tr("Department's note"),
                self.tr("Materials requested"),
            ]
        )
        status_header = self.statuses.horizontalHeader()
        status_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        status_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.statuses.setWordWrap(True)
        self.statuses.verticalHeader().setVisible(False)
        self.documents = QTableWidget(0, 3, self)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Printed"), self.tr("Clerk")]
        )
        self.documents.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.verticalHeader().setVisible(False)
        tabs = QTabWidget(self)
        tabs.addTab(pages_tab, self.tr("Pages"))
        tabs.addTab(self.statuses, self.tr("Status history"))
        tabs.addTab(self.documents, self.tr("Documents printed"))
        self.tabs = tabs

        self.message = QLabel("", self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.reprint_button = QPushButton(self.tr("Reprint receipt"), self)
        close = QPushButton(self.tr("Close"), self)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.reprint_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        #: 容缺受理: owed materials near or past their day (hidden otherwise)
        self.owed = QLabel("", self)
        self.owed.setObjectName("owedWarning")
        self.owed.setTextFormat(Qt.TextFormat.PlainText)
        self.owed.setWordWrap(True)
        self.owed.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.owed.setVisible(False)
        layout.addWidget(self.owed)
        #: 补正 request and actions, 办结领取 (station.case_followup)
        self.followup: FollowUpPanel | None = None
        if day.followup is not None:
            self.followup = FollowUpPanel(
                day.followup, uuid, clerk_id, self.tasks, self, english=english
            )
            layout.addWidget(self.followup)
        layout.addWidget(tabs, 1)
        layout.addLayout(row)
        self.pages.currentRowChanged.connect(self._show_page)
        self.reprint_button.clicked.connect(self.reprint)
        close.clicked.connect(self.accept)
        self.resize(1000, 640)
        ledger = day.ledger
        self.tasks.disk(lambda: ledger.open_case(uuid), self._loaded, self._failed)

    def _loaded(self, detail: CaseDetail) -> None:
        self.detail = detail
        r = detail.row
        accepted = acceptance_text(detail.acceptance, english=self._english)
        self.heading.setText(f"{r.receipt_no}  {self._item_name(r.item_code, r.item_name)}")
        self.facts.setText(
            self.tr("Applicant %1 %2 · accepted %3 by %4 · platform case %5")
            .replace("%1", r.applicant_name)
            .replace("%2", r.applicant_id)
            .replace("%3", r.accepted_at.strftime("%Y-%m-%d %H:%M"))
            .replace("%4", r.clerk_name or r.clerk_id)
            .replace("%5", r.case_no or "—")
            + (f"\n{accepted}" if accepted else "")
        )
        owed = owed_text(detail.owed_warning, english=self._english)
        self.owed.setText(owed)
        self.owed.setVisible(bool(owed))
        for p in detail.pages:
            label = (
                self.tr("%1 — page %2")
                .replace("%1", p.material_name)
                .replace("%2", str(p.page_index + 1))
            )
            if not p.available:
                label += self.tr(" (image removed after retention)")
            item = QListWidgetItem(label)
            item.setToolTip(tooltip(label))
            self.pages.addItem(item)
        self.statuses.setRowCount(len(detail.statuses))
        for i, s in enumerate(detail.statuses):
            status = platform_status_text(s.status, english=self._english)
            missing = (", " if self._english else "、").join(s.missing_materials)
            for col, text in enumerate((status, s.at, s.note, missing)):
                self.statuses.setItem(i, col, _item(text))
        self.documents.setRowCount(len(detail.documents))
        for i, (action, at, clerk) in enumerate(detail.documents):
            for col, text in enumerate((document_name(action), at[:19], clerk)):
                self.documents.setItem(i, col, _item(text))
        if detail.pages:
            self.pages.setCurrentRow(0)

    def _item_name(self, code: str, stored: str) -> str:
        """The item's name in the clerk's language (the ledger's own when not listed)."""
        try:
            item = self._day.ledger.catalog.item(code)
        except UnknownItem:
            return stored
        return item.name_en if self._english else item.name_zh

    def _failed(self, error: BaseException) -> None:
        self.heading.setText(self.tr("This case could not be opened."))
        self.message.setText(user_message(error, fallback=type(error).__name__))

    def _show_page(self, row: int) -> None:
        if self.detail is None or not 0 <= row < len(self.detail.pages):
            return
        page = self.detail.pages[row]
        if not page.available:
            self.preview.setText(self.tr("The image was removed after delivery (retention)."))
            return
        ledger = self._day.ledger
        self.tasks.disk(lambda: ledger.page_image(page.sha256), self._image, self._image_failed)

    def _image(self, data: bytes) -> None:
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            # the whole page in view; the clerk opens the page itself for detail
            self.preview.setPixmap(
                pixmap.scaled(
                    self.page_area.viewport().size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setText(self.tr("This page is not an image."))

    def _image_failed(self, error: BaseException) -> None:
        self.preview.setText(self.tr("The page could not be read."))

    def reprint(self) -> None:
        self.reprint_button.setEnabled(False)
        ledger, uuid, clerk = self._day.ledger, self._uuid, self._clerk
        self.tasks.disk(
            lambda: ledger.reprint(uuid, clerk_id=clerk), self._reprinted, self._reprint_failed
        )

    def _reprinted(self, _data: bytes) -> None:
        self.reprint_button.setEnabled(True)
        self.message.setText(self.tr("Receipt printed again."))
        ledger, uuid = self._day.ledger, self._uuid
        self.tasks.disk(lambda: ledger.open_case(uuid), self._refresh_documents, self._failed)

    def _refresh_documents(self, detail: CaseDetail) -> None:
        self.detail = detail
        self.documents.setRowCount(len(detail.documents))
        for i, (action, at, clerk) in enumerate(detail.documents):
            for col, text in enumerate((document_name(action), at[:19], clerk)):
                self.documents.setItem(i, col, _item(text))

    def _reprint_failed(self, error: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        text = user_message(error, fallback=self.tr("the printer did not answer"))
        self.message.setText(self.tr("Reprint failed: %1").replace("%1", text))

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)
