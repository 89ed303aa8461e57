"""`yiwang clerk`: open the clerk station for a configured data directory."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("clerk", help="open the window clerk's station")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.add_argument("--clerk-id", default="clerk")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    return open_clerk(args.data_dir, language=args.lang, clerk_id=args.clerk_id)


def open_clerk(data_dir: Path, *, language: str = "zh_CN", clerk_id: str = "clerk") -> int:
    """Compose the station in `data_dir` and run the clerk window until it closes."""
    from clerk_station.app import run_clerk
    from station.context import open_station

    services = open_station(data_dir, clerk_id=clerk_id)
    try:
        return run_clerk(services, language=language)
    finally:
        services.close()
