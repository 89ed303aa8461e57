"""Canonical JSON: the one byte form station and platform hash, sign and compare."""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """Compact, key-sorted UTF-8 JSON: the one form station and platform hash, sign and
    compare (submission replays, ETags, audit rows)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )
