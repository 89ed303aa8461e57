"""The whole station's ``config.toml`` schema, composed from the tables each
package declares (``sync.config``, ``station.device_settings`` and
``station.clerks_config``).

Whole-station entry points (clerk, kiosk, setup, doctor) check the file with
:data:`STATION_SCHEMA`, which also refuses unknown tables; the sync process
checks only its own tables. ``python -m station.config_schema`` prints the
documentation table (``docs/configuration.md``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from station.clerks_config import CLERKS_SCHEMA
from station.device_settings import DEVICES_SCHEMA
from sync.config import SYNC_SCHEMA, config_path
from sync.config_doc import markdown
from sync.config_schema import ConfigError, Schema

# ConfigError is re-exported: front ends validate through station, never sync
__all__ = ["STATION_SCHEMA", "ConfigError", "check_station_config", "documentation"]

STATION_SCHEMA: Schema = SYNC_SCHEMA.compose(DEVICES_SCHEMA).compose(CLERKS_SCHEMA)


def check_station_config(data_dir: Path) -> dict[str, dict[str, Any]]:
    """Every table of ``data_dir/config.toml``, validated; raises ConfigError."""
    return STATION_SCHEMA.read(config_path(data_dir))


def documentation() -> str:
    """The Markdown of ``docs/configuration.md``."""
    return markdown(
        STATION_SCHEMA,
        title="Station configuration (`config.toml`)",
        intro=(
            "Generated from the declared schema by `python -m station.config_schema`"
            " (a test fails when this file is out of date). Every key is optional"
            " unless marked required; a missing key takes its default. A wrong type,"
            " a value out of range or an unknown key is refused with the key, the file"
            " and the line. Older files are upgraded when read and rewritten in the"
            " current format by the next `yiwang setup`. No key is secret today:"
            " credentials and the data key live in `keys/`, never in this file."
        ),
    )


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(documentation())
