"""CardPoller on a thread against the simulator on a real pty."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from devices.idcard.card import IdCardData
from devices.idcard.errors import DeviceError
from devices.idcard.poller import CardPoller
from devices.idcard.reader import IdCardReader
from devices.idcard.simulator import IdCardSimulator, sample_cards

INTERVAL = 0.02
FIND_CARD = (0x20, 0x01)


def until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    """Wait for the simulator's (or a counter's) own state, not for the poller's timing."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def polls_later(sim: IdCardSimulator, n: int) -> None:
    """Return once the poller has asked for a card ``n`` more times."""
    seen = sim.received.count(FIND_CARD)
    until(lambda: sim.received.count(FIND_CARD) >= seen + n)


class Events:
    def __init__(self) -> None:
        self.items: list[tuple[str, object]] = []
        self.cond = threading.Condition()
        #: readers the poller's factory built (one per reconnect attempt)
        self.readers_built = 0

    def add(self, kind: str, value: object = None) -> None:
        with self.cond:
            self.items.append((kind, value))
            self.cond.notify_all()

    def kinds(self) -> list[str]:
        with self.cond:
            return [k for k, _ in self.items]

    def wait_for(self, predicate: Callable[[list[str]], bool], timeout: float = 3.0) -> None:
        with self.cond:
            ok = self.cond.wait_for(lambda: predicate([k for k, _ in self.items]), timeout)
        assert ok, f"timed out; events so far: {self.kinds()}"


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def poller(sim: IdCardSimulator, events: Events) -> Iterator[CardPoller]:
    assert sim.path is not None
    path = sim.path

    def on_card(card: IdCardData) -> None:
        events.add("card", card)

    def on_error(err: DeviceError) -> None:
        events.add("error", err)

    def build_reader() -> IdCardReader:
        events.readers_built += 1
        return IdCardReader(path, timeout=0.15, retries=0)

    p = CardPoller(
        build_reader,
        on_card,
        lambda: events.add("removed"),
        on_error,
        interval=INTERVAL,
    )
    p.start()
    yield p
    p.stop()
    assert not p.running


def test_placed_removed_and_debounce(
    sim: IdCardSimulator, poller: CardPoller, events: Events
) -> None:
    events.wait_for(lambda k: k == ["card"])
    assert events.items[0][1] == sample_cards()[0]
    # The card stays on the reader: it is not reported again, however many polls pass.
    polls_later(sim, 8)
    assert events.kinds() == ["card"]
    sim.remove_card()
    events.wait_for(lambda k: k == ["card", "removed"])
    polls_later(sim, 4)
    assert events.kinds() == ["card", "removed"]
    # Lifted and presented again: reported again.
    sim.place_card(sample_cards()[0])
    events.wait_for(lambda k: k == ["card", "removed", "card"])
    # A different card put down without the removal being seen in between.
    sim.place_card(sample_cards()[3])
    events.wait_for(lambda k: k == ["card", "removed", "card", "removed", "card"])
    assert events.items[-1][1] == sample_cards()[3]
    assert sim.reads == 3


def test_card_error_is_reported_once(
    sim: IdCardSimulator, poller: CardPoller, events: Events
) -> None:
    events.wait_for(lambda k: k == ["card"])
    sim.faults.read_failures = 3
    for left in (2, 1, 0):  # each presentation fails to read the same way
        sim.place_card(sample_cards()[1])
        until(lambda left=left: sim.faults.read_failures == left)  # this one's read failed
    events.wait_for(lambda k: "error" in k)
    errors = [v for k, v in events.items if k == "error"]
    assert len(errors) == 1 and isinstance(errors[0], DeviceError)
    assert poller.device_available
    sim.place_card(sample_cards()[1])
    events.wait_for(lambda k: k[-1] == "card")


def test_device_gone_and_back_is_logged_once(
    sim: IdCardSimulator, poller: CardPoller, events: Events, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="devices.idcard.poller")
    events.wait_for(lambda k: k == ["card"])
    sim.unplug()
    events.wait_for(lambda k: k == ["card", "removed", "error"])
    built = events.readers_built
    until(lambda: events.readers_built >= built + 3)  # several failing polls (reconnects)
    assert not poller.device_available
    assert events.kinds() == ["card", "removed", "error"]
    sim.replug()
    deadline = time.monotonic() + 3
    while not poller.device_available and time.monotonic() < deadline:
        time.sleep(INTERVAL)
    assert poller.device_available
    sim.place_card(sample_cards()[2])
    events.wait_for(lambda k: k[-1] == "card")
    gone = [r for r in caplog.records if "unavailable" in r.getMessage()]
    back = [r for r in caplog.records if "is back" in r.getMessage()]
    assert len(gone) == 1 and gone[0].levelno == logging.WARNING
    assert len(back) == 1


def test_callback_exceptions_do_not_kill_the_poller(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    path = sim.path
    seen: list[IdCardData] = []

    def on_card(card: IdCardData) -> None:
        seen.append(card)
        raise RuntimeError("UI bug")

    p = CardPoller(
        lambda: IdCardReader(path, timeout=0.15, retries=0),
        on_card,
        lambda: None,
        lambda e: None,
        interval=INTERVAL,
    )
    p.start()
    try:
        deadline = time.monotonic() + 3
        while len(seen) < 1 and time.monotonic() < deadline:
            time.sleep(INTERVAL)
        sim.place_card(sample_cards()[1])
        while len(seen) < 2 and time.monotonic() < deadline:
            time.sleep(INTERVAL)
        assert [c.name for c in seen] == [sample_cards()[0].name, sample_cards()[1].name]
        assert p.running
    finally:
        p.stop()


def test_a_card_left_on_the_reader_is_read_again_only_on_request(
    sim: IdCardSimulator, poller: CardPoller, events: Events
) -> None:
    """重新读卡: the card lying on the reader is read again when asked (and only then);
    with no card there, the answer is the reader's "no card" error."""
    events.wait_for(lambda k: k == ["card"])
    polls = sim.received.count((0x20, 0x01))
    deadline = time.monotonic() + 3.0  # several polls later, still one read
    while sim.received.count((0x20, 0x01)) < polls + 5 and time.monotonic() < deadline:
        time.sleep(INTERVAL)  # polling the simulator's own count, not timing the poller
    assert sim.received.count((0x20, 0x01)) >= polls + 5
    assert events.kinds() == ["card"] and sim.reads == 1
    poller.request_reread()
    events.wait_for(lambda k: k == ["card", "card"])
    assert events.items[1][1] == sample_cards()[0] and sim.reads == 2
    sim.remove_card()
    events.wait_for(lambda k: k[-1] == "removed")
    poller.request_reread()
    events.wait_for(lambda k: k[-1] == "error")
    error = events.items[-1][1]
    assert isinstance(error, DeviceError) and error.code == "no_card"
    assert sim.reads == 2
