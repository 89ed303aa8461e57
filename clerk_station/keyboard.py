"""Keyboard speed for the clerk window: one shortcut per intake action, shown in the
action's tooltip (and listed in README.md and docs/clerk_day.md), and the keyboard
focus put where the next action is after every card read, capture and outcome.

Shortcuts (window-wide; a button's shortcut does nothing while it is disabled):
  Ctrl+K        item search (事项搜索); Enter chooses the first match
  F3            enter the identity by hand (手工录入)
  F4            read the card on the reader again (重新读卡)
  F5            capture this page (拍摄本页)
  F6            import a file (导入文件)
  Ctrl+Return   accept (受理)
  F7            one-time notice (一次性告知)
  F8            refuse (不予受理)
  F9            accept, owing non-key materials (容缺受理)
  F10           accept on commitment (告知承诺制)
  Ctrl+P        print the paper again (打印, in the paper dialog; Ctrl+Shift+P: A4)
  Ctrl+N        next applicant (下一位); F2 calls the next queue number when the hall
                has a queuing hook (clerk_station.clerk_day_bar)

Focus follows the intake: no item → the item search; item but nobody identified →
手工录入 (a card read needs no key); materials missing → 拍摄本页 (while the camera
has no page in view yet, the materials list holds the focus and hands it to 拍摄本页
as soon as it can take one; 导入文件 when there is no camera); complete → 受理.
After an accept or a refusal the session is reset, so the focus is back on the item
search for the next applicant once the paper dialog or box is closed (the window
takes the keyboard back itself); after a one-time notice, Ctrl+N (下一位) leads there.
Focus never leaves a text field the clerk is typing in (mobile number, company).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from station.intake_session import Phase, SessionState

if TYPE_CHECKING:
    from clerk_station.main_window import ClerkWindow

SEARCH = "Ctrl+K"
MANUAL = "F3"
READ_AGAIN = "F4"
CAPTURE = "F5"
IMPORT = "F6"
ACCEPT = "Ctrl+Return"
NOTICE = "F7"
REFUSE = "F8"
DEFICIENCY = "F9"
COMMITMENT = "F10"
PRINT = "Ctrl+P"
PRINT_A4 = "Ctrl+Shift+P"
NEXT = "Ctrl+N"


def with_shortcut(button: QAbstractButton, key: str) -> None:
    """Bind ``key`` to the button and say so in its tooltip."""
    button.setShortcut(QKeySequence(key))
    hint = button.toolTip() or button.text().rstrip("…")
    shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{hint} ({shown})")


class KeyboardFlow(QObject):
    def __init__(self, window: ClerkWindow) -> None:
        super().__init__(window)
        self._window = window
        panel = window.applicant_panel
        self.buttons: dict[str, QAbstractButton] = {
            MANUAL: panel.manual_button,
            READ_AGAIN: panel.reread_button,
            CAPTURE: window.capture_button,
            IMPORT: window.capturing.import_button,
            ACCEPT: window.accept_button,
            NOTICE: window.notice_button,
            REFUSE: window.refuse_button,
            DEFICIENCY: window.deficiency_button,
            COMMITMENT: window.commitment_button,
        }
        for key, button in self.buttons.items():
            with_shortcut(button, key)
        search = QAction(window)
        search.setShortcut(QKeySequence(SEARCH))
        search.triggered.connect(self.focus_search)
        window.addAction(search)
        picker = window.picker
        picker.filter.setToolTip(
            self.tr("Name, code, pinyin initials or a short name like 低保 (%1); Enter chooses")
            .replace("%1", SEARCH)
        )
        picker.filter.returnPressed.connect(picker.choose_current)
        self._shown = window.session.state
        #: 拍摄本页 takes the focus when it becomes enabled (the page came into view)
        self._capture_pending = False
        window.capture_button.installEventFilter(self)
        window.session.subscribe(self._render)
        window.outcomes.papers_closed.connect(self.back_to_window)
        window.identifying.manual_closed.connect(self.back_to_window)
        picker.filter.setFocus()  # the first thing a clerk does: find the item

    def back_to_window(self) -> None:
        """A paper dialog or outcome box closed: the window takes the keyboard back (not
        every window manager gives it back to the parent) with the focus on the next
        action, so the clerk goes on without reaching for the mouse."""
        self._window.activateWindow()
        self.focus_next()

    def focus_search(self) -> None:
        self._window.picker.filter.setFocus()
        self._window.picker.filter.selectAll()

    def next_target(self, state: SessionState) -> QWidget:
        """Where the next keystroke of the intake goes."""
        w = self._window
        if state.item is None or state.phase in (Phase.DONE, Phase.REFUSED):
            return w.picker.filter
        if state.person is None:
            return w.applicant_panel.manual_button
        if state.missing:
            if w.capture_button.isEnabled():
                return w.capture_button
            if w.preview.latest_frame is not None:  # the camera is delivering
                self._capture_pending = True
                return w.materials_panel.table
            return w.capturing.import_button
        if state.can_accept:
            return w.accept_button
        if state.can_issue_notice:
            return w.notice_button
        return w.accept_button

    def focus_next(self) -> None:
        self._capture_pending = False
        if self._typing():
            return
        target = self.next_target(self._window.session.state)
        if target is self._window.picker.filter or not target.isEnabled():
            # a disabled button cannot hold focus; the search keeps the last applicant's
            # words selected, so that the next typing replaces them
            self.focus_search()
            return
        target.setFocus()

    def _typing(self) -> bool:
        """The clerk is in a text field of the window: never pull the cursor out of it."""
        focused = self._window.focusWidget()
        if not isinstance(focused, QLineEdit) or focused is self._window.picker.filter:
            return False
        return bool(focused.text()) and not focused.isReadOnly()

    def _render(self, state: SessionState) -> None:
        shown, self._shown = self._shown, state
        moved = (
            state.item != shown.item
            or state.person != shown.person
            or state.page_count > shown.page_count
            or (state.phase is not shown.phase and state.phase is not Phase.ACCEPTING)
            or (state.missing != shown.missing and not state.missing)
        )
        if moved:
            self.focus_next()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        capture = self._window.capture_button
        if (
            watched is capture
            and event.type() == QEvent.Type.EnabledChange
            and capture.isEnabled()
            and self._capture_pending
        ):
            self._capture_pending = False
            focused = QApplication.focusWidget()
            # only if the clerk left the focus where it was put
            if focused is None or focused is self._window.materials_panel.table:
                capture.setFocus()
        return False
