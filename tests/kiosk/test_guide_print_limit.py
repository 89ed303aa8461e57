"""办事指南 asks nobody who they are, so its paper is capped per kiosk over a time window
and each print is in the audit log (review7: ten taps printed ten guides, none audited;
s12 #2: 回首页 and back gave three more)."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from kiosk.screens.guide import GUIDE_PRINTS_PER_VISIT, GuideScreen
from station.print_allowance import KIOSK_WINDOW_S
from tests.kiosk.conftest import Kiosk


def test_guide_prints_are_capped_per_visit_and_audited(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    kiosk, window = shared_kiosk, shared_kiosk.window
    store = kiosk.services.station.intake.store

    def audited() -> list[dict[str, object]]:
        return [r for r in store.audit_rows() if r["action"] == "print_guide"]

    before = len(audited())
    window.show_screen("guide")
    guide = window.current
    assert isinstance(guide, GuideScreen)
    item = kiosk.services.catalog.item("SB-001")
    guide.show_item(item)
    for n in range(1, GUIDE_PRINTS_PER_VISIT + 1):
        guide.status.setText("")
        guide.print_button.click()
        qtbot.waitUntil(lambda: guide.status.text() != "", timeout=10_000)
        assert len(audited()) - before == n
    guide.print_button.click()  # one more: refused and said, nothing printed
    assert "窗口" in guide.status.text()
    assert len(audited()) - before == GUIDE_PRINTS_PER_VISIT
    rows = audited()[before:]
    assert {r["subject"] for r in rows} == {"SB-001"}
    assert all(json.loads(str(r["detail"])) == {"outcome": "printed"} for r in rows)
    # 回首页 and back is a new visit's three, under the kiosk's own ceiling (all
    # citizens together): going home and back again and again ends there
    ceiling = kiosk.services.allowance.kiosk_limit
    while len(audited()) - before < ceiling:
        window.home.click()
        window.show_screen("guide")
        guide.show_item(item)
        done = len(audited())
        guide.status.setText("")
        guide.print_button.click()
        # printed and said (the audit row is written before the screen hears of it)
        qtbot.waitUntil(lambda: guide.status.text() != "", timeout=10_000)
        assert len(audited()) == done + 1
    window.home.click()
    window.show_screen("guide")
    guide.show_item(item)
    guide.status.setText("")
    guide.print_button.click()
    assert "分钟" in guide.status.text()  # the kiosk's share, and when it frees
    assert len(audited()) - before == ceiling
    # the kiosk's window passed: the next citizen may print again
    allowance = kiosk.services.allowance
    now = allowance.clock  # the allowance's own clock, moved on past the window
    allowance.clock = lambda: now() + KIOSK_WINDOW_S + 1
    window.home.click()
    window.show_screen("guide")
    guide.show_item(item)
    guide.status.setText("")
    guide.print_button.click()
    qtbot.waitUntil(lambda: guide.status.text() != "", timeout=10_000)
    assert len(audited()) - before == ceiling + 1


def test_the_next_citizen_refused_a_guide_is_told_when_it_can_print(
    shared_kiosk: Kiosk, qtbot: QtBot
) -> None:
    """A citizen who printed nothing, after another spent the kiosk's guides: told it is
    the kiosk's share and in how many minutes it frees (it said "暂时最多打印这几份", as if
    they had printed them)."""
    kiosk, window = shared_kiosk, shared_kiosk.window
    item = kiosk.services.catalog.item("SB-001")
    for _ in range(kiosk.services.allowance.kiosk_limit):
        assert kiosk.services.allowance.take("kiosk:guide")  # the last citizens' prints
    kiosk.clock.advance(120)
    window.show_screen("guide")
    guide = window.current
    assert isinstance(guide, GuideScreen)
    guide.show_item(item)
    guide.print_button.click()
    said = guide.status.text()
    assert "约 8 分钟" in said and "窗口" in said, said
    assert "这几份" not in said
