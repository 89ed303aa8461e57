"""The second half of the default kill -9 trials (see test_kill9_trials.py): the same
check on another seed, in its own file so that another xdist worker runs it alongside the
first half, against its own platform."""

from __future__ import annotations

from collections.abc import Callable

from tests.sync.crash.kill9_harness import CI_KILLS_PER_FILE, Harness, run_trials


def test_kill9_random_points_second_seed(harness_for: Callable[[int], Harness]) -> None:
    tally = run_trials(harness_for, CI_KILLS_PER_FILE, seed=20261126)
    # the kills must actually have hit deliveries in flight, not only start-up
    assert tally.phases["upload"] + tally.phases["before_put"] + tally.phases["after_put"] > 0
