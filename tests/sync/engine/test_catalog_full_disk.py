"""A full disk while a new catalog downloads: a clear error, the old catalog
intact, no temp file left, the ETag not advanced (so it is fetched again)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from resources import resource_path
from sync.blobs import StorageFullError
from sync.catalog_sync import CATALOG_FILE, ETAG_KEY, CatalogSync
from sync.store import Store
from ui_shared.error_text import error_text


class BigCatalogClient:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def catalog(self, etag: str | None) -> tuple[dict[str, Any] | None, str | None]:
        return self.doc, '"v2"'


def test_catalog_download_on_a_full_disk(tiny_fs: Path) -> None:
    station = tiny_fs / "station"
    store = Store(station)
    try:
        seed = json.loads(resource_path("catalog", "seed_catalog.json").read_text("utf-8"))
        old = json.dumps(seed, ensure_ascii=False).encode("utf-8")
        (station / CATALOG_FILE).write_bytes(old)
        store.kv_set(ETAG_KEY, '"v1"')
        # fill the filesystem, leaving less room than the new catalog needs
        with open(tiny_fs / "filler", "wb") as f, pytest.raises(OSError):
            while True:
                f.write(b"\0" * 65536)
                f.flush()
                os.fsync(f.fileno())
        new = dict(seed, version="2099.1.1")
        with pytest.raises(StorageFullError) as e:
            CatalogSync(store, BigCatalogClient(new)).pull()
        assert error_text(e.value) == "存储空间已满，请联系技术人员"
        assert (station / CATALOG_FILE).read_bytes() == old
        assert not [p.name for p in station.iterdir() if p.name.endswith(".tmp")]
        os.unlink(tiny_fs / "filler")
        assert store.kv_get(ETAG_KEY) == '"v1"'  # not advanced: the next pull fetches it again
        update = CatalogSync(store, BigCatalogClient(new)).pull()
        assert update.changed and update.version == "2099.1.1"
    finally:
        store.close()
