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

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIMULATED = "simulated"


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
        if self.printer.startswith("file:"):
            path = Path(self.printer[5:])
            if not path.is_absolute():
                path = data_dir / path
            path.parent.mkdir(parents=True, exist_ok=True)
            return f"file:{path}"
        return self.printer

    def to_toml_table(self) -> dict[str, Any]:
        return {
            "idcard": self.idcard,
            "camera": self.camera,
            "camera_width": self.camera_width,
            "camera_height": self.camera_height,
            "printer": self.printer,
            "paper_mm": self.paper_mm,
            "native_qr": self.native_qr,
            "scanner": self.scanner,
        }


def load_device_settings(data_dir: Path) -> DeviceSettings:
    path = data_dir / "config.toml"
    if not path.exists():
        return DeviceSettings()
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("devices", {})
    defaults = DeviceSettings()
    paper = int(table.get("paper_mm", defaults.paper_mm))
    if paper not in (58, 80):
        raise ValueError(f"devices.paper_mm must be 58 or 80, not {paper}")
    return DeviceSettings(
        idcard=str(table.get("idcard", defaults.idcard)),
        camera=str(table.get("camera", defaults.camera)),
        camera_width=int(table.get("camera_width", defaults.camera_width)),
        camera_height=int(table.get("camera_height", defaults.camera_height)),
        printer=str(table.get("printer", defaults.printer)),
        paper_mm=paper,
        native_qr=bool(table.get("native_qr", defaults.native_qr)),
        scanner=str(table.get("scanner", defaults.scanner)),
    )


def save_device_settings(data_dir: Path, settings: DeviceSettings) -> None:
    """Write the [devices] table, keeping every other table of config.toml."""
    import os

    import tomli_w

    path = data_dir / "config.toml"
    doc: dict[str, Any] = {}
    if path.exists():
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    doc["devices"] = settings.to_toml_table()
    tmp = path.with_suffix(".toml.tmp")
    with open(tmp, "wb") as f:
        f.write(tomli_w.dumps(doc).encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
