"""`yiwang demo --headless` (the contract of issue #11): accept, one-time notice, refusal,
补正 answered by a supplement and the handover, then a 容缺受理 and a 告知承诺制 acceptance
(with its signed form captured back), against the reference platform; the earlier output
lines are kept and it still ends with "demo OK"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_headless_demo_closes_the_loop(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "yiwang", "demo", "--headless", "--data-dir", str(tmp_path / "d")],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=300, check=False,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    lines = [line for line in r.stdout.splitlines() if line.strip()]
    assert lines[-1] == "demo OK"

    def line(start: str) -> str:
        found = [x for x in lines if x.strip().startswith(start)]
        assert len(found) == 1, (start, lines)
        return found[0]

    # the lines it always printed
    assert "pages=" in line("accepted ")
    assert "material(s) to bring" in line("one-time notice for")
    assert line("sync: delivered").startswith("sync: delivered 1, remaining 0")
    assert "1 time(s); blob hashes match the captured pages: True; all verified: True" in line(
        "platform holds DEMO01-")
    assert line("platform database holds") == "platform database holds 1 submission(s)"
    # closing the loop
    refusal_no = line("refusal ").split()[1]
    assert refusal_no.startswith("DEMO01-BY")
    assert line("department asks for 补正 on DEMO01-")
    assert line("supplement ").endswith("delivered; platform holds 1 supplement(s)")
    assert "acknowledgement printed; platform holds 1 handover(s), case status 已领取" in line(
        "handover of DEMO01-")
    assert line("platform holds refusal") == f"  platform holds refusal {refusal_no}: 1 time(s)"
    # 容缺受理 and 告知承诺制, each on the platform once with its mode; the signed form once
    owed = line("容缺受理 DEMO01-")
    once = "platform holds it 1 time(s), acceptance recorded: True"
    assert " by 20" in owed and owed.endswith(once)
    assert line("告知承诺制受理 DEMO01-").endswith(once)
    assert line("signed 告知承诺书 for DEMO01-").endswith("platform holds 1 commitment form(s)")
