"""What a PIN hash may cost to check. A station verifies every sign-in against the
hash it holds; a hash pulled from the platform (protocol P8) with absurd argon2id
parameters would make each attempt take minutes or gigabytes, so both sides refuse
one outside these bounds. Standard library only: the station checks it at start-up
speed, without the wire schemas."""

from __future__ import annotations

import re
from typing import Final

#: the most a sign-in may ask of a hall PC: 256 MiB, ten passes, eight lanes
MAX_MEMORY_KIB: Final = 262_144
MAX_TIME_COST: Final = 10
MAX_PARALLELISM: Final = 8

_PARAMS = re.compile(r"^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,3})\$")


def argon2id_cost_ok(phc: str) -> bool:
    """True for an argon2id PHC string whose parameters a station can afford to verify
    (argon2 itself needs at least 8 KiB of memory per lane)."""
    match = _PARAMS.match(phc)
    if match is None:
        return False
    memory, time_cost, lanes = (int(g) for g in match.groups())
    return (
        1 <= lanes <= MAX_PARALLELISM
        and 8 * lanes <= memory <= MAX_MEMORY_KIB
        and 1 <= time_cost <= MAX_TIME_COST
    )
