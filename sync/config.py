"""The station's configuration file and platform credentials.

``data_dir/config.toml`` holds ``config_version`` and tables owned by several
packages; this module declares ``[station]``, ``[platform]`` and ``[sync]``
(:data:`SYNC_SCHEMA`, see :mod:`sync.config_schema` for the machinery and
``docs/configuration.md`` for the generated table of every key)::

    config_version = 2

    [station]
    code = "S001"
    name = "城关镇便民服务中心"
    role = "window"

    [platform]
    url = "https://platform.example.gov.cn"
    ca_bundle = ""
    receipt_query_url = ""

    [sync]
    interval_seconds = 30
    backup_dir = ""

Version 1 kept ``receipt_query_url`` in ``[station]``; it is the platform's
public address, so version 2 keeps it in ``[platform]`` (upgraded on load,
rewritten on the next save).

``data_dir/keys/credentials.json`` (mode 0600, in the 0700 key directory, never
in config.toml so the config can be shown or copied freely)::

    {"station_id": "...", "secret": "..."}

written by :func:`enroll_station` from a one-time enrollment code.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sync.client import (
    InsecurePlatformURL,
    PlatformClient,
    StationCredentials,
    check_platform_url,
)
from sync.config_schema import ConfigError, Key, Schema, Table
from sync.durable import write_private_file
from sync.private_files import private_dir

if TYPE_CHECKING:
    import requests

__all__ = [
    "CONFIG_FILENAME",
    "CONFIG_VERSION",
    "CREDENTIALS_FILENAME",
    "SYNC_SCHEMA",
    "ConfigError",
    "CredentialsRefused",
    "DataDirMissing",
    "NotEnrolled",
    "StationConfig",
    "config_path",
    "credentials_path",
    "enroll_station",
    "load_config",
    "load_credentials",
    "save_config",
    "save_credentials",
]

CONFIG_FILENAME = "config.toml"
CREDENTIALS_FILENAME = "credentials.json"
CONFIG_VERSION = 2
ROLES = ("window", "kiosk")


def _gt_zero(value: Any) -> str | None:
    return None if value > 0 else "must be a number > 0"


def _short_printable(value: Any) -> str | None:
    return None if len(value) <= 32 and value.isprintable() else "must be short printable text"


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    station = doc.get("station")
    if isinstance(station, dict) and "receipt_query_url" in station:
        platform = doc.setdefault("platform", {})
        if isinstance(platform, dict):
            platform.setdefault("receipt_query_url", station.pop("receipt_query_url"))
    return doc


_POSITIVE: dict[str, Any] = {"allowed_en": "a number > 0",
                             "check": _gt_zero}
_URL = r"https?://[^\s/]+.*"

def _secure_url(url: str) -> str | None:
    """Plain http leaves the station's secret-signed traffic readable: loopback only."""
    try:
        check_platform_url(url)
    except InsecurePlatformURL as e:
        return str(e)
    return None


SYNC_SCHEMA = Schema(
    CONFIG_VERSION,
    (
        Table("station", "who this station is", (
            Key("code", str, None, "receipt-number prefix; unique per station",
                required=True, pattern=r"[A-Za-z0-9]{1,16}",
                allowed_en="1-16 ASCII letters or digits"),
            Key("name", str, "", "service hall name printed on receipts"),
            Key("role", str, "window", "window = clerk station, kiosk = self-service",
                choices=ROLES),
            Key("phone", str, "", "the hall's enquiry number printed for citizens; "
                "read by the kiosk", check=_short_printable,
                allowed_en="up to 32 printable characters"),
        )),
        Table("platform", "the provincial platform this station delivers to", (
            Key("url", str, None, "base URL of the platform API",
                required=True, pattern=_URL, check=_secure_url,
                allowed_en="an https URL (plain http only on this machine's loopback)"),
            Key("ca_bundle", str, "", "PEM bundle to trust (relative to the data dir); "
                "empty = the system's CAs"),
            Key("receipt_query_url", str, "",
                "public URL of the platform's receipt check put in receipt QR codes; "
                "empty = a signed YW1|no|tag code",
                pattern=r"(https?://[\x21-\x7e]+)?", allowed_en="empty or an ASCII http(s) URL"),
        )),
        Table("sync", "delivery timing and retention", (
            Key("interval_seconds", float, 30.0, "poll for status updates this often when idle",
                **_POSITIVE),
            Key("retention_days", int, 180,
                "page images of delivered submissions are purged after this many days, and so"
                " is the link from a one-time notice to its card holder", minimum=1),
            Key("catalog_minutes", float, 10.0,
                "pull the service catalog (ETag) at most this often, and on start", **_POSITIVE),
            Key("heartbeat_seconds", float, 60.0,
                "tell the platform the station is alive at most this often when online",
                **_POSITIVE),
            Key("probe_seconds", float, 15.0,
                "while offline, check this often whether the platform is back", **_POSITIVE),
            Key("backup_dir", str, "", "rolling database backups (relative to the data dir, "
                "best on another disk); empty = <data-dir>/backups"),
            Key("backup_minutes", float, 10.0,
                "back the database up at least this often (and a few seconds after accepts)",
                **_POSITIVE),
            Key("backup_keep", int, 12, "backup generations kept", minimum=1),
        )),
    ),
    upgrades={1: _v1_to_v2},
)


class NotEnrolled(ConfigError):
    """No platform credentials: "config.not_enrolled"."""

    def __init__(self, detail_en: str = "station is not enrolled (no credentials)") -> None:
        super().__init__("not_enrolled", detail_en)


class CredentialsRefused(NotEnrolled):
    """The platform refused the credentials this station holds: "config.credentials_refused";
    like :class:`NotEnrolled` it ends a command with the AUTH exit code."""

    def __init__(self, detail_en: str = "the platform refused the station's credentials") -> None:
        ConfigError.__init__(self, "credentials_refused", detail_en)


class DataDirMissing(ConfigError):
    """The station's data directory does not exist: "config.data_dir_missing"."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            "data_dir_missing",
            f"data directory {data_dir} does not exist",
            params={"data_dir": str(data_dir)},
        )


@dataclass(frozen=True)
class StationConfig:
    station_code: str
    platform_url: str
    station_name: str = ""
    role: str = "window"
    #: absolute path of a CA bundle, or None for the system trust store
    ca_bundle: str | None = None
    sync_interval: float = 30.0
    retention_days: int = 180
    catalog_minutes: float = 10.0
    heartbeat_seconds: float = 60.0
    probe_seconds: float = 15.0
    #: public base URL of the platform's receipt check; when set, receipt QR codes
    #: are that URL (a citizen's phone opens the progress page), else `YW1|no|tag`
    receipt_query_url: str = ""
    #: rolling database backups (sync.store.backup); "" = <data-dir>/backups
    backup_dir: str = ""
    backup_minutes: float = 10.0
    backup_keep: int = 12

    def tables(self) -> dict[str, dict[str, Any]]:
        """The values as config.toml tables (``ca_bundle`` as given)."""
        return {
            "station": {"code": self.station_code, "name": self.station_name, "role": self.role},
            "platform": {
                "url": self.platform_url,
                "ca_bundle": self.ca_bundle or "",
                "receipt_query_url": self.receipt_query_url,
            },
            "sync": {
                "interval_seconds": self.sync_interval,
                "retention_days": self.retention_days,
                "catalog_minutes": self.catalog_minutes,
                "heartbeat_seconds": self.heartbeat_seconds,
                "probe_seconds": self.probe_seconds,
                "backup_dir": self.backup_dir,
                "backup_minutes": self.backup_minutes,
                "backup_keep": self.backup_keep,
            },
        }

    def validate(self) -> StationConfig:
        """Check every value against :data:`SYNC_SCHEMA`; raises ConfigError."""
        for table, values in self.tables().items():
            for key, value in values.items():
                SYNC_SCHEMA.check_value(f"{table}.{key}", value)
        try:
            check_platform_url(self.platform_url)
        except InsecurePlatformURL as e:
            raise ConfigError(
                "insecure_url", str(e), params={"url": self.platform_url}, key="platform.url"
            ) from None
        return self

    @classmethod
    def from_tables(cls, tables: dict[str, dict[str, Any]], data_dir: Path) -> StationConfig:
        station, platform, sync = tables["station"], tables["platform"], tables["sync"]
        ca = platform["ca_bundle"]
        ca_path: str | None = None
        if ca:
            p = Path(ca)
            ca_path = str(p if p.is_absolute() else Path(data_dir) / p)
        return cls(
            station_code=station["code"],
            station_name=station["name"],
            role=station["role"],
            platform_url=platform["url"].rstrip("/"),
            ca_bundle=ca_path,
            receipt_query_url=platform["receipt_query_url"],
            sync_interval=sync["interval_seconds"],
            retention_days=sync["retention_days"],
            catalog_minutes=sync["catalog_minutes"],
            heartbeat_seconds=sync["heartbeat_seconds"],
            probe_seconds=sync["probe_seconds"],
            backup_dir=sync["backup_dir"],
            backup_minutes=sync["backup_minutes"],
            backup_keep=sync["backup_keep"],
        )


def config_path(data_dir: Path) -> Path:
    return Path(data_dir) / CONFIG_FILENAME


def credentials_path(data_dir: Path) -> Path:
    return Path(data_dir) / "keys" / CREDENTIALS_FILENAME


def load_config(data_dir: Path) -> StationConfig:
    """Read, upgrade and validate this module's tables of ``data_dir/config.toml``;
    raises :class:`ConfigError` naming the key, the file and the line. Tables other
    packages own are left to them."""
    tables = SYNC_SCHEMA.read(config_path(data_dir), foreign_tables=True)
    return StationConfig.from_tables(tables, Path(data_dir))


def save_config(data_dir: Path, config: StationConfig) -> Path:
    """Write the [station], [platform] and [sync] tables atomically, keeping other tables."""
    config.validate()
    path = config_path(data_dir)
    tables = config.tables()
    ca = config.ca_bundle or ""
    if ca:
        # A relative path given here (e.g. on the command line) means relative to the cwd;
        # in the file it is stored relative to the data dir when it lives inside it.
        ca = str(Path(ca).resolve())
        with contextlib.suppress(ValueError):
            ca = str(Path(ca).relative_to(Path(data_dir).resolve()))
    tables["platform"]["ca_bundle"] = ca
    SYNC_SCHEMA.update_file(path, tables)
    return path


def load_credentials(data_dir: Path) -> StationCredentials:
    """The station's platform credentials; raises :class:`NotEnrolled` when absent."""
    path = credentials_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotEnrolled() from None
    except (OSError, ValueError) as e:
        raise ConfigError("credentials", f"cannot read {path}: {e}") from e
    if not (
        isinstance(raw, dict)
        and isinstance(raw.get("station_id"), str)
        and isinstance(raw.get("secret"), str)
    ):
        raise ConfigError("credentials", f"{path} is malformed")
    return StationCredentials(station_id=raw["station_id"], secret=raw["secret"])


def save_credentials(data_dir: Path, credentials: StationCredentials) -> Path:
    """Write ``keys/credentials.json`` with mode 0600 (atomically)."""
    path = credentials_path(data_dir)
    private_dir(path.parent)
    body = {"station_id": credentials.station_id, "secret": credentials.secret}
    write_private_file(path, json.dumps(body, indent=2).encode("utf-8") + b"\n")
    return path


def enroll_station(
    data_dir: Path, code: str, *, session: requests.Session | None = None
) -> StationCredentials:
    """Exchange a one-time enrollment code for credentials and store them."""
    config = load_config(data_dir)
    credentials = PlatformClient.enroll(
        config.platform_url,
        code,
        config.station_code,
        config.role,
        session=session,
        verify=config.ca_bundle or True,
    )
    save_credentials(data_dir, credentials)
    if credentials.receipt_high:
        # P2 at enrollment: a re-enrolled station never issues a number the platform holds
        from sync.store.highwater import ReceiptHighWater

        ReceiptHighWater(credentials_path(data_dir).parent).note_platform_high(
            credentials.receipt_high
        )
    return credentials
