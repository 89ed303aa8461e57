"""`yiwang clerk`: open the clerk station for a configured data directory."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("clerk", help="open the window clerk's station")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="exit 0 as soon as the first screen (sign-in, or the main window) is ready",
    )
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    return open_clerk(
        args.data_dir,
        language=args.lang,
        exit_when_ready=args.exit_when_ready,
    )


def open_clerk(
    data_dir: Path,
    *,
    language: str = "zh_CN",
    exit_when_ready: bool = False,
) -> int:
    """Compose the station in `data_dir` and run the clerk window until it closes.

    When the station cannot start safely (see :mod:`sync.exit_codes`), one line goes
    to stderr, the clerk sees the same in their language with the next step, and the
    command exits with the documented code. Clerks sign in with their PIN; a demo/test
    station whose config names an ``auto_login`` clerk opens straight on the main window."""
    from clerk_station.app import run_clerk, run_startup_failure
    from station.context import StationUnavailable, open_station
    from yiwang.error_words import english_text, technician_text

    try:
        services = open_station(data_dir)
    except StationUnavailable as e:
        zh, en = technician_text(e), english_text(e)
        print(" ".join(f"clerk: {zh} ({e})".split()), file=sys.stderr, flush=True)
        run_startup_failure(zh, en, language=language, exit_when_ready=exit_when_ready)
        return e.exit_code
    try:
        return run_clerk(services, language=language, exit_when_ready=exit_when_ready)
    finally:
        services.close()
