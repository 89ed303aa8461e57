"""What the outcome dialog's buttons do with the papers of one outcome: thermal preview
and reprint, the A4 PDF (preview, save, laser print). Slow work (fonts, PDF, disk,
printer) runs through the TaskRunner; a failure is one plain sentence in the dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog

from clerk_station.receipt_dialog import ReceiptDialog
from devices.printer.receipt import Receipt
from ui_shared.messages import user_message
from ui_shared.tasks import TaskRunner

if TYPE_CHECKING:
    # QtPdf and QtPrintSupport load with the first A4 preview or print, not with the
    # clerk's first window (issue #13, cold start)
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

log = logging.getLogger(__name__)

# the largest PDF the dialog writes or shows (a paper is tens of kilobytes)
MAX_PDF = 20 * 1024 * 1024


def thermal_png(paper: Receipt) -> bytes | None:
    """PNG of the thermal print (off the GUI thread: fonts and QR take a while)."""
    try:
        from devices.printer.preview import render_preview

        return render_preview(paper, 80)
    except Exception:
        log.exception("paper preview failed")
        return None


class PaperActions(QObject):
    def __init__(
        self,
        dialog: ReceiptDialog,
        papers: Sequence[Receipt],
        *,
        print_receipt: Callable[[Receipt], bytes],
        a4_pdf: Callable[[Receipt], bytes] | None,
        tasks: TaskRunner,
        on_error: Callable[[str], None],
        on_exported: Callable[[Receipt, str], None] | None = None,
        print_failure: Callable[[BaseException], str] = user_message,
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.papers = tuple(papers)
        self.index = 0
        self._print = print_receipt
        self._a4_pdf = a4_pdf
        self._tasks = tasks
        self._on_error = on_error
        self._on_exported = on_exported
        self._print_failure = print_failure
        self._pdfs: dict[int, bytes] = {}
        self.print_dialog: QPrintDialog | None = None
        self.saved: Path | None = None
        self._update_name()
        dialog.paper_chosen.connect(self._chosen)
        dialog.reprint_requested.connect(self.reprint)
        dialog.a4_requested.connect(self.show_a4)
        dialog.thermal_requested.connect(self.show_thermal)
        dialog.save_pdf_requested.connect(self.save_pdf)
        dialog.print_a4_requested.connect(self.print_a4)
        for button in (dialog.a4, dialog.save_pdf, dialog.print_a4):
            button.setEnabled(a4_pdf is not None)

    @property
    def paper(self) -> Receipt:
        return self.papers[self.index]

    def _update_name(self) -> None:
        safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in (
            self.paper.receipt_no
        ))
        self.dialog.default_name = f"{self.paper.kind}-{safe[:60]}.pdf"

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.papers):
            self.index = index
            self._update_name()
            if self.dialog.showing_a4:
                self.show_a4()
            else:
                self.show_thermal()

    def show_thermal(self) -> None:
        paper, index = self.paper, self.index
        self._tasks.image(
            lambda: thermal_png(paper),
            lambda png: self._thermal_ready(index, png),
            lambda e: self._failed(e),
        )

    def _thermal_ready(self, index: int, png: bytes | None) -> None:
        # the clerk may have chosen another paper or the A4 view meanwhile
        if index == self.index and not self.dialog.a4.isChecked():
            self.dialog.show_thermal(png)

    def reprint(self) -> None:
        paper = self.paper
        self._tasks.disk(
            lambda: self._print(paper),
            lambda _b: self.dialog.show_status(self.tr("Printed again.")),
            lambda e: self._on_error(self._print_failure(e)),
        )

    def _with_pdf(self, then: Callable[[bytes], None]) -> None:
        """The current paper's PDF, made once off the GUI thread."""
        index, make = self.index, self._a4_pdf
        if make is None:
            return
        if index in self._pdfs:
            then(self._pdfs[index])
            return
        paper = self.paper

        def done(pdf: bytes) -> None:
            self._pdfs[index] = pdf
            if index == self.index:
                then(pdf)

        self._tasks.image(lambda: make(paper), done, self._failed)

    def show_a4(self) -> None:
        from clerk_station.a4_pages import pdf_pages  # on the GUI thread, before the task

        def render(pdf: bytes) -> None:
            self._tasks.image(
                lambda: pdf_pages(pdf),
                lambda pages: self._show_pages(pages),
                self._failed,
            )

        self._with_pdf(render)

    def _show_pages(self, pages: list[QImage]) -> None:
        if self.dialog.showing_a4 or self.dialog.a4.isChecked():
            self.dialog.show_a4(pages)

    def save_pdf(self, path: str) -> None:
        target = Path(path)

        def write(pdf: bytes) -> None:
            if len(pdf) > MAX_PDF:
                self._failed(ValueError("PDF too large"))
                return
            self._tasks.disk(
                lambda: target.write_bytes(pdf),
                lambda _n: self._saved(target),
                self._failed,
            )

        self._with_pdf(write)

    def _exported(self, paper: Receipt, how: str) -> None:
        """Into the audit log (disk work), when the station keeps one."""
        record = self._on_exported
        if record is not None:
            self._tasks.disk(
                lambda: record(paper, how),
                lambda _r: None,
                lambda e: log.error("A4 %s not audited: %r", how, e),
            )

    def _saved(self, target: Path) -> None:
        self._exported(self.paper, "save")
        self.saved = target
        self.dialog.show_status(self.tr("Saved: %1").replace("%1", str(target)))

    def print_a4(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        def ask(pdf: bytes) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self.dialog)
            dialog.setObjectName("printA4Dialog")
            dialog.finished.connect(lambda result: self._print_answered(result, printer, pdf))
            self.print_dialog = dialog
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.show()  # not exec(): the GUI thread keeps running

        self._with_pdf(ask)

    def _print_answered(self, result: int, printer: QPrinter, pdf: bytes) -> None:
        self.print_dialog = None
        if result != QDialog.DialogCode.Accepted:
            return
        from clerk_station.a4_pages import print_pages

        paper = self.paper
        # painting onto a QPrinter may wait on the spooler: never on the GUI thread
        self._tasks.disk(
            lambda: print_pages(printer, pdf),
            lambda _r: self._printed(paper),
            self._failed,
        )

    def _printed(self, paper: Receipt) -> None:
        self._exported(paper, "print")
        self.dialog.show_status(self.tr("Sent to the printer."))

    def _failed(self, error: BaseException) -> None:
        log.warning("paper action failed: %r", error)
        self.dialog.show_status(
            self.tr("Could not make the A4 paper: %1").replace("%1", user_message(error))
        )
