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
    from clerk_station.app import run_clerk
    from station.context import open_station

    services = open_station(args.data_dir, clerk_id=args.clerk_id)
    try:
        return run_clerk(services, language=args.lang)
    finally:
        services.close()
