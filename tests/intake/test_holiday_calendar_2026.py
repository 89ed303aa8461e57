"""The seed catalog's 2026 calendar against the State Council's own notice
(国务院办公厅关于2026年部分节假日安排的通知, 国办发明电, 4 Nov 2025, as published by
Xinhua: https://politics.gmw.cn/2025-11/04/content_38391083.htm). The table below is the
notice's text, day by day; the catalog was written separately and must agree with it."""

from __future__ import annotations

import json
from datetime import date, timedelta

from intake.workdays import WorkCalendar
from resources import resource_path

#: (first day off, last day off, weekend days worked instead), as the notice lists them
NOTICE_2026 = (
    ("元旦", date(2026, 1, 1), date(2026, 1, 3), (date(2026, 1, 4),)),
    ("春节", date(2026, 2, 15), date(2026, 2, 23), (date(2026, 2, 14), date(2026, 2, 28))),
    ("清明节", date(2026, 4, 4), date(2026, 4, 6), ()),
    ("劳动节", date(2026, 5, 1), date(2026, 5, 5), (date(2026, 5, 9),)),
    ("端午节", date(2026, 6, 19), date(2026, 6, 21), ()),
    ("中秋节", date(2026, 9, 25), date(2026, 9, 27), ()),
    ("国庆节", date(2026, 10, 1), date(2026, 10, 7), (date(2026, 9, 20), date(2026, 10, 10))),
)


def _seed_calendar() -> WorkCalendar:
    seed = json.loads(resource_path("catalog", "seed_catalog.json").read_text("utf-8"))
    return WorkCalendar.from_dict(seed["calendar"])


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_every_day_of_2026_is_as_the_notice_says() -> None:
    calendar = _seed_calendar()
    off = {d for _name, first, last, _worked in NOTICE_2026 for d in _days(first, last)}
    worked = {d for *_rest, days in NOTICE_2026 for d in days}
    wrong = []
    for day in _days(date(2026, 1, 1), date(2026, 12, 31)):
        expected = day in worked or (day.weekday() < 5 and day not in off)
        if calendar.is_working_day(day) != expected:
            wrong.append(day.isoformat())
    assert wrong == []


def test_promised_dates_across_the_spring_festival() -> None:
    calendar = _seed_calendar()
    # accepted Friday 13 Feb: Sat 14 is worked, then nine days off, back on Tue 24
    assert calendar.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert calendar.add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    # accepted Wednesday 30 Sep: the National Day week, then Thu 8, Fri 9, Sat 10 (worked)
    assert calendar.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
