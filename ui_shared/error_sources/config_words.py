"""What a technician reads about each configuration key: its label and what it allows.

The schema below the front ends (sync.config, station.device_settings,
station.clerks_config) holds only the keys' dotted names and English; a ConfigError
names the key in its "label" and "problem" parameters, and these entries word them
("config.label.<table.key>", "config.problem.<table.key>", see
ui_shared/error_sources/__init__.py). The set-up wizard labels its fields from the same
entries (ui_shared.setup_wizard.fields). Chinese comes from the Qt catalog.
tests/ui_shared/test_config_words.py fails when a declared key has no words here.
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

_POSITIVE = QT_TRANSLATE_NOOP("ErrorText", "must be a number > 0")
_TEXT = QT_TRANSLATE_NOOP("ErrorText", "must be text")
_AT_LEAST_ONE = QT_TRANSLATE_NOOP("ErrorText", "must be an integer >= 1")

#: the key's name on a form and in a message
LABELS: dict[str, str] = {
    "station.code": QT_TRANSLATE_NOOP("ErrorText", "Station code"),
    "station.name": QT_TRANSLATE_NOOP("ErrorText", "Station name"),
    "station.role": QT_TRANSLATE_NOOP("ErrorText", "Station type"),
    "station.phone": QT_TRANSLATE_NOOP("ErrorText", "Enquiry phone number"),
    "platform.url": QT_TRANSLATE_NOOP("ErrorText", "Platform address"),
    "platform.ca_bundle": QT_TRANSLATE_NOOP("ErrorText", "Platform CA certificate"),
    "platform.receipt_query_url": QT_TRANSLATE_NOOP("ErrorText", "Receipt query address"),
    "sync.interval_seconds": QT_TRANSLATE_NOOP("ErrorText", "Sync interval"),
    "sync.retention_days": QT_TRANSLATE_NOOP("ErrorText", "Days pages are kept"),
    "sync.catalog_minutes": QT_TRANSLATE_NOOP("ErrorText", "Catalog update interval"),
    "sync.heartbeat_seconds": QT_TRANSLATE_NOOP("ErrorText", "Heartbeat interval"),
    "sync.probe_seconds": QT_TRANSLATE_NOOP("ErrorText", "Offline probe interval"),
    "sync.backup_dir": QT_TRANSLATE_NOOP("ErrorText", "Backup folder"),
    "sync.backup_minutes": QT_TRANSLATE_NOOP("ErrorText", "Backup interval"),
    "sync.backup_keep": QT_TRANSLATE_NOOP("ErrorText", "Backups kept"),
    "devices.idcard": QT_TRANSLATE_NOOP("ErrorText", "ID card reader"),
    "devices.camera": QT_TRANSLATE_NOOP("ErrorText", "Document camera"),
    "devices.camera_width": QT_TRANSLATE_NOOP("ErrorText", "Camera frame width"),
    "devices.camera_height": QT_TRANSLATE_NOOP("ErrorText", "Camera frame height"),
    "devices.printer": QT_TRANSLATE_NOOP("ErrorText", "Receipt printer"),
    "devices.paper_mm": QT_TRANSLATE_NOOP("ErrorText", "Paper width"),
    "devices.native_qr": QT_TRANSLATE_NOOP("ErrorText", "Printer's own QR codes"),
    "devices.scanner": QT_TRANSLATE_NOOP("ErrorText", "Code scanner"),
    "clerks.auto_login": QT_TRANSLATE_NOOP("ErrorText", "Clerk signed in automatically"),
    "clerks.idle_lock_minutes": QT_TRANSLATE_NOOP("ErrorText", "Lock after idle (minutes)"),
    "clerks.call_next": QT_TRANSLATE_NOOP("ErrorText", "Call-next command"),
}

#: what the key allows, as the message says it when a value is refused
PROBLEMS: dict[str, str] = {
    "station.code": QT_TRANSLATE_NOOP("ErrorText", "must be 1-16 ASCII letters or digits"),
    "station.name": _TEXT,
    "station.role": QT_TRANSLATE_NOOP("ErrorText", "must be window or kiosk"),
    "station.phone": QT_TRANSLATE_NOOP("ErrorText", "must be up to 32 printable characters"),
    "platform.url": QT_TRANSLATE_NOOP(
        "ErrorText", "must start with https:// (http:// only for this machine's loopback)"
    ),
    "platform.ca_bundle": _TEXT,
    "platform.receipt_query_url": QT_TRANSLATE_NOOP(
        "ErrorText", "must be an address starting with https://, or empty"
    ),
    "sync.interval_seconds": _POSITIVE,
    "sync.retention_days": _AT_LEAST_ONE,
    "sync.catalog_minutes": _POSITIVE,
    "sync.heartbeat_seconds": _POSITIVE,
    "sync.probe_seconds": _POSITIVE,
    "sync.backup_dir": _TEXT,
    "sync.backup_minutes": _POSITIVE,
    "sync.backup_keep": _AT_LEAST_ONE,
    "devices.idcard": QT_TRANSLATE_NOOP(
        "ErrorText", "must be simulated, auto or a serial port path"
    ),
    "devices.camera": QT_TRANSLATE_NOOP(
        "ErrorText", "must be simulated, a device index (such as 0) or a device path"
    ),
    "devices.camera_width": QT_TRANSLATE_NOOP("ErrorText", "must be an integer from 320 to 8192"),
    "devices.camera_height": QT_TRANSLATE_NOOP(
        "ErrorText", "must be an integer from 240 to 8192"
    ),
    "devices.printer": QT_TRANSLATE_NOOP(
        "ErrorText", "must be file:PATH, serial:DEVICE, tcp:HOST[:PORT] or usb:VID:PID"
    ),
    "devices.paper_mm": QT_TRANSLATE_NOOP("ErrorText", "must be 58 or 80"),
    "devices.native_qr": QT_TRANSLATE_NOOP("ErrorText", "must be true or false"),
    "devices.scanner": QT_TRANSLATE_NOOP(
        "ErrorText", "must be none, wedge, serial:PORT or evdev:PATH"
    ),
    "clerks.auto_login": _TEXT,
    "clerks.idle_lock_minutes": QT_TRANSLATE_NOOP(
        "ErrorText", "must be a number from 0.5 to 240"
    ),
    "clerks.call_next": QT_TRANSLATE_NOOP(
        "ErrorText", "must be a list of strings (program and arguments)"
    ),
}

CONFIG_WORDS: dict[str, str] = {
    **{f"config.label.{key}": words for key, words in LABELS.items()},
    **{f"config.problem.{key}": words for key, words in PROBLEMS.items()},
}
