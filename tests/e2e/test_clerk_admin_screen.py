"""人员管理 on real widgets: a signed-in admin adds a clerk, resets a PIN and disables
a clerk; the changes are argon2id hashes only, audited with the admin as actor, and
the reset clerk must choose a new PIN. A plain clerk never sees the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_station.app import build_window
from clerk_station.clerk_admin_dialog import ClerkAdminDialog
from clerk_station.clerk_day_bar import ClerkDayBar
from station.clerks import ClerkDirectory
from station.context import open_station
from station.pins import PinGuard, PinHasher
from station.services import StationServices

FAST = PinHasher(time_cost=1, memory_kib=1024)


@pytest.fixture
def services(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir, with_engine=False)
    day = s.clerk_day
    assert day is not None
    day.directory = ClerkDirectory(s.intake.store, PinGuard(FAST))
    day.directory.add("boss", "赵站长", "802461", role="admin", by="setup")  # type: ignore[arg-type]
    day.directory.add("c01", "李窗口", "730518", by="setup")
    yield s
    s.close()


def _bar(qtbot: QtBot, services: StationServices, clerk: str) -> ClerkDayBar:
    services.clerk_id = clerk
    window = build_window(services)
    qtbot.addWidget(window)
    bar = window.findChild(ClerkDayBar)
    assert bar is not None
    return bar


def _select(dialog: ClerkAdminDialog, clerk_id: str) -> None:
    row = [r.clerk_id for r in dialog.rows].index(clerk_id)
    dialog.table.selectRow(row)


def test_admin_adds_resets_and_disables(qtbot: QtBot, services: StationServices) -> None:
    bar = _bar(qtbot, services, "boss")
    qtbot.waitUntil(lambda: bar.clerks_action.isVisible(), timeout=5_000)
    dialog = bar.open_clerk_admin()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=5_000)
    assert dialog.table.item(0, 1).text() == "赵站长"

    # add: two PINs that differ are caught before anything is stored
    dialog.add_button.click()
    form = dialog.form
    assert form is not None
    qtbot.addWidget(form)
    form.clerk_field.setText("wang2")
    form.name_field.setText("王二")
    form.pin.setText("591736")
    form.repeat.setText("591737")
    form.check()
    assert form.isVisible() and form.message.text()
    form.repeat.setText("591736")
    form.check()
    qtbot.waitUntil(lambda: len(dialog.rows) == 3, timeout=5_000)
    day = services.clerk_day
    assert day is not None
    first = day.directory.sign_in("wang2", "591736")
    assert first.ok and first.account is not None and first.account.must_change_pin

    # reset c01's PIN: the old one stops working, the new one must be changed
    _select(dialog, "c01")
    assert dialog.reset_button.isEnabled()
    dialog.reset_button.click()
    reset = dialog.form
    assert reset is not None and reset is not form and reset.clerk_field.isReadOnly()
    qtbot.addWidget(reset)
    reset.pin.setText("468023")
    reset.repeat.setText("468023")
    reset.check()
    qtbot.waitUntil(lambda: dialog.message.text() == dialog.tr("Saved."), timeout=5_000)
    assert not day.directory.sign_in("c01", "730518").ok
    again = day.directory.sign_in("c01", "468023")
    assert again.ok and again.account is not None and again.account.must_change_pin

    # disable c01; the admin cannot disable the account in use
    _select(dialog, "c01")
    dialog.disable_button.click()
    qtbot.waitUntil(lambda: any(r.clerk_id == "c01" and r.disabled for r in dialog.rows),
                    timeout=5_000)
    assert not day.directory.sign_in("c01", "468023").ok
    _select(dialog, "boss")
    dialog.disable_button.click()
    qtbot.waitUntil(lambda: "signed in" in dialog.message.text(), timeout=5_000)

    store = services.intake.store
    rows = store.audit_rows()
    mine = [(r["actor"], r["action"], r["subject"]) for r in rows if r["actor"] == "boss"]
    assert mine == [("boss", "clerk_add", "wang2"), ("boss", "pin_reset", "c01"),
                    ("boss", "clerk_disable", "c01")]
    for clerk in ("wang2", "c01"):
        stored = store.clerk_row(clerk)
        assert stored is not None and stored.pin_hash.startswith("$argon2id$")
    assert all("591736" not in r["detail"] and "468023" not in r["detail"] for r in rows)
    assert store.verify_audit_chain()


def test_a_clerk_never_sees_the_screen(qtbot: QtBot, services: StationServices) -> None:
    bar = _bar(qtbot, services, "c01")
    # the disk lane is serial: once a later task is done, the admin check has answered
    done: list[bool] = []
    bar._tasks.disk(lambda: True, done.append, lambda _e: None)
    qtbot.waitUntil(lambda: done == [True], timeout=5_000)
    assert not bar.clerks_action.isVisible()
    dialog = bar.open_clerk_admin()  # even when opened by other means, nothing is listed
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5_000)
    assert dialog.rows == [] and "administrator" in dialog.message.text()
