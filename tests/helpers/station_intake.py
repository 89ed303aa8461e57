"""Real accepted submissions in a station's store: the scripted intake (ID card over a
pty, simulated camera through the page pipeline, the store), without delivering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from station.context import open_station
from station.simulators import DemoSimulators
from yiwang.scripted_intake import run_scripted_intakes


def accept_intakes(station: Path, count: int = 1) -> list[Any]:
    """Accept ``count`` submissions; returns the IntakeRecords."""
    services = open_station(station, with_engine=False)
    try:
        sims = services.simulators
        assert isinstance(sims, DemoSimulators)
        return run_scripted_intakes(services, sims, count, say=lambda _text: None)
    finally:
        services.close()
