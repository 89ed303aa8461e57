"""`yiwang devices test-print --data-dir D`: the sample receipt on the station's own
configured printer (its paper width and QR mode)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ui_shared.error_text import error_text
from yiwang.commands.devices_config import config_invalid, no_config

Emit = Callable[[argparse.Namespace, Any, str], None]
Fail = Callable[[argparse.Namespace, str, str, str], int]


def print_sample_on_station(
    args: argparse.Namespace, data_dir: Path, emit: Emit, fail: Fail
) -> int:
    """The sample receipt on the printer `data_dir`'s config.toml names, as the station
    prints (paper width, QR mode; its printer folder made if missing)."""
    from devices.printer.diagnostics import test_print_json
    from devices.printer.errors import PrinterError
    from station.device_settings import load_device_settings
    from station.printer_target_check import check_printer_target
    from sync.config_schema import ConfigError
    from yiwang.error_words import verdict_text

    if not (data_dir / "config.toml").is_file():
        return fail(args, *no_config(data_dir))
    try:
        settings = load_device_settings(data_dir)
    except (ValueError, OSError, ConfigError) as e:
        return fail(args, *config_invalid(e))
    verdict = check_printer_target(settings, data_dir)
    if not verdict.ok:
        return fail(args, f"printer_{verdict.code}", verdict_text(verdict), verdict.detail_en)
    folder = settings.printer_folder_to_create(data_dir)
    target = settings.printer_target(data_dir)
    try:
        data = test_print_json(
            target,
            paper_mm=settings.paper_mm,
            native_qr=settings.native_qr,
            make_folder=None if folder is None else str(folder),
        )
    except PrinterError as e:
        return fail(args, e.code, error_text(e), str(e))
    data["target"] = target
    emit(
        args,
        data,
        f"printed sample receipt {data['receipt_no']} ({data['bytes']} bytes) on {target}",
    )
    return 0
