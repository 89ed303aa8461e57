"""Cold start (issues #12/#13): the station, kiosk and clerk modules load without the
heavy libraries (they come on first use, or on a worker after the window is shown), and
`yiwang clerk --exit-when-ready` shows its sign-in screen before the station opens and
exits 0 once it is open. Real processes."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reference_platform.server import PlatformProcess
from tests.helpers.platform_admin import admin_json_caller, set_up_enrolled_station

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
       "YIWANG_KIOSK_TTS": "mock"}
#: what start-up leaves for later: image, printing and web libraries; numpy (sqlite-utils
#: imports it for column types the store never uses: sync.store.sqlite_lib); requests and
#: urllib3 (the platform client makes its session on first use); argon2 (the first PIN);
#: email and importlib.metadata (a date header, the heartbeat's version); QtPdf and
#: QtPrintSupport (the clerk's first A4 preview or print)
HEAVY = ("cv2", "escpos", "qrcode", "PIL", "yaml", "barcode", "pydantic", "fastapi",
         "numpy", "requests", "urllib3", "argon2", "email", "importlib.metadata",
         "PySide6.QtPdf", "PySide6.QtPrintSupport", "PySide6.QtMultimedia")
#: the other role's front end stays out of each
NOT_IN_KIOSK = (*HEAVY, "clerk_station")
NOT_IN_CLERK = (*HEAVY, "kiosk")
#: what the kiosk loads only after its attract screen is shown (kiosk.boot)
BEHIND_THE_KIOSK_WINDOW = ("sqlite_utils", "sqlite3", "sync", "station", "intake", "wire")
#: what the clerk loads only after its sign-in screen is shown (clerk_station.boot); the
#: main window is built after the first sign-in
BEHIND_THE_CLERK_SIGN_IN = ("sqlite_utils", "sqlite3", "sync", "intake", "wire", "argon2",
                            "station.context", "station.clerks", "station.pins",
                            "clerk_station.main_window", "clerk_station.clerk_flow")


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def start_up_then_warm_up() -> list[str]:
    """One fresh interpreter: the heavy libraries loaded after the start-up modules, then
    after warm_up() (a line each; one process for the two tests below)."""
    done = _python("-c", (
        "import sys, station.intake_session, station.context, station.kiosk_services, "
        "kiosk.app, clerk_station.app, yiwang.cli\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
        "from station.warmup import warm_up\nwarm_up()\n"
        "print(sorted(m for m in ('cv2', 'numpy', 'escpos', 'qrcode', 'PIL', 'requests', "
        "'argon2') if m in sys.modules))"
    ))
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()


def test_start_up_modules_leave_the_heavy_libraries_out(start_up_then_warm_up: list[str]) -> None:
    assert start_up_then_warm_up[0] == "[]"


def test_warm_up_loads_them(start_up_then_warm_up: list[str]) -> None:
    assert start_up_then_warm_up[1] == str(sorted(("cv2", "numpy", "escpos", "qrcode", "PIL",
                                                   "requests", "argon2")))


def test_the_store_never_gets_numpy_column_types() -> None:
    """Whether numpy was loaded before the store or not, sqlite-utils behaves the same:
    the store's first import leaves numpy out, and its numpy types are taken out."""
    done = _python("-c", (
        "import sys\nimport sync.store\nfrom sqlite_utils import db\n"
        "late = 'numpy' in sys.modules\nimport numpy\n"
        "print(late, sorted(str(k) for k in db.COLUMN_TYPE_MAPPING if 'numpy' in str(k)))"
    ))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False []"
    first = _python("-c", (
        "import numpy\nimport sync.store\nfrom sqlite_utils import db\n"
        "print(sorted(str(k) for k in db.COLUMN_TYPE_MAPPING if 'numpy' in str(k)))"
    ))
    assert first.returncode == 0, first.stderr[-2000:]
    assert first.stdout.strip() == "[]"


def _imported_before(stderr: str, marker: str) -> set[str]:
    """Every module `-X importtime` logged before the line carrying ``marker``, with
    its parent packages (``a.b.c`` counts as ``a.b`` and ``a`` too)."""
    lines = stderr.splitlines()
    ready = next(i for i, line in enumerate(lines) if marker in line)
    names = {line.rsplit("|", 1)[1].strip() for line in lines[:ready] if "import time:" in line}
    return {".".join(n.split(".")[:k]) for n in names for k in range(1, n.count(".") + 2)}


@pytest.fixture
def platform(shared_platform: PlatformProcess) -> PlatformProcess:
    """The worker's shared platform (each test enrolls its own station on it)."""
    return shared_platform


@pytest.fixture
def admin(platform: PlatformProcess) -> Iterator[Callable[..., Any]]:
    with admin_json_caller(platform) as call:
        yield call


def test_clerk_exit_when_ready(
    tmp_path: Path, platform: PlatformProcess, admin: Callable[..., Any]
) -> None:
    station = set_up_enrolled_station(
        tmp_path / "station", admin, platform.url, "W" + secrets.token_hex(3).upper()
    )
    done = _python("-X", "importtime", "-m", "yiwang", "clerk", "--data-dir", str(station),
                   "--exit-when-ready")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "clerk window ready" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    before = _imported_before(done.stderr, "clerk window ready")
    assert "clerk_station.sign_in" in before  # the check sees the first screen's modules
    assert not before & set(NOT_IN_CLERK), sorted(before & set(NOT_IN_CLERK))
    # the sign-in screen is up before the station opens (clerk_station.boot): nothing
    # of the store, sync, the station's services or the main window before the line ...
    behind = before & set(BEHIND_THE_CLERK_SIGN_IN)
    assert not behind, sorted(behind)
    # ... and they did load after it: the station opened before the command exited 0
    after = _imported_before(done.stderr + "\nEND", "END")
    assert {"sqlite_utils", "sync.store", "station.context", "clerk_station.clerk_flow"} <= after


def test_kiosk_exit_when_ready_without_the_heavy_libraries_before_it(
    tmp_path: Path, platform: PlatformProcess, admin: Callable[..., Any]
) -> None:
    from yiwang.commands.setup import setup_station

    code = secrets.token_hex(8)
    admin("POST", "/v1/admin/enrollment-codes", json={"codes": [code]})
    station = tmp_path / "station"
    setup_station(station, platform_url=platform.url, enrollment_code=code,
                  station_code="K" + secrets.token_hex(3).upper(), role="kiosk")
    done = _python("-X", "importtime", "-m", "yiwang", "kiosk", "--data-dir", str(station),
                   "--exit-when-ready")
    assert done.returncode == 0, done.stderr[-2000:]
    before = _imported_before(done.stderr, "kiosk ready for a touch")
    assert "kiosk.window" in before  # the check sees the window's modules
    assert not before & set(NOT_IN_KIOSK), sorted(before & set(NOT_IN_KIOSK))
    # the attract screen is up before the station opens (kiosk.boot): nothing of the
    # store, sync or the station's modules has loaded before the ready line ...
    behind = before & set(BEHIND_THE_KIOSK_WINDOW)
    assert not behind, sorted(behind)
    # ... and they did load after it: the kiosk opened its station before it exited
    after = _imported_before(done.stderr + "\nEND", "END")
    assert {"sqlite_utils", "sync.store", "station.context"} <= after
    # leaving at once, it warmed nothing up for a first capture it will never make
    assert "cv2" not in after and "escpos" not in after
    assert "Traceback" not in done.stderr


def test_starting_a_platform_loads_no_server() -> None:
    """Whoever only starts a platform process (the demo, every test worker) loads no
    server and no HTTP client for it: uvicorn, FastAPI and requests come with the
    platform process itself (serve) and the first readiness check."""
    done = _python("-c", (
        "import sys, reference_platform.server\n"
        "print(sorted(m for m in ('uvicorn', 'fastapi', 'starlette', 'requests') "
        "if m in sys.modules))"
    ))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
