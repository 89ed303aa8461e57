"""The enrollment brake on its own, on a fake clock: per client and overall."""

from __future__ import annotations

from reference_platform.enrollment_guard import EnrollmentGuard


def test_one_client_is_braked_after_a_handful_and_released_by_the_window() -> None:
    guard = EnrollmentGuard(per_client=5, overall=50, window=900)
    for t in range(5):
        assert guard.retry_after("10.0.0.1", 1000.0 + t) is None
        guard.failed("10.0.0.1", 1000.0 + t)
    assert guard.retry_after("10.0.0.1", 1010.0) == 890  # until the oldest failure ages out
    assert guard.retry_after("10.0.0.2", 1010.0) is None  # other clients still may try
    assert guard.retry_after("10.0.0.1", 1900.0) is None


def test_everyone_is_braked_when_failures_come_from_many_clients() -> None:
    guard = EnrollmentGuard(per_client=5, overall=50, window=900)
    for i in range(50):
        guard.failed(f"10.0.{i}.1", 2000.0)
    wait = guard.retry_after("192.168.1.1", 2100.0)
    assert wait == 800
    assert guard.retry_after("192.168.1.1", 2901.0) is None
