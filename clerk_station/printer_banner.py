"""The banner a clerk sees when the station started with an unusable printer target:
intake goes on, paper waits (every receipt can be reprinted from the case list)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from station.services import StationServices
from ui_shared.error_text import code_text
from ui_shared.plain_text import PlainLabel


def printer_banner(services: StationServices, parent: QWidget, *, english: bool) -> PlainLabel:
    """A red banner naming the printer trouble; hidden when there is none."""
    banner = PlainLabel("", parent, multiline=True)
    banner.setObjectName("printerBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet(
        "QLabel#printerBanner { background: #fdecea; color: #a61b1b; padding: 6px;"
        " font-weight: bold; }"
    )
    trouble = services.printer_trouble
    if trouble is None:
        banner.hide()
        return banner
    reason = code_text(trouble.qualified_code, trouble.words, english=english)
    reason = reason or trouble.detail_en
    banner.setText(
        QCoreApplication.translate(
            "PrinterBanner",
            "Receipt printer unusable: %1. Intake continues; reprint the receipts from the "
            "case list once a technician has fixed the printer setting.",
        ).replace("%1", reason)
    )
    return banner
