"""Where a key sits in a TOML file: tomllib reports no line numbers, so errors find
the line by scanning the text for the key inside its table."""

from __future__ import annotations

import re

__all__ = ["locate", "locate_table"]

_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


def _key_pattern(key: str) -> re.Pattern[str]:
    quoted = re.escape(key)
    return re.compile(rf"^\s*(?:{quoted}|\"{quoted}\"|'{quoted}')\s*=")


def locate(text: str, table: str | None, key: str) -> int | None:
    """1-based line of ``key = ...`` inside ``[table]`` (None: top level), or of
    ``table.key = ...`` at the top level; None when the text does not show it."""
    current: str | None = None
    plain = _key_pattern(key)
    dotted = _key_pattern(f"{table}.{key}") if table else None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).strip().strip('"')
            continue
        if current == table and plain.match(line):
            return number
        if current is None and dotted is not None and dotted.match(line):
            return number
    return None


def locate_table(text: str, table: str) -> int | None:
    """1-based line of the ``[table]`` header, or None."""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and header.group(1).strip().strip('"') == table:
            return number
    return None

