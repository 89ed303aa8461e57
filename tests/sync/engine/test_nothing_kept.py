"""Once a submission is delivered the engine lets go of it: the applicant's name, ID
number, address and phone are not held in memory while the rest of the pass (status,
evaluations, catalog, heartbeat) goes on, nor after it (review wt6 #20: after the
kiosk's wipe the engine still held the last citizen's Submission)."""

from __future__ import annotations

import gc
import types
from typing import Any

from intake.submission import Submission
from sync.store import Store, SubmissionRecord
from tests.sync.engine.test_engine_logic import make_engine


def _held(name: str) -> list[str]:
    """What still holds the applicant: Submission objects, store records, and any
    function whose closure reaches one (a progress callback)."""
    gc.collect()
    held: list[str] = []
    for o in gc.get_objects():
        if isinstance(o, Submission | SubmissionRecord):
            held.append(type(o).__name__)
        elif isinstance(o, types.FunctionType) and o.__closure__:
            for cell in o.__closure__:
                try:
                    value = cell.cell_contents
                except ValueError:  # an empty cell
                    continue
                if isinstance(value, Submission) and value.applicant.name == name:
                    held.append(o.__qualname__)
    return held


def test_a_delivered_submission_is_let_go_during_and_after_the_pass(
    store: Store, accept: Any, fake: Any
) -> None:
    name = accept().applicant.name  # the test keeps no reference to it
    engine, _events, _clock = make_engine(store, fake)
    during: list[list[str]] = []

    def look() -> bool:  # a pass task: runs after the deliveries, within the pass
        during.append(_held(name))
        return False

    engine.pass_tasks.append(look)
    report = engine.run_once()
    assert report.delivered == 1
    assert during == [[]], f"held while the pass went on: {during}"
    assert _held(name) == []
