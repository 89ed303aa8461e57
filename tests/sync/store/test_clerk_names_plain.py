"""Review #15 (attacker): a clerk name from the platform's directory (or typed on the
station) was checked with str.isprintable() only, which lets invisible letters through:
a name of Hangul fillers (U+3164) shows as a blank on papers and screens, variation
selectors and a flood of combining marks paint over the lines around it. The platform's
schema, the station's pull and the station's own clerk form all use the one rule."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from pydantic import ValidationError

from station.clerks import ClerkError, validate_clerk_name
from sync.clerk_directory import ClerkPull
from sync.store import Store
from wire.clerk_day import ClerkDirectory, DirectoryClerk

HASH = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("864209")
BAD = ["\u3164", "\u3164\u3164\u3164", "张\u115f三", "李\ufe0f娜", "Z" + "\u0336" * 12, "   "]


@pytest.mark.parametrize("name", BAD)
def test_the_schema_refuses_invisible_names(name: str) -> None:
    with pytest.raises(ValidationError):
        DirectoryClerk(clerk_id="c9", name=name, pin_hash=HASH)


@pytest.mark.parametrize("name", BAD)
def test_the_station_neither_takes_nor_makes_them(store: Store, name: str) -> None:
    hostile = DirectoryClerk.model_construct(  # as a platform that skips its schema sends it
        clerk_id="c9", name=name, pin_hash=HASH, role="clerk", active=True, must_change_pin=True
    )
    ok = DirectoryClerk(clerk_id="c8", name="王芳", pin_hash=HASH)
    result = ClerkPull(store).apply(ClerkDirectory(version=2, clerks=[hostile, ok]))
    assert result.added == 1 and [r.clerk_id for r in store.clerk_rows()] == ["c8"]
    with pytest.raises(ClerkError):
        validate_clerk_name(name)


def test_real_names_still_pass() -> None:
    for name in ("王芳", "Nguyễn Thị Ánh", "阿卜杜拉·买买提", "李 娜"):
        assert DirectoryClerk(clerk_id="c1", name=name, pin_hash=HASH).name == name
        assert validate_clerk_name(name) == name
