"""The clerk's-day toolbar on the main window: ledger, efficiency, overdue list, queue
number, call-next, lock, PIN change, sign-out. Shortcuts are shown in the tooltips.

Keyboard:
  Ctrl+F        case ledger (办件台账)
  Ctrl+E        efficiency (效能)
  Ctrl+Shift+E  cases near or past the promised date
  Ctrl+Shift+L  lock the screen
  Ctrl+Q        queue number field (排队号)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QAction, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMainWindow, QToolBar, QWidget

from clerk_station.efficiency_view import EfficiencyDialog
from clerk_station.ledger_dialog import LedgerDialog
from clerk_station.sign_in import PinChangeDialog
from station.clerk_day import ClerkDay
from station.services import StationServices

_TICKET = QRegularExpression("[A-Za-z0-9-]{0,16}")


class ClerkDayBar(QToolBar):
    def __init__(
        self,
        window: QMainWindow,
        services: StationServices,
        day: ClerkDay,
        *,
        lock: Callable[[], None],
        sign_out: Callable[[], None],
        english: bool = False,
    ) -> None:
        super().__init__(window)
        self.setObjectName("clerkDayBar")
        self.setWindowTitle(self.tr("Clerk's day"))
        self.setMovable(False)
        self._window = window
        self._services = services
        self._day = day
        self._english = english
        self.dialog: QDialog | None = None

        self.ticket = QLineEdit(self)
        self.ticket.setObjectName("queueTicket")
        self.ticket.setPlaceholderText(self.tr("Queue no."))
        self.ticket.setMaxLength(16)
        self.ticket.setFixedWidth(96)
        self.ticket.setValidator(QRegularExpressionValidator(_TICKET, self.ticket))
        self.ticket.setToolTip(self.tr("The hall's queue number for this applicant (Ctrl+Q)"))
        self.ticket.textChanged.connect(self._ticket_changed)
        label = QLabel(self.tr("Queue no."), self)
        label.setObjectName("stationName")
        self.addWidget(label)
        self.addWidget(self.ticket)
        focus_ticket = QAction(self)
        focus_ticket.setShortcut(QKeySequence("Ctrl+Q"))
        focus_ticket.triggered.connect(self.ticket.setFocus)
        window.addAction(focus_ticket)

        self.ledger_action = self._action(self.tr("Case ledger"), "Ctrl+F", self.open_ledger)
        self.efficiency_action = self._action(
            self.tr("Efficiency"), "Ctrl+E", lambda: self.open_efficiency(False)
        )
        self.overdue_action = self._action(
            self.tr("Overdue"), "Ctrl+Shift+E", lambda: self.open_efficiency(True)
        )
        self.lock_action = self._action(self.tr("Lock"), "Ctrl+Shift+L", lock)
        self.pin_action = self._action(self.tr("Change PIN"), "", self.change_pin)
        self.sign_out_action = self._action(self.tr("Sign out"), "", sign_out)

        panel = getattr(window, "applicant_panel", None)
        reveal = getattr(panel, "reveal_button", None)
        if reveal is not None:
            reveal.clicked.connect(day.intake.full_number_shown)
        accepted = getattr(window, "accepted", None)
        if accepted is not None:
            accepted.connect(lambda _a: self.ticket.clear())

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _ticket_changed(self, text: str) -> None:
        self._day.intake.queue_ticket = text.strip() or None

    def _parent(self) -> QWidget:
        return self._window

    def open_ledger(self) -> LedgerDialog:
        dialog = LedgerDialog(
            self._day,
            self._services.clerk_id,
            today=self._day.efficiency.today(),
            english=self._english,
            parent=self._parent(),
        )
        self.dialog = dialog
        dialog.open()
        dialog.search()
        return dialog

    def open_efficiency(self, show_due: bool) -> EfficiencyDialog:
        dialog = EfficiencyDialog(
            self._day, english=self._english, show_due=show_due, parent=self._parent()
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_pin(self) -> None:
        account = self._day.directory.store.get_clerk(self._services.clerk_id)
        if account is None:
            return
        flow_tasks = getattr(self._window, "tasks", None)
        if flow_tasks is None:
            return
        PinChangeDialog(self._day.directory, flow_tasks, account, self._parent()).open()
