"""`yiwang setup`: write a station's configuration and enroll it.

With the flags (scripted installs) it runs without questions, as it always has;
with none of them on a display, or with ``--wizard``, it opens the set-up
wizard, which takes the same steps and proves each device live.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sync.exit_codes import ExitCode

#: the flags a scripted set-up must give (the wizard asks for them instead)
REQUIRED = ("platform", "enrollment_code", "station_code")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("setup", help="configure this station and enroll it with the platform")
    p.add_argument(
        "--data-dir", type=Path, default=None,
        help="the station's data directory (default: $YIWANG_DATA_DIR or the user data folder)",
    )  # fmt: skip
    p.add_argument("--platform", default=None, help="platform base URL")
    p.add_argument("--enrollment-code", default=None)
    p.add_argument(
        "--station-code", default=None, help="1-16 letters/digits, prefix of receipt numbers"
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
    p.add_argument("--wizard", action="store_true", help="open the set-up wizard (needs a display)")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="wizard language")
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
    from station.device_settings import DeviceSettings
    from station.setup import SetupChoices, apply_setup

    if devices == "simulated":
        settings = DeviceSettings()
    else:
        settings = DeviceSettings(idcard="auto", camera="0", printer="serial:/dev/ttyUSB0")
    apply_setup(
        data_dir,
        SetupChoices(
            station_code=station_code,
            platform_url=platform_url,
            station_name=station_name or f"{station_code} 便民服务中心",
            role=role,
            ca_bundle=ca_bundle or "",
            enrollment_code=enrollment_code,
            devices=settings,
        ),
    )


def _has_display() -> bool:
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM") not in (None, "", "minimal")
    )


def _run(args: argparse.Namespace) -> int:
    from station.setup import default_data_dir

    data_dir: Path = args.data_dir or default_data_dir()
    given = [name for name in REQUIRED if getattr(args, name) is not None]
    if args.wizard or not given:
        if not _has_display():
            print(
                "setup: no display for the wizard; give --platform, --enrollment-code and "
                "--station-code (see `yiwang setup --help`)",
                file=sys.stderr,
            )
            return int(ExitCode.CONFIG)
        from ui_shared.setup_wizard.run import run_wizard

        return run_wizard(data_dir, language=args.lang)
    missing = [f"--{name.replace('_', '-')}" for name in REQUIRED if name not in given]
    if missing:
        print(f"setup: missing {', '.join(missing)}", file=sys.stderr)
        return int(ExitCode.CONFIG)
    return _scripted(args, data_dir)


def _scripted(args: argparse.Namespace, data_dir: Path) -> int:
    from sync.client import SyncError
    from sync.config import ConfigError
    from yiwang.error_words import technician_text

    try:
        setup_station(
            data_dir,
            platform_url=args.platform,
            enrollment_code=args.enrollment_code,
            station_code=args.station_code,
            role=args.role,
            station_name=args.station_name,
            devices=args.devices,
            ca_bundle=args.ca_bundle,
        )
    except (SyncError, ConfigError) as e:
        zh = technician_text(e)
        print(f"setup failed: {zh} ({e})", file=sys.stderr)
        return int(ExitCode.FAILED)
    print(f"station {args.station_code} configured in {data_dir} and enrolled at {args.platform}")
    return int(ExitCode.OK)
