"""Joins the evaluation pad (评价器) to the clerk's window.

The item the clerk chose and the applicant the card read identified go to the
pad as masked details for the citizen to confirm; the accept asks the citizen
for an evaluation of that case; a level (with reasons) is queued on the disk
lane and delivered with the case's receipt number by the sync engine. The pad
only listens: nothing it does changes the clerk's window or its focus.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from clerk_station.evaluation_pad import EvaluationPad
from intake.applicant import Applicant
from station.window_evaluation import WindowEvaluations, pad_details
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


class EvaluationPadFlow(QObject):
    stored = Signal(str)  # the evaluation's uuid, once queued

    def __init__(
        self,
        window: QWidget,
        evaluations: WindowEvaluations,
        tasks: TaskRunner,
        *,
        english: bool = False,
    ) -> None:
        super().__init__(window)
        self.pad = EvaluationPad(english=english)
        self.on_second_screen = self.pad.place(window.screen())
        self._evaluations = evaluations
        self._tasks = tasks
        self._english = english
        self._item = ""
        self._applicant: Applicant | None = None
        self._case: tuple[str, str] | None = None  # (submission uuid, receipt number)
        picker: Any = getattr(window, "picker", None)
        panel: Any = getattr(window, "applicant_panel", None)
        accepted: Any = getattr(window, "accepted", None)
        if picker is not None:
            picker.item_chosen.connect(self._item_chosen)
        if panel is not None:
            panel.applicant_changed.connect(self._applicant_changed)
        if accepted is not None:
            accepted.connect(self._accepted)
        self.pad.rated.connect(self._rated)
        self.pad.skipped.connect(self._skipped)
        window.destroyed.connect(self.pad.close)
        self.pad.show_welcome()

    def set_visible(self, visible: bool) -> None:
        if visible and self.on_second_screen:
            self.pad.showFullScreen()  # the whole citizen-facing screen
        else:
            self.pad.setVisible(visible)

    def close(self) -> None:
        self.pad.close()

    # -- from the clerk's window --------------------------------------------------------

    def _item_chosen(self, item: object) -> None:
        self._item = str(getattr(item, "name_en" if self._english else "name_zh", ""))
        self._show_details()

    def _applicant_changed(self, applicant: object) -> None:
        if applicant is None and self._case is not None:
            return  # the accept cleared the form: the pad is asking for the evaluation
        self._applicant = applicant if isinstance(applicant, Applicant) else None
        if applicant is not None:
            self._case = None  # the next applicant: the last one chose not to evaluate
        self._show_details()

    def _show_details(self) -> None:
        if self._case is not None:
            return
        if not self._item and self._applicant is None:
            self.pad.show_welcome()
        else:
            self.pad.show_details(pad_details(self._item, self._applicant))

    def _accepted(self, accepted: object) -> None:
        submission = getattr(accepted, "submission", None)
        if submission is None:
            return
        self._case = (str(submission.uuid), str(submission.receipt_no))
        self._item, self._applicant = "", None
        self.pad.ask_rating()

    # -- from the citizen ---------------------------------------------------------------

    def _skipped(self) -> None:
        self._case = None

    def _rated(self, level: int, reasons: tuple[str, ...]) -> None:
        case, self._case = self._case, None
        if case is None:
            self.pad.show_welcome()
            return
        uuid, receipt_no = case
        evaluations = self._evaluations

        def failed(error: BaseException) -> None:
            log.warning("window evaluation of %s not stored: %r", receipt_no, error)
            self.pad.show_not_saved()

        def done(evaluation_uuid: str) -> None:
            self.pad.show_thanks()
            self.stored.emit(evaluation_uuid)

        self._tasks.disk(lambda: evaluations.evaluate(uuid, receipt_no, level, reasons),
                         done, failed)
