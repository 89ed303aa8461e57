"""`yiwang clerks add|list|disable|enable|reset-pin`: an admin manages the station's clerks.

PINs are never arguments (they would sit in shell history and ``ps``): they are
read from a prompt on a terminal, or one per line from standard input
(the admin's PIN first when one is needed, then the new PIN).

Once the station has an admin, every change needs ``--admin ID`` and that
admin's PIN; the very first account must be an admin. Exit codes: 0 done,
1 refused (wrong or locked admin PIN, weak PIN, unknown or existing clerk),
2 no station here.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sync.exit_codes import ExitCode
from yiwang.commands.store_access import open_store_as_is

if TYPE_CHECKING:
    from station.clerks import ClerkDirectory


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("clerks", help="manage the clerk accounts of this station (admin)")
    verbs = p.add_subparsers(dest="clerks_command", required=True, metavar="ACTION")

    def verb(name: str, help_text: str, with_id: bool = True) -> argparse.ArgumentParser:
        v = verbs.add_parser(name, help=help_text)
        v.add_argument("--data-dir", type=Path, required=True)
        if with_id:
            v.add_argument("clerk_id")
            v.add_argument("--admin", help="admin clerk id (its PIN is asked for)")
        return v

    add = verb("add", "add a clerk (or the first admin)")
    add.add_argument("--name", required=True)
    add.add_argument("--role", choices=["clerk", "admin"], default="clerk")
    verb("list", "list the clerks", with_id=False)
    verb("disable", "stop a clerk signing in")
    verb("enable", "let a disabled clerk sign in again")
    verb("reset-pin", "set a temporary PIN the clerk must change at sign-in")
    p.set_defaults(func=_run)


def read_pin(prompt: str, *, confirm: bool = False) -> str:
    """One PIN from the terminal (hidden, twice when ``confirm``) or one line of stdin."""
    if sys.stdin.isatty():
        pin = getpass.getpass(f"{prompt}: ")
        if confirm and getpass.getpass(f"{prompt} (again): ") != pin:
            raise ValueError("the two PINs differ")
        return pin
    line = sys.stdin.readline(64)
    if not line:
        raise ValueError(f"no PIN on standard input ({prompt})")
    return line.rstrip("\r\n")


def _run(args: argparse.Namespace) -> int:
    from station.clerks import ClerkDirectory, ClerkError
    from station.pins import WeakPin
    from sync.store import DB_FILENAME

    data_dir: Path = args.data_dir
    if not ((data_dir / DB_FILENAME).is_file() or (data_dir / "config.toml").is_file()):
        print(f"no station in {data_dir} (run `yiwang setup` first)", file=sys.stderr)
        return int(ExitCode.CONFIG)
    store = open_store_as_is(data_dir)
    if isinstance(store, ExitCode):
        return int(store)
    try:
        directory = ClerkDirectory(store)
        if args.clerks_command == "list":
            for a in directory.list():
                state = "disabled" if a.disabled else "locked" if a.lockout.locked_until else "ok"
                print(f"{a.clerk_id}\t{a.role.value}\t{state}\t{a.name}")
            return int(ExitCode.OK)
        actor = _authorize(directory, args)
        action = _ACTIONS[args.clerks_command]
        print(action(directory, args, actor))
        return int(ExitCode.OK)
    except (ClerkError, WeakPin, ValueError) as e:
        print(f"refused: {e}", file=sys.stderr)
        return int(ExitCode.FAILED)
    finally:
        store.close()


def _authorize(directory: ClerkDirectory, args: argparse.Namespace) -> str:
    if not directory.has_admin():
        if args.clerks_command == "add" and args.role == "admin":
            return "setup"  # the station's first admin
        raise ValueError("this station has no admin yet: add one first (add ID --role admin)")
    if not args.admin:
        raise ValueError("--admin ID is required: an admin manages clerks")
    return directory.authorize_admin(args.admin, read_pin(f"PIN of admin {args.admin}")).clerk_id


def _add(directory: ClerkDirectory, args: argparse.Namespace, actor: str) -> str:
    from station.clerks import ClerkRole

    pin = read_pin(f"new PIN for {args.clerk_id}", confirm=True)
    a = directory.add(args.clerk_id, args.name, pin, role=ClerkRole(args.role), by=actor)
    return f"added {a.role.value} {a.clerk_id}"


def _disable(directory: ClerkDirectory, args: argparse.Namespace, actor: str) -> str:
    directory.set_disabled(args.clerk_id, True, by=actor)
    return f"disabled {args.clerk_id}"


def _enable(directory: ClerkDirectory, args: argparse.Namespace, actor: str) -> str:
    directory.set_disabled(args.clerk_id, False, by=actor)
    return f"enabled {args.clerk_id}"


def _reset(directory: ClerkDirectory, args: argparse.Namespace, actor: str) -> str:
    directory.reset_pin(
        args.clerk_id, read_pin(f"temporary PIN for {args.clerk_id}", confirm=True), by=actor
    )
    return f"PIN of {args.clerk_id} reset; it must be changed at the next sign-in"


_ACTIONS: dict[str, Callable[[ClerkDirectory, argparse.Namespace, str], str]] = {
    "add": _add,
    "disable": _disable,
    "enable": _enable,
    "reset-pin": _reset,
}
