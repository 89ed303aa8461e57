"""Real accepted cases for the whole-flow tests: the scripted intake (card over the pty,
simulated camera through the page pipeline, the station's session and store)."""

from __future__ import annotations

from station.services import StationServices
from station.simulators import DemoSimulators
from yiwang.scripted_intake import IntakeRecord, run_scripted_intakes


def accepted_cases(services: StationServices, count: int = 1) -> list[IntakeRecord]:
    """``count`` cases accepted as the headless demo accepts them, less its report of the
    codes on each page: no test reads it, and at a test station's 640x360 camera the
    decoder searched each upscaled page in vain for 0.6 CPU-s."""
    sims = services.simulators
    assert isinstance(sims, DemoSimulators)
    return run_scripted_intakes(services, sims, count, say=lambda _m: None, read_codes=False)

#: the size of the photos the whole-flow tests import (a phone photo of a page at 960x540:
#: a tenth of the CPU of rendering 1920x1080, and the import finds the same — the sharp
#: one kept, the blurred one refused as blurry; tests/station/test_page_import.py keeps
#: a full-size phone photo)
PHOTO_SIZE = (960, 540)
