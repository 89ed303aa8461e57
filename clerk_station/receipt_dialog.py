"""Shown after an outcome: what happened, each paper it printed (receipt and 告知承诺书,
一次性告知书, 不予受理通知书) as the thermal print and as its A4 page; reprint on the
thermal printer, save the A4 PDF or print it on the hall's laser printer.

The dialog only renders and forwards: ``clerk_station.paper_actions.PaperActions``
makes the PDFs and images off the GUI thread and answers with ``show_*``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_station.keyboard import PRINT, PRINT_A4, with_shortcut
from ui_shared.plain_text import PlainLabel, shown
from ui_shared.screen_fit import resize_within_screen


class ReceiptDialog(QDialog):
    reprint_requested = Signal()
    paper_chosen = Signal(int)  # index into the papers
    a4_requested = Signal()  # show the current paper's A4 page(s)
    thermal_requested = Signal()  # back to the thermal print
    save_pdf_requested = Signal(str)  # path chosen by the clerk
    print_a4_requested = Signal()

    def __init__(
        self,
        title: str,
        message: str,
        preview_png: bytes | None,
        parent: QWidget | None = None,
        *,
        paper_titles: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(shown(title, limit=120))
        self.message = PlainLabel(message, self, multiline=True)
        self.message.setObjectName("receiptMessage")
        self.message.setWordWrap(True)
        self.papers = QComboBox(self)
        self.papers.setObjectName("paperChoice")
        for name in paper_titles:
            self.papers.addItem(shown(name, limit=40))
        self.papers.setVisible(len(paper_titles) > 1)
        self.papers.currentIndexChanged.connect(self.paper_chosen)
        self.preview = QLabel(self)
        self.preview.setObjectName("paperPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status = PlainLabel("", self)
        self.status.setObjectName("paperStatus")
        self.status.setWordWrap(True)
        self.showing_a4 = False
        scroll = QScrollArea(self)
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(460, 520)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reprint = QPushButton(self.tr("Reprint"), self)
        self.reprint.setObjectName("reprintButton")
        self.a4 = QPushButton(self.tr("A4 view"), self)
        self.a4.setObjectName("a4Button")
        self.a4.setCheckable(True)
        self.a4.setToolTip(self.tr("The same paper as an A4 page for the laser printer"))
        self.save_pdf = QPushButton(self.tr("Save PDF…"), self)
        self.save_pdf.setObjectName("savePdfButton")
        self.print_a4 = QPushButton(self.tr("Print A4…"), self)
        self.print_a4.setObjectName("printA4Button")
        with_shortcut(self.reprint, PRINT)
        with_shortcut(self.print_a4, PRINT_A4)
        for button in (self.reprint, self.a4, self.save_pdf, self.print_a4):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reprint.clicked.connect(self.reprint_requested)
        self.a4.toggled.connect(
            lambda on: self.a4_requested.emit() if on else self.thermal_requested.emit()
        )
        self.save_pdf.clicked.connect(self.ask_save_path)
        self.print_a4.clicked.connect(self.print_a4_requested)
        buttons.rejected.connect(self.reject)
        self.file_dialog: QFileDialog | None = None
        self.show_thermal(preview_png)
        self.default_name = "paper.pdf"
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.papers)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        # wide enough for the 80 mm paper and an A4 page without sideways scrolling
        resize_within_screen(self, 760, 900)

    def show_thermal(self, png: bytes | None) -> None:
        self.showing_a4 = False
        pixmap = QPixmap()
        if png:
            pixmap.loadFromData(png, "PNG")
        self.preview.setPixmap(pixmap)
        if self.a4.isChecked():
            self.a4.blockSignals(True)
            self.a4.setChecked(False)
            self.a4.blockSignals(False)

    def show_a4(self, pages: Sequence[QImage]) -> None:
        """The A4 page(s), one under the other, at preview width."""
        self.showing_a4 = True
        if not pages:
            return
        width = max(p.width() for p in pages)
        sheet = QImage(width, sum(p.height() + 8 for p in pages), QImage.Format.Format_RGB32)
        sheet.fill(Qt.GlobalColor.darkGray)
        painter = QPainter(sheet)
        y = 0
        for page in pages:
            painter.drawImage(0, y, page)
            y += page.height() + 8
        painter.end()
        self.preview.setPixmap(QPixmap.fromImage(sheet))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def ask_save_path(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Save the A4 PDF"))
        dialog.setObjectName("savePdfDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.selectFile(self.default_name)
        dialog.fileSelected.connect(self.save_pdf_requested)
        self.file_dialog = dialog
        dialog.open()
        return dialog
