"""`yiwang setup`: write a station's configuration and enroll it (non-interactive)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from station.device_settings import DeviceSettings, save_device_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("setup", help="configure this station and enroll it with the platform")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--platform", required=True, help="platform base URL")
    p.add_argument("--enrollment-code", required=True)
    p.add_argument(
        "--station-code", required=True, help="1-16 letters/digits, prefix of receipt numbers"
    )
    p.add_argument("--station-name", default="", help="printed on receipts")
    p.add_argument("--role", choices=["window", "kiosk"], default="window")
    p.add_argument(
        "--devices",
        choices=["simulated", "auto"],
        default="simulated",
        help="simulated: built-in simulators; auto: probe serial ports and camera 0",
    )
    p.add_argument("--ca-bundle", default=None)
    p.set_defaults(func=_run)


def setup_station(
    data_dir: Path,
    *,
    platform_url: str,
    enrollment_code: str,
    station_code: str,
    role: str = "window",
    station_name: str = "",
    devices: str = "simulated",
    ca_bundle: str | None = None,
) -> None:
    from sync.config import StationConfig, enroll_station, save_config

    config = StationConfig(
        station_code=station_code,
        platform_url=platform_url,
        station_name=station_name or f"{station_code} 便民服务中心",
        role=role,
        ca_bundle=ca_bundle,
    )
    save_config(data_dir, config)
    if devices == "simulated":
        settings = DeviceSettings()
    else:
        settings = DeviceSettings(idcard="auto", camera="0", printer="serial:/dev/ttyUSB0")
    save_device_settings(data_dir, settings)
    enroll_station(data_dir, enrollment_code)


def _run(args: argparse.Namespace) -> int:
    from sync.client import SyncError
    from sync.config import ConfigError

    try:
        setup_station(
            args.data_dir,
            platform_url=args.platform,
            enrollment_code=args.enrollment_code,
            station_code=args.station_code,
            role=args.role,
            station_name=args.station_name,
            devices=args.devices,
            ca_bundle=args.ca_bundle,
        )
    except (SyncError, ConfigError) as e:
        print(f"setup failed: {getattr(e, 'message_zh', '')} ({e})", file=sys.stderr)
        return 1
    print(
        f"station {args.station_code} configured in {args.data_dir} and enrolled at {args.platform}"
    )
    return 0
