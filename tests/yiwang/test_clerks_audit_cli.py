"""`yiwang clerks ...` (PINs on stdin, never argv; in this process, tests/helpers/
cli_in_process.py) and `yiwang audit verify` (a listed contract: a real process once, its
refusals in this process)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sync.store import Store
from tests.helpers.cli_in_process import run_cli

ROOT = Path(__file__).resolve().parents[2]


def _yiwang(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yiwang", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_clerks_cli_needs_an_admin_and_reads_pins_from_stdin(tmp_path: Path) -> None:
    d = tmp_path / "station"
    Store(d).close()
    dd = ["--data-dir", str(d)]
    refused = run_cli("clerks", "add", "c01", "--name", "王窗口", *dd, stdin="730518\n")
    assert refused.returncode == 1 and "no admin" in refused.stderr
    first = run_cli(
        "clerks", "add", "boss", "--name", "站长", "--role", "admin", *dd, stdin="482915\n"
    )
    assert first.returncode == 0, first.stderr
    no_admin_flag = run_cli("clerks", "add", "c01", "--name", "王窗口", *dd, stdin="730518\n")
    assert no_admin_flag.returncode == 1
    wrong = run_cli(
        "clerks", "add", "c01", "--name", "王窗口", "--admin", "boss", *dd, stdin="000000\n730518\n"
    )
    assert wrong.returncode == 1 and "refused" in wrong.stderr
    ok = run_cli(
        "clerks", "add", "c01", "--name", "王窗口", "--admin", "boss", *dd, stdin="482915\n730518\n"
    )
    assert ok.returncode == 0, ok.stderr
    weak = run_cli("clerks", "reset-pin", "c01", "--admin", "boss", *dd, stdin="482915\n111111\n")
    assert weak.returncode == 1
    assert (
        run_cli("clerks", "disable", "c01", "--admin", "boss", *dd, stdin="482915\n").returncode
        == 0
    )
    listing = run_cli("clerks", "list", *dd)
    assert listing.returncode == 0
    assert "boss\tadmin\tok\t站长" in listing.stdout
    assert "c01\tclerk\tdisabled\t王窗口" in listing.stdout
    for proc in (first, ok, listing):
        assert "482915" not in proc.stdout + proc.stderr
        assert "730518" not in proc.stdout + proc.stderr


def test_audit_verify_names_the_first_edited_entry(tmp_path: Path) -> None:
    d = tmp_path / "station"
    with Store(d) as store:
        for i in range(4):
            store.audit("c01", "print", f"case-{i}", {"document": "receipt"})
    good = _yiwang("audit", "verify", "--data-dir", str(d))
    assert good.returncode == 0 and "4 entries" in good.stdout
    con = sqlite3.connect(d / "station.db")
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET subject = 'case-9' WHERE id = 2")
    con.commit()
    con.close()
    bad = run_cli("audit", "verify", "--data-dir", str(d))
    assert bad.returncode == 1
    assert "audit entry 2" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr
    missing = run_cli("audit", "verify", "--data-dir", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
