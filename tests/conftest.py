"""Test-wide settings (headless Qt before anything imports it), shared fixture plugins
and real small file systems for the storage-failure tests."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# python-escpos rewrites its capabilities pickle in place when it is missing or stale;
# parallel workers (pytest-xdist) importing it at once could read a half-written one.
# Each worker, and the processes it starts, gets its own folder.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
if _WORKER:
    _escpos_dir = Path.home() / ".cache" / "yiwang-escpos" / _WORKER
    _escpos_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(_escpos_dir)

# Our modules are compiled once, not again in every interpreter the tests start: a
# development shell may say PYTHONDONTWRITEBYTECODE, and then each `yiwang` process (the
# demo, the platform, doctor, the front ends) and each worker compiles the ~400 modules
# it imports of ours, a third of a second of CPU or more each time (an installed station
# has its .pyc files: pip compiles them). Written to a cache of their own, outside the
# worktree (as bench/kiosk_cold_start.py does), and validated by the source's mtime.
# Only where nothing else caches them: `./run tests` already lets bytecode and pytest's
# rewritten test modules go to __pycache__ and warms that cache before the workers start
# (tests/helpers/warm_caches.py); a prefix set here would send the workers to another,
# cold cache and every worker would rewrite every test module again.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
    _PYCACHE = os.environ.setdefault(
        "PYTHONPYCACHEPREFIX", str(Path.home() / ".cache" / "yiwang-pycache")
    )
    sys.pycache_prefix = _PYCACHE  # this worker's own imports from here on
    sys.dont_write_bytecode = False
# The simulated camera's stills (most of a CPU-second each to render) kept for the next
# process and run, named by what draws them (devices/camera/still_files.py): the demo,
# doctor and the accepted-station templates present the same few pages in every worker.
os.environ.setdefault("YIWANG_CAMERA_STILL_DIR", str(Path.home() / ".cache" / "yiwang-stills"))

pytest_plugins = ["tests.helpers.sync_fixtures", "tests.helpers.platform_fixtures"]

# Test files in RAM where the machine has room on a tmpfs: every durable write (an SQLite
# commit, a blob, an atomic file) ends in fsync, some 10 ms each on this machine's disk
# and nothing on a tmpfs; that waiting was a good part of the suite's wall time. Still real
# files on a real file system. Read by pytest when it first makes tmp_path's base folder
# (in the xdist controller, which hands each worker a folder below it).
_RAM_DIR = "/dev/shm"
if "PYTEST_DEBUG_TEMPROOT" not in os.environ and os.access(_RAM_DIR, os.W_OK | os.X_OK):
    _ram = os.statvfs(_RAM_DIR)
    if _ram.f_bavail * _ram.f_frsize >= 4 * 1024**3:  # a full run keeps ~0.5 GB; three kept
        os.environ["PYTEST_DEBUG_TEMPROOT"] = _RAM_DIR

# As in the product (ui_shared/gui_gc.py): cyclic garbage is collected on the main
# thread only, between tests, never by whichever worker thread happens to allocate
# (a Qt widget destroyed on a worker crashes the process).
gc.disable()
_tests_run = 0
#: Every this many tests, at the next test's start, what is alive after a full collection
#: is frozen (gc.freeze): later full passes skip it. The product's own full passes (the
#: kiosk's wipe after each visit, ui_shared/gui_gc.py) otherwise went over everything
#: every earlier test of the worker left alive, the modules pytest and the suite imported,
#: Qt's wrappers, pypinyin's dictionaries: 50 ms and more a pass late in a run, some
#: 8 CPU-s of the suite. At a test's start the last test's fixtures are gone (pytest drops
#: them after its teardown): what is frozen is what outlives tests, module and session
#: fixtures among it; a test's own objects are made after the freeze and collected as
#: before. What a module fixture drops later waits, frozen, for the session's end, where
#: everything is thawed (pytest_sessionfinish) before pytest's last collection, so a
#: finaliser that fails there still fails the run.
FREEZE_EVERY = 20


@pytest.fixture(autouse=True)
def _garbage_and_windows_left_behind() -> Iterator[None]:
    """After each test: hide any top-level window it left open, so that no later
    test sees it (a screen lock hides "every visible window"), then collect its
    cyclic garbage here, on the main thread."""
    global _tests_run
    if _tests_run and _tests_run % FREEZE_EVERY == 0:  # counted after each test's end
        gc.collect()
        gc.freeze()
    yield
    _tests_run += 1
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible():
                    widget.hide()
    if gc.isenabled():
        # something switched automatic collection on (a GUI-thread collector's end does):
        # from now on a collection could run on a worker thread or inside a Qt destructor
        # (a widget freed there deadlocked a worker of `pytest -n 3`); off again, and said
        gc.disable()
        warnings.warn("automatic garbage collection was switched on during this test; "
                      "switched off again (tests/conftest.py)", stacklevel=1)
    gc.collect(1)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Everything frozen thawed: pytest's last full collection (its check for exceptions
    raised in finalisers) goes over all of it."""
    gc.unfreeze()


#: A test of the default run still going after this long is stuck (the longest take
#: seconds; a deadlock takes for ever): SIGALRM, left to its default action, ends the
#: worker whatever its threads hold (the GIL too), so pytest-xdist reports "worker crashed
#: while running <test>" and goes on with a new worker instead of the run hanging.
#: pytest's faulthandler_timeout (pyproject.toml) printed every thread's stack long before.
#: xdist runs the test again on the new worker (./run tests allows two such restarts), so
#: one that hangs every time ends the run after three ceilings. The longest test took 76 s
#: on a machine at load 15; the soaks marked slow have no ceiling.
HARD_CEILING_S = 300


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    armed = (hasattr(signal, "alarm") and item.get_closest_marker("slow") is None
             and threading.current_thread() is threading.main_thread())
    if armed:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(HARD_CEILING_S)
    try:
        return (yield)
    finally:
        if armed:
            signal.alarm(0)


def _mount_tmpfs(mnt: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs (a real full or read-only disk) needs root")
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
        check=False,
    )
    if res.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here (container without CAP_SYS_ADMIN?): {res.stderr}")


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, to fill the disk for real (skips unless root may mount)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    _mount_tmpfs(mnt, "1m")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs that a test may remount read-only (``remount_readonly``)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    _mount_tmpfs(mnt, "16m")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def remount_readonly() -> Callable[[Path], None]:
    """``remount_readonly(small_fs)``: the file system becomes read-only, for real."""

    def remount(mnt: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)

    return remount


# The longest test files (by summed duration), started first: under `--dist loadfile
# --no-loadscope-reorder` (./run tests) a worker takes the next file in collection order,
# so a long file left to the end would run alone while the other workers idle; the rest
# follow by number of tests. Every file of 1.5 s or more is named (a one-test flow of 3 s
# ordered by its single test would come last). Ordered by wall time, not CPU, since
# several workers share each core and a file that waits on processes (the kill -9 trial,
# the fault proxy, the kiosk flows on the platform) holds its worker for its wall time:
# the whole-suite profile of main 6f25ccf at low load (two workers on two cores), files
# added since then placed from a `-n 3` profile of wt6-hang. Re-measure with the per-test
# profiler (or `--durations=0`) when the order of the first files changes.
LONGEST_FILES_FIRST = (
    "tests/yiwang/test_demo_signals.py",
    "tests/yiwang/test_doctor.py",
    "tests/sync/faults/test_fault_proxy_delivery.py",
    "tests/sync/crash/test_kill9_trials.py",
    "tests/kiosk/test_screen_fit.py",
    "tests/devices/camera/test_pipeline.py",
    "tests/yiwang/test_demo_closing_loop.py",
    "tests/yiwang/test_station_contracts.py",
    "tests/e2e/test_clerk_outcomes.py",
    "tests/kiosk/test_kiosk_flows.py",
    "tests/kiosk/test_caption_wrap.py",
    "tests/station/clerk_day/test_ledger.py",
    "tests/sync/test_hostile_platform.py",
    "tests/e2e/test_clerk_keyboard.py",
    "tests/yiwang/test_data_safety_cli.py",
    "tests/yiwang/test_cold_start.py",
    "tests/sync/engine/test_engine_platform.py",
    "tests/devices/idcard/test_reader_pty.py",
    "tests/e2e/test_clerk_licences.py",
    "tests/station/test_papers_a4.py",
    "tests/kiosk/test_kiosk_cli.py",
    "tests/intake/test_identity.py",
    "tests/e2e/test_clerk_auto_capture.py",
    "tests/e2e/test_clerk_followup.py",
    "tests/sync/engine/test_reconnect.py",
    "tests/e2e/test_clerk_case_paging.py",
    "tests/e2e/test_clerk_file_import.py",
    "tests/reference_platform/test_security.py",
    "tests/reference_platform/test_server_limits.py",
    "tests/devices/test_codes.py",
    "tests/kiosk/test_elderly_minimums.py",
    "tests/kiosk/test_kiosk_boot.py",
    "tests/devices/idcard/test_poller.py",
    "tests/kiosk/test_lockdown.py",
    "tests/yiwang/test_doctor_outage.py",
    "tests/kiosk/test_card_removed.py",
    "tests/kiosk/test_evaluate_fit.py",
    "tests/e2e/test_clerk_pad_second_screen.py",
    "tests/e2e/test_clerk_window_flow.py",
    "tests/test_layers_without_qt.py",
    "tests/station/test_page_import.py",
    "tests/devices/idcard/test_frames_properties.py",
    "tests/sync/engine/test_tls.py",
    "tests/yiwang/test_devices_cli.py",
    "tests/e2e/test_clerk_papers.py",
    "tests/reference_platform/test_fuzz.py",
    "tests/reference_platform/test_blobs_submissions.py",
    "tests/kiosk/test_home_asks_first.py",
    "tests/e2e/test_clerk_day.py",
    "tests/kiosk/test_idle_wipe.py",
    "tests/kiosk/test_keypad_size.py",
    "tests/deploy/test_deploy.py",
    "tests/devices/test_codes_exact.py",
    "tests/sync/engine/test_catalog_heartbeat.py",
    "tests/kiosk/test_item_captions.py",
    "tests/sync/engine/test_engine_logic.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The longest files first, then the rest by number of tests (as xdist orders them
    by default); a file's tests keep their order (the sort is stable)."""
    root = config.rootpath
    first = {path: rank for rank, path in enumerate(LONGEST_FILES_FIRST)}
    per_file: dict[str, int] = {}
    for item in items:
        key = item.path.relative_to(root).as_posix()
        per_file[key] = per_file.get(key, 0) + 1

    def order(item: pytest.Item) -> tuple[int, int]:
        key = item.path.relative_to(root).as_posix()
        return (first.get(key, len(first)), -per_file[key])

    items.sort(key=order)
