"""Canonical JSON: the one byte form station and platform hash, sign and compare."""

from __future__ import annotations

import json
import math
import re
from typing import Any


def canonical_json(value: Any) -> bytes:
    """Compact, key-sorted UTF-8 JSON: the one form station and platform hash, sign and
    compare (submission replays, ETags, audit rows)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


MAX_DEPTH = 32

# A JSON string token: what the bracket count must skip.
_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS_RE = re.compile(r"[\[\]{}]")


class StrictJsonError(ValueError):
    """The body is JSON the protocol refuses. ``syntax`` tells malformed text (not JSON at
    all) from well-formed JSON that is refused (non-finite numbers, duplicate keys, too
    deep, lone surrogates)."""

    def __init__(self, message: str, *, syntax: bool = False) -> None:
        super().__init__(message)
        self.syntax = syntax


def _no_constant(name: str) -> Any:
    raise StrictJsonError(f"{name} is not allowed")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StrictJsonError(f"number {text[:40]} is out of range")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise StrictJsonError(f"duplicate key {key[:40]!r}")
        out[key] = value
    return out


def _depth(text: str) -> int:
    deepest = depth = 0
    for bracket in _BRACKETS_RE.findall(_STRING_RE.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def loads_strict(data: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse a JSON body as the protocol allows it: UTF-8, finite numbers only (no NaN,
    Infinity or 1e999), no duplicate keys, at most ``max_depth`` nested arrays/objects and
    nothing canonical_json could not write back (lone surrogates)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StrictJsonError(f"not UTF-8: {exc.reason}", syntax=True) from None
    if _depth(text) > max_depth:
        raise StrictJsonError(f"nested deeper than {max_depth}")
    try:
        value = json.loads(
            text,
            parse_constant=_no_constant,
            parse_float=_finite_float,
            object_pairs_hook=_unique_keys,
        )
    except StrictJsonError:
        raise
    except (ValueError, RecursionError) as exc:
        raise StrictJsonError(str(exc)[:200], syntax=True) from None
    try:
        canonical_json(value)
    except (UnicodeEncodeError, ValueError) as exc:
        raise StrictJsonError(f"cannot be stored: {str(exc)[:120]}") from None
    return value
