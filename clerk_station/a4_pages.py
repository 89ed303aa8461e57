"""A4 PDF pages as images (QtPdf): the clerk's preview, printing on the hall's laser
printer, and the screenshots. The PDF itself comes from ``IntakeService.a4_pdf``."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

A4_MM = (210.0, 297.0)


def pdf_pages(pdf: bytes, width_px: int = 794) -> list[QImage]:
    """Every page rendered ``width_px`` wide (794 px = A4 at 96 dpi)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise ValueError(f"the PDF could not be read: {document.error()}")
    size = QSize(width_px, round(width_px * A4_MM[1] / A4_MM[0]))
    pages = [_on_white(document.render(n, size)) for n in range(document.pageCount())]
    document.close()
    buffer.close()
    return pages


def _on_white(page: QImage) -> QImage:
    """QtPdf leaves the paper transparent: lay it on white, as it will be printed."""
    sheet = QImage(page.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, page)
    painter.end()
    return sheet


def print_pages(printer: QPrinter, pdf: bytes) -> None:
    """Paint the PDF's pages onto ``printer``, each fitted to the printable area."""
    dpi = min(printer.resolution(), 300)
    pages = pdf_pages(pdf, round(A4_MM[0] / 25.4 * dpi))
    painter = QPainter()
    if not painter.begin(printer):  # no such printer, a file that cannot be written
        raise OSError("the printer could not be opened")
    try:
        for n, image in enumerate(pages):
            if n:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(area.x(), area.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()
