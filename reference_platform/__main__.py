"""``python -m reference_platform`` (also ``yiwang platform``).

Serve::

    python -m reference_platform --db PATH --host 127.0.0.1 --port N
        (--admin-token TOKEN | --admin-token-file FILE | env YIWANG_ADMIN_TOKEN)
        [--enrollment-code CODE ... | --enrollment-code-file FILE]
        [--ssl-certfile PEM --ssl-keyfile PEM] [--dev]

Issue a one-time enrollment code (printed on stdout)::

    python -m reference_platform issue-code --db PATH [--ttl-hours H] [--replace STATION_CODE]

Secrets on a command line are visible to every user of the machine (``ps``), so
``--admin-token`` and ``--enrollment-code`` are accepted only for a loopback ``--host``.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ADMIN_TOKEN_ENV = "YIWANG_ADMIN_TOKEN"
MAX_SECRET_FILE = 64 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", nargs="?", choices=("serve", "issue-code"), default="serve",
        help="serve (the default) or issue-code: print a new one-time enrollment code",
    )
    parser.add_argument("--db", required=True, type=Path, help="SQLite database file")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="TCP port (serve)")
    parser.add_argument("--admin-token", default=None,
                        help="bearer token for /v1/admin/* (loopback only; else use the file "
                             f"or {ADMIN_TOKEN_ENV})")
    parser.add_argument("--admin-token-file", type=Path, default=None,
                        help="file holding the admin bearer token")
    parser.add_argument(
        "--enrollment-code", dest="enrollment_codes", action="extend", nargs="+", default=[],
        metavar="CODE", help="one-time station enrollment code (repeatable; loopback only)",
    )
    parser.add_argument("--enrollment-code-file", type=Path, default=None,
                        help="file with one-time enrollment codes, one a line")
    parser.add_argument("--ssl-certfile", type=Path, default=None,
                        help="serve HTTPS with this PEM certificate (chain)")
    parser.add_argument("--ssl-keyfile", type=Path, default=None,
                        help="the PEM private key of --ssl-certfile")
    parser.add_argument("--dev", action="store_true",
                        help="also serve the interactive /docs and /redoc pages")
    parser.add_argument("--ttl-hours", type=float, default=72.0,
                        help="issue-code: hours the code stays valid (default 72)")
    parser.add_argument("--replace", default=None, metavar="STATION_CODE",
                        help="issue-code: the code replaces (revokes) the station holding "
                             "this station code")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _read_secret_file(path: Path) -> str:
    with open(path, "rb") as f:
        data = f.read(MAX_SECRET_FILE + 1)
    if len(data) > MAX_SECRET_FILE:
        raise ValueError(f"{path} is larger than {MAX_SECRET_FILE} bytes")
    return data.decode("utf-8").strip()


class UsageError(Exception):
    """One line for the operator; exit 2."""


def admin_token(args: argparse.Namespace) -> str:
    if args.admin_token is not None and not is_loopback(args.host):
        raise UsageError(
            f"--admin-token is refused for a non-loopback --host ({args.host}): secrets on "
            f"the command line are visible to every user; use --admin-token-file FILE or "
            f"the environment variable {ADMIN_TOKEN_ENV}"
        )
    token: str | None = args.admin_token
    if token is None and args.admin_token_file is not None:
        token = _read_secret_file(args.admin_token_file)
    if token is None:
        token = os.environ.get(ADMIN_TOKEN_ENV)
    if not token:
        raise UsageError(
            f"an admin token is required: --admin-token-file FILE or {ADMIN_TOKEN_ENV}"
            " (--admin-token TOKEN on loopback)"
        )
    return token


def enrollment_codes(args: argparse.Namespace) -> list[str]:
    if args.enrollment_codes and not is_loopback(args.host):
        raise UsageError(
            f"--enrollment-code is refused for a non-loopback --host ({args.host}): use "
            "--enrollment-code-file FILE, or issue codes with `yiwang platform issue-code`"
        )
    codes = list(args.enrollment_codes)
    if args.enrollment_code_file is not None:
        text = _read_secret_file(args.enrollment_code_file)
        codes += [line.strip() for line in text.splitlines() if line.strip()]
    return codes


def issue_code(db: Path, ttl_hours: float, replace: str | None) -> str:
    from reference_platform.storage import PlatformStore
    from wire.enrollment import new_code

    if not 0 < ttl_hours <= 24 * 365:
        raise UsageError("--ttl-hours must be more than 0 and at most 8760")
    old_umask = os.umask(0o077)  # a first call makes the database and key: private
    try:
        store = PlatformStore(db)
        try:
            code = new_code()
            store.stations.add_codes([code], time.time(), ttl_hours * 3600, replace)
        finally:
            store.close()
    finally:
        os.umask(old_umask)
    return code


def main(args: argparse.Namespace | Sequence[str] | None = None) -> int:
    if not isinstance(args, argparse.Namespace):
        parser = argparse.ArgumentParser(
            prog="python -m reference_platform", description="Yiwang reference platform"
        )
        add_arguments(parser)
        args = parser.parse_args(args)
    try:
        if args.action == "issue-code":
            print(issue_code(args.db, args.ttl_hours, args.replace))
            return 0
        if args.port is None:
            raise UsageError("--port is required to serve")
        if (args.ssl_certfile is None) != (args.ssl_keyfile is None):
            raise UsageError("--ssl-certfile and --ssl-keyfile go together")
        token = admin_token(args)
        codes = enrollment_codes(args)
    except (UsageError, OSError, ValueError) as exc:
        print(f"yiwang platform: {exc}", file=sys.stderr)
        return 2
    from reference_platform.parent_watch import watch_parent
    from reference_platform.server import serve

    watch_parent()  # started by PlatformProcess: end with the process that started us
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    serve(
        args.db, args.host, args.port, token, codes,
        ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile, dev=args.dev,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
