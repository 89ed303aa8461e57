"""Per-test CPU time, to find what the suite really spends its cores on.

Wall-clock durations (``--durations``) on a shared two-core machine mostly measure who
else was running; CPU-seconds do not. Enabled with ``-p tests.helpers.cpu_profile`` and
``YIWANG_CPU_PROFILE=<folder>``: each process (an xdist worker, or the single process
without xdist) writes ``<folder>/<worker>.tsv`` with one line per test phase:
``nodeid  phase  wall_s  self_cpu_s  children_cpu_s``, where self is this process's
user+sys time (RUSAGE_SELF: the worker's threads too) and children that of the
processes it started and waited for (RUSAGE_CHILDREN: the demo, the platform, the CLI).
The worker's fixed cost (start, imports, collection) is the line ``<worker-start>``.
Summed per file by ``python -m tests.helpers.cpu_profile <folder>``.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest

_out: TextIO | None = None


def _cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _write(nodeid: str, phase: str, wall: float, own: float, kids: float) -> None:
    if _out is not None:
        _out.write(f"{nodeid}\t{phase}\t{wall:.3f}\t{own:.3f}\t{kids:.3f}\n")
        _out.flush()


def pytest_configure(config: pytest.Config) -> None:
    global _out
    folder = os.environ.get("YIWANG_CPU_PROFILE")
    in_worker = hasattr(config, "workerinput")
    if not folder or (not in_worker and config.getoption("numprocesses", None)):
        return  # the xdist controller runs no test: only the workers write
    Path(folder).mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    _out = open(Path(folder) / f"{worker}.tsv", "w", encoding="utf-8")  # noqa: SIM115
    own, kids = _cpu()
    _write("<worker-start>", "start", time.monotonic() - _START, own, kids)


_START = time.monotonic()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    return (yield from _measured(item, "setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    return (yield from _measured(item, "call"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    return (yield from _measured(item, "teardown"))


def _measured(item: pytest.Item, phase: str) -> Iterator[None]:
    t0 = time.monotonic()
    own0, kids0 = _cpu()
    try:
        return (yield)  # type: ignore[misc]
    finally:
        own1, kids1 = _cpu()
        _write(item.nodeid, phase, time.monotonic() - t0, own1 - own0, kids1 - kids0)


def pytest_unconfigure(config: pytest.Config) -> None:
    global _out
    if _out is not None:
        own, kids = _cpu()
        _write("<worker-end>", "end", time.monotonic() - _START, own, kids)
        _out.close()
        _out = None


def summary(folder: Path, top: int = 40) -> str:
    """Per file: wall, own CPU, children's CPU, summed over all workers' lines."""
    per_file: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    per_test: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    lines = []
    for tsv in sorted(folder.glob("*.tsv")):
        for row in tsv.read_text(encoding="utf-8").splitlines():
            nodeid, _phase, *nums = row.split("\t")
            wall, own, kids = (float(n) for n in nums)
            if nodeid.startswith("<"):
                lines.append(f"{tsv.stem} {nodeid}: wall {wall:.1f} cpu {own:.1f}+{kids:.1f}")
                continue
            for acc in (per_file[nodeid.split("::")[0]], per_test[nodeid]):
                acc[0] += wall
                acc[1] += own
                acc[2] += kids
    total = [sum(v[i] for v in per_file.values()) for i in range(3)]
    lines.append(f"all tests: wall {total[0]:.1f} cpu self {total[1]:.1f} children {total[2]:.1f}")
    for title, table in (("files", per_file), ("tests", per_test)):
        lines.append(f"-- {title} by CPU (self+children): wall self children")
        ranked = sorted(table.items(), key=lambda kv: -(kv[1][1] + kv[1][2]))
        for name, (wall, own, kids) in ranked[:top]:
            lines.append(f"{wall:7.2f} {own:7.2f} {kids:7.2f}  {name}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(summary(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 40))
