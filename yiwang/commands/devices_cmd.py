"""`yiwang devices ...`: the technician's tools, human-readable or --json."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sync.exit_codes import ExitCode
from yiwang.commands import devices_decode
from yiwang.commands.devices_config import CONFIG_REFUSALS, config_invalid, no_config
from yiwang.error_words import verdict_text

if TYPE_CHECKING:
    from station.device_settings import DeviceSettings

DATA_DIR_ENV = "YIWANG_DATA_DIR"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("devices", help="list, diagnose and exercise the station's devices")
    dsub = p.add_subparsers(dest="devices_command", required=True, metavar="ACTION")

    ls = dsub.add_parser("list", help="serial ports and cameras this machine offers")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    rd = dsub.add_parser("read-id", help="read the ID card on the reader")
    rd.add_argument("--port", help="serial port of the reader (default: probe every port)")
    rd.add_argument("--timeout", type=_seconds, default=3.0, metavar="SECONDS",
                    help="give up after this long, probing and reading included (default 3)")
    rd.add_argument("--json", action="store_true")
    rd.set_defaults(func=_read_id)

    sc = dsub.add_parser("scan", help="decode QR codes and barcodes in image files")
    sc.add_argument("images", nargs="+", type=Path)
    sc.add_argument("--json", action="store_true")
    sc.set_defaults(func=_scan)

    devices_decode.register(dsub)

    cp = dsub.add_parser("capture", help="find the page in a photo and write the rectified page")
    cp.add_argument("image", type=Path)
    cp.add_argument("--out", type=Path, required=True)
    cp.add_argument("--json", action="store_true")
    cp.set_defaults(func=_capture)

    tp = dsub.add_parser("test-print", help="print a sample acceptance receipt")
    where = tp.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--printer", help="file:PATH | serial:DEV | tcp:HOST[:PORT] | usb:VID:PID"
    )
    where.add_argument(
        "--data-dir",
        type=Path,
        help="the station's data directory: its configured printer, paper width and QR mode",
    )
    tp.add_argument("--json", action="store_true")
    tp.set_defaults(func=_test_print)

    dg = dsub.add_parser(
        "diagnose", help="check every device configured for a station (exit 1 if any fails)"
    )
    dg.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ[DATA_DIR_ENV]) if os.environ.get(DATA_DIR_ENV) else None,
        help=f"the station's data directory (default: ${DATA_DIR_ENV})",
    )
    dg.add_argument("--json", action="store_true")
    dg.set_defaults(func=_diagnose)


def _emit(args: argparse.Namespace, data: Any, human: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=None))
    else:
        print(human)


def _fail(args: argparse.Namespace, code: str, zh: str, en: str) -> int:
    if args.json:
        print(json.dumps({"error": code, "message_zh": zh, "message_en": en}, ensure_ascii=False))
    else:
        print(f"{zh} ({en})", file=sys.stderr)
    return int(ExitCode.CONFIG if code in CONFIG_REFUSALS else ExitCode.FAILED)


def _list(args: argparse.Namespace) -> int:
    from serial.tools import list_ports

    ports = [
        {"device": p.device, "description": p.description, "hwid": p.hwid}
        for p in list_ports.comports()
    ]
    cameras = sorted(str(p) for p in Path("/dev").glob("video*"))
    lines = ["Serial ports:"] + [f"  {p['device']}  {p['description']}" for p in ports] or [
        "  (none)"
    ]
    lines += ["Cameras:"] + ([f"  {c}" for c in cameras] or ["  (none)"])
    _emit(args, {"serial_ports": ports, "cameras": cameras}, "\n".join(lines))
    return int(ExitCode.OK)


def _seconds(text: str) -> float:
    """A --timeout: a positive number of seconds (argparse says so, exit 2, otherwise)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 3600:  # NaN fails this too
        raise argparse.ArgumentTypeError(f"a timeout is more than 0 and at most 3600 s: {text}")
    return value


def _read_id(args: argparse.Namespace) -> int:
    import time

    from devices.idcard.diagnostics import read_id_json
    from devices.idcard.errors import DeviceError
    from devices.idcard.reader import detect_port
    from ui_shared.error_text import error_text

    # --timeout bounds the whole command: finding the reader and reading the card
    deadline = time.monotonic() + args.timeout
    port = args.port or detect_port(deadline=deadline)
    remaining = deadline - time.monotonic()
    if port is None or remaining <= 0:
        return _fail(
            args, "no_reader", "未找到身份证阅读器",
            f"no ID card reader found on any serial port within {args.timeout:g} s",
        )
    try:
        data = read_id_json(port, args.timeout, deadline=deadline)
    except DeviceError as e:
        return _fail(args, e.code, error_text(e), str(e))
    human = "\n".join(f"{k}: {v}" for k, v in data.items())
    _emit(args, data, human)
    return int(ExitCode.OK)


def _scan(args: argparse.Namespace) -> int:
    from devices.camera.diagnostics import scan_json
    from intake.display_text import display_text

    results = scan_json([str(p) for p in args.images])
    human = "\n".join(
        f"{r['file']}: "
        + (", ".join(f"[{c['symbology']}] {display_text(c['text'])}" for c in r["codes"])
           or "no code")
        for r in results
    )
    _emit(args, results, human)
    return int(ExitCode.OK)


def _capture(args: argparse.Namespace) -> int:
    from devices.camera.diagnostics import capture_json
    from ui_shared.error_text import code_text, error_text

    try:
        data = capture_json(str(args.image), str(args.out))
    except Exception as e:
        zh = error_text(e, fallback="无法处理该图像")
        return _fail(args, getattr(e, "code", "capture_failed"), zh, str(e))
    # the command line words the camera's finding codes (its JSON keeps both languages)
    data["findings"] = [
        {
            "code": f["code"],
            "message_zh": code_text(f"quality.{f['code']}") or f["code"],
            "message_en": code_text(f"quality.{f['code']}", english=True) or f["detail_en"],
        }
        for f in data.get("findings", [])
    ]
    findings = "; ".join(f["message_zh"] for f in data["findings"]) or "ok"
    _emit(
        args,
        data,
        f"page written to {args.out} ({data['width']}x{data['height']}); quality: {findings}",
    )
    return int(ExitCode.OK)


def _test_print(args: argparse.Namespace) -> int:
    from devices.printer.diagnostics import test_print_json
    from devices.printer.errors import PrinterError
    from ui_shared.error_text import error_text

    if args.data_dir is not None:
        from yiwang.commands.devices_test_print import print_sample_on_station

        return print_sample_on_station(args, args.data_dir, _emit, _fail)
    try:
        data = test_print_json(args.printer)
    except PrinterError as e:
        return _fail(args, e.code, error_text(e), str(e))
    _emit(args, data, f"printed sample receipt {data['receipt_no']} ({data['bytes']} bytes)")
    return int(ExitCode.OK)


# --- diagnose -----------------------------------------------------------------------

Check = dict[str, Any]


def _result(
    device: str, ok: bool, zh: str, en: str, *, configured: bool = True, **info: Any
) -> Check:
    return {
        "device": device,
        "configured": configured,
        "ok": ok,
        "detail_zh": zh,
        "detail_en": en,
        "info": info,
    }


def _check_idcard(setting: str) -> Check:
    from devices.idcard.errors import DeviceError
    from devices.idcard.reader import IdCardReader
    from station.device_factory import reader_port
    from station.device_settings import SIMULATED
    from station.simulators import DemoSimulators
    from ui_shared.error_text import error_text

    sims = None
    port = setting
    try:
        if setting == SIMULATED:
            sims = DemoSimulators()
            sims.start()
        try:
            port = reader_port(setting, sims)
        except DeviceError as e:
            if e.code != "no_reader" or setting != "auto":
                raise
            return _result(
                "idcard",
                False,
                "未找到身份证阅读器（已探测全部串口）",
                "no ID card reader answered on any serial port",
                setting=setting,
            )
        with IdCardReader(port, timeout=2.0, retries=1) as reader:
            sam = reader.sam_id()
    except DeviceError as e:
        return _result("idcard", False, error_text(e), str(e), setting=setting)
    finally:
        if sims is not None:
            sims.stop()
    where = "模拟阅读器" if sims is not None else f"端口 {port}"
    where_en = "simulated reader" if sims is not None else f"port {port}"
    return _result(
        "idcard",
        True,
        f"身份证阅读器正常（{where}，SAM 编号 {sam}）",
        f"ID card reader answers ({where_en}, SAM id {sam})",
        setting=setting,
        port=None if sims is not None else port,
        sam_id=sam,
    )


def _check_camera(settings: DeviceSettings) -> Check:
    from devices.camera.errors import CameraError
    from station.device_factory import open_camera
    from station.device_settings import SIMULATED
    from ui_shared.error_text import error_text

    setting, width, height = settings.camera, settings.camera_width, settings.camera_height
    try:
        cam = open_camera(settings)
        try:
            frame = cam.grab()
        finally:
            cam.close()
    except CameraError as e:
        return _result("camera", False, error_text(e), str(e), setting=setting)
    h, w = int(frame.shape[0]), int(frame.shape[1])
    note_zh = note_en = ""
    if (w, h) != (width, height):
        note_zh = f"（配置为 {width}x{height}）"
        note_en = f" (configured {width}x{height})"
    kind_zh = "模拟高拍仪" if setting == SIMULATED else f"高拍仪 {setting}"
    return _result(
        "camera",
        True,
        f"{kind_zh}画面正常，分辨率 {w}x{h}{note_zh}",
        f"camera {setting} delivers frames at {w}x{h}{note_en}",
        setting=setting,
        width=w,
        height=h,
    )


def _check_printer(settings: DeviceSettings, data_dir: Path) -> Check:
    from devices.printer.errors import PrinterError
    from station.device_factory import open_printer
    from station.printer_target_check import check_printer_target
    from ui_shared.error_text import code_text, error_text

    target = settings.printer_target(data_dir)
    verdict = check_printer_target(settings, data_dir)
    if not verdict.ok:
        return _result(
            "printer", False, verdict_text(verdict), verdict.detail_en, target=target,
            status=verdict.code,
        )
    try:
        status = open_printer(settings, data_dir).status()
    except PrinterError as e:
        return _result("printer", False, error_text(e), str(e), target=target)
    if not status.known:
        if target.startswith("file:"):
            return _result(
                "printer",
                True,
                f"{verdict_text(verdict)}（文件无状态可查）",
                f"{verdict.detail_en} (files report no status)",
                target=target,
                status="unknown",
            )
        return _result(
            "printer",
            True,
            "打印机已连接，但未返回状态",
            "printer reachable but it does not report status",
            target=target,
            status="unknown",
        )
    problem = status.problem
    if problem is not None:
        return _result(
            "printer",
            False,
            error_text(problem),
            str(problem),
            target=target,
            status=problem.code,
        )
    return _result(
        "printer",
        True,
        code_text(f"printer.{status.code}") or status.code,
        "printer ready" + (" (paper near end)" if status.paper_near_end else ""),
        target=target,
        status="ready",
    )


def _check_scanner(setting: str) -> Check:
    from devices.scanner.spec import check_scanner
    from ui_shared.error_text import code_text, error_text

    data = check_scanner(setting)
    error = data.get("error")
    return _result(
        "scanner",
        data["ok"],
        error_text(error) if error is not None
        else code_text(f"scanner.{data['code']}", data["params"]) or data["detail_en"],
        data["detail_en"],
        configured=data["configured"],
        setting=setting,
    )


def _guarded(device: str, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except Exception as e:  # a diagnostic never crashes half-way
        return _result(device, False, f"检测时发生意外错误：{e}", f"unexpected error: {e!r}")


def diagnose(data_dir: Path) -> dict[str, Any]:
    """Check every device of the station in `data_dir`; needs config.toml, not credentials."""
    from station.device_settings import load_device_settings

    settings = load_device_settings(data_dir)
    station_code = None
    try:
        from sync.config import load_config

        station_code = load_config(data_dir).station_code
    except Exception:
        pass
    checks = [
        _guarded("idcard", lambda: _check_idcard(settings.idcard)),
        _guarded(
            "camera",
            lambda: _check_camera(settings),
        ),
        _guarded(
            "printer",
            lambda: _check_printer(settings, data_dir),
        ),
        _guarded("scanner", lambda: _check_scanner(settings.scanner)),
    ]
    return {
        "data_dir": str(data_dir),
        "station_code": station_code,
        "ok": all(c["ok"] for c in checks),
        "devices": checks,
    }


_LABELS = {"idcard": "身份证阅读器", "camera": "高拍仪", "printer": "打印机", "scanner": "扫码枪"}


def _diagnose(args: argparse.Namespace) -> int:
    if args.data_dir is None:
        return _fail(
            args,
            "no_data_dir",
            f"请用 --data-dir 指定终端数据目录（或设置 {DATA_DIR_ENV}）",
            f"give the station's data directory with --data-dir or ${DATA_DIR_ENV}",
        )
    data_dir: Path = args.data_dir
    if not (data_dir / "config.toml").is_file():
        return _fail(args, *no_config(data_dir))
    from sync.config_schema import ConfigError

    try:
        report = diagnose(data_dir)
    except (ValueError, OSError, ConfigError) as e:  # tomllib.TOMLDecodeError is a ValueError
        return _fail(args, *config_invalid(e))
    lines = [f"Station {report['station_code'] or '?'} ({data_dir})"]
    for c in report["devices"]:
        mark = "OK  " if c["ok"] else "FAIL"
        if not c["configured"]:
            mark = "--  "
        lines.append(
            f"  {mark} {_LABELS.get(c['device'], c['device'])} ({c['device']}): "
            f"{c['detail_zh']} / {c['detail_en']}"
        )
    lines.append("all devices ok" if report["ok"] else "some devices failed")
    _emit(args, report, "\n".join(lines))
    return int(ExitCode.OK if report["ok"] else ExitCode.FAILED)
