"""What the set-up wizard finds and proves about devices, without Qt.

Discovery lists the choices this machine offers; the probes prove a chosen
device live (read a card, print a test receipt, grab a camera frame). Every
probe blocks, so the wizard runs them off the GUI thread. A card read is
masked here, before it leaves this module: the wizard shows that the reader
works, never whose card it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from devices.idcard.diagnostics import read_id_json
from devices.idcard.errors import DeviceError
from intake.identity import mask_id_number, mask_name
from station.device_factory import open_camera, reader_port
from station.device_settings import SIMULATED, DeviceSettings
from station.simulators import DemoSimulators

__all__ = ["DeviceChoices", "discover", "grabber", "print_test_receipt", "read_card_masked"]


@dataclass(frozen=True)
class DeviceChoices:
    idcard: tuple[str, ...]
    camera: tuple[str, ...]
    printer: tuple[str, ...]
    scanner: tuple[str, ...]


def discover(dev: Path = Path("/dev")) -> DeviceChoices:
    """The settings worth offering on this machine, simulators first."""
    from serial.tools import list_ports

    ports = sorted({p.device for p in list_ports.comports()})
    stable = sorted(str(p) for p in (dev / "yiwang").glob("serial-*")) if dev.is_dir() else []
    cameras = sorted(p.name.removeprefix("video") for p in dev.glob("video[0-9]*"))
    printers = sorted(str(p) for p in dev.glob("usb/lp[0-9]*"))
    events = sorted(str(p) for p in (dev / "yiwang").glob("scanner-event*")) if dev.is_dir() else []
    serial = stable + ports
    return DeviceChoices(
        idcard=(SIMULATED, "auto", *serial),
        camera=(SIMULATED, *cameras),
        printer=(DeviceSettings().printer, *(f"file:{p}" for p in printers),
                 *(f"serial:{p}" for p in serial)),
        scanner=("none", "wedge", *(f"serial:{p}" for p in serial),
                 *(f"evdev:{p}" for p in events)),
    )  # fmt: skip


def read_card_masked(setting: str, sims: DemoSimulators | None, timeout: float = 5.0) -> str:
    """Read the card on the reader; returns "<masked name> <masked ID number>".
    With the simulator, a sample card is placed first. Raises DeviceError."""
    port = reader_port(setting, sims)
    if setting == SIMULATED and sims is not None:
        sims.place_card(sims.sample_cards()[0])
    data = read_id_json(port, timeout)
    return f"{mask_name(data['name'])} {mask_id_number(data['id_number'])}"


def print_test_receipt(settings: DeviceSettings, data_dir: Path) -> str:
    """Print the sample receipt; returns a one-line description. Raises PrinterError."""
    from devices.printer.diagnostics import test_print_json

    folder = settings.printer_folder_to_create(data_dir)
    result = test_print_json(
        settings.printer_target(data_dir),
        paper_mm=settings.paper_mm,
        native_qr=settings.native_qr,
        make_folder=None if folder is None else str(folder),
    )
    return f"{result['receipt_no']} ({result['bytes']} bytes)"


def grabber(
    settings: DeviceSettings, sims: DemoSimulators | None
) -> tuple[Callable[[], NDArray[np.uint8]], Callable[[], None]]:
    """(grab, close) for the chosen camera. Raises CameraError when it cannot open."""
    if settings.camera == SIMULATED:
        if sims is None:
            raise DeviceError("no_camera", "simulated camera not running")
        sims.present_document("设备测试页", "YWTEST|wizard")
        return sims.grab, lambda: None
    camera = open_camera(settings)
    return camera.grab, camera.close
