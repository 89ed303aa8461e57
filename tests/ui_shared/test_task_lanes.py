"""The accept has its own lane: it never waits behind work queued on the disk lane."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from ui_shared.tasks import TaskRunner


def test_accept_runs_while_the_disk_lane_is_busy(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    disk_started = threading.Event()
    order: list[str] = []

    def slow_housekeeping() -> str:
        disk_started.set()
        release.wait(10)  # e.g. a long case-list query or a page write
        return "disk"

    runner.disk(slow_housekeeping, order.append, lambda e: order.append(f"error {e}"))
    assert disk_started.wait(5)
    runner.disk(lambda: "queued disk", order.append, lambda e: order.append(f"error {e}"))
    threads: list[str] = []

    def accept() -> str:
        threads.append(threading.current_thread().name)
        return "accepted"

    runner.accept(accept, order.append, lambda e: order.append(f"error {e}"))
    qtbot.waitUntil(lambda: "accepted" in order, timeout=5000)
    assert order == ["accepted"]  # done while the disk lane is still held up
    assert threads[0].startswith("accept")
    release.set()
    qtbot.waitUntil(lambda: len(order) == 3, timeout=5000)
    assert order == ["accepted", "disk", "queued disk"]
    runner.shutdown()


def test_accept_errors_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, bool]] = []
    gui = threading.current_thread()

    def fail() -> None:
        raise RuntimeError("disk full")

    runner.accept(
        fail,
        lambda _v: seen.append(("done", False)),
        lambda e: seen.append((str(e), threading.current_thread() is gui)),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [("disk full", True)]
    runner.shutdown()


def test_wait_idle_returns_once_everything_queued_has_run(qtbot: QtBot) -> None:
    runner = TaskRunner(image_workers=2)
    release = threading.Event()
    finished: list[str] = []

    def work(name: str) -> str:
        release.wait(10)
        finished.append(name)  # on the worker, before wait_idle may return
        return name

    for n in range(4):
        runner.image(lambda n=n: work(f"image {n}"), lambda _v: None, lambda _e: None)
    runner.disk(lambda: work("disk"), lambda _v: None, lambda _e: None)
    # held up: wait_idle gives up after its timeout instead of returning early
    assert not runner.wait_idle(timeout=0.2)
    release.set()
    assert runner.wait_idle(timeout=10)
    assert sorted(finished) == ["disk", "image 0", "image 1", "image 2", "image 3"]
    runner.shutdown()
