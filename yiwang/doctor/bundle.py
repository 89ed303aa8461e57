"""`yiwang doctor --bundle FILE.zip`: what a remote technician needs, nothing personal.

The bundle holds doctor's verdicts, versions, the configuration with secret
keys removed, the device report, the queue summary and the logs. It never
holds a name, an ID number, an image or a key: it is built only from text the
station produces about itself (never from submissions or pages), and every
file passes through the same personal-data mask as the logs plus a scrub of
the station's own key material, whatever form (raw, hex, base64) it takes.
"""

from __future__ import annotations

import base64
import json
import platform as host_platform
import sys
import tomllib
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from sync.durable import replacing
from sync.private_files import make_private
from yiwang.doctor import Check
from yiwang.logs import log_files, mask_personal_data

REDACTED = "[removed]"
#: the packages whose versions explain most field problems
PACKAGES = ("yiwang-window", "PySide6-Essentials", "requests", "python-escpos", "pyserial",
            "opencv-python-headless", "zxing-cpp", "pyzbar", "cryptography")  # fmt: skip


def key_material(data_dir: Path) -> list[bytes]:
    """Every secret the station holds, in the forms it could leak in."""
    secrets: list[bytes] = []
    keys = data_dir / "keys"
    if keys.is_dir():
        for path in keys.rglob("*"):
            if not path.is_file():
                continue
            try:
                raw = path.read_bytes()
            except OSError:
                continue
            secrets.append(raw)
            try:
                creds = json.loads(raw)
            except ValueError:
                continue
            if isinstance(creds, dict) and isinstance(creds.get("secret"), str):
                secrets.append(creds["secret"].encode("utf-8"))
    forms: list[bytes] = []
    for s in secrets:
        s = s.strip()
        if len(s) < 8:
            continue
        forms += [s, s.hex().encode(), base64.b64encode(s), base64.urlsafe_b64encode(s)]
        forms += [base64.b64encode(s).rstrip(b"="), base64.urlsafe_b64encode(s).rstrip(b"=")]
    return sorted(set(forms), key=len, reverse=True)


def scrub(data: bytes, secrets: list[bytes]) -> bytes:
    for s in secrets:
        data = data.replace(s, REDACTED.encode())
    return mask_personal_data(data.decode("utf-8", errors="replace")).encode("utf-8")


def redacted_config(data_dir: Path) -> str:
    """config.toml as JSON-able text with secret and undeclared keys' values removed."""
    from station.config_schema import STATION_SCHEMA
    from sync.config import config_path

    path = config_path(data_dir)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "# no config.toml\n"
    except (OSError, UnicodeError, tomllib.TOMLDecodeError) as e:
        return f"# config.toml could not be parsed ({e}); its text is not included\n"
    out: dict[str, Any] = {}
    for name, value in doc.items():
        if not isinstance(value, dict):
            out[name] = value if name == "config_version" else REDACTED
            continue
        table: dict[str, Any] = {}
        for key, item in value.items():
            try:
                secret = STATION_SCHEMA.key(f"{name}.{key}").secret
            except KeyError:
                secret = True  # undeclared: nobody vouched that it is harmless
            table[key] = REDACTED if secret else item
        out[name] = table
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def versions() -> dict[str, Any]:
    found: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    os_release = {}
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            key, sep, value = line.partition("=")
            if sep and key in ("ID", "VERSION_ID", "PRETTY_NAME"):
                os_release[key] = value.strip('"')
    except OSError:
        pass
    return {
        "python": sys.version.split()[0],
        "machine": host_platform.machine(),
        "kernel": host_platform.release(),
        "os": os_release,
        "packages": found,
    }


def write_bundle(data_dir: Path, out: Path, checks: list[Check]) -> list[str]:
    """Write the zip; returns the names of the files in it."""
    from yiwang.commands.devices_cmd import diagnose
    from yiwang.doctor.local_checks import queue_summary

    secrets = key_material(data_dir)
    files: dict[str, bytes] = {
        "README.txt": (
            b"Yiwang station diagnostics bundle. No names, ID numbers, images or keys:\n"
            b"doctor.json (verdicts), versions.json, config.json (secrets removed),\n"
            b"devices.json, queue.json and logs/.\n"
        ),
        "doctor.json": _json({
            "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "ok": all(c.ok for c in checks),
            "checks": [c.to_json() for c in checks],
        }),
        "versions.json": _json(versions()),
        "config.json": redacted_config(data_dir).encode("utf-8"),
    }
    files["devices.json"] = _json(_guard(lambda: diagnose(data_dir)))
    files["queue.json"] = _json(_guard(lambda: queue_summary(data_dir)))
    for path in log_files(data_dir):
        try:
            files[f"logs/{path.name}"] = path.read_bytes()[-5_000_000:]
        except OSError as e:
            files[f"logs/{path.name}.error"] = str(e).encode()
    out.parent.mkdir(parents=True, exist_ok=True)
    with replacing(out) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, scrub(data, secrets))
        make_private(tmp)  # the station's logs and config, masked or not: private
    return list(files)


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8") + b"\n"


def _guard(make: Any) -> Any:
    try:
        return make()
    except Exception as e:  # a broken part is reported in the bundle, not fatal to it
        return {"error": f"{type(e).__name__}: {e}"}
