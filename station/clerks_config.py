"""The ``[clerks]`` table of config.toml, declared for the whole-station schema
(station.config_schema); station.clerk_day reads it at start-up."""

from __future__ import annotations

from typing import Any

from sync.config import SYNC_SCHEMA
from sync.config_schema import Key, Schema, Table


def _argv_problem(value: Any) -> str | None:
    if all(isinstance(a, str) and a for a in value):
        return None
    return "must be a list of non-empty strings (program and arguments)"


CLERKS_TABLE = Table("clerks", "clerk sign-in at this window", (
    Key("auto_login", str, "", "a demo/test station signs this clerk in without a PIN "
        "(leave out in a real hall)"),
    Key("idle_lock_minutes", float, 5.0, "the screen locks after this long without input",
        minimum=0.5, maximum=240),
    Key("call_next", list, [], "the hall queuing system's 'call next' command, run without "
        "a shell (F2)", check=_argv_problem,
        allowed_en="a list of strings: program and arguments"),
))  # fmt: skip

CLERKS_SCHEMA = Schema(SYNC_SCHEMA.version, (CLERKS_TABLE,), SYNC_SCHEMA.upgrades)
