"""Fixtures: a simulator on a real pty and the production driver opened on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devices.idcard.reader import IdCardReader
from devices.idcard.simulator import IdCardSimulator, sample_cards


@pytest.fixture
def sim() -> Iterator[IdCardSimulator]:
    simulator = IdCardSimulator(sample_cards())
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture
def reader(sim: IdCardSimulator) -> Iterator[IdCardReader]:
    assert sim.path is not None
    with IdCardReader(sim.path, timeout=0.5, retries=2) as r:
        yield r
