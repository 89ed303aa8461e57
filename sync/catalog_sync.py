"""Keep the station's service catalog in step with the platform (``GET /v1/catalog``).

The platform answers with an ``ETag``; the station sends it back as
``If-None-Match`` and gets ``304`` while nothing changed. A new catalog is
validated with :meth:`intake.catalog.Catalog.from_dict` before anything is
written: a bad one is logged and ignored and never replaces the good one.
A good one is written to ``data_dir/catalog.json`` atomically (temp file +
fsync + rename + directory fsync) and only then is its ETag stored (``kv``),
so a crash in between merely fetches it again.

Submissions are not affected: each keeps the ``catalog_version`` it was
accepted under; only new drafts see the new catalog (the UI reloads on the
engine's ``catalog`` event, see :mod:`sync.engine`).
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from intake.catalog import Catalog
from resources import SEED_CATALOG, resource_path
from sync.blobs import StorageFullError, is_full_disk
from sync.durable import write_private_file
from sync.private_files import private_dir
from sync.store import Store

__all__ = [
    "CATALOG_FILE",
    "ETAG_KEY",
    "CatalogAPI",
    "CatalogSync",
    "CatalogUpdate",
    "write_atomic",
]

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.json"  # under the data dir; load_catalog() reads it
ETAG_KEY = "catalog_etag"


class CatalogAPI(Protocol):
    """The part of ``PlatformClient`` catalog sync uses."""

    def catalog(self, etag: str | None) -> tuple[dict[str, Any] | None, str | None]: ...


@dataclass(frozen=True)
class CatalogUpdate:
    """What one pull did: ``changed`` (the station now uses a different catalog than
    before: UIs should reload), ``rejected`` (the platform sent one that failed
    validation; the old one stays)."""

    changed: bool
    version: str | None
    etag: str | None
    rejected: str = ""


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a reader sees the old or the new file, never
    a torn one, even across a power cut (:func:`sync.durable.write_private_file`); a
    full disk raises :class:`StorageFullError` and leaves the old file in place."""
    path = Path(path)
    private_dir(path.parent)
    try:
        write_private_file(path, data)
    except OSError as e:
        if is_full_disk(e):
            raise StorageFullError(f"disk full while writing {path.name}") from e
        raise


@functools.lru_cache(maxsize=2)
def _catalog_of(text: str) -> Catalog:
    """The catalog a file's text holds, validated once per process for each text.

    Why: every station that opens reads its catalog, and validating one (every field
    checked character by character) costs ~20 ms; the catalog is immutable (frozen
    dataclasses, tuples, frozensets), so the same text may share one object. Keyed by
    the whole text, never by the path: a changed file is a new key. A text that fails
    raises each time (exceptions are not cached). Two kept: the catalog in use and
    the one a sync has just brought, not a running kiosk's every old catalog (up to
    8 MiB of text each)."""
    return Catalog.from_dict(json.loads(text))


def _read_catalog(path: Path) -> Catalog | None:
    try:
        return _catalog_of(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except Exception:
        log.warning("catalog %s is unreadable", path, exc_info=True)
        return None


def load_catalog(data_dir: Path) -> Catalog:
    """The catalog last pulled into ``data_dir``, else the seed shipped with the software."""
    catalog = _read_catalog(Path(data_dir) / CATALOG_FILE) or _read_catalog(
        resource_path(*SEED_CATALOG)
    )
    if catalog is None:
        raise RuntimeError("no service catalog available (pulled copy and seed unreadable)")
    return catalog


class CatalogSync:
    """Pulls the catalog for the station in ``store.data_dir`` (or ``data_dir``)."""

    def __init__(self, store: Store, client: CatalogAPI, data_dir: Path | None = None) -> None:
        self.store = store
        self.client = client
        self.data_dir = Path(data_dir) if data_dir is not None else store.data_dir
        self._version: str | None = None
        self._version_known = False

    @property
    def path(self) -> Path:
        return self.data_dir / CATALOG_FILE

    def current_version(self) -> str | None:
        """The version the station is using: the pulled catalog's, else the seed's."""
        if not self._version_known:
            try:
                self._version = load_catalog(self.data_dir).version
            except RuntimeError:
                self._version = None
            self._version_known = True
        return self._version

    def pull(self) -> CatalogUpdate:
        """One conditional GET. Raises the client's ``SyncError`` subclasses (network,
        auth, ...) unchanged; a catalog that fails validation is reported, not raised."""
        etag = self.store.kv_get(ETAG_KEY)
        if etag is not None and _read_catalog(self.path) is None:
            # our copy is gone or damaged: a 304 would leave us without one
            log.warning("local catalog missing or unreadable; fetching it again in full")
            etag = None
        doc, new_etag = self.client.catalog(etag)
        if doc is None:
            return CatalogUpdate(False, self.current_version(), new_etag)
        try:
            catalog = Catalog.from_dict(doc)
        except Exception as e:
            log.error("platform sent an invalid catalog (etag %s); keeping ours: %s", new_etag, e)
            return CatalogUpdate(False, self.current_version(), etag, rejected=str(e))
        pulled = _read_catalog(self.path)
        previous = pulled or _read_catalog(resource_path(*SEED_CATALOG))
        if pulled is None or pulled != catalog:
            data = json.dumps(catalog.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")
            write_atomic(self.path, data + b"\n")
        self.store.kv_set(ETAG_KEY, new_etag)
        self._version, self._version_known = catalog.version, True
        changed = previous != catalog
        if changed:
            log.info("service catalog updated to version %s (etag %s)", catalog.version, new_etag)
        return CatalogUpdate(changed, catalog.version, new_etag)
