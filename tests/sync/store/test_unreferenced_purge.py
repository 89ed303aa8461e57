"""Pages captured for drafts that were never accepted are personal data too:
they go once they are a day old; pages of accepted submissions and of a
draft in progress stay."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import timedelta

from intake.submission import Submission
from sync.store import Store


def _age(store: Store, sha: str, hours: float) -> None:
    t = time.time() - hours * 3600
    os.utime(store.blobs.path(sha), (t, t))


def test_abandoned_pages_are_purged_referenced_and_fresh_ones_kept(
    store: Store, accept: Callable[..., Submission]
) -> None:
    sub = accept()
    accepted_pages = sub.blob_hashes
    abandoned = store.put_blob(b"page of a draft the clerk abandoned yesterday")
    in_progress = store.put_blob(b"page of the draft on screen right now")
    for sha in [*accepted_pages, abandoned]:
        _age(store, sha, 30)

    assert store.purge_unreferenced_blobs(timedelta(hours=24)) == 1
    assert not store.has_blob(abandoned)
    assert store.has_blob(in_progress)
    assert all(store.has_blob(sha) for sha in accepted_pages)
    assert store.verify_audit_chain()
    assert store.purge_unreferenced_blobs(timedelta(hours=24)) == 0
