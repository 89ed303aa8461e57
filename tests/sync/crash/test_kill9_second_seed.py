"""The kill -9 trials of test_kill9_trials.py on a second seed: a repetition of the same
check (same kinds of kill point, another draw), so it runs with the soaks
(``./run tests --slow``); the default run keeps the first seed. In its own file so that
another xdist worker runs it alongside the soak, against its own platform."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sync.crash.kill9_harness import CI_KILLS, Harness, run_trials


@pytest.mark.slow
def test_kill9_random_points_second_seed(harness_for: Callable[[int], Harness]) -> None:
    tally = run_trials(harness_for, CI_KILLS, seed=20261126)
    # the kills must actually have hit deliveries in flight, not only start-up
    assert tally.phases["upload"] + tally.phases["before_put"] + tally.phases["after_put"] > 0
