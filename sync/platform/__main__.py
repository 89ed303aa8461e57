"""``python -m sync.platform --db PATH --host 127.0.0.1 --port N --admin-token TOKEN
[--enrollment-code CODE ...] [--ssl-certfile PEM --ssl-keyfile PEM]`` (also the
contract of ``yiwang platform``)."""

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
    parser.add_argument(
        "--ssl-certfile",
        type=Path,
        default=None,
        help="serve HTTPS with this PEM certificate (chain)",
    )
    parser.add_argument(
        "--ssl-keyfile", type=Path, default=None, help="the PEM private key of --ssl-certfile"
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
    if (args.ssl_certfile is None) != (args.ssl_keyfile is None):
        print("--ssl-certfile and --ssl-keyfile go together", file=sys.stderr)
        return 2
    serve(
        args.db,
        args.host,
        args.port,
        args.admin_token,
        args.enrollment_codes,
        ssl_certfile=getattr(args, "ssl_certfile", None),
        ssl_keyfile=getattr(args, "ssl_keyfile", None),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
