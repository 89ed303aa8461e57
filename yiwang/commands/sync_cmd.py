"""`yiwang sync`: deliver the station's queue, once or until SIGTERM."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="deliver accepted submissions to the platform")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--once", action="store_true", help="one pass, then exit (0 = queue empty)")
    p.add_argument("--interval", type=float, default=None, help="poll interval in seconds")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from sync.runner import run_sync_process
    from yiwang.error_words import technician_text

    return run_sync_process(
        args.data_dir, args.once, interval=args.interval, words=technician_text
    )
