"""Opening the station's store for a technician's command (`yiwang audit`, `clerks`):
as it is, never recovered, and a storage failure said in one line with its exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sync.exit_codes import ExitCode

if TYPE_CHECKING:
    from sync.store import Store


def open_store_as_is(data_dir: Path) -> Store | ExitCode:
    """The store in `data_dir` opened without recovery, or the exit code after saying
    on stderr why it cannot be opened."""
    from sync.store import StorageError, Store

    try:
        return Store(data_dir, recover=False)
    except (StorageError, OSError) as e:
        print(f"cannot open the station database in {data_dir}: {e}", file=sys.stderr)
        return ExitCode.STORAGE
