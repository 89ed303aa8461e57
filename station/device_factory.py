"""Turn the [devices] settings into open devices: the one place that knows how.

The station (:mod:`station.context`), the set-up wizard's probes
(:mod:`station.device_probe`) and `yiwang devices diagnose` all open the
station's hardware through these functions, so a setting means the same
device everywhere. Opening blocks (serial probes, camera start-up); callers
off the GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from devices.idcard.card import IdCardData
from devices.idcard.errors import DeviceError
from devices.idcard.reader import CardPoller, IdCardReader, detect_port
from devices.printer.escpos_output import ReceiptPrinter
from devices.scanner.base import Scanner
from devices.scanner.spec import ScannerSpec, open_scanner, parse_scanner_spec
from station.device_settings import SIMULATED, DeviceSettings

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "Camera",
    "SimulatedReader",
    "camera_source",
    "card_poller_factory",
    "open_camera",
    "open_printer",
    "open_scanner_for",
    "reader_port",
]

AUTO = "auto"


class Camera(Protocol):
    def grab(self) -> NDArray[np.uint8]: ...
    def close(self) -> None: ...


class SimulatedReader(Protocol):
    """What a running ID card simulator offers: the pty its reader listens on."""

    @property
    def port(self) -> str | None: ...


def reader_port(setting: str, simulated: SimulatedReader | None = None) -> str:
    """The serial port of the [devices] idcard setting: the simulator's pty,
    the first port a reader answers on ("auto"), or the path as given.
    Raises DeviceError ("no_reader") when there is none."""
    if setting == SIMULATED:
        if simulated is None or simulated.port is None:
            raise DeviceError("no_reader", "simulated reader not running")
        return simulated.port
    if setting == AUTO:
        found = detect_port()
        if found is None:
            raise DeviceError("no_reader", "no ID card reader found")
        return found
    return setting


PollerFactory = Callable[
    [Callable[[IdCardData], None], Callable[[], None], Callable[[BaseException], None]],
    CardPoller,
]


def card_poller_factory(setting: str, simulated: SimulatedReader | None = None) -> PollerFactory:
    """Pollers for the reader of `setting`. The port is resolved when a poller is
    made, so "auto" finds a reader plugged in after the station started; when
    there is none, the poller reports that error every two seconds."""

    def make(
        on_card: Callable[[IdCardData], None],
        on_removed: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> CardPoller:
        try:
            port = reader_port(setting, simulated)
        except DeviceError as error:
            missing = error

            def fail() -> IdCardReader:
                raise missing

            return CardPoller(fail, on_card, on_removed, on_error, interval=2.0)
        return CardPoller(lambda: IdCardReader(port), on_card, on_removed, on_error)

    return make


def camera_source(setting: str) -> int | str:
    """A device index ("0") as an int for OpenCV, a device path or video file as is."""
    return int(setting) if setting.isdigit() else setting


def open_camera(settings: DeviceSettings, simulated: Camera | None = None) -> Camera:
    """The camera of the settings. "simulated" is `simulated` when a running
    simulator is given, else a fresh synthetic camera of the configured size.
    Raises CameraError when a real camera cannot open."""
    if settings.camera == SIMULATED:
        if simulated is not None:
            return simulated
        from devices.camera.simulated import SimulatedCamera

        return SimulatedCamera(size=(settings.camera_width, settings.camera_height))
    from devices.camera.opencv_camera import OpenCvCamera

    return OpenCvCamera(
        camera_source(settings.camera), settings.camera_width, settings.camera_height
    )


def open_printer(settings: DeviceSettings, data_dir: Path) -> ReceiptPrinter:
    """The receipt printer; relative ``file:`` targets land inside `data_dir`, whose
    folder the first print creates (opening the printer creates nothing)."""
    folder = settings.printer_folder_to_create(data_dir)
    return ReceiptPrinter(
        settings.printer_target(data_dir),
        paper_mm=settings.paper_mm,
        native_qr=settings.native_qr,
        make_folder=None if folder is None else str(folder),
    )


def open_scanner_for(settings: DeviceSettings) -> tuple[Scanner | None, ScannerSpec]:
    """The code scanner (None for "none" and "wedge") and its parsed setting."""
    spec = parse_scanner_spec(settings.scanner)
    return open_scanner(spec), spec
