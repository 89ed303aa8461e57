"""The :class:`Store`: one object composed of the store's parts, opened on a data dir."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

from sync.blobs import BlobStore
from sync.crypto import KeyStore
from sync.store.attachments import AttachmentsPart
from sync.store.clerks import ClerksPart
from sync.store.deliveries import DeliveriesPart
from sync.store.ledger import LedgerPart
from sync.store.ledger_schema import after_migration, version_on_disk
from sync.store.queries import QueriesPart
from sync.store.records import STATION_TZ
from sync.store.retention import RetentionPart
from sync.store.schema import DB_FILENAME, migrate
from sync.store.statuses import StatusesPart


class Store(
    QueriesPart,
    DeliveriesPart,
    AttachmentsPart,
    StatusesPart,
    RetentionPart,
    ClerksPart,
    LedgerPart,
):
    """``Store(data_dir)``: ``data_dir/station.db`` + ``data_dir/blobs/`` + ``data_dir/keys/``."""

    def __init__(
        self,
        data_dir: Path,
        *,
        tz: timezone = STATION_TZ,
        recover: bool = True,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.data_dir / DB_FILENAME
        self.tz = tz
        self.keys = KeyStore(self.data_dir / "keys")
        self.keys.data_key()
        self.blobs = BlobStore(self.data_dir / "blobs", self.keys)
        self.fault_hook = None
        self._init_connections()
        with self._write() as db:
            before = version_on_disk(db)
            migrate(db, self.db_path)
            after_migration(db, before, self._audit_key)
        if recover:
            self.recover_interrupted()
        self.blobs.cleanup_temp()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
