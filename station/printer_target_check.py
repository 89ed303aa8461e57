"""Is the `[devices] printer` target something a receipt can be printed to? Checked
without touching the machine, for `yiwang doctor`, `yiwang devices diagnose` and the
clerk window's start.

A `file:` target must be a printer's character device (/dev/usb/lp0, /dev/lp0, a
serial line; never /dev/null, /dev/zero or another device that is no printer:
devices.printer.device_node), a FIFO, or a writable regular file (existing and empty
or holding earlier printer output, or to be created in an existing writable folder;
never somebody's file, which printing would overwrite). A relative path inside the data directory
may name a folder that does not exist yet: the first real print creates it. `tcp:`
needs a host and a port in 1-65535; `serial:` a device path; `usb:` is checked by the
driver itself.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from coded_errors import Param
from devices.printer.device_node import classify_char_device
from devices.printer.errors import PrinterError
from devices.printer.escpos_output import holds_other_data, refuse_fifo_without_reader
from devices.printer.target import parse_target
from station.device_settings import DeviceSettings

__all__ = ["TargetVerdict", "check_printer_target"]


@dataclass(frozen=True)
class TargetVerdict:
    ok: bool
    #: machine-readable reason: ok | created_on_print | is_directory | not_writable |
    #: no_folder | not_a_folder | not_a_printer | not_connected | bad_target
    code: str
    #: the path (or host:port) the verdict is about
    where: str
    #: English, for logs and the technician's JSON
    detail_en: str
    #: worded with the code at display time ("printer_target.<code>"; ``variant``
    #: picks one of a code's sentences); ``where`` is always among them
    params: Mapping[str, Param] = field(default_factory=dict)

    @property
    def qualified_code(self) -> str:
        return f"printer_target.{self.code}"

    @property
    def words(self) -> dict[str, Param]:
        """The parameters for its sentence, ``where`` included."""
        return {"where": self.where, **self.params}


def _ok(code: str, where: str, en: str, variant: str | None = None) -> TargetVerdict:
    return TargetVerdict(True, code, where, en, {"variant": variant} if variant else {})


def _fail(code: str, where: str, en: str, **params: Param) -> TargetVerdict:
    return TargetVerdict(False, code, where, en, params)


def check_printer_target(settings: DeviceSettings, data_dir: Path) -> TargetVerdict:
    """The verdict on the configured printer target; reads the file system only."""
    target = settings.printer_target(data_dir)
    try:
        parsed = parse_target(target)
    except PrinterError as e:
        return _fail("bad_target", target, str(e))
    if parsed.kind == "file":
        return _check_file(Path(parsed.path), settings.printer_folder_to_create(data_dir))
    if parsed.kind == "tcp":
        where = f"{parsed.host}:{parsed.port}"
        if not parsed.host or not 0 < parsed.port < 65536:
            return _fail("bad_target", where, f"printer address {where} is not HOST:PORT",
                         variant="address")
        return _ok("ok", where, f"network printer {where}", "network")
    if parsed.kind == "serial":
        return _check_node(Path(parsed.path), serial=True)
    return _ok("ok", target, f"printer {target}")


def _check_node(path: Path, *, serial: bool = False) -> TargetVerdict:
    try:
        status = path.stat()
    except FileNotFoundError:
        return _fail("not_a_printer", str(path), f"{path} does not exist (printer unplugged?)",
                     variant="missing")
    except OSError as e:
        return _fail("not_writable", str(path), f"{path} cannot be examined ({e.strerror})",
                     variant="unexaminable", reason=e.strerror)
    mode = status.st_mode
    if stat.S_ISCHR(mode) or (not serial and stat.S_ISFIFO(mode)):
        node = classify_char_device(status.st_rdev) if stat.S_ISCHR(mode) else None
        if node is not None and not node.printer:
            return _fail("not_a_printer", str(path),
                         f"{path} is not a printer: {node.what_en} (a USB printer is "
                         "/dev/usb/lp*, a serial one /dev/tty*; the simulator prints to a file)",
                         variant=f"node_{node.kind}", device=node.device)
        if not os.access(path, os.W_OK):
            return _fail("not_writable", str(path), f"no permission to write to {path}")
        try:
            refuse_fifo_without_reader(str(path))
        except OSError as e:
            return _fail("not_connected", str(path),
                         f"nothing reads from {path} ({e.strerror}): printer not connected",
                         reason=e.strerror)
        return _ok("ok", str(path), f"printer device {path}", "device")
    return _fail("not_a_printer", str(path), f"{path} is not a character device",
                 variant="not_char")


def _check_file(path: Path, creatable_folder: Path | None) -> TargetVerdict:
    where = str(path)
    if path.is_dir():
        return _fail("is_directory", where, f"{path} is a directory, not a printer or a file")
    if path.exists() or path.is_symlink():
        mode = path.stat().st_mode if path.exists() else 0
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            return _check_node(path)
        if not stat.S_ISREG(mode):
            return _fail("not_a_printer", where, f"{path} is not a printer device or a file")
        if not os.access(path, os.W_OK):
            return _fail("not_writable", where, f"no permission to write to {path}")
        if holds_other_data(where):
            return _fail("not_a_printer", where,
                         f"{path} holds other data, not printer output: printing would "
                         "overwrite it", variant="foreign_file")
        return _ok("ok", where, f"printing to file {path}", "file")
    folder = path.parent
    if folder.is_dir():
        if not os.access(folder, os.W_OK | os.X_OK):
            return _fail("not_writable", where, f"no permission to create {path} in {folder}",
                         variant="create", folder=str(folder), name=path.name)
        return _ok("ok", where, f"printing to file {path}", "file")
    if folder.exists():
        return _fail("not_a_folder", where, f"{folder} is not a folder", folder=str(folder))
    if creatable_folder is not None and _creatable(creatable_folder):
        return _ok("created_on_print", where,
                   f"printing to file {path} (its folder is made at the first print)")
    return _fail("no_folder", where, f"the folder {folder} does not exist", folder=str(folder))


def _creatable(folder: Path) -> bool:
    """The nearest existing ancestor is a folder we may write into."""
    for ancestor in folder.parents:
        if ancestor.exists():
            return ancestor.is_dir() and os.access(ancestor, os.W_OK | os.X_OK)
    return False
