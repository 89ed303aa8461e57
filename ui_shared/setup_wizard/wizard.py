"""The set-up wizard: station, platform, devices, summary. Finish enrolls (when
needed) and writes only what changed, off the GUI thread."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from station.setup import (
    SetupChoices,
    SetupResult,
    apply_setup,
    current_choices,
    is_enrolled,
    plan_changes,
)
from station.setup_access import AccessState, apply_access, plan_access, read_access_state
from station.simulators import DemoSimulators
from ui_shared.messages import user_message
from ui_shared.setup_wizard.access_page import AccessPage
from ui_shared.setup_wizard.devices_page import DevicesPage
from ui_shared.setup_wizard.pages import PlatformPage, StationPage, SummaryPage
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


class SetupWizard(QWizard):
    applied = Signal(object)  # SetupResult
    failed = Signal(str)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Yiwang Window — station set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(900, 640)
        buttons = QWizard.WizardButton
        for button, text in (
            (buttons.BackButton, self.tr("< Back")),
            (buttons.NextButton, self.tr("Next >")),
            (buttons.FinishButton, self.tr("Finish")),
            (buttons.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.data_dir = Path(data_dir)
        self.tasks = TaskRunner(self)
        self._sims: DemoSimulators | None = None
        self._applying = False
        self.result_: SetupResult | None = None
        initial = current_choices(self.data_dir)
        self.station_page = StationPage(initial, self)
        self.platform_page = PlatformPage(initial, is_enrolled(self.data_dir), self)
        self.devices_page = DevicesPage(
            initial.devices if initial else SetupChoices("X", "https://x").devices, self
        )
        self.access_page = AccessPage(initial is None, self)
        self.summary_page = SummaryPage(self)
        for page in (
            self.station_page,
            self.platform_page,
            self.devices_page,
            self.access_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.tasks.disk(
            lambda: read_access_state(self.data_dir),
            self.access_page.show_state,
            self._access_unreadable,
        )

    def _access_unreadable(self, error: BaseException) -> None:
        # a damaged database: the technician can still set up; adding an admin will
        # report the same problem on Finish
        log.warning("station access not read: %r", error)
        self.access_page.show_state(AccessState())

    def simulators(self) -> DemoSimulators:
        """The simulated reader and camera, started the first time a test needs them."""
        if self._sims is None:
            self._sims = DemoSimulators()
            self._sims.start()
        return self._sims

    def choices(self) -> SetupChoices:
        return SetupChoices(
            station_code=self.station_page.code.text().strip(),
            station_name=self.station_page.name.text().strip(),
            role=self.station_page.role,
            platform_url=self.platform_page.url.text().strip(),
            ca_bundle=self.platform_page.ca_bundle.text().strip(),
            enrollment_code=self.platform_page.code.text().strip(),
            devices=self.devices_page.settings(),
        )

    def planned_changes(self) -> list[str]:
        access = plan_access(
            self.station_page.role,
            self.access_page.state or AccessState(),
            self.access_page.choices(),
        )
        return plan_changes(self.data_dir, self.choices()) + access

    def accept(self) -> None:
        """Finish: apply on the disk lane; close only once it worked."""
        if self._applying:
            return
        self._applying = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.summary_page.status.setText(self.tr("Enrolling and saving…"))
        choices, access = self.choices(), self.access_page.choices()

        def apply() -> SetupResult:
            result = apply_setup(self.data_dir, choices)
            added = apply_access(self.data_dir, choices.role, access)
            return dataclasses.replace(result, changed=result.changed + tuple(added))

        self.tasks.disk(apply, self._done, self._failed)

    def _done(self, result: SetupResult) -> None:
        self._applying = False
        self.result_ = result
        log.info(
            "station set up in %s (%d change(s), enrolled=%s)",
            self.data_dir,
            len(result.changed),
            result.enrolled,
        )
        self.applied.emit(result)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self._applying = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        text = user_message(error, self.tr("Set-up failed"))
        self.summary_page.status.setText(text)
        self.failed.emit(text)

    def done(self, result: int) -> None:
        self.devices_page.stop_probes()
        super().done(result)

    def shutdown(self) -> None:
        """Stop probes, simulators and workers (call once the wizard is finished)."""
        self.devices_page.stop_probes()
        self.tasks.shutdown()
        if self._sims is not None:
            self._sims.stop()
            self._sims = None
