"""Warm the caches every pytest worker reads while it collects, once and in parallel,
before the workers start (``./run tests``).

Each worker imports every test module. Without a cache, pytest rewrites the asserts of
each one (parse, rewrite, compile: about 6 CPU-seconds for the suite) and Python compiles
each module of ours the tests import, in every worker and in every process a test starts.
pytest keeps rewritten modules in ``__pycache__/*.pyc`` files checked by a hash of the
source (a fresh clone's new file times do not invalidate them), Python its own bytecode
(checked by time and size), but only when bytecode may be written: ``./run tests`` lets it
(``__pycache__`` is ignored by git). Without this step the workers of a fresh clone would
all rewrite the same modules at the same moment; with it each module is done once, on
every core, and a warm cache costs a few hundredths of a second to check.

It also makes the ledger tests' generated stations (100 000 sealed cases, three
CPU-seconds) when they are not made yet: tests/station/clerk_day/ledger_cache.py.

Uses pytest's own rewriting functions (pytest is pinned in constraints.txt); should they
change, nothing is warmed and the workers rewrite as before.
"""

from __future__ import annotations

import ast
import compileall
import os
import sys
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: our top-level packages (what the tests and the processes they start import)
PACKAGES = ("coded_errors", "gbcodes", "safe_chars", "intake", "wire", "sync",
            "reference_platform", "devices", "station", "ui_shared", "clerk_station",
            "kiosk", "yiwang", "tests")


class _Quiet:
    @staticmethod
    def trace(*_args: object) -> None:
        """pytest's tracing of the cache (unused here)."""


def rewritten_by_pytest(tests: Path) -> list[Path]:
    """The files pytest rewrites as it collects: conftest files, test modules (the
    default ``python_files``) and the plugins tests/conftest.py names."""
    found = sorted(p for p in tests.rglob("*.py")
                   if p.name == "conftest.py" or p.name.startswith("test_")
                   or p.name.endswith("_test.py"))
    tree = ast.parse((tests / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "pytest_plugins" for t in node.targets)
                and isinstance(node.value, (ast.List, ast.Tuple))):
            for element in node.value.elts:
                if isinstance(element, ast.Constant) and isinstance(element.value, str):
                    found.append(ROOT.joinpath(*element.value.split(".")).with_suffix(".py"))
    return found


def warm(rewrite: list[Path], compile_: list[Path]) -> int:
    """Rewrite and cache the test modules whose cached rewrite is missing or stale, and
    compile the other modules whose bytecode is; how many were rewritten."""
    from _pytest.assertion.rewrite import (
        PYC_TAIL,
        _read_pyc,
        _rewrite_test,
        _write_pyc,
        get_cache_dir,
    )

    done = 0
    for path in rewrite:
        cache = get_cache_dir(path)
        pyc = cache / (path.name[:-3] + PYC_TAIL)
        if _read_pyc(path, pyc) is not None:
            continue
        cache.mkdir(exist_ok=True)
        source_hash, code = _rewrite_test(path, None)  # type: ignore[arg-type]
        _write_pyc(_Quiet(), code, source_hash, pyc)  # type: ignore[arg-type]
        done += 1
    for path in compile_:
        compileall.compile_file(path, quiet=2)
    return done


def warm_ledgers() -> None:
    """The ledger tests' generated stations (tests/station/clerk_day/ledger_cache.py),
    made while the checks run rather than by a worker; a failure here is the tests' to
    meet and say, not this step's."""
    try:
        from tests.station.clerk_day.ledger_cache import warm as warm_ledger_stations

        warm_ledger_stations()
    except Exception as e:
        print(f"[run] ledger stations not made ahead ({e!r})", file=sys.stderr)


def main() -> int:
    if sys.dont_write_bytecode:
        return 0  # nothing may be written: the workers do it all, as before
    workers = max(1, os.cpu_count() or 1)
    rewritten_files = rewritten_by_pytest(ROOT / "tests")
    skip = set(rewritten_files)
    compiled = [p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))
                if p not in skip]
    try:
        with ProcessPoolExecutor(workers) as pool:
            ledgers = pool.submit(warm_ledgers)
            jobs = [pool.submit(warm, rewritten_files[i::workers], compiled[i::workers])
                    for i in range(workers)]
            rewritten = sum(job.result() for job in jobs)
            ledgers.result()
    except (ImportError, AttributeError, TypeError, BrokenExecutor) as e:
        # pytest changed, or a helper process died (out of memory): not warmed, the
        # workers do it as before
        print(f"[run] test caches not warmed ({e!r})", file=sys.stderr)
        return 0
    if rewritten:
        print(f"[run] rewrote the asserts of {rewritten} test modules once for every worker",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
