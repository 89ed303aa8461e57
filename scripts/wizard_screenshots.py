"""Screenshots of the set-up wizard for docs/technician.md, made offscreen with the
real parts: the reference platform, the simulated reader, camera and printer.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/wizard_screenshots.py`
Writes docs/screenshots/wizard_{station,platform,devices,admin,kiosk_pin,summary}.png
(Chinese).
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def pump_until(cond: Callable[[], bool], timeout: float = 30.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    from PySide6.QtWidgets import QApplication, QPushButton

    from reference_platform.server import PlatformProcess
    from ui_shared.app_setup import apply_fonts, apply_style, install_translator
    from ui_shared.setup_wizard.wizard import SetupWizard

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_fonts(app)
    install_translator(app, "zh_CN")
    apply_style(app, "clerk")
    code = secrets.token_hex(6)
    with tempfile.TemporaryDirectory(prefix="yiwang-shots-") as tmp, PlatformProcess(
        Path(tmp) / "platform.db", enrollment_codes=[code]
    ) as platform:
        wizard = SetupWizard(Path(tmp) / "station")
        wizard.resize(1000, 720)
        wizard.show()
        wizard.station_page.code.setText("CGZ01")
        wizard.station_page.name.setText("城关镇便民服务中心")
        OUT.mkdir(parents=True, exist_ok=True)

        def shoot(name: str) -> None:
            pump_until(lambda: True)
            app.processEvents()
            wizard.grab().save(str(OUT / f"wizard_{name}.png"))

        shoot("station")
        wizard.next()
        wizard.platform_page.url.setText(platform.url)
        wizard.platform_page.code.setText(code)
        shoot("platform")
        wizard.next()
        page = wizard.devices_page
        page.combos["scanner"].setCurrentText("wedge")
        for device in ("idcard", "printer", "camera"):
            button = page.findChild(QPushButton, f"{device}Test")
            assert button is not None
            button.click()
        pump_until(lambda: page.preview is not None and page.preview.page_detected)
        pump_until(lambda: all(
            page.results[d].text() and "…" not in page.results[d].text()
            for d in ("idcard", "printer", "camera")
        ))  # fmt: skip
        page.wedge_input.setText("YW1|CGZ01-20261203-0001|3f9a")
        page.wedge_input.returnPressed.emit()
        shoot("devices")
        wizard.next()
        access = wizard.access_page
        pump_until(lambda: access.state is not None)
        access.admin_id.setText("admin01")
        access.admin_name.setText("王技术")
        access.admin_pin.setText("246813")
        access.admin_pin_again.setText("246831")
        wizard.next()  # refused: the two PINs differ (the picture shows the message)
        shoot("admin")
        access.admin_pin_again.setText("246813")
        wizard.next()
        shoot("summary")
        wizard.accept()
        pump_until(lambda: wizard.result_ is not None)
        wizard.shutdown()

        kiosk = SetupWizard(Path(tmp) / "kiosk")
        kiosk.resize(1000, 720)
        kiosk.show()
        kiosk.station_page.code.setText("CGZK1")
        kiosk.station_page.kiosk_role.setChecked(True)
        kiosk.next()
        kiosk.platform_page.url.setText(platform.url)
        kiosk.next()
        kiosk.next()
        pump_until(lambda: kiosk.access_page.state is not None)
        kiosk.access_page.kiosk_pin.setText("135790")
        pump_until(lambda: True)
        app.processEvents()
        kiosk.grab().save(str(OUT / "wizard_kiosk_pin.png"))
        kiosk.shutdown()
        kiosk.close()
    print(f"wrote {OUT}/wizard_*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
