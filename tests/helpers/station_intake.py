"""Real accepted submissions in a station's store: the scripted intake (ID card over a
pty, simulated camera through the page pipeline, the store), without delivering."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from station.context import backup_settings, open_station
from station.simulators import DemoSimulators
from sync.config import load_config
from sync.store import list_backups
from yiwang.scripted_intake import run_scripted_intakes


def accept_intakes(station: Path, count: int = 1) -> list[Any]:
    """Accept ``count`` submissions and keep the station open until its rolling backup
    has copied them (as a station left running would); returns the IntakeRecords."""
    folder = backup_settings(load_config(station), station).folder_for(station)
    before = set(list_backups(folder))
    services = open_station(station, with_engine=False)
    try:
        sims = services.simulators
        assert isinstance(sims, DemoSimulators)
        # the codes on the pages are not read: no test of these looks at them
        records = run_scripted_intakes(services, sims, count, say=lambda _text: None,
                                       read_codes=False)
        deadline = time.monotonic() + 30  # the backup follows the accepts within seconds
        while not set(list_backups(folder)) - before:
            assert time.monotonic() < deadline, "no backup after the accepts"
            time.sleep(0.05)
        return records
    finally:
        services.close()
