"""`yiwang SUBCOMMAND ...` — one command line for every role on a station."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from yiwang import logs
from yiwang.quick_args import FRONT_ENDS, parse_front_end
from yiwang.start_up_gc import collection_off_until_the_gui_collects

#: every subcommand: (its name on the command line, its module in yiwang.commands, which
#: has ``register(sub)``). Only the module of the command being run is imported (all of
#: them for the help), so `yiwang kiosk` and `yiwang clerk` start without the others'.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("demo", "demo"),
    ("clerk", "clerk"),
    ("kiosk", "kiosk"),
    ("platform", "platform"),
    ("setup", "setup"),
    ("sync", "sync_cmd"),
    ("devices", "devices_cmd"),
    ("recover", "recover"),
    ("doctor", "doctor_cmd"),
    ("logs", "logs_cmd"),
    ("audit", "audit_cmd"),
    ("clerks", "clerks_cmd"),
)
#: commands that create their data directory; the others must find it there
CREATES_DATA_DIR = frozenset({"demo", "setup"})


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The command `argv` runs, when it names one; None (every command is registered):
    no command, a help or unknown option first, or an unknown name."""
    options_with_value = {"--log-level"}
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in options_with_value:
            skip = True
        elif token.startswith("-"):
            if not any(token.startswith(f"{o}=") for o in options_with_value):
                return None
        else:
            return token if token in dict(COMMANDS) else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (every command when None or when it names none)."""
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
    chosen = None if argv is None else _chosen_command(argv)
    for name, module in COMMANDS:
        if chosen is None or name == chosen:
            importlib.import_module(f"yiwang.commands.{module}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # first: whatever the command creates in the data directory is the service user's
    # only (personal data; sync.private_files.PRIVATE_UMASK, not imported: the kiosk and
    # the clerk load nothing of sync before their first screen)
    os.umask(0o077)
    if argv is None:
        argv = sys.argv[1:]
    # the kiosk and the clerk start without building the parser (yiwang.quick_args)
    args = parse_front_end(argv) or build_parser(argv).parse_args(argv)
    data_dir = None if getattr(args, "no_log_file", False) else getattr(args, "data_dir", None)
    logs.configure(
        args.log_level, data_dir, name=args.command, create=args.command in CREATES_DATA_DIR
    )
    station_dir = getattr(args, "data_dir", None)
    if station_dir is not None and args.command not in FRONT_ENDS:
        # an older data dir made private (one stat when it is already); the kiosk and
        # the clerk do it as they open the station, behind their first screen
        from sync.private_files import tighten_data_dir

        tighten_data_dir(Path(station_dir))
    try:
        if args.command in FRONT_ENDS:
            with collection_off_until_the_gui_collects():
                return int(args.func(args))
        return int(args.func(args))
    except KeyboardInterrupt:
        from sync.exit_codes import ExitCode

        return int(ExitCode.INTERRUPTED)
    except Exception as e:
        from sync.exit_codes import ExitCode, exit_code_for, one_line

        # loaded here, not at start-up: the catalog behind the words imports all of
        # intake, which the kiosk and the clerk load only after their first screen
        from yiwang.error_words import technician_text

        # the last line of defence: one line for the person, the traceback to the log file
        code = exit_code_for(e)
        logging.getLogger("yiwang").error("%s failed: %s", args.command, e, exc_info=True)
        print(one_line(args.command, e, technician_text), file=sys.stderr, flush=True)
        return int(code if code is not None else ExitCode.UNEXPECTED)


if __name__ == "__main__":
    sys.exit(main())
