"""The manifest is sealed at accept time and sent byte-for-byte as accepted:
a software upgrade that changes how manifests are built cannot turn a replay
into a 409, and the sealed copy holds no readable personal data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intake.submission import Submission
from sync.engine import SyncEngine
from sync.store import Store


def test_manifest_is_sealed_at_accept(store: Store, accept: Callable[..., Submission]) -> None:
    sub = accept()
    assert store.manifest(sub.uuid) == sub.manifest()
    raw = b"".join(p.read_bytes() for p in Path(store.data_dir).glob("station.db*"))  # + WAL
    assert sub.applicant.name.encode("utf-8") not in raw
    assert sub.receipt_no.encode() in raw  # metadata stays queryable


def test_engine_sends_the_manifest_as_accepted(
    store: Store, accept: Callable[..., Submission], monkeypatch: pytest.MonkeyPatch, fake: Any
) -> None:
    sub = accept()
    original = sub.manifest()

    def upgraded(self: Submission) -> dict[str, Any]:  # a later release builds it differently
        return {**original, "schema": 2}

    monkeypatch.setattr(Submission, "manifest", upgraded)
    report = SyncEngine(store, fake, rng=lambda: 1.0).run_once()
    assert report.delivered == 1
    assert fake.manifests[sub.uuid] == original
