"""A declared schema for ``config.toml``: every key with type, default, meaning,
allowed range and whether it is secret.

Loading, validation, the documentation table (``docs/configuration.md``) and
the set-up wizard all read the same declarations, so a key cannot be valid in
one place and refused in another.

Layering: this module is generic and Qt-free. Each package declares the
tables it owns next to the code that reads them (``sync.config`` declares
``[station]``, ``[platform]`` and ``[sync]``; ``station.device_settings``
declares ``[devices]``) and ``station.config_schema`` composes the whole
file. ``sync`` therefore never imports ``station``: the sync process checks
its own tables strictly and leaves foreign tables to their owners, while
every whole-station entry point (clerk, kiosk, setup, doctor) checks the
composed schema, which also refuses unknown tables.

tomllib reports no line numbers, so an error's line is found by scanning the
file text for the key inside its table (:func:`locate`).
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from coded_errors import CodedError, Param
from sync.config_lines import locate, locate_table
from sync.durable import write_private_file
from sync.private_files import private_dir

__all__ = [
    "VERSION_KEY",
    "ConfigError",
    "Key",
    "Schema",
    "Table",
    "Upgrade",
    "locate",
    "show_value",
    "type_name",
]

#: top-level key holding the file format version
VERSION_KEY = "config_version"

#: an upgrade step: the parsed document of version N -> version N+1 (in place is fine)
Upgrade = Callable[[dict[str, Any]], dict[str, Any]]


class ConfigError(CodedError):
    """The configuration is missing or invalid: a code of the "config" family with its
    parameters, worded for the technician by the front end; ``str(error)`` is English.

    ``key`` (``table.key``), ``path`` and ``line`` say where, when known."""

    family = "config"

    def __init__(
        self,
        code: str,
        detail_en: str,
        *,
        params: Mapping[str, Param] | None = None,
        key: str | None = None,
        path: Path | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(code, detail_en, params=params)
        self.key = key
        self.path = path
        self.line = line


_TYPE_NAMES: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "true/false",
    list: "list",
}


@dataclass(frozen=True)
class Key:
    """One configuration key. ``check`` adds a rule the declarative fields cannot say;
    it returns an English reason or None. Only English and stable names live here: the
    words a technician reads in Chinese (the key's label, what it allows) come from the
    front end's catalog by the key's dotted name (ui_shared/error_sources/config_words.py
    and the Qt translation)."""

    name: str
    type: type
    default: Any
    meaning: str
    required: bool = False
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    #: a regular expression a string must match in full
    pattern: str | None = None
    #: what ``pattern``/``check`` allow, in words, for the docs and error messages
    allowed_en: str = ""
    secret: bool = False
    check: Callable[[Any], str | None] | None = None

    def allowed(self) -> str:
        if self.allowed_en:
            return self.allowed_en
        if self.choices is not None:
            return " or ".join(show_value(c) for c in self.choices)
        parts = []
        if self.minimum is not None:
            parts.append(f">= {show_value(self.minimum)}")
        if self.maximum is not None:
            parts.append(f"<= {show_value(self.maximum)}")
        return ", ".join(parts) or f"any {_TYPE_NAMES[self.type]}"

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not allowed (English), or None when it is."""
        ok_type = isinstance(value, self.type) and not (
            self.type is not bool and isinstance(value, bool)
        )
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            ok_type = True
        if not ok_type:
            return f"must be a {_TYPE_NAMES[self.type]}, not {value!r}"
        if self.type is float and not math.isfinite(value):
            return f"must be a finite number, not {value!r}"
        if self.choices is not None and value not in self.choices:
            return f"must be {self.allowed()}, not {value!r}"
        if self.minimum is not None and value < self.minimum:
            return f"must be {self.allowed()}, not {value!r}"
        if self.maximum is not None and value > self.maximum:
            return f"must be {self.allowed()}, not {value!r}"
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            return f"must be {self.allowed()}, not {value!r}"
        if self.check is not None:
            reason = self.check(value)
            if reason is not None:
                return f"{reason}, not {value!r}"
        return None


def show_value(value: Any) -> str:
    """A value as TOML would write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    keys: tuple[Key, ...]

    def key(self, name: str) -> Key:
        for k in self.keys:
            if k.name == name:
                return k
        raise KeyError(f"{self.name}.{name}")


@dataclass(frozen=True)
class Schema:
    """The tables of one file format version, and the steps that bring older files up.

    Upgrade steps belong to the file, not to a table: a schema declaring only some
    tables carries the file's steps too, so that writing its tables into an old file
    upgrades the whole file consistently."""

    version: int
    tables: tuple[Table, ...]
    #: upgrades[n] turns a version-n document into version n+1
    upgrades: Mapping[int, Upgrade] = field(default_factory=dict)

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def key(self, dotted: str) -> Key:
        table, _, name = dotted.partition(".")
        return self.table(table).key(name)

    def compose(self, other: Schema) -> Schema:
        """Both schemas' tables in one file (the same version; upgrade steps chained)."""
        if other.version != self.version:
            raise ValueError("composed schemas must agree on the file version")
        steps: dict[int, Upgrade] = dict(self.upgrades)
        for n, step in other.upgrades.items():
            first = steps.get(n)
            steps[n] = step if first is None or first is step else _chain(first, step)
        return Schema(self.version, self.tables + other.tables, steps)

    # --- loading -------------------------------------------------------------------

    def read(self, path: Path, *, foreign_tables: bool = False) -> dict[str, dict[str, Any]]:
        """Parse, upgrade and validate ``path``: every declared table with every key
        (defaults filled in). Raises ConfigError naming the key, the file and the line.
        ``foreign_tables=True`` leaves tables this schema does not declare unchecked."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(
                "missing_file", f"no configuration at {path}", path=path
            ) from None
        except (OSError, UnicodeError) as e:
            raise ConfigError(
                "unreadable", f"cannot read {path}: {e}", params={"file": path.name}, path=path
            ) from e
        return self.parse(text, path, foreign_tables=foreign_tables)

    def parse(
        self, text: str, path: Path, *, foreign_tables: bool = False
    ) -> dict[str, dict[str, Any]]:
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(
                "syntax", f"{path}: {e}", params={"file": path.name, "error": str(e)}, path=path
            ) from e
        doc = self.upgrade(doc, path)
        return self.validate(doc, text, path, foreign_tables=foreign_tables)

    def upgrade(self, doc: dict[str, Any], path: Path) -> dict[str, Any]:
        """Bring a document of any older version up to :attr:`version`."""
        found = doc.get(VERSION_KEY, 1)
        if isinstance(found, bool) or not isinstance(found, int) or found < 1:
            raise ConfigError(
                "version",
                f"{path}: {VERSION_KEY} must be a positive integer, not {found!r}",
                params={"key": VERSION_KEY},
                key=VERSION_KEY,
                path=path,
            )
        if found > self.version:
            raise ConfigError(
                "version",
                f"{path}: {VERSION_KEY} {found} is newer than this software supports "
                f"({self.version})",
                params={"variant": "newer", "key": VERSION_KEY},
                key=VERSION_KEY,
                path=path,
            )
        for n in range(found, self.version):
            step = self.upgrades.get(n)
            if step is not None:
                doc = step(doc)
        doc[VERSION_KEY] = self.version
        return doc

    def validate(
        self, doc: dict[str, Any], text: str, path: Path, *, foreign_tables: bool = False
    ) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for table in self.tables:
            raw = doc.get(table.name, {})
            if not isinstance(raw, dict):
                line = locate(text, None, table.name)
                raise ConfigError(
                    "not_table",
                    f"{_where(path, line)}: {table.name} must be a table ([{table.name}])",
                    params={"key": table.name, **_where_params(path, line)},
                    key=table.name,
                    path=path,
                    line=line,
                )
            out[table.name] = self._validate_table(table, raw, text, path)
        # unknown tables last: a renamed [platform] is first of all a missing platform.url
        declared = {t.name for t in self.tables}
        for name, value in doc.items():
            if name == VERSION_KEY:
                continue
            if name not in declared:
                if foreign_tables and isinstance(value, dict):
                    continue
                line = locate(text, None, name) or locate_table(text, name)
                raise ConfigError(
                    "unknown_key",
                    f"{_where(path, line)}: unknown {'table' if isinstance(value, dict) else 'key'}"
                    f" {name!r} (known tables: {', '.join(sorted(declared))})",
                    params={"key": name, **_where_params(path, line)},
                    key=name,
                    path=path,
                    line=line,
                )
        return out

    def _validate_table(
        self, table: Table, raw: dict[str, Any], text: str, path: Path
    ) -> dict[str, Any]:
        known = {k.name: k for k in table.keys}
        for name in raw:
            if name not in known:
                line = locate(text, table.name, name)
                raise ConfigError(
                    "unknown_key",
                    f"{_where(path, line)}: unknown key {table.name}.{name} "
                    f"(known: {', '.join(known)})",
                    params={"key": f"{table.name}.{name}", **_where_params(path, line)},
                    key=f"{table.name}.{name}",
                    path=path,
                    line=line,
                )
        values: dict[str, Any] = {}
        for key in table.keys:
            dotted = f"{table.name}.{key.name}"
            if key.name not in raw:
                if key.required:
                    line = locate_table(text, table.name)
                    raise ConfigError(
                        "required",
                        f"{_where(path, line)}: required key {dotted} is missing",
                        # "label" names the key: the front end words it (config_words)
                        params={"key": dotted, "label": dotted},
                        key=dotted,
                        path=path,
                        line=line,
                    )
                values[key.name] = key.default
                continue
            value = raw[key.name]
            problem = key.problem(value)
            if problem is not None:
                line = locate(text, table.name, key.name)
                raise ConfigError(
                    "invalid",
                    f"{_where(path, line)}: {dotted} {problem}",
                    params={
                        # "label" and "problem" name the key: the front end words its
                        # label and what it allows (config_words)
                        "key": dotted,
                        "label": dotted,
                        "problem": dotted,
                        "problem_en": problem,
                        **_where_params(path, line),
                    },
                    key=dotted,
                    path=path,
                    line=line,
                )
            values[key.name] = float(value) if key.type is float else value
        return values

    def update_file(self, path: Path, tables: Mapping[str, Mapping[str, Any]]) -> None:
        """Replace the given tables' keys in ``path`` (created if absent), keep every
        other table, upgrade the file to the current version, write atomically."""
        doc: dict[str, Any] = {}
        if path.exists():
            try:
                doc = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(
                    "unreadable",
                    f"cannot read {path}: {e}",
                    params={"variant": "or_malformed", "file": path.name},
                    path=path,
                ) from e
            doc = self.upgrade(doc, path)
        for name, values in tables.items():
            table = self.table(name)
            for key_name, value in values.items():
                self.check_value(f"{name}.{table.key(key_name).name}", value)
            old = doc.get(name)
            doc[name] = {**(old if isinstance(old, dict) else {}), **values}
        doc.pop(VERSION_KEY, None)
        ordered = {VERSION_KEY: self.version, **doc}
        private_dir(path.parent)
        # private like everything in the data directory (sync.private_files): the
        # configuration names the station, its platform and its clerks' set-up
        write_private_file(path, tomli_w.dumps(ordered).encode("utf-8"))

    def check_value(self, dotted: str, value: Any) -> None:
        """Raise ConfigError when ``value`` is not allowed for ``dotted`` (no file)."""
        key = self.key(dotted)
        problem = key.problem(value)
        if problem is not None:
            raise ConfigError(
                "invalid",
                f"{dotted} {problem}",
                params={
                    "variant": "value",
                    "key": dotted,
                    "label": dotted,
                    "problem": dotted,
                    "problem_en": problem,
                },
                key=dotted,
            )


def type_name(kind: type) -> str:
    return _TYPE_NAMES[kind]


def _chain(first: Upgrade, second: Upgrade) -> Upgrade:
    return lambda doc: second(first(doc))


def _where(path: Path, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


def _where_params(path: Path, line: int | None) -> dict[str, Param]:
    """Where in the file: its path and line, each language words them ("第 N 行");
    the "no_line" variant when the line is not known."""
    if line:
        return {"file": str(path), "line": line}
    return {"file": str(path), "variant": "no_line"}
