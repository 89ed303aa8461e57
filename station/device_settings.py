"""The [devices] section of the station's config.toml.

```toml
[devices]
idcard = "simulated"        # "simulated", "auto" (probe serial ports) or a port path
camera = "simulated"        # "simulated", a device index ("0") or a device path / video file
camera_width = 1920
camera_height = 1080
printer = "file:printer/receipts.escpos"  # file:PATH | serial:DEV | tcp:HOST[:PORT] | usb:VID:PID
paper_mm = 80               # 58 or 80
native_qr = false
scanner = "none"            # none | wedge | serial:/dev/ttyACM0 | evdev:/dev/input/eventN
                            # + ?suffix=cr|lf|crlf|tab (docs/devices/scanner.md)
```
Relative `file:` paths are resolved against the data directory.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from devices.scanner.errors import ScannerError
from devices.scanner.spec import parse_scanner_spec
from sync.config import SYNC_SCHEMA, config_path
from sync.config_schema import Key, Schema, Table

SIMULATED = "simulated"


def _scanner_problem(value: Any) -> str | None:
    try:
        parse_scanner_spec(value)
    except ScannerError as e:
        return str(e)
    return None


DEVICES_TABLE = Table("devices", "the hardware of this station", (
    Key("idcard", str, SIMULATED, "second-generation ID card reader",
        pattern=r"simulated|auto|\S+", allowed_en='"simulated", "auto" (probe serial ports) '
        "or a serial port path"),
    Key("camera", str, SIMULATED, "document camera", pattern=r"\S+",
        allowed_en='"simulated", a device index ("0") or a device path / video file'),
    Key("camera_width", int, 1920, "camera frame width in pixels",
        minimum=320, maximum=8192),
    Key("camera_height", int, 1080, "camera frame height in pixels",
        minimum=240, maximum=8192),
    Key("printer", str, "file:printer/receipts.escpos",
        "receipt printer; relative file: paths are inside the data dir",
        pattern=r"(file|serial|tcp|usb):\S+",
        allowed_en="file:PATH, serial:DEV, tcp:HOST[:PORT] or usb:VID:PID"),
    Key("paper_mm", int, 80, "receipt paper width in millimetres", choices=(58, 80)),
    Key("native_qr", bool, False, "let the printer draw QR codes itself (else printed as an "
        "image)"),
    Key("scanner", str, "none", "code scanner", check=_scanner_problem,
        allowed_en="none, wedge, serial:PORT[?baudrate=N&suffix=cr|lf|crlf|tab|auto] "
        "or evdev:PATH"),
))
DEVICES_SCHEMA = Schema(SYNC_SCHEMA.version, (DEVICES_TABLE,), SYNC_SCHEMA.upgrades)


@dataclass(frozen=True)
class DeviceSettings:
    idcard: str = SIMULATED
    camera: str = SIMULATED
    camera_width: int = 1920
    camera_height: int = 1080
    printer: str = "file:printer/receipts.escpos"
    paper_mm: int = 80
    native_qr: bool = False
    scanner: str = "none"

    def printer_target(self, data_dir: Path) -> str:
        """The target with a relative ``file:`` path resolved in `data_dir`. Touches
        nothing: doctor and diagnose read it too (the first print makes the folder, see
        :meth:`printer_folder_to_create`)."""
        if self.printer.startswith("file:"):
            path = Path(self.printer[5:])
            if not path.is_absolute():
                path = data_dir / path
            return f"file:{path}"
        return self.printer

    def printer_folder_to_create(self, data_dir: Path) -> Path | None:
        """The folder a real print may create: that of a relative ``file:`` target,
        which lies inside the data directory. None for anything else (an absolute
        path names a device or a place the technician chose; it must exist)."""
        if self.printer.startswith("file:") and not Path(self.printer[5:]).is_absolute():
            return (data_dir / self.printer[5:]).parent
        return None

    def to_toml_table(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def load_device_settings(data_dir: Path) -> DeviceSettings:
    """The [devices] table (defaults when there is no config.toml yet); raises
    ConfigError naming the key, the file and the line."""
    path = config_path(data_dir)
    if not path.exists():
        return DeviceSettings()
    table = DEVICES_SCHEMA.read(path, foreign_tables=True)["devices"]
    return DeviceSettings(**table)


def save_device_settings(data_dir: Path, settings: DeviceSettings) -> None:
    """Write the [devices] table, keeping every other table of config.toml."""
    DEVICES_SCHEMA.update_file(config_path(data_dir), {"devices": settings.to_toml_table()})
