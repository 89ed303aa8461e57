"""`yiwang SUBCOMMAND ...` — one command line for every role on a station."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from yiwang import logs
from yiwang.commands import clerk, demo, devices_cmd, kiosk, platform, setup, sync_cmd

COMMANDS = (demo, clerk, kiosk, platform, setup, sync_cmd, devices_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yiwang",
        description="Yiwang Window: intake terminal for township government service windows.",
    )
    parser.add_argument(
        "--log-level",
        default=os.environ.get("YIWANG_LOG_LEVEL", "INFO"),
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_dir = getattr(args, "data_dir", None)
    logs.configure(args.log_level, None if log_dir is None else log_dir / "logs")
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
