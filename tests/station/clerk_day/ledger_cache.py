"""A generated ledger station made once and copied after: 100 000 sealed cases cost
three CPU-seconds to make (their applicants sealed one by one, their indexes built) and
a few hundredths to copy.

The station folder (its database and the keys its rows are sealed with) is kept in
``~/.cache/yiwang-ledgers`` (``YIWANG_LEDGER_CACHE_DIR``) under a name made of the number
of cases and a hash of every source file that decides what is written: the generator,
the store and its schema, the keys and the applicant's fields. A change to any of them
makes a new one. `./run tests` makes the suite's two while its checks run
(tests/helpers/warm_caches.py); a test finding none makes it and leaves it for the next.
The cases themselves are made again from the generator's seed (`plan`, a tenth of the
time): nothing but the station is read back from the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from sync.store import Store

from .ledger_data import Case, generate, plan

ROOT = Path(__file__).resolve().parents[3]
#: what decides the bytes of a generated station: the generator and every package of ours
#: it loads (checked by a test), and below them the pinned libraries and the interpreter
SOURCES = ("tests/station/clerk_day/ledger_data.py", "sync", "intake", "wire", "coded_errors",
           "gbcodes", "safe_chars", "constraints.txt")
#: the suite's ledgers (tests/station/clerk_day/test_ledger.py)
SUITE_SIZES = (100_000, 6_000)
#: stations kept per size: this tree's and one more (another worktree's, the last commit's)
KEEP = 2
#: written last into a station's folder: without it the folder is not used
COMPLETE = "complete"


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "yiwang-ledgers"
    return Path(os.environ.get("YIWANG_LEDGER_CACHE_DIR", default))


def _key(n: int) -> str:
    digest = hashlib.sha256(f"{sys.version}|{sqlite3.sqlite_version}".encode())
    for source in SOURCES:
        path = ROOT / source
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return f"{n}-{digest.hexdigest()[:20]}"


def _made(n: int) -> Path:
    """The cached station of `n` cases, made now when missing."""
    kept = cache_dir() / _key(n)
    if (kept / COMPLETE).is_file() and (kept / "station" / "station.db").is_file():
        os.utime(kept)  # used: the newest are kept
        return kept / "station"
    cache_dir().mkdir(parents=True, exist_ok=True)
    if kept.exists():  # half-removed by a run that was stopped, or damaged: not used
        _evict(kept)
    # made aside, marked complete last and renamed into place: a worker or a run stopped
    # half-way leaves nothing under the name, and two making it at once both end with a
    # whole one
    scratch = Path(tempfile.mkdtemp(prefix=f".{n}-", dir=cache_dir()))
    try:
        store = Store(scratch / "station")
        try:
            generate(store, n)
        finally:
            store.close()
        (scratch / COMPLETE).touch()
        with contextlib.suppress(OSError):  # another process was first: theirs is kept
            os.rename(scratch, kept)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if not (kept / COMPLETE).is_file():
        raise RuntimeError(f"the ledger station {kept} could not be put in place")
    _forget_older(n, KEEP)
    return kept / "station"


def _evict(path: Path) -> None:
    """`path` renamed out of the way at once, then removed: never seen half-removed."""
    aside = path.with_name(f".evict-{path.name}-{os.getpid()}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:  # another process removed it first
        return
    shutil.rmtree(aside, ignore_errors=True)


def _forget_older(n: int, keep: int) -> None:
    """All but the `keep` stations of `n` cases used last removed (a station of
    100 000 is 100 MB; each change to the sources names a new one)."""
    made: list[tuple[float, Path]] = []
    for path in cache_dir().glob(f"{n}-*"):
        with contextlib.suppress(FileNotFoundError):  # removed meanwhile by another
            made.append((path.stat().st_mtime, path))
    for _, old in sorted(made, reverse=True)[keep:]:
        _evict(old)


def ledger_station(data_dir: Path, n: int) -> list[Case]:
    """`data_dir` made a station holding `generate`'s `n` cases; those cases."""
    shutil.copytree(_made(n), data_dir)
    return [p.case for p in plan(n)]


def warm() -> None:
    """The suite's ledgers made ahead (./run tests, while its checks run)."""
    for n in SUITE_SIZES:
        _made(n)
