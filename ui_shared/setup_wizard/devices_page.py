"""The devices page: each device found, chosen and proven live — a card read (shown
masked), a test receipt printed, the camera's preview with the page outlined, a
code scanned. Every probe runs off the GUI thread."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizardPage,
)

from devices.camera.pipeline import find_page
from devices.scanner.spec import open_scanner
from station.device_probe import discover, grabber, print_test_receipt, read_card_masked
from station.device_settings import SIMULATED, DeviceSettings
from ui_shared.bridges import ScanBridge
from ui_shared.camera_preview import CameraPreview
from ui_shared.messages import user_message
from ui_shared.setup_wizard.fields import plain_label, schema_label, schema_problem

if TYPE_CHECKING:
    from ui_shared.setup_wizard.wizard import SetupWizard

DEVICES = ("idcard", "camera", "printer", "scanner")


class DevicesPage(QWizardPage):
    def __init__(self, initial: DeviceSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Devices"))
        self.setSubTitle(self.tr("Choose each device and prove it works before finishing."))
        self.initial = initial
        found = discover()
        self.combos: dict[str, QComboBox] = {}
        self.results: dict[str, Any] = {}
        self.preview: CameraPreview | None = None
        self._close_camera: Callable[[], None] = lambda: None
        self._scanner: Any = None
        self.bridge = ScanBridge(self)
        self.bridge.scanned.connect(self._scanned)
        self.bridge.scanner_error.connect(lambda text: self.results["scanner"].setText(text))
        grid = QGridLayout(self)
        tests = {
            "idcard": (self.tr("Read a card"), self._test_card),
            "camera": (self.tr("Show the camera"), self._test_camera),
            "printer": (self.tr("Print a test receipt"), self._test_printer),
            "scanner": (self.tr("Listen for a code"), self._test_scanner),
        }
        for row, device in enumerate(DEVICES):
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.setObjectName(f"{device}Choice")
            options = list(getattr(found, device))
            current = getattr(initial, device)
            if current not in options:
                options.insert(0, current)
            combo.addItems(options)
            combo.setCurrentText(current)
            label, action = tests[device]
            button = QPushButton(label, self)
            button.setObjectName(f"{device}Test")
            button.clicked.connect(action)
            result = plain_label(self)
            result.setObjectName(f"{device}Result")
            self.combos[device], self.results[device] = combo, result
            grid.addWidget(schema_label(f"devices.{device}", self), row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(button, row, 2)
            grid.addWidget(result, row, 3)
        self.wedge_input = QLineEdit(self)
        self.wedge_input.setObjectName("wedgeInput")
        self.wedge_input.setPlaceholderText(
            self.tr("keyboard scanner: scan a code into this field")
        )
        self.wedge_input.returnPressed.connect(
            lambda: self._scanned(self.wedge_input.text().strip())
        )
        grid.addWidget(self.wedge_input, len(DEVICES), 1, 1, 3)
        self.preview_slot = len(DEVICES) + 1
        self.grid = grid
        self.error = plain_label(self)
        self.error.setObjectName("pageError")
        grid.addWidget(self.error, len(DEVICES) + 2, 0, 1, 4)

    @property
    def wizard_(self) -> SetupWizard:
        return self.wizard()  # type: ignore[return-value]

    def settings(self) -> DeviceSettings:
        text = {d: self.combos[d].currentText().strip() for d in DEVICES}
        return dataclasses.replace(
            self.initial,
            idcard=text["idcard"],
            camera=text["camera"],
            printer=text["printer"],
            scanner=text["scanner"],
        )

    def validatePage(self) -> bool:
        for device in DEVICES:
            problem = schema_problem(f"devices.{device}", self.combos[device].currentText().strip())
            if problem:
                self.error.setText(problem)
                return False
        self.error.setText("")
        self.stop_probes()
        return True

    def cleanupPage(self) -> None:
        self.stop_probes()

    def _say(self, device: str, text: str) -> None:
        self.results[device].setText(text)

    def _run(self, device: str, work: Callable[[], str], ok: str) -> None:
        self._say(device, self.tr("Testing…"))
        self.wizard_.tasks.disk(
            work,
            lambda text: self._say(device, f"{ok} {text}"),
            lambda e: self._say(device, user_message(e, self.tr("Test failed"))),
        )

    def _test_card(self) -> None:
        setting = self.combos["idcard"].currentText().strip()
        sims = self.wizard_.simulators() if setting == SIMULATED else None
        self._run("idcard", lambda: read_card_masked(setting, sims), self.tr("Card read:"))

    def _test_printer(self) -> None:
        settings, data_dir = self.settings(), self.wizard_.data_dir
        self._run("printer", lambda: print_test_receipt(settings, data_dir), self.tr("Printed"))

    def _test_camera(self) -> None:
        self._stop_camera()
        settings = self.settings()
        sims = self.wizard_.simulators() if settings.camera == SIMULATED else None
        try:
            grab, self._close_camera = grabber(settings, sims)
        except Exception as e:  # a camera that cannot open is a finding, not a crash
            self._say("camera", user_message(e, self.tr("Camera unavailable")))
            return
        self.preview = CameraPreview(grab, find_page, self.wizard_.tasks, self)
        self.preview.setObjectName("cameraPreview")
        self.preview.setMinimumSize(480, 270)
        self.preview.frame_shown.connect(self._frame_shown)
        self.preview.camera_failed.connect(lambda text: self._say("camera", text))
        self.grid.addWidget(self.preview, self.preview_slot, 0, 1, 4)
        self.preview.start()

    def _frame_shown(self) -> None:
        if self.preview is not None and self.preview.page_detected:
            self._say("camera", self.tr("Picture live, page detected"))
        else:
            self._say("camera", self.tr("Picture live; put a page under the camera"))

    def _test_scanner(self) -> None:
        self._stop_scanner()
        setting = self.combos["scanner"].currentText().strip()
        if setting in ("none", ""):
            self._say("scanner", self.tr("No scanner chosen"))
            return
        self._say("scanner", self.tr("Scan a code now…"))
        if setting == "wedge":
            self.wedge_input.clear()
            self.wedge_input.setFocus()
            return
        try:
            self._scanner = open_scanner(setting)
            assert self._scanner is not None
            self._scanner.start(self.bridge.on_scan)
        except Exception as e:
            self._scanner = None
            self._say("scanner", user_message(e, self.tr("Scanner unavailable")))

    def _scanned(self, text: str) -> None:
        if text:
            self._say("scanner", self.tr("Code read: %1").replace("%1", text[:80]))

    def _stop_camera(self) -> None:
        if self.preview is not None:
            self.preview.stop()
            self.preview.setParent(None)
            self.preview.deleteLater()
            self.preview = None
        self._close_camera()
        self._close_camera = lambda: None

    def _stop_scanner(self) -> None:
        if self._scanner is not None:
            self._scanner.stop()
            self._scanner = None

    def stop_probes(self) -> None:
        self._stop_camera()
        self._stop_scanner()
