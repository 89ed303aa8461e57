"""Fixtures shared by the intake tests: the real seed catalog and sample applicants."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date

import pytest

from intake import Catalog, LegalEntity, Person, ServiceItem
from resources import SEED_CATALOG, resource_path


@pytest.fixture(scope="session")
def seed_dict() -> dict[str, object]:
    data: dict[str, object] = json.loads(resource_path(*SEED_CATALOG).read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def seed_catalog(seed_dict: dict[str, object]) -> Catalog:
    return Catalog.from_dict(seed_dict)


@pytest.fixture
def personal_item(seed_catalog: Catalog) -> ServiceItem:
    # 城乡居民基本养老保险参保登记: M01 ID card, M02 hukou, M03 form (all required).
    return seed_catalog.item("SB-001")


@pytest.fixture
def legal_item(seed_catalog: Catalog) -> ServiceItem:
    # 个体工商户变更登记: M01, M02, M03 required; M04, M05 optional.
    return seed_catalog.item("SC-101")


@pytest.fixture
def person() -> Person:
    return Person(
        name="王秀英",
        id_number="11010519491231002X",
        gender="女",
        nation="汉",
        birth_date=date(1949, 12, 31),
        address="北京市朝阳区某某街道1号",
    )


@pytest.fixture
def legal_entity() -> LegalEntity:
    representative = Person(name="李建国", id_number="440304199001010011", gender="男")
    return LegalEntity(
        name="某县李记杂货店", credit_code="92330782MA2XYK120H", representative=representative
    )


@pytest.fixture
def sha() -> Callable[[str], str]:
    """Deterministic page hashes: sha("p1") is the SHA-256 of b"p1"."""
    return lambda text: hashlib.sha256(text.encode()).hexdigest()
