"""The :class:`Store`: one object composed of the store's parts, opened on a data dir."""

from __future__ import annotations

import logging
from datetime import timezone
from pathlib import Path

from sync.blobs import BlobStore
from sync.crypto import KeyStore
from sync.private_files import make_private, private_dir
from sync.store.adoption import AdoptionPart
from sync.store.attachments import AttachmentsPart
from sync.store.clerks import ClerksPart
from sync.store.core import BUSY_TIMEOUT_MS, os_storage_error, require_usable_dir
from sync.store.deliveries import DeliveriesPart
from sync.store.highwater import ReceiptHighWater
from sync.store.integrity import check_database
from sync.store.ledger import LedgerPart
from sync.store.ledger_schema import after_migration, version_on_disk
from sync.store.notices import NoticesPart
from sync.store.queries import QueriesPart
from sync.store.records import STATION_TZ, utcnow
from sync.store.retention import RetentionPart
from sync.store.schema import DB_FILENAME, migrate
from sync.store.statuses import StatusesPart

log = logging.getLogger("sync.store")


class Store(
    QueriesPart,
    AdoptionPart,
    DeliveriesPart,
    AttachmentsPart,
    StatusesPart,
    RetentionPart,
    ClerksPart,
    LedgerPart,
    NoticesPart,
):
    """``Store(data_dir)``: ``data_dir/station.db`` + ``data_dir/blobs/`` + ``data_dir/keys/``.

    Opening checks the database first (:func:`sync.store.integrity.check_database`):
    a damaged one is moved aside and :class:`StoreDamaged` raised — never replaced
    by an empty one. ``open_warnings`` lists what the check found short of damage
    (page images missing for undelivered submissions, which are quarantined).
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        tz: timezone = STATION_TZ,
        recover: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_FILENAME
        self.tz = tz
        self.busy_timeout_ms = busy_timeout_ms
        self.fault_hook = None
        require_usable_dir(self.data_dir)
        try:
            private_dir(self.data_dir)
            self.keys = KeyStore(self.data_dir / "keys")
            self.keys.data_key()
            self.blobs = BlobStore(self.data_dir / "blobs", self.keys)
        except OSError as e:
            raise os_storage_error(e, self.data_dir) from e
        self.highwater = ReceiptHighWater(self.data_dir / "keys")
        self._init_connections()
        check_database(self.data_dir, self.highwater, timeout=busy_timeout_ms / 1000)
        try:
            self._open(recover)
            self._private_database_files()
        except BaseException:
            self.close()
            raise

    def _private_database_files(self) -> None:
        """SQLite creates its files by the umask (0600 under every entry point,
        sync.private_files); a caller with another umask gets them private too (the
        -wal and -shm files SQLite makes later take the database file's mode)."""
        for suffix in ("", "-wal", "-shm"):
            path = self.db_path.with_name(self.db_path.name + suffix)
            try:
                make_private(path)
            except FileNotFoundError:
                continue
            except OSError as e:
                raise os_storage_error(e, self.data_dir) from e

    def _open(self, recover: bool) -> None:
        with self._write() as db:
            before = version_on_disk(db)
            migrate(db, self.db_path)
            after_migration(db, before, self._audit_key)
        try:
            self.highwater.mark_database_created(utcnow())
            self.blobs.cleanup_temp()
        except OSError as e:
            raise os_storage_error(e, self.highwater.path) from e
        if recover:
            self.recover_interrupted()
        self.open_warnings: list[str] = self.quarantine_missing_pages()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
