"""Is the `[devices] printer` target something a receipt can be printed to? Checked
without touching the machine, for `yiwang doctor`, `yiwang devices diagnose` and the
clerk window's start.

A `file:` target must be a printer's character device (/dev/usb/lp0, /dev/lp0, a
serial line; never /dev/null, /dev/zero or another device that is no printer:
devices.printer.device_node), a FIFO, or a writable regular file (existing, or to be
created in an existing writable folder). A relative path inside the data directory
may name a folder that does not exist yet: the first real print creates it. `tcp:`
needs a host and a port in 1-65535; `serial:` a device path; `usb:` is checked by the
driver itself.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from devices.printer.device_node import classify_char_device
from devices.printer.errors import PrinterError
from devices.printer.escpos_output import refuse_fifo_without_reader
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
    detail_en: str
    detail_zh: str


def _fail(code: str, where: str, en: str, zh: str) -> TargetVerdict:
    return TargetVerdict(False, code, where, en, zh)


def check_printer_target(settings: DeviceSettings, data_dir: Path) -> TargetVerdict:
    """The verdict on the configured printer target; reads the file system only."""
    target = settings.printer_target(data_dir)
    try:
        parsed = parse_target(target)
    except PrinterError as e:
        return _fail("bad_target", target, str(e), f"打印机设置无效：{target}")
    if parsed.kind == "file":
        return _check_file(Path(parsed.path), settings.printer_folder_to_create(data_dir))
    if parsed.kind == "tcp":
        where = f"{parsed.host}:{parsed.port}"
        if not parsed.host or not 0 < parsed.port < 65536:
            return _fail("bad_target", where, f"printer address {where} is not HOST:PORT",
                         f"打印机网络地址 {where} 无效（应为 主机:端口）")
        return TargetVerdict(True, "ok", where, f"network printer {where}",
                             f"网络打印机 {where}")
    if parsed.kind == "serial":
        return _check_node(Path(parsed.path), serial=True)
    return TargetVerdict(True, "ok", target, f"printer {target}", f"打印机 {target}")


def _check_node(path: Path, *, serial: bool = False) -> TargetVerdict:
    try:
        status = path.stat()
    except FileNotFoundError:
        return _fail("not_a_printer", str(path), f"{path} does not exist (printer unplugged?)",
                     f"{path} 不存在（打印机未连接？）")
    except OSError as e:
        return _fail("not_writable", str(path), f"{path} cannot be examined ({e.strerror})",
                     f"无法检查 {path}（{e.strerror}）")
    mode = status.st_mode
    if stat.S_ISCHR(mode) or (not serial and stat.S_ISFIFO(mode)):
        node = classify_char_device(status.st_rdev) if stat.S_ISCHR(mode) else None
        if node is not None and not node.printer:
            return _fail("not_a_printer", str(path),
                         f"{path} is not a printer: {node.what_en} (a USB printer is "
                         "/dev/usb/lp*, a serial one /dev/tty*; the simulator prints to a file)",
                         f"{path} 不是打印机：{node.what_zh}（USB 打印机为 /dev/usb/lp*，"
                         "串口打印机为 /dev/tty*，模拟打印请写入普通文件）")
        if not os.access(path, os.W_OK):
            return _fail("not_writable", str(path), f"no permission to write to {path}",
                         f"没有写入 {path} 的权限")
        try:
            refuse_fifo_without_reader(str(path))
        except OSError as e:
            return _fail("not_connected", str(path),
                         f"nothing reads from {path} ({e.strerror}): printer not connected",
                         f"{path} 无人接收（{e.strerror}）：打印机未连接")
        return TargetVerdict(True, "ok", str(path), f"printer device {path}",
                             f"打印设备 {path}")
    return _fail("not_a_printer", str(path), f"{path} is not a character device",
                 f"{path} 不是打印设备（字符设备）")


def _check_file(path: Path, creatable_folder: Path | None) -> TargetVerdict:
    where = str(path)
    if path.is_dir():
        return _fail("is_directory", where, f"{path} is a directory, not a printer or a file",
                     f"{path} 是一个文件夹，不是打印机或文件")
    if path.exists() or path.is_symlink():
        mode = path.stat().st_mode if path.exists() else 0
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            return _check_node(path)
        if not stat.S_ISREG(mode):
            return _fail("not_a_printer", where, f"{path} is not a printer device or a file",
                         f"{path} 不是打印设备或普通文件")
        if not os.access(path, os.W_OK):
            return _fail("not_writable", where, f"no permission to write to {path}",
                         f"没有写入 {path} 的权限")
        return TargetVerdict(True, "ok", where, f"printing to file {path}",
                             f"打印输出写入文件 {path}")
    folder = path.parent
    if folder.is_dir():
        if not os.access(folder, os.W_OK | os.X_OK):
            return _fail("not_writable", where, f"no permission to create {path} in {folder}",
                         f"没有在 {folder} 中创建 {path.name} 的权限")
        return TargetVerdict(True, "ok", where, f"printing to file {path}",
                             f"打印输出写入文件 {path}")
    if folder.exists():
        return _fail("not_a_folder", where, f"{folder} is not a folder", f"{folder} 不是文件夹")
    if creatable_folder is not None and _creatable(creatable_folder):
        return TargetVerdict(True, "created_on_print", where,
                             f"printing to file {path} (its folder is made at the first print)",
                             f"打印输出写入文件 {path}（首次打印时创建文件夹）")
    return _fail("no_folder", where, f"the folder {folder} does not exist",
                 f"文件夹 {folder} 不存在")


def _creatable(folder: Path) -> bool:
    """The nearest existing ancestor is a folder we may write into."""
    for ancestor in folder.parents:
        if ancestor.exists():
            return ancestor.is_dir() and os.access(ancestor, os.W_OK | os.X_OK)
    return False
