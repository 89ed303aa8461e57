"""A catalog of thousands of kiosk-enabled items (tests/kiosk/test_big_catalog.py and
bench/kiosk_big_catalog.py)."""

from __future__ import annotations

import dataclasses

from intake.catalog import Catalog, Entrance

DEPARTMENTS = 30


def _long(name: str, length: int, filler: str) -> str:
    """`name` made `length` characters long with `filler` (0: as it is)."""
    if length <= len(name):
        return name[:length] if length else name
    return (name + filler * length)[:length]


def big_catalog(catalog: Catalog, count: int, name_length: int = 0) -> Catalog:
    """`catalog` with its kiosk-enabled personal items copied to `count` items (new codes
    BIG-00000..., spread over DEPARTMENTS departments); its other items kept. With
    `name_length`, every name (Chinese and English) is that many characters long, as
    some provincial catalogs' are."""
    seed = catalog.for_entrance(Entrance.PERSONAL, kiosk_only=True)
    items = []
    for n in range(count):
        base = seed[n % len(seed)]
        department = n % DEPARTMENTS
        items.append(dataclasses.replace(
            base, code=f"BIG-{n:05d}",
            name_zh=_long(f"{base.name_zh}（第{n}项）", name_length, "及其相关事项办理"),
            name_en=_long(f"{base.name_en} (no. {n})", name_length, " and related matters"),
            department_zh=f"第{department}部门", department_en=f"Department {department}"))
    others = tuple(it for it in catalog.items if not it.kiosk_enabled)
    return dataclasses.replace(catalog, items=(*items, *others))
