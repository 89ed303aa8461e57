"""Open a station from its data directory and compose its services."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from pathlib import Path

from devices.idcard.card import IdCardData
from devices.idcard.errors import DeviceError
from devices.idcard.reader import CardPoller, IdCardReader, detect_port
from devices.printer.receipt import ReceiptPrinter
from devices.scanner.spec import open_scanner, parse_scanner_spec
from station.camera_source import ReopeningCamera
from station.cases import CaseCommands, CaseQueries
from station.device_settings import SIMULATED, DeviceSettings, load_device_settings
from station.intake_service import IntakeService
from station.services import FrameSource, PollerFactory, StationServices
from station.simulators import DemoSimulators
from sync.catalog_sync import load_catalog
from sync.config import load_config, load_credentials
from sync.runner import build_engine
from sync.store import Store

log = logging.getLogger(__name__)


def _poller_factory(port: str) -> PollerFactory:
    def make(
        on_card: Callable[[IdCardData], None],
        on_removed: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> CardPoller:
        resolved = port
        if port == "auto":
            found = detect_port()
            if found is None:

                def fail() -> IdCardReader:
                    raise DeviceError("no_reader", "未找到身份证阅读器", "no ID card reader found")

                return CardPoller(fail, on_card, on_removed, on_error, interval=2.0)
            resolved = found
        return CardPoller(lambda: IdCardReader(resolved), on_card, on_removed, on_error)

    return make


def _camera(settings: DeviceSettings, sims: DemoSimulators | None) -> FrameSource:
    if settings.camera == SIMULATED:
        if sims is None:
            raise RuntimeError("simulated camera requested but no simulators running")
        return sims
    from devices.camera.opencv_camera import OpenCvCamera

    source: int | str = int(settings.camera) if settings.camera.isdigit() else settings.camera
    # a missing camera must not keep the window from opening: files can be imported meanwhile
    return ReopeningCamera(
        lambda: OpenCvCamera(source, settings.camera_width, settings.camera_height)
    )


def _hall_phone(data_dir: Path) -> str:
    """`[station] phone` of config.toml: the number printed for citizens to ask (咨询电话)."""
    try:
        doc = tomllib.loads((data_dir / "config.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return ""
    phone = doc.get("station", {}).get("phone", "")
    return phone.strip()[:32] if isinstance(phone, str) and phone.isprintable() else ""


def open_station(
    data_dir: Path,
    *,
    simulators: DemoSimulators | None = None,
    with_engine: bool = True,
    clerk_id: str = "clerk",
) -> StationServices:
    """Compose a station's services; starts device simulators the config asks for."""
    config = load_config(data_dir)
    settings = load_device_settings(data_dir)
    credentials = load_credentials(data_dir)
    store = Store(data_dir)
    closers: list[Callable[[], None]] = [store.close]
    if simulators is None and (settings.idcard == SIMULATED or settings.camera == SIMULATED):
        simulators = DemoSimulators()
        simulators.start()
        closers.append(simulators.stop)
    port = settings.idcard
    if port == SIMULATED:
        assert simulators is not None and simulators.port is not None
        port = simulators.port
    printer = ReceiptPrinter(
        settings.printer_target(data_dir), paper_mm=settings.paper_mm, native_qr=settings.native_qr
    )
    intake = IntakeService(
        store,
        station_code=config.station_code,
        station_name=config.station_name,
        secret=credentials.secret,
        printer=printer,
        query_url=config.receipt_query_url or None,
        phone=_hall_phone(data_dir),
    )
    services = StationServices(
        intake=intake,
        catalog=load_catalog(data_dir),
        camera=_camera(settings, simulators),
        card_poller=_poller_factory(port),
        cases=CaseQueries(store, credentials.secret),
        case_commands=CaseCommands(store),
        catalog_loader=lambda: load_catalog(data_dir),
        clerk_id=clerk_id,
        simulators=simulators,
        scanner=open_scanner(settings.scanner),
        wedge_scanner=parse_scanner_spec(settings.scanner).kind == "wedge",
        closers=closers,
        scan_inbox=data_dir / "scans",
    )
    if with_engine:
        services.engine = build_engine(
            store, config, credentials, on_event=services.sync_events.emit
        )
    return services
