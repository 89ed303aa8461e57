"""The command lines of the two front ends (`yiwang kiosk ...`, `yiwang clerk ...`)
read without building an argparse parser.

Building the parser and parsing with it takes about 6 ms, some 4 % of an empty PySide6
window's whole start, which the kiosk and the clerk pay before their first screen
(issues #12, #13). Only the plain forms are read here: exact option names, each value
given, `--lang` and `--log-level` among their choices. Anything else (help, an unknown
or abbreviated option, a missing value, `kiosk set-pin`) returns None and goes to
argparse, which accepts or refuses it with its usual words. The namespace is the one
argparse would give (tests/yiwang/test_quick_args.py compares the two).
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LANGUAGES = ("zh_CN", "en")


class FrontEnd:
    """What a front-end command accepts, as its `register` in yiwang.commands declares.
    (A plain class: a dataclass would cost the start-up its code generation.)"""

    def __init__(
        self,
        *,
        module: str,
        values: Mapping[str, tuple[str, Callable[[str], object] | tuple[str, ...]]],
        flags: Mapping[str, str],
        defaults: Mapping[str, object],
        required: frozenset[str] = frozenset(),
    ) -> None:
        self.module = module
        #: option -> (attribute, how its value is read; a tuple: one of these choices)
        self.values = values
        #: flag -> attribute set True
        self.flags = flags
        #: every attribute's value when its option is not given
        self.defaults = defaults
        self.required = required


FRONT_ENDS: Mapping[str, FrontEnd] = {
    "kiosk": FrontEnd(
        module="kiosk",
        values={"--data-dir": ("data_dir", Path), "--lang": ("lang", LANGUAGES)},
        flags={"--windowed": "windowed", "--exit-when-ready": "exit_when_ready"},
        defaults={"data_dir": None, "lang": "zh_CN", "windowed": False,
                  "exit_when_ready": False, "kiosk_action": None},
    ),
    "clerk": FrontEnd(
        module="clerk",
        values={"--data-dir": ("data_dir", Path), "--lang": ("lang", LANGUAGES)},
        flags={"--exit-when-ready": "exit_when_ready"},
        defaults={"data_dir": None, "lang": "zh_CN", "exit_when_ready": False},
        required=frozenset({"data_dir"}),
    ),
}


def parse_front_end(argv: Sequence[str]) -> argparse.Namespace | None:
    """The namespace argparse would give for a plain front-end command line, or None
    (then argparse reads it)."""
    tokens = list(argv)
    log_level = os.environ.get("YIWANG_LOG_LEVEL", "INFO")
    if tokens and tokens[0].startswith("--log-level"):
        got = _take_value(tokens, "--log-level")
        if got is None or got not in LOG_LEVELS:
            return None
        log_level = got
    if not tokens or tokens[0] not in FRONT_ENDS:
        return None
    command = tokens.pop(0)
    spec = FRONT_ENDS[command]
    found: dict[str, object] = dict(spec.defaults)
    given: set[str] = set()
    while tokens:
        name = tokens[0].split("=", 1)[0]
        if name in spec.flags and "=" not in tokens[0]:
            tokens.pop(0)
            found[spec.flags[name]] = True
        elif name in spec.values:
            raw = _take_value(tokens, name)
            attribute, read = spec.values[name]
            if raw is None or (isinstance(read, tuple) and raw not in read):
                return None
            found[attribute] = raw if isinstance(read, tuple) else read(raw)
            given.add(attribute)
        else:
            return None
    if not spec.required <= given:
        return None
    run = importlib.import_module(f"yiwang.commands.{spec.module}")._run
    return argparse.Namespace(log_level=log_level, command=command, func=run, **found)


def _take_value(tokens: list[str], name: str) -> str | None:
    """Pop `name VALUE` or `name=VALUE` from the front of `tokens`; None when the
    value is missing or looks like an option (argparse's call then)."""
    first = tokens.pop(0)
    if first.startswith(f"{name}="):
        return first.split("=", 1)[1]
    if first != name or not tokens or tokens[0].startswith("-"):
        return None
    return tokens.pop(0)
