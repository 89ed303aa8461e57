"""A catalog of thousands of kiosk-enabled items (tests/kiosk/test_big_catalog.py and
bench/kiosk_big_catalog.py)."""

from __future__ import annotations

import dataclasses

from intake.catalog import Catalog, Entrance

DEPARTMENTS = 30


def big_catalog(catalog: Catalog, count: int) -> Catalog:
    """`catalog` with its kiosk-enabled personal items copied to `count` items (new codes
    BIG-00000..., spread over DEPARTMENTS departments); its other items kept."""
    seed = catalog.for_entrance(Entrance.PERSONAL, kiosk_only=True)
    items = []
    for n in range(count):
        base = seed[n % len(seed)]
        department = n % DEPARTMENTS
        items.append(dataclasses.replace(
            base, code=f"BIG-{n:05d}", name_zh=f"{base.name_zh}（第{n}项）",
            name_en=f"{base.name_en} (no. {n})", department_zh=f"第{department}部门",
            department_en=f"Department {department}"))
    others = tuple(it for it in catalog.items if not it.kiosk_enabled)
    return dataclasses.replace(catalog, items=(*items, *others))
