"""`yiwang recover`: restore a damaged station database without losing or reissuing
what was acknowledged (see :mod:`sync.store.recovery`); prints a report."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

#: a hostile or broken platform must not keep recovery paging for ever
MAX_PAGES = 10_000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "recover",
        help="restore a damaged station database from backups and the platform",
    )
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument(
        "--backup-dir",
        type=Path,
        default=None,
        help="where the rolling backups are (default: sync.backup_dir, else DATA_DIR/backups)",
    )
    p.add_argument(
        "--offline", action="store_true", help="do not ask the platform what it holds (P4)"
    )
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    return recover_command(args.data_dir, backup_dir=args.backup_dir, offline=args.offline)


def recover_command(
    data_dir: Path, *, backup_dir: Path | None = None, offline: bool = False
) -> int:
    """Run the recovery and print its report; returns the exit code."""
    from station.context import backup_settings
    from sync.client import PlatformClient
    from sync.config import ConfigError, DataDirMissing, load_config, load_credentials
    from sync.crypto import StorageError
    from sync.exit_codes import ExitCode, exit_code_for, one_line
    from sync.store import HeldSubmission, parse_held, recover_station
    from yiwang.error_words import technician_text

    if not data_dir.is_dir():
        print(one_line("recover", DataDirMissing(data_dir), technician_text), file=sys.stderr)
        return int(ExitCode.CONFIG)
    fetch = None
    try:
        config = load_config(data_dir)
        if backup_dir is None:
            backup_dir = backup_settings(config, data_dir).folder_for(data_dir)
        if not offline:
            client = PlatformClient(
                config.platform_url, load_credentials(data_dir), verify=config.ca_bundle or True
            )

            def fetch() -> Iterator[HeldSubmission]:
                cursor: str | None = None
                for _ in range(MAX_PAGES):
                    entries, nxt = client.station_submissions(cursor, limit=100)
                    for entry in entries:
                        try:
                            yield parse_held(entry)
                        except ValueError as e:
                            log.warning("platform entry refused: %s", e)
                    if nxt is None or nxt == cursor or not entries:
                        return
                    cursor = nxt

    except ConfigError as e:
        line = one_line("", e, technician_text).lstrip(": ")
        print(f"recover: {line} — replay skipped", file=sys.stderr)
    try:
        report = recover_station(
            data_dir,
            backup_folder=backup_dir or data_dir / "backups",
            fetch_held=fetch,
        )
    except (StorageError, OSError) as e:
        print(one_line("recover", e, technician_text), file=sys.stderr)
        code = exit_code_for(e)
        return int(code if code is not None else ExitCode.STORAGE)
    for line in report.lines():
        print(f"recover: {line}")
    return int(ExitCode.OK if report.complete else ExitCode.RECOVERY_INCOMPLETE)
