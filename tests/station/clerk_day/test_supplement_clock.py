"""补正 time is not counted against the promise (行政许可法): from the platform's 补正
status event until the supplement reaches the platform, the promised-date clock stops,
by the catalog's holiday calendar. A real store in tmp, a fake clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from intake.applicant import Person
from intake.workdays import WorkCalendar
from station.efficiency import EfficiencyService
from station.supplement_clock import paused_working_days, supplement_waits
from sync.case_outcomes import OutcomeKind, OutcomeQueue
from sync.catalog_sync import load_catalog
from sync.client.answers import StatusEvent
from sync.store import STATION_TZ, Store

from .conftest import FakeClock
from .test_export_efficiency import ID1, _accept

#: the seed catalog's National Day week: 1, 2, 5, 6, 7 October off, Saturday 10 worked
NATIONAL_DAY = WorkCalendar.from_dict(
    {"holidays": ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
     "workdays": ["2026-10-10"]}
)  # fmt: skip


def _local(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=STATION_TZ)


def test_a_wait_over_the_holiday_week_counts_only_its_working_days() -> None:
    start, end = _local(date(2026, 9, 29), 10), _local(date(2026, 10, 9), 15)
    waits = supplement_waits([(start, "补正")], [end], now=end + timedelta(days=5))
    assert waits == [(start, end)]
    # 30 Sep, 8 and 9 Oct; the holidays and the weekend cost nothing
    assert paused_working_days(waits, NATIONAL_DAY, STATION_TZ) == 3
    assert paused_working_days(waits, WorkCalendar(), STATION_TZ) == 8  # Mon-Fri only


def test_waits_end_at_the_supplement_or_when_the_department_moves_on() -> None:
    t = [_local(date(2026, 12, d), 9) for d in range(1, 12)]
    # still waiting: the clock stands still up to now
    assert supplement_waits([(t[0], "受理"), (t[1], "需补正")], [], now=t[4]) == [(t[1], t[4])]
    # the department moved on without a supplement from this station
    assert supplement_waits([(t[1], "补正"), (t[3], "审核中")], [], now=t[9]) == [(t[1], t[3])]
    # a supplement delivered before the 补正 event is not its answer
    assert supplement_waits([(t[2], "补正")], [t[1], t[5]], now=t[9]) == [(t[2], t[5])]
    # two rounds of 补正, each ended by its own supplement
    rounds = [(t[1], "补正"), (t[3], "审核中"), (t[5], "补正"), (t[8], "审核中")]
    assert supplement_waits(rounds, [t[2], t[6]], now=t[10]) == [(t[1], t[2]), (t[5], t[6])]
    # the same day settled: nothing paused
    assert paused_working_days([(t[1], t[1] + timedelta(hours=3))], WorkCalendar(), UTC) == 0


@pytest.mark.parametrize("supplemented", [True, False])
def test_the_overdue_list_extends_the_promise_by_the_days_in_supplement(
    tmp_path: Path, supplemented: bool
) -> None:
    store = Store(tmp_path / "station")
    try:
        # SB-001 promises 3 working days: accepted Mon 28 Sep -> due Thu 8 Oct
        accepted = _local(date(2026, 9, 28), 10)
        uuid = _accept(store, 1, person=Person(name="张三", id_number=ID1), item="SB-001",
                       clerk="c01", at=accepted)  # fmt: skip
        asked = _local(date(2026, 9, 29), 10)
        store.apply_status_events([StatusEvent(uuid, "CASE-1", "补正", at=asked.isoformat(),
                                               event_id=1)])  # fmt: skip
        brought = _local(date(2026, 10, 9), 15)
        if supplemented:
            queue = OutcomeQueue(store)
            supplement = queue.enqueue(OutcomeKind.SUPPLEMENT, {"x": 1}, reference="r",
                                       submission_uuid=uuid, now=brought)  # fmt: skip
            queue.mark_delivered(supplement, 1, "审核中", brought)
        clock = FakeClock()
        clock.now = _local(date(2026, 10, 12), 14).astimezone(UTC)  # Monday
        catalog = load_catalog(store.data_dir)
        assert catalog.calendar.is_working_day(date(2026, 10, 10))  # the seed's 调休 Saturday
        service = EfficiencyService(store, catalog, tz=STATION_TZ, clock=clock)
        [due] = service.due_cases()
        if supplemented:
            # 3 days in 补正 (30 Sep, 8 and 9 Oct): 29, 30 Sep, 8, 9, 10 (Sat), 12 Oct
            assert due.paused_days == 3 and due.due == date(2026, 10, 12)
            assert due.days_left == 0  # near its promise, not overdue
            assert service.day_report().total.overdue == 0
        else:
            # still waiting today: the clock stopped on 29 Sep and stands still
            assert due.paused_days == 5  # 30 Sep, 8, 9, 10, 12 Oct
            assert due.due == date(2026, 10, 14) and due.days_left == 2
    finally:
        store.close()

