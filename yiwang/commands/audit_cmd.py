"""`yiwang audit verify`: check the audit log's hash chain and station signatures.

Exit 0: every entry links to the one before and carries this station's
signature. Exit 1: the first bad entry is named (altered, removed/reordered, or
not signed with ``keys/audit.key``). Exit 2: there is no station database or it
cannot be opened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sync.exit_codes import ExitCode
from yiwang.commands.store_access import open_store_as_is


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="check the station's audit log")
    verbs = p.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    v = verbs.add_parser("verify", help="check the hash chain and the station signatures")
    v.add_argument("--data-dir", type=Path, required=True)
    v.set_defaults(func=_verify)


def _verify(args: argparse.Namespace) -> int:
    from sync.store import DB_FILENAME

    data_dir: Path = args.data_dir
    if not (data_dir / DB_FILENAME).is_file():
        print(f"no station database in {data_dir}", file=sys.stderr)
        return int(ExitCode.CONFIG)
    store = open_store_as_is(data_dir)
    if isinstance(store, ExitCode):
        return int(store)
    try:
        checked, problem = store.verify_audit()
    finally:
        store.close()
    if problem is not None:
        print(f"AUDIT LOG BROKEN: {problem.describe()} ({checked} entries before it are good)")
        return int(ExitCode.FAILED)
    print(f"audit log OK: {checked} entries, chain and station signatures verified")
    return int(ExitCode.OK)
