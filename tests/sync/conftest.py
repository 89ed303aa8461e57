"""Shared fixtures for the sync tests: a real store in a temp dir and sample submissions."""

from __future__ import annotations

import random
import uuid as uuidlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intake.applicant import LegalEntity, Person
from intake.identity import resident_id_check_digit, uscc_check_char
from intake.submission import CapturedMaterial, Channel, Submission
from sync.store import Store

STATION = "S001"
NOW = datetime(2026, 11, 25, 2, 0, 0, tzinfo=UTC)  # 10:00 Beijing time


def resident_id(first17: str = "11010519491231002") -> str:
    return first17 + resident_id_check_digit(first17)


def credit_code(first17: str = "91350100M000100Y4") -> str:
    return first17 + uscc_check_char(first17)


@pytest.fixture
def person() -> Person:
    return Person(
        name="张三丰",
        id_number=resident_id(),
        gender="男",
        nation="汉",
        address="福建省福州市鼓楼区某某路1号",
    )


@pytest.fixture
def company(person: Person) -> LegalEntity:
    return LegalEntity(
        name="福州某某科技有限公司", credit_code=credit_code(), representative=person
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "station"
    d.mkdir()
    return d


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = Store(data_dir)
    yield s
    s.close()


def page_bytes(tag: str, size: int = 20_000) -> bytes:
    """Deterministic pseudo-random page content (incompressible, unique per tag).

    A generator seeded with the tag (a str seed is hashed with SHA-512, so the same tag
    gives the same bytes in every run): some 20 times faster than hashing a counter,
    which cost the fault tests 30 ms per 600 kB page."""
    return random.Random(f"page:{tag}").randbytes(size)


AcceptFn = Callable[..., Submission]


@pytest.fixture
def station_code() -> str:
    """The station code ``accept`` numbers receipts with (overridden where a shared
    platform needs a code per test: station codes are unique there)."""
    return STATION


@pytest.fixture
def accept(store: Store, person: Person, station_code: str) -> AcceptFn:
    """accept(pages=2, *, store=..., now=NOW, tag=..., **overrides) -> Submission."""

    def _accept(
        pages: int = 2,
        *,
        target: Store | None = None,
        now: datetime = NOW,
        tag: str | None = None,
        page_size: int = 20_000,
        **overrides: object,
    ) -> Submission:
        st = target or store
        uid = str(overrides.pop("uuid", uuidlib.uuid4()))
        tag = tag or uid
        shas = [st.put_blob(page_bytes(f"{tag}-{i}", page_size)) for i in range(pages)]
        kwargs: dict[str, object] = {
            "uuid": uid,
            "station_code": station_code,
            "item_code": "HJ001",
            "catalog_version": "2026.11",
            "applicant": person,
            "materials": [
                CapturedMaterial("M01", tuple(shas[:1])),
                *([CapturedMaterial("M02", tuple(shas[1:]))] if pages > 1 else []),
            ],
            "channel": Channel.WINDOW,
            "clerk_id": "c01",
            "now": now,
        }
        kwargs.update(overrides)
        return st.accept(**kwargs)  # type: ignore[arg-type]

    return _accept
