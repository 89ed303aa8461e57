"""The kiosk's paper allowance counts over time per key, not per visit (issue #12 s12 #2)."""

from __future__ import annotations

from station.print_allowance import (
    GUIDE,
    HOLDER_WINDOW_S,
    KIOSK_WINDOW_S,
    PrintAllowance,
    holder_key,
)


def test_a_key_prints_its_limit_within_its_window_then_again_after() -> None:
    now = [100.0]
    allowance = PrintAllowance(limit=3, kiosk_limit=12, clock=lambda: now[0])
    holder = holder_key("ab" * 32)
    assert [allowance.take(holder) for _ in range(4)] == [True, True, True, False]
    # the kiosk's keys (everybody's guides) have their own, larger ceiling
    assert allowance.left(holder) == 0 and allowance.left(GUIDE) == 12
    allowance.give_back(holder)  # the printer failed: that one did not count
    assert allowance.left(holder) == 1
    now[0] += KIOSK_WINDOW_S + 1  # the kiosk's window is shorter than a holder's
    assert allowance.left(holder) == 1
    assert allowance.take(GUIDE) and allowance.left(GUIDE) == 11
    now[0] += HOLDER_WINDOW_S
    assert allowance.left(holder) == 3


def test_keys_whose_window_passed_are_forgotten() -> None:
    now = [0.0]
    allowance = PrintAllowance(clock=lambda: now[0])
    for n in range(50):
        allowance.take(holder_key(f"{n:064x}"))
    now[0] += HOLDER_WINDOW_S + 1
    allowance.take(GUIDE)
    assert list(allowance._spent) == [GUIDE]


def test_the_wait_until_a_key_may_print_again() -> None:
    now = [1000.0]
    allowance = PrintAllowance(limit=12, kiosk_limit=3, clock=lambda: now[0])
    assert allowance.wait_s(GUIDE) == 0.0
    for step in (0.0, 60.0, 60.0):  # prints at 1000, 1060, 1120
        now[0] += step
        allowance.take(GUIDE)
    now[0] += 30.0  # 1150: the first print frees at 1000 + the window
    assert allowance.wait_s(GUIDE) == 1000.0 + KIOSK_WINDOW_S - 1150.0
    now[0] = 1000.0 + KIOSK_WINDOW_S + 1
    assert allowance.wait_s(GUIDE) == 0.0 and allowance.take(GUIDE)
    assert allowance.wait_s(GUIDE) == 1060.0 + KIOSK_WINDOW_S - now[0]


def test_a_print_given_back_leaves_nothing_of_its_holder() -> None:
    # a printer out of order: every card holder's print is taken and given back; many
    # distinct holders must not pile up (empty entries were never pruned)
    allowance = PrintAllowance(clock=lambda: 0.0)
    for n in range(1000):
        key = holder_key(f"{n:064x}")
        assert allowance.take(key)
        allowance.give_back(key)
    assert allowance._spent == {}
    assert allowance.left(holder_key(f"{0:064x}")) == allowance.limit
