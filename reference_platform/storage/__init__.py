"""The reference platform's storage, one part per concern over one SQLite database.

Beside the database file ``DB``: ``DB.key`` (the key personal data is sealed with) and
``blobs/`` (see storage/blobs.py). Directories are 0700 and files 0600.
"""

from __future__ import annotations

from pathlib import Path

from reference_platform.storage.blobs import BlobInfo, Blobs
from reference_platform.storage.db import Database, iso_utc
from reference_platform.storage.outcomes import Outcomes
from reference_platform.storage.records import EMPTY_CATALOG, Catalog, Evaluations
from reference_platform.storage.sealing import Sealer, SealError, load_or_create_key
from reference_platform.storage.stations import (
    EnrollmentRefused,
    Station,
    StationCodeTaken,
    Stations,
)
from reference_platform.storage.submissions import NewSubmission, ReceiptTaken, Submissions

__all__ = [
    "EMPTY_CATALOG",
    "BlobInfo",
    "EnrollmentRefused",
    "NewSubmission",
    "PlatformStore",
    "ReceiptTaken",
    "SealError",
    "Station",
    "StationCodeTaken",
    "iso_utc",
]


def key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key")


class PlatformStore:
    """Everything the platform keeps, by concern."""

    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self.db = Database(self.db_path)
        sealer = Sealer(load_or_create_key(key_path(self.db_path)))
        self.stations = Stations(self.db)
        self.blobs = Blobs(self.db, self.db_path.parent / "blobs")
        self.submissions = Submissions(self.db, sealer)
        self.catalog = Catalog(self.db)
        self.evaluations = Evaluations(self.db)
        self.outcomes = Outcomes(self.db, sealer)

    def close(self) -> None:
        self.db.close()
