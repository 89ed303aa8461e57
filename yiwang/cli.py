"""`yiwang SUBCOMMAND ...` — one command line for every role on a station."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from sync.exit_codes import ExitCode, exit_code_for, one_line
from yiwang import logs
from yiwang.commands import (
    audit_cmd,
    clerk,
    clerks_cmd,
    demo,
    devices_cmd,
    doctor_cmd,
    kiosk,
    logs_cmd,
    platform,
    recover,
    setup,
    sync_cmd,
)
from yiwang.error_words import technician_text

COMMANDS = (
    demo,
    clerk,
    kiosk,
    platform,
    setup,
    sync_cmd,
    devices_cmd,
    recover,
    doctor_cmd,
    logs_cmd,
    audit_cmd,
    clerks_cmd,
)
#: commands that create their data directory; the others must find it there
CREATES_DATA_DIR = frozenset({"demo", "setup"})


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
    data_dir = None if getattr(args, "no_log_file", False) else getattr(args, "data_dir", None)
    logs.configure(
        args.log_level, data_dir, name=args.command, create=args.command in CREATES_DATA_DIR
    )
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)
    except Exception as e:
        # the last line of defence: one line for the person, the traceback to the log file
        code = exit_code_for(e)
        logging.getLogger("yiwang").error("%s failed: %s", args.command, e, exc_info=True)
        print(one_line(args.command, e, technician_text), file=sys.stderr, flush=True)
        return int(code if code is not None else ExitCode.UNEXPECTED)


if __name__ == "__main__":
    sys.exit(main())
