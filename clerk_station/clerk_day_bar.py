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
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)

from clerk_station.sign_in import PinChangeDialog
from station.clerk_admin import ClerkAdmin
from station.clerk_day import ClerkDay
from station.services import StationServices
from ui_shared.messages import user_message
from ui_shared.tasks import TaskRunner

if TYPE_CHECKING:  # the dialogs are imported when first opened, not at start-up
    from clerk_station.clerk_admin_dialog import ClerkAdminDialog
    from clerk_station.efficiency_view import EfficiencyDialog
    from clerk_station.evaluation_flow import EvaluationPadFlow
    from clerk_station.ledger_dialog import LedgerDialog

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
        self._tasks = TaskRunner(self)

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
        self.call_next_action: QAction | None = None
        if day.call_next is not None:
            self.call_next_action = self._action(self.tr("Call next"), "F2", self.call_next)
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
        self.sign_out_action = self._action(self.tr("Sign out"), "", sign_out)
        # what a clerk uses rarely sits behind 更多 (More), so the bar fits 1366 px in English
        self.more_menu = QMenu(self)
        self.more_menu.setToolTipsVisible(True)
        more = QToolButton(self)
        more.setObjectName("moreButton")
        more.setText(self.tr("More"))
        more.setMenu(self.more_menu)
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(more)
        self.pin_action = self._action(self.tr("Change PIN"), "", self.change_pin,
                                       menu=self.more_menu)
        # 人员管理: only for an admin (asked on the disk lane; the menu shows it when known)
        self.clerks_action = self._action(self.tr("Clerks"), "", self.open_clerk_admin,
                                          menu=self.more_menu)
        self.clerks_action.setVisible(False)
        self._admin = ClerkAdmin(day.directory, services.clerk_id)
        self._tasks.disk(self._admin.allowed, self.clerks_action.setVisible,
                         lambda _e: self.clerks_action.setVisible(False))

        # 评价器: on by itself when a second screen faces the citizen, else on request
        self.pad_action = self._action(self.tr("Evaluation pad"), "", self.toggle_pad,
                                       menu=self.more_menu)
        self.pad_action.setCheckable(True)
        self.pad_action.setToolTip(
            self.tr("A window facing the citizen: confirm details, then evaluate"))
        self.pad_flow: EvaluationPadFlow | None = None
        if len(QGuiApplication.screens()) > 1:
            self.pad_action.setChecked(True)
            self.toggle_pad()

        panel = getattr(window, "applicant_panel", None)
        reveal = getattr(panel, "reveal_button", None)
        if reveal is not None:
            reveal.clicked.connect(day.intake.full_number_shown)
        accepted = getattr(window, "accepted", None)
        if accepted is not None:
            accepted.connect(lambda _a: self.ticket.clear())

    def _action(self, text: str, shortcut: str, slot: Callable[[], object], *,
                menu: QMenu | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(lambda _checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        else:
            self.addAction(action)
        return action

    def call_next(self) -> None:
        hook, action = self._day.call_next, self.call_next_action
        if hook is None or action is None:
            return
        action.setEnabled(False)
        station, clerk = self._services.intake.station_code, self._services.clerk_id
        self._tasks.disk(
            lambda: hook(station=station, clerk=clerk), self._called, self._call_failed
        )

    def _called(self, ticket: str | None) -> None:
        if self.call_next_action is not None:
            self.call_next_action.setEnabled(True)
        if ticket:
            self.ticket.setText(ticket)
        self._window.statusBar().showMessage(
            self.tr("Called the next applicant %1").replace("%1", ticket or ""), 8000
        )

    def _call_failed(self, error: BaseException) -> None:
        if self.call_next_action is not None:
            self.call_next_action.setEnabled(True)
        self._window.statusBar().showMessage(
            user_message(
                error,
                self.tr("The queuing system did not answer. Call the next applicant by voice."),
            ),
            15000,
        )

    def _ticket_changed(self, text: str) -> None:
        self._day.intake.queue_ticket = text.strip() or None

    def _parent(self) -> QWidget:
        return self._window

    def open_ledger(self) -> LedgerDialog:
        from clerk_station.ledger_dialog import LedgerDialog

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
        from clerk_station.efficiency_view import EfficiencyDialog

        dialog = EfficiencyDialog(
            self._day, english=self._english, show_due=show_due, parent=self._parent()
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_pad(self) -> None:
        on = self.pad_action.isChecked()
        if on and self.pad_flow is None:
            from clerk_station.evaluation_flow import EvaluationPadFlow
            from station.window_evaluation import WindowEvaluations

            self.pad_flow = EvaluationPadFlow(
                self._window, WindowEvaluations(self._services.intake.store), self._tasks,
                english=self._english)
        if self.pad_flow is not None:
            self.pad_flow.set_visible(on)

    def open_clerk_admin(self) -> ClerkAdminDialog:
        from clerk_station.clerk_admin_dialog import ClerkAdminDialog

        dialog = ClerkAdminDialog(self._admin, self._tasks, self._parent())
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_pin(self) -> None:
        account = self._day.directory.store.get_clerk(self._services.clerk_id)
        if account is None:
            return
        PinChangeDialog(self._day.directory, self._tasks, account, self._parent()).open()
