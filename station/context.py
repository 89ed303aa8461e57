"""Open a station from its data directory and compose its services."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from coded_errors import CodedError, Param
from devices.idcard.card import IdCardData
from station.camera_source import ReopeningCamera
from station.cases import CaseCommands, CaseQueries
from station.clerk_day import build_clerk_day, load_sign_in_settings
from station.config_schema import check_station_config
from station.device_factory import card_poller_factory, open_camera, open_printer, open_scanner_for
from station.device_settings import SIMULATED, DeviceSettings, load_device_settings
from station.intake_service import IntakeService
from station.licences import LicenceService
from station.printer_target_check import check_printer_target
from station.services import FrameSource, Poller, PollerFactory, StationServices
from station.simulators import DemoSimulators
from sync.catalog_sync import load_catalog
from sync.client import PlatformClient
from sync.config import ConfigError, StationConfig, load_config, load_credentials
from sync.crypto import StorageError
from sync.exit_codes import ExitCode, exit_code_for
from sync.private_files import tighten_data_dir
from sync.runner import build_engine
from sync.store import (
    BackupScheduler,
    BackupSettings,
    Store,
    data_dir_missing,
    require_usable_dir,
)

log = logging.getLogger(__name__)


class StationUnavailable(CodedError):
    """The station cannot start safely: "station.<code>" with its parameters, or the
    ``reason`` it wraps (a CodedError or an OSError), is worded by the front end;
    ``exit_code`` is the documented code (:mod:`sync.exit_codes`)."""

    family = "station"

    def __init__(
        self,
        exit_code: int,
        code: str,
        detail_en: str,
        *,
        params: Mapping[str, Param] | None = None,
        reason: BaseException | None = None,
    ) -> None:
        super().__init__(code, detail_en, params=params)
        self.exit_code = exit_code
        self.reason = reason

    @classmethod
    def from_error(cls, error: BaseException) -> StationUnavailable:
        code = exit_code_for(error)
        exit_code = int(code if code is not None else ExitCode.STORAGE)
        return cls(exit_code, "unavailable", str(error), reason=error)


def backup_settings(config: StationConfig, data_dir: Path) -> BackupSettings:
    folder: Path | None = None
    if config.backup_dir:
        folder = Path(config.backup_dir)
        if not folder.is_absolute():
            folder = Path(data_dir) / folder
    return BackupSettings(folder, config.backup_minutes, config.backup_keep)


def _open_store(data_dir: Path) -> tuple[StationConfig, DeviceSettings, Any, Store]:
    """Configuration, device settings, credentials and the checked store, or
    :class:`StationUnavailable` naming the problem."""
    if data_dir_missing(Path(data_dir)):
        raise StationUnavailable(
            int(ExitCode.CONFIG),
            "data_dir_missing",
            f"data directory {data_dir} does not exist",
            params={"data_dir": str(data_dir)},
        )
    try:
        require_usable_dir(Path(data_dir))
        check_station_config(data_dir)  # every table; unknown keys and tables refused
        config = load_config(data_dir)
        settings = load_device_settings(data_dir)
        credentials = load_credentials(data_dir)
        store = Store(data_dir)
    except (ConfigError, StorageError, OSError) as e:
        log.error("station cannot start: %s", e)
        raise StationUnavailable.from_error(e) from e
    for warning in store.open_warnings:
        log.warning("%s", warning)
    return config, settings, credentials, store


def _camera(settings: DeviceSettings, sims: DemoSimulators | None) -> FrameSource:
    if settings.camera == SIMULATED:
        if sims is None:
            raise RuntimeError("simulated camera requested but no simulators running")
        return sims
    # a missing camera must not keep the window from opening: files can be imported meanwhile
    return ReopeningCamera(lambda: open_camera(settings))


def _hall_phone(data_dir: Path) -> str:
    """`[station] phone` of config.toml: the number printed for citizens to ask (咨询电话)."""
    try:
        doc = tomllib.loads((data_dir / "config.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return ""
    phone = doc.get("station", {}).get("phone", "")
    return phone.strip()[:32] if isinstance(phone, str) and phone.isprintable() else ""


def _audited_reads(factory: PollerFactory, card_read: Callable[[], None]) -> PollerFactory:
    """Every card the reader delivers is an audited action (and starts the handling clock)."""

    def make(
        on_card: Callable[[IdCardData], None],
        on_removed: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> Poller:
        def read(card: IdCardData) -> None:
            card_read()
            on_card(card)

        return factory(read, on_removed, on_error)

    return make


def open_station(
    data_dir: Path,
    *,
    simulators: DemoSimulators | None = None,
    with_engine: bool = True,
    clerk_id: str = "clerk",
) -> StationServices:
    """Compose a station's services; starts device simulators the config asks for."""
    # an older data dir made private first (the kiosk and the clerk open the station
    # here, behind their first screen; the other commands did it at start)
    tighten_data_dir(Path(data_dir))
    config, settings, credentials, store = _open_store(data_dir)
    closers: list[Callable[[], None]] = [store.close]
    policy = backup_settings(config, data_dir)
    backups = BackupScheduler(store.db_path, policy.folder_for(data_dir), policy)
    store.backups = backups
    backups.start()
    closers.append(backups.stop)
    if simulators is None and (settings.idcard == SIMULATED or settings.camera == SIMULATED):
        # the simulated camera renders at the configured frame size, as a real one would
        simulators = DemoSimulators(
            camera_size=(settings.camera_width, settings.camera_height)
        )
        simulators.start()
        closers.append(simulators.stop)
    printer = open_printer(settings, data_dir)
    printer_verdict = check_printer_target(settings, data_dir)
    if not printer_verdict.ok:  # paper can wait: the station starts and says so
        log.warning("printer target unusable: %s", printer_verdict.detail_en)
    intake = IntakeService(
        store,
        station_code=config.station_code,
        station_name=config.station_name,
        secret=credentials.secret,
        printer=printer,
        query_url=config.receipt_query_url or None,
        phone=_hall_phone(data_dir),
    )
    scanner, scanner_spec = open_scanner_for(settings)
    catalog = load_catalog(data_dir)
    holder: list[StationServices] = []
    clerk_day = build_clerk_day(
        store,
        intake,
        catalog,
        load_sign_in_settings(data_dir),
        clerk=lambda: holder[0].clerk_id if holder else clerk_id,
    )
    closers.append(clerk_day.trail.close)
    services = StationServices(
        intake=intake,
        catalog=catalog,
        camera=_camera(settings, simulators),
        card_poller=_audited_reads(
            card_poller_factory(settings.idcard, simulators), clerk_day.intake.card_read
        ),
        cases=CaseQueries(store, credentials.secret),
        case_commands=CaseCommands(store),
        catalog_loader=lambda: load_catalog(data_dir),
        clerk_id=clerk_id,
        simulators=simulators,
        scanner=scanner,
        wedge_scanner=scanner_spec.kind == "wedge",
        wedge_terminator=scanner_spec.wedge_terminator,
        closers=closers,
        clerk_day=clerk_day,
        scan_inbox=data_dir / "scans",
        printer_trouble=None if printer_verdict.ok else printer_verdict,
        printer_status=printer.status,
    )
    holder.append(services)
    if with_engine:
        engine = services.engine = build_engine(
            store, config, credentials, on_event=services.sync_events.emit
        )
        services.licences = LicenceService(
            lambda: engine.client.worker() if isinstance(engine.client, PlatformClient) else None
        )
    return services
