"""kill -9 of the sync process at random points: nothing lost, nothing duplicated.

A station is enrolled against a real reference platform (subprocess on 127.0.0.1)
through a small loopback proxy that holds every platform answer back for a few
milliseconds. That widens the window in which the platform has already acted
(chunk stored, submission created) but the station has not heard about it yet —
exactly the window in which a crash could cause a duplicate or a lost delivery.

Each *round* queues M submissions with random-bytes pages (some of ~400-700 KB, so
every upload is several 256 KiB chunks), then repeatedly starts
``python -m sync.runner --data-dir DIR --once`` (under ``traced_runner``, which reports
each HTTP exchange on a pipe) and SIGKILLs it at an exchange drawn from a seeded RNG,
spread over the exchanges an uninterrupted delivery takes, plus a jitter of a few ms so
the kill lands inside the exchange. The kill point is a count of the child's own
progress, never a wall-clock delay, so machine load cannot push it past the end of the
run. The trial is bounded in runs and in time (``max_runs``, ``KILL9_WALL_LIMIT``) and
fails with its tally when a bound is hit. After each kill the (dead) station and the
platform are inspected:

- the local database passes ``PRAGMA integrity_check``;
- every accepted uuid is still there, in a sane state (never quarantined), and at
  most one row is left 'sending';
- no uuid / receipt number / case number appears twice on the platform, and every
  row the station believes delivered is on the platform under the same case number.

The phase the kill landed in is read off that state (see :func:`classify`). A round
ends with an uninterrupted ``--once`` run that must exit 0, after which every
submission is delivered exactly once, with all blobs present and verified.

The default run does ``CI_KILLS`` kills here, on one seed (one trial: nothing lost,
nothing duplicated); ``pytest -m slow tests/sync/crash`` adds the same trial on a second
seed (test_kill9_second_seed.py) and the soak of ``SLOW_KILLS`` kills (env
``KILL9_TRIALS`` / ``KILL9_SEED`` override count and seed, per test). The harness is in
kill9_harness.py, its fixtures in conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sync.crash.kill9_harness import CI_KILLS, SLOW_KILLS, Harness, run_trials


def test_kill9_random_points_nothing_lost_nothing_duplicated(
    harness_for: Callable[[int], Harness],
) -> None:
    tally = run_trials(harness_for, CI_KILLS, seed=20261125)
    # the kills must actually have hit deliveries in flight, not only start-up
    assert tally.phases["upload"] + tally.phases["before_put"] + tally.phases["after_put"] > 0


@pytest.mark.slow
def test_kill9_soak(harness_for: Callable[[int], Harness]) -> None:
    tally = run_trials(harness_for, SLOW_KILLS, seed=7)
    assert tally.phases["upload"] > 0
