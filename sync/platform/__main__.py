"""``python -m sync.platform --db PATH --host 127.0.0.1 --port N --admin-token TOKEN
[--enrollment-code CODE ...]`` (also the contract of ``yiwang platform``)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path, help="SQLite database file")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", required=True, type=int, help="TCP port")
    parser.add_argument("--admin-token", required=True, help="bearer token for /v1/admin/*")
    parser.add_argument(
        "--enrollment-code",
        dest="enrollment_codes",
        action="extend",
        nargs="+",
        default=[],
        metavar="CODE",
        help="one-time station enrollment code (repeatable)",
    )


def main(args: argparse.Namespace | Sequence[str] | None = None) -> int:
    if not isinstance(args, argparse.Namespace):
        parser = argparse.ArgumentParser(
            prog="python -m sync.platform", description="Yiwang reference platform"
        )
        add_arguments(parser)
        args = parser.parse_args(args)
    from sync.platform.server import serve

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    serve(args.db, args.host, args.port, args.admin_token, args.enrollment_codes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
