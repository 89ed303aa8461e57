"""`yiwang devices ...`: the technician's tools, human-readable or --json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("devices", help="list, diagnose and exercise the station's devices")
    dsub = p.add_subparsers(dest="devices_command", required=True, metavar="ACTION")

    ls = dsub.add_parser("list", help="serial ports and cameras this machine offers")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    rd = dsub.add_parser("read-id", help="read the ID card on the reader")
    rd.add_argument("--port", help="serial port of the reader (default: probe every port)")
    rd.add_argument("--timeout", type=float, default=3.0)
    rd.add_argument("--json", action="store_true")
    rd.set_defaults(func=_read_id)

    sc = dsub.add_parser("scan", help="decode QR codes and barcodes in image files")
    sc.add_argument("images", nargs="+", type=Path)
    sc.add_argument("--json", action="store_true")
    sc.set_defaults(func=_scan)

    cp = dsub.add_parser("capture", help="find the page in a photo and write the rectified page")
    cp.add_argument("image", type=Path)
    cp.add_argument("--out", type=Path, required=True)
    cp.add_argument("--json", action="store_true")
    cp.set_defaults(func=_capture)

    tp = dsub.add_parser("test-print", help="print a sample acceptance receipt")
    tp.add_argument(
        "--printer", required=True, help="file:PATH | serial:DEV | tcp:HOST[:PORT] | usb:VID:PID"
    )
    tp.add_argument("--json", action="store_true")
    tp.set_defaults(func=_test_print)


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
    return 1


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
    return 0


def _read_id(args: argparse.Namespace) -> int:
    from devices.idcard.diagnostics import read_id_json
    from devices.idcard.errors import DeviceError
    from devices.idcard.reader import detect_port

    port = args.port or detect_port()
    if port is None:
        return _fail(
            args, "no_reader", "未找到身份证阅读器", "no ID card reader found on any serial port"
        )
    try:
        data = read_id_json(port, args.timeout)
    except DeviceError as e:
        return _fail(args, e.code, e.message_zh, e.message_en)
    human = "\n".join(f"{k}: {v}" for k, v in data.items())
    _emit(args, data, human)
    return 0


def _scan(args: argparse.Namespace) -> int:
    from devices.camera.diagnostics import scan_json

    results = scan_json([str(p) for p in args.images])
    human = "\n".join(
        f"{r['file']}: "
        + (", ".join(f"[{c['symbology']}] {c['text']}" for c in r["codes"]) or "no code")
        for r in results
    )
    _emit(args, results, human)
    return 0


def _capture(args: argparse.Namespace) -> int:
    from devices.camera.diagnostics import capture_json

    try:
        data = capture_json(str(args.image), str(args.out))
    except Exception as e:
        zh = getattr(e, "message_zh", "无法处理该图像")
        return _fail(args, getattr(e, "code", "capture_failed"), zh, str(e))
    findings = "; ".join(f["message_zh"] for f in data.get("findings", [])) or "ok"
    _emit(
        args,
        data,
        f"page written to {args.out} ({data['width']}x{data['height']}); quality: {findings}",
    )
    return 0


def _test_print(args: argparse.Namespace) -> int:
    from devices.printer.diagnostics import test_print_json
    from devices.printer.errors import PrinterError

    try:
        data = test_print_json(args.printer)
    except PrinterError as e:
        return _fail(args, e.code, e.message_zh, e.message_en)
    _emit(args, data, f"printed sample receipt {data['receipt_no']} ({data['bytes']} bytes)")
    return 0
