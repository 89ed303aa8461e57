"""The station's configuration file and platform credentials.

``data_dir/config.toml`` (versioned; other packages own other tables, e.g.
``[devices]``, which are preserved when this module writes the file)::

    config_version = 1

    [station]
    code = "S001"                 # receipt-number prefix: 1-16 ASCII letters/digits, unique
    name = "城关镇便民服务中心"     # printed on receipts
    role = "window"               # "window" (clerk station) or "kiosk" (self-service)
    receipt_query_url = ""        # public platform URL for the receipt QR; "" = YW1|no|tag

    [platform]
    url = "https://platform.example.gov.cn"   # base URL of the provincial platform API
    ca_bundle = ""                # PEM bundle to trust (relative to data_dir); "" = system CAs

    [sync]
    interval_seconds = 30         # how often to poll for status updates when idle
    retention_days = 180          # page images of delivered submissions are purged after this
    catalog_minutes = 10          # pull the service catalog (ETag) at most this often, and on start
    heartbeat_seconds = 60        # tell the platform we are alive at most this often when online
    probe_seconds = 15            # while offline, check this often whether the platform is back
    backup_dir = ""               # rolling database backups; "" = <data-dir>/backups
    backup_minutes = 10           # back up at least this often (and a few seconds after accepts)
    backup_keep = 12              # generations kept

All numbers must be > 0 (``retention_days`` >= 1); missing keys take the defaults above.

``data_dir/keys/credentials.json`` (mode 0600, in the 0700 key directory, never
in config.toml so the config can be shown or copied freely)::

    {"station_id": "...", "secret": "..."}

written by :func:`enroll_station` from a one-time enrollment code.
"""

from __future__ import annotations

import contextlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
import tomli_w

from sync.client import (
    InsecurePlatformURL,
    PlatformClient,
    StationCredentials,
    check_platform_url,
)
from sync.crypto import ensure_private_dir, write_private_file

__all__ = [
    "CONFIG_FILENAME",
    "CONFIG_VERSION",
    "CREDENTIALS_FILENAME",
    "ConfigError",
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
CONFIG_VERSION = 1
ROLES = ("window", "kiosk")
_STATION_CODE = re.compile(r"[A-Za-z0-9]{1,16}")


class ConfigError(Exception):
    """The configuration is missing or invalid; ``message_zh`` is for the technician."""

    code = "config_error"

    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_zh = message_zh


class NotEnrolled(ConfigError):
    code = "not_enrolled"

    def __init__(self, message_en: str = "station is not enrolled (no credentials)") -> None:
        super().__init__(message_en, "本终端尚未在平台注册，请技术人员使用注册码完成注册")


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

    def validate(self) -> StationConfig:
        if not _STATION_CODE.fullmatch(self.station_code):
            raise ConfigError(
                f"station.code {self.station_code!r} must be 1-16 ASCII letters or digits",
                "终端编号（station.code）无效：只能是 1-16 位字母或数字",
            )
        if self.role not in ROLES:
            raise ConfigError(
                f"station.role must be one of {ROLES}, not {self.role!r}",
                "终端类型（station.role）只能是 window 或 kiosk",
            )
        if not re.match(r"^https?://[^\s/]+", self.platform_url):
            raise ConfigError(
                f"platform.url {self.platform_url!r} is not an http(s) URL",
                "平台地址（platform.url）无效，应以 https:// 开头",
            )
        try:
            check_platform_url(self.platform_url)
        except InsecurePlatformURL as e:
            zh = f"{e.message_zh}：platform.url = {self.platform_url}"
            raise ConfigError(str(e), zh) from None
        if self.receipt_query_url and not re.fullmatch(
            r"https?://[\x21-\x7e]+", self.receipt_query_url
        ):
            raise ConfigError(
                f"station.receipt_query_url {self.receipt_query_url!r} is not an ASCII http(s) URL",
                "回执查询地址（station.receipt_query_url）无效，应为 https:// 开头的地址",
            )
        if self.sync_interval <= 0 or self.retention_days < 1:
            raise ConfigError(
                "sync.interval_seconds must be > 0 and sync.retention_days >= 1",
                "同步间隔或保留天数设置无效",
            )
        for key, value in (
            ("catalog_minutes", self.catalog_minutes),
            ("heartbeat_seconds", self.heartbeat_seconds),
            ("probe_seconds", self.probe_seconds),
            ("backup_minutes", self.backup_minutes),
            ("backup_keep", self.backup_keep),
        ):
            if not value > 0 or value == float("inf"):
                raise ConfigError(
                    f"sync.{key} must be a positive number, not {value!r}",
                    f"同步设置 sync.{key} 无效：应为正数",
                )
        return self


def config_path(data_dir: Path) -> Path:
    return Path(data_dir) / CONFIG_FILENAME


def credentials_path(data_dir: Path) -> Path:
    return Path(data_dir) / "keys" / CREDENTIALS_FILENAME


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, UnicodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(
            f"cannot read {path}: {e}", f"配置文件 {path.name} 无法读取或格式错误"
        ) from e


def _table(doc: dict[str, Any], name: str) -> dict[str, Any]:
    value = doc.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] must be a table", f"配置文件中 [{name}] 格式错误")
    return value


def _number(table: dict[str, Any], key: str, default: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(
            f"sync.{key} must be a number, not {value!r}", f"同步设置 sync.{key} 无效：应为数字"
        )
    return float(value)


def load_config(data_dir: Path) -> StationConfig:
    """Read and validate ``data_dir/config.toml``; raises :class:`ConfigError`."""
    path = config_path(data_dir)
    try:
        doc = _read_toml(path)
    except FileNotFoundError:
        raise ConfigError(
            f"no configuration at {path}", "未找到配置文件 config.toml，请先完成终端设置"
        ) from None
    version = doc.get("config_version", 1)
    if not isinstance(version, int) or version > CONFIG_VERSION:
        raise ConfigError(
            f"config_version {version!r} is newer than this software supports ({CONFIG_VERSION})",
            "配置文件版本比本程序新，请升级软件",
        )
    station, platform, sync = _table(doc, "station"), _table(doc, "platform"), _table(doc, "sync")
    try:
        ca = str(platform.get("ca_bundle") or "")
        ca_path: str | None = None
        if ca:
            p = Path(ca)
            ca_path = str(p if p.is_absolute() else Path(data_dir) / p)
        config = StationConfig(
            station_code=str(station["code"]),
            station_name=str(station.get("name", "")),
            role=str(station.get("role", "window")),
            receipt_query_url=str(station.get("receipt_query_url", "")),
            platform_url=str(platform["url"]).rstrip("/"),
            ca_bundle=ca_path,
            sync_interval=float(sync.get("interval_seconds", 30)),
            retention_days=int(sync.get("retention_days", 180)),
            catalog_minutes=_number(sync, "catalog_minutes", 10),
            heartbeat_seconds=_number(sync, "heartbeat_seconds", 60),
            probe_seconds=_number(sync, "probe_seconds", 15),
            backup_dir=str(sync.get("backup_dir", "")),
            backup_minutes=_number(sync, "backup_minutes", 10),
            backup_keep=int(_number(sync, "backup_keep", 12)),
        )
    except KeyError as e:
        raise ConfigError(
            f"{path} lacks required key {e.args[0]!r}",
            f"配置文件缺少必填项 {e.args[0]}（station.code / platform.url）",
        ) from None
    except (TypeError, ValueError) as e:
        raise ConfigError(f"{path}: {e}", "配置文件中有无效的数值") from e
    return config.validate()


def save_config(data_dir: Path, config: StationConfig) -> Path:
    """Write the [station], [platform] and [sync] tables atomically, keeping other tables."""
    config.validate()
    path = config_path(data_dir)
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    try:
        doc = _read_toml(path)
    except FileNotFoundError:
        doc = {}
    ca = config.ca_bundle or ""
    if ca:
        # A relative path given here (e.g. on the command line) means relative to the cwd;
        # in the file it is stored relative to the data dir when it lives inside it.
        ca = str(Path(ca).resolve())
        with contextlib.suppress(ValueError):
            ca = str(Path(ca).relative_to(Path(data_dir).resolve()))
    doc["config_version"] = CONFIG_VERSION
    doc["station"] = {
        **_table(doc, "station"),
        "code": config.station_code,
        "name": config.station_name,
        "role": config.role,
        "receipt_query_url": config.receipt_query_url,
    }
    doc["platform"] = {**_table(doc, "platform"), "url": config.platform_url, "ca_bundle": ca}
    doc["sync"] = {
        **_table(doc, "sync"),
        "interval_seconds": config.sync_interval,
        "retention_days": config.retention_days,
        "catalog_minutes": config.catalog_minutes,
        "heartbeat_seconds": config.heartbeat_seconds,
        "probe_seconds": config.probe_seconds,
    }
    ordered = {"config_version": doc.pop("config_version"), **doc}
    data = tomli_w.dumps(ordered).encode("utf-8")
    write_private_file(path, data)
    path.chmod(0o644)  # the config holds no secrets
    return path


def load_credentials(data_dir: Path) -> StationCredentials:
    """The station's platform credentials; raises :class:`NotEnrolled` when absent."""
    path = credentials_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotEnrolled() from None
    except (OSError, ValueError) as e:
        raise ConfigError(
            f"cannot read {path}: {e}", "平台凭据文件损坏，请技术人员重新注册本终端"
        ) from e
    if not (
        isinstance(raw, dict)
        and isinstance(raw.get("station_id"), str)
        and isinstance(raw.get("secret"), str)
    ):
        raise ConfigError(f"{path} is malformed", "平台凭据文件损坏，请技术人员重新注册本终端")
    return StationCredentials(station_id=raw["station_id"], secret=raw["secret"])


def save_credentials(data_dir: Path, credentials: StationCredentials) -> Path:
    """Write ``keys/credentials.json`` with mode 0600 (atomically)."""
    path = credentials_path(data_dir)
    ensure_private_dir(path.parent)
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
