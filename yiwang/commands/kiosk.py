"""`yiwang kiosk`: the self-service kiosk; `yiwang kiosk set-pin`: its maintenance PIN.

    yiwang kiosk --data-dir D [--exit-when-ready] [--windowed] [--lang zh_CN|en]
    yiwang kiosk set-pin --data-dir D      (the PIN is read from standard input)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("kiosk", help="open the self-service kiosk (full screen, locked down)")
    p.add_argument("--data-dir", type=Path, required=False)
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.add_argument("--windowed", action="store_true", help="a normal window, for development")
    p.add_argument(
        "--exit-when-ready", action="store_true", help="start, show the attract screen, exit 0"
    )
    p.set_defaults(func=_run)
    actions = p.add_subparsers(dest="kiosk_action", metavar="ACTION")
    pin = actions.add_parser("set-pin", help="set the maintenance PIN (6-12 digits, from stdin)")
    pin.add_argument("--data-dir", type=Path, required=True, dest="pin_data_dir")
    pin.set_defaults(func=_set_pin)


def _run(args: argparse.Namespace) -> int:
    if args.data_dir is None:
        from sync.exit_codes import ExitCode

        print("yiwang kiosk: --data-dir is required", file=sys.stderr)
        return int(ExitCode.CONFIG)
    return open_kiosk(
        args.data_dir,
        language=args.lang,
        windowed=args.windowed,
        exit_when_ready=args.exit_when_ready,
    )


def open_kiosk(
    data_dir: Path,
    *,
    language: str = "zh_CN",
    windowed: bool = False,
    exit_when_ready: bool = False,
    demo_devices: bool = False,
) -> int:
    from ui_shared.signal_state import defer_signals

    # until the event loop runs, SIGTERM/SIGINT are only recorded (raised inside a Qt
    # import they would end the process uncleanly); run_kiosk then acts on them
    restore = defer_signals()
    try:
        # the attract screen first, the station opened behind it (kiosk.boot)
        from kiosk.boot import run_kiosk

        try:
            return run_kiosk(
                data_dir,
                language=language,
                windowed=windowed,
                exit_when_ready=exit_when_ready,
                demo_devices=demo_devices,
            )
        except Exception as e:
            # loaded only now: the station's modules come after the attract screen
            from station.context import StationUnavailable
            from yiwang.error_words import technician_text

            if not isinstance(e, StationUnavailable):
                raise
            # the documented code (a damaged store is 5, a missing data dir 2), as the
            # clerk gives; nobody stands at a kiosk to read a window, the technician
            # reads this line in the journal
            print(" ".join(f"kiosk: {technician_text(e)} ({e})".split()), file=sys.stderr,
                  flush=True)
            return e.exit_code
    finally:
        restore()


def _set_pin(args: argparse.Namespace) -> int:
    import getpass

    from station.kiosk_pin import MaintenancePin, PinError
    from sync.exit_codes import ExitCode

    data_dir: Path = args.pin_data_dir
    if not (data_dir / "config.toml").is_file():
        print(f"no station in {data_dir} (run yiwang setup first)", file=sys.stderr)
        return int(ExitCode.CONFIG)
    if sys.stdin.isatty():
        pin = getpass.getpass("new maintenance PIN (6-12 digits): ")
        if getpass.getpass("again: ") != pin:
            print("the two PINs differ; nothing changed", file=sys.stderr)
            return int(ExitCode.FAILED)
    else:
        pin = sys.stdin.readline().strip()
    try:
        MaintenancePin(data_dir / "keys").set_pin(pin)
    except PinError as e:
        print(f"PIN not set: {e}", file=sys.stderr)
        return int(ExitCode.FAILED)
    print(f"maintenance PIN set for the kiosk in {data_dir}")
    return int(ExitCode.OK)
