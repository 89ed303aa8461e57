"""The call-next hook runs a real command (no shell) and reads the queue number it prints;
the [clerks] table of config.toml is validated."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from station.call_next import CallNext, CallNextError
from station.clerk_day import load_sign_in_settings
from sync.config import ConfigError


def _script(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "hall_queue.py"
    path.write_text(body, encoding="utf-8")
    return [sys.executable, str(path)]


def test_the_hook_gets_station_and_clerk_and_returns_the_ticket(tmp_path: Path) -> None:
    seen = tmp_path / "seen.txt"
    argv = _script(
        tmp_path,
        "import os, pathlib\n"
        f"pathlib.Path({str(seen)!r}).write_text(os.environ['YIWANG_STATION'] + ' '"
        " + os.environ['YIWANG_CLERK'])\n"
        "print('A123')\nprint('ignored')\n",
    )
    assert CallNext(argv)(station="S001", clerk="c01") == "A123"
    assert seen.read_text() == "S001 c01"


def test_odd_output_is_no_ticket_and_failures_are_errors(tmp_path: Path) -> None:
    assert CallNext(_script(tmp_path, "print('<b>=1+1</b>')"))(station="S", clerk="c") is None
    with pytest.raises(CallNextError) as e:
        CallNext(_script(tmp_path, "raise SystemExit(3)"))(station="S", clerk="c")
    assert e.value.code == "call_next_failed"
    with pytest.raises(CallNextError) as e:
        CallNext([str(tmp_path / "missing")])(station="S", clerk="c")
    assert e.value.code == "call_next_missing"
    slow = _script(tmp_path, "import time\ntime.sleep(30)")
    with pytest.raises(CallNextError) as e:
        CallNext(slow, timeout=0.2)(station="S", clerk="c")  # it sleeps 30 s: any timeout
    assert e.value.code == "call_next_timeout"


def test_clerks_table_is_validated(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('[clerks]\nauto_login = "demo"\nidle_lock_minutes = 2\ncall_next = ["q", "n"]\n')
    s = load_sign_in_settings(tmp_path)
    assert (s.auto_login, s.idle_lock_minutes, s.call_next) == ("demo", 2.0, ("q", "n"))
    cfg.write_text("[clerks]\nidle_lock_minutes = 0\n")
    with pytest.raises(ConfigError):
        load_sign_in_settings(tmp_path)
    cfg.write_text('[clerks]\ncall_next = "rm -rf /"\n')
    with pytest.raises(ConfigError):
        load_sign_in_settings(tmp_path)
    assert load_sign_in_settings(tmp_path / "absent").auto_login is None
