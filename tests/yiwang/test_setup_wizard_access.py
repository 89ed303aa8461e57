"""The wizard's access page: a kiosk's maintenance PIN and a window station's first admin
clerk, typed twice, argon2id on disk, never shown in the summary; a re-run keeps both
unless the technician types new ones."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reference_platform.server import PlatformProcess
from station.clerks import ClerkDirectory
from station.kiosk_pin import PIN_FILE, MaintenancePin
from sync.config import load_config
from sync.store import Store
from tests.yiwang.conftest import enroll_code
from tests.yiwang.test_setup_wizard import admin_signs_in, fill_admin, finish, open_wizard
from ui_shared.setup_wizard.wizard import SetupWizard
from yiwang.commands.setup import setup_station


def to_access_page(qtbot: QtBot, data_dir: Path, platform: PlatformProcess, role: str,
                   code: str = "K001") -> SetupWizard:  # fmt: skip
    wizard = open_wizard(qtbot, data_dir)
    if not wizard.station_page.code.text():
        wizard.station_page.code.setText(code)
    (wizard.station_page.kiosk_role if role == "kiosk" else wizard.station_page.window_role
     ).setChecked(True)  # fmt: skip
    wizard.next()
    if not wizard.platform_page.url.text().startswith("http://127."):
        wizard.platform_page.url.setText(platform.url)
        wizard.platform_page.code.setText(enroll_code(platform))
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.access_page
    qtbot.waitUntil(lambda: wizard.access_page.state is not None)
    return wizard


def test_kiosk_pin_is_required_typed_twice_and_stored_as_argon2id(
    qtbot: QtBot, tmp_path: Path, platform: PlatformProcess
) -> None:
    data_dir = tmp_path / "kiosk"
    wizard = to_access_page(qtbot, data_dir, platform, "kiosk")
    page = wizard.access_page
    assert page.stack.currentIndex() == 0 and page.kiosk_pin.isVisible()
    wizard.next()
    assert wizard.currentPage() is page
    assert "PIN" in page.error.text()
    for pin, again, word in (("123456", "123456", "weak"), ("135790", "135791", "differ")):
        page.kiosk_pin.setText(pin)
        page.kiosk_pin_again.setText(again)
        wizard.next()
        assert wizard.currentPage() is page and word in page.error.text()
    page.kiosk_pin_again.setText("135790")
    wizard.next()
    changes = wizard.summary_page.changes.toPlainText()
    assert "kiosk maintenance PIN: set" in changes and "135790" not in changes
    finish(qtbot, wizard)
    assert load_config(data_dir).role == "kiosk"
    stored = (data_dir / "keys" / PIN_FILE).read_text(encoding="ascii")
    assert stored.startswith("$argon2id$") and "135790" not in stored
    pin = MaintenancePin(data_dir / "keys")
    assert pin.check("135790").ok and not pin.check("135791").ok


def test_rerun_keeps_the_kiosk_pin_unless_a_new_one_is_typed(
    qtbot: QtBot, tmp_path: Path, platform: PlatformProcess
) -> None:
    data_dir = tmp_path / "kiosk"
    setup_station(data_dir, platform_url=platform.url, enrollment_code=enroll_code(platform),
                  station_code="K002", role="kiosk")  # fmt: skip
    MaintenancePin(data_dir / "keys").set_pin("135790")
    before = (data_dir / "keys" / PIN_FILE).read_bytes()
    wizard = to_access_page(qtbot, data_dir, platform, "kiosk")
    page = wizard.access_page
    assert "keep it" in page.kiosk_hint.text()
    wizard.next()
    assert wizard.summary_page.changes.toPlainText() == "Nothing changes."
    finish(qtbot, wizard)
    assert (data_dir / "keys" / PIN_FILE).read_bytes() == before

    wizard = to_access_page(qtbot, data_dir, platform, "kiosk")
    page = wizard.access_page
    page.kiosk_pin.setText("975310")
    page.kiosk_pin_again.setText("975310")
    wizard.next()
    changes = wizard.summary_page.changes.toPlainText().splitlines()
    assert changes == ["kiosk maintenance PIN: replace (argon2id in keys/)"]
    finish(qtbot, wizard)
    pin = MaintenancePin(data_dir / "keys")
    assert pin.check("975310").ok and not pin.check("135790").ok


def test_window_admin_is_required_validated_and_a_rerun_keeps_it(
    qtbot: QtBot, tmp_path: Path, platform: PlatformProcess
) -> None:
    data_dir = tmp_path / "window"
    wizard = to_access_page(qtbot, data_dir, platform, "window", code="W010")
    page = wizard.access_page
    assert page.stack.currentIndex() == 1 and "Nobody can sign in" in page.admin_hint.text()
    for values, word in (
        (("", "", "", ""), "admin clerk"),
        (("bad id!", "王技术", "246813", "246813"), "clerk ID"),
        (("admin01", "", "246813", "246813"), "name"),
        (("admin01", "王技术", "111111", "111111"), "weak"),
        (("admin01", "王技术", "246813", "246831"), "differ"),
    ):
        fill_admin(wizard, *values)
        wizard.next()
        assert wizard.currentPage() is page and word in page.error.text()
    fill_admin(wizard, "admin01", "王技术", "246813")
    wizard.next()
    finish(qtbot, wizard)
    assert admin_signs_in(data_dir, "admin01", "246813")

    wizard = to_access_page(qtbot, data_dir, platform, "window")
    page = wizard.access_page
    assert "admin01" in page.admin_hint.text()
    fill_admin(wizard, "admin01", "李", "975310")
    wizard.next()
    assert wizard.currentPage() is page and "exists" in page.error.text()
    fill_admin(wizard, "", "", "")
    wizard.next()
    assert wizard.summary_page.changes.toPlainText() == "Nothing changes."
    finish(qtbot, wizard)
    store = Store(data_dir)
    try:
        assert [a.clerk_id for a in ClerkDirectory(store).list()] == ["admin01"]
    finally:
        store.close()
    assert admin_signs_in(data_dir, "admin01", "246813")
