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
    """Open the station in `data_dir` and run the clerk window until it closes.

    When the station cannot start safely (see :mod:`sync.exit_codes`), one line goes
    to stderr, the clerk sees the same in their language with the next step, and the
    command exits with the documented code. Clerks sign in with their PIN: the sign-in
    screen comes up first and the station opens behind it (clerk_station.boot); a
    demo/test station whose config names an ``auto_login`` clerk opens straight on the
    main window."""
    # the sign-in screen first, the station opened behind it (clerk_station.boot)
    from clerk_station.boot import run_clerk

    return run_clerk(data_dir, language=language, exit_when_ready=exit_when_ready,
                     report=_report_unavailable)


def _report_unavailable(error: BaseException) -> tuple[str, str]:
    """One line on stderr for a station that cannot start; the (zh, en) words the
    clerk's screen shows."""
    from yiwang.error_words import english_text, technician_text

    zh, en = technician_text(error), english_text(error)
    print(" ".join(f"clerk: {zh} ({error})".split()), file=sys.stderr, flush=True)
    return zh, en
