"""Setting a station up: the same steps for `yiwang setup` flags and the wizard.

:func:`apply_setup` writes only what differs from the station's current
configuration and enrolls only when it must (not enrolled yet, a new station
code, platform or role, or a new enrollment code given). Enrollment runs
first, against the new settings: a refused code leaves the station exactly as
it was.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from station.device_settings import DeviceSettings, load_device_settings, save_device_settings
from sync.client import PlatformClient
from sync.config import (
    CONFIG_VERSION,
    ConfigError,
    StationConfig,
    config_path,
    credentials_path,
    load_config,
    save_config,
    save_credentials,
)
from sync.config_schema import VERSION_KEY
from sync.private_files import private_dir

__all__ = ["SetupChoices", "SetupResult", "apply_setup", "current_choices", "plan_changes"]


@dataclass(frozen=True)
class SetupChoices:
    """What the technician decides; ``enrollment_code`` "" keeps the enrollment."""

    station_code: str
    platform_url: str
    station_name: str = ""
    role: str = "window"
    ca_bundle: str = ""
    enrollment_code: str = ""
    devices: DeviceSettings = field(default_factory=DeviceSettings)


@dataclass(frozen=True)
class SetupResult:
    changed: tuple[str, ...]
    enrolled: bool


def _existing(data_dir: Path) -> tuple[StationConfig | None, DeviceSettings]:
    config: StationConfig | None = None
    if config_path(data_dir).exists():
        try:
            config = load_config(data_dir)
        except ConfigError:
            config = None  # a broken file is replaced by what the technician enters
    try:
        devices = load_device_settings(data_dir)
    except ConfigError:
        devices = DeviceSettings()
    return config, devices


def current_choices(data_dir: Path) -> SetupChoices | None:
    """The station's settings as the wizard's starting point (None: not set up)."""
    config, devices = _existing(data_dir)
    if config is None:
        return None
    return SetupChoices(
        station_code=config.station_code,
        platform_url=config.platform_url,
        station_name=config.station_name,
        role=config.role,
        ca_bundle=config.ca_bundle or "",
        devices=devices,
    )


def is_enrolled(data_dir: Path) -> bool:
    return credentials_path(data_dir).exists()


def _new_config(old: StationConfig | None, choices: SetupChoices) -> StationConfig:
    base = old or StationConfig(station_code=choices.station_code, platform_url="https://x")
    return dataclasses.replace(
        base,
        station_code=choices.station_code,
        platform_url=choices.platform_url.rstrip("/"),
        station_name=choices.station_name,
        role=choices.role,
        ca_bundle=choices.ca_bundle or None,
    ).validate()


def plan_changes(data_dir: Path, choices: SetupChoices) -> list[str]:
    """What :func:`apply_setup` would change, one line each (for the wizard's summary)."""
    old, old_devices = _existing(data_dir)
    new = _new_config(old, choices)
    lines: list[str] = []
    if old is None:
        lines.append(f"new configuration in {config_path(data_dir)}")
    else:
        for table, values in new.tables().items():
            before = old.tables()[table]
            lines += [
                f"{table}.{key}: {before[key]!r} -> {value!r}"
                for key, value in values.items()
                if before[key] != value
            ]
    before_devices, after_devices = old_devices.to_toml_table(), choices.devices.to_toml_table()
    lines += [
        f"devices.{key}: {before_devices[key]!r} -> {value!r}"
        for key, value in after_devices.items()
        if before_devices[key] != value
    ]
    if _needs_enrollment(data_dir, old, new, choices):
        lines.append(f"enroll at {new.platform_url} as station {new.station_code}")
    return lines


def _needs_enrollment(
    data_dir: Path, old: StationConfig | None, new: StationConfig, choices: SetupChoices
) -> bool:
    if choices.enrollment_code or not is_enrolled(data_dir) or old is None:
        return True
    return (old.station_code, old.platform_url, old.role) != (
        new.station_code,
        new.platform_url,
        new.role,
    )


def apply_setup(
    data_dir: Path, choices: SetupChoices, *, session: requests.Session | None = None
) -> SetupResult:
    """Enroll if needed, then write what changed. Raises ConfigError (bad value, or a
    needed enrollment code missing) or sync.client.SyncError (enrollment refused)."""
    data_dir = Path(data_dir)
    old, old_devices = _existing(data_dir)
    new = _new_config(old, choices)
    changed = tuple(plan_changes(data_dir, choices))
    credentials = None
    if _needs_enrollment(data_dir, old, new, choices):
        if not choices.enrollment_code:
            raise ConfigError(
                "enrollment_code",
                "an enrollment code is needed: the station is not enrolled, or its code, "
                "platform or role changed",
                key="enrollment_code",
            )
        credentials = PlatformClient.enroll(
            new.platform_url,
            choices.enrollment_code,
            new.station_code,
            new.role,
            session=session,
            verify=_verify(new),
        )
    private_dir(data_dir)  # personal data: the service user's only (sync.private_files)
    if old != new or _file_version(data_dir) < CONFIG_VERSION:
        save_config(data_dir, new)  # also brings an older file format up to date
    if choices.devices != old_devices or not _has_devices_table(data_dir):
        save_device_settings(data_dir, choices.devices)
    if credentials is not None:
        save_credentials(data_dir, credentials)
    return SetupResult(changed, credentials is not None)


def _verify(config: StationConfig) -> bool | str:
    return config.ca_bundle or True


def _document(data_dir: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(config_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _has_devices_table(data_dir: Path) -> bool:
    return "devices" in _document(data_dir)


def _file_version(data_dir: Path) -> int:
    """The file's format version (0: no file or no readable one)."""
    doc = _document(data_dir)
    if not doc:
        return 0
    version = doc.get(VERSION_KEY, 1)
    return version if isinstance(version, int) else 0


def default_data_dir() -> Path:
    """$YIWANG_DATA_DIR, else the user's data folder (platformdirs)."""
    if os.environ.get("YIWANG_DATA_DIR"):
        return Path(os.environ["YIWANG_DATA_DIR"])
    import platformdirs

    return Path(platformdirs.user_data_dir("yiwang", appauthor=False))
