"""`yiwang demo`: the whole product on one machine, with simulated devices.

Without --data-dir (or with an empty one) it starts the reference platform on
127.0.0.1 with its own database, enrolls a station, starts the simulators and
opens the clerk window; --headless runs a scripted intake instead, delivers
it, checks the platform holds it exactly once with matching blob hashes, then
issues a one-time notice and a refusal and closes the loop (补正 answered by a
supplement, 办结 handed over), each on the platform exactly once, and exits 0.
With --data-dir of an existing station it uses that station as is; --offline
queues without delivering.

Everything the demo starts it stops, on a normal end, Ctrl+C or SIGTERM: the
reference platform, the simulators, a private Xvfb when there is no display
(its display number is printed); the temporary folder it made is removed.
"""

from __future__ import annotations

import argparse
import atexit
import json
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sync.exit_codes import ExitCode

DEMO_STATION = "DEMO01"
DEMO_STATION_NAME = "示范镇便民服务中心"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo", help="run the product with the reference platform and simulated devices"
    )
    p.add_argument("--headless", action="store_true", help="scripted intake, no window")
    p.add_argument("--count", type=int, default=1, help="number of scripted intakes (headless)")
    p.add_argument("--offline", action="store_true", help="queue without delivering")
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="station data dir (default: a new temporary demo folder)",
    )
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.add_argument(
        "--kiosk", action="store_true", help="open the self-service kiosk, not the clerk window"
    )
    p.set_defaults(func=_run)


def _say(text: str) -> None:
    print(text, flush=True)


def _admin_submissions(url: str, token: str) -> list[dict[str, Any]]:
    import urllib.request  # here: every `yiwang` command would load http.client and email

    req = urllib.request.Request(
        f"{url}/v1/admin/submissions", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(req, timeout=10) as resp:  # loopback only
        return list(json.loads(resp.read().decode("utf-8")))


def _run(args: argparse.Namespace) -> int:
    from ui_shared.signal_state import defer_signals

    cleanups: list[Callable[[], None]] = []

    def clean_up() -> None:
        # last in, first out: the platform stops before its folder goes
        while cleanups:
            cleanups.pop()()

    # Ctrl+C and SIGTERM are only recorded, and end the demo at the next stop point
    # (_stop_point, or Qt's loop through ui_shared.quit_signals). A handler that raised
    # could land anywhere: inside importlib's module-lock weakref callback, for one, the
    # exception is printed as "Exception ignored" and dropped, and the demo ran on.
    restore = defer_signals()
    atexit.register(clean_up)  # in case the process ends some other way
    try:
        return _demo(args, cleanups)
    finally:
        clean_up()
        atexit.unregister(clean_up)
        restore()


def _say_or_stop(text: str) -> None:
    _say(text)
    _stop_point()  # said after each scripted intake (it also stops before each page)


def _stop_point() -> None:
    """End the demo here (SystemExit 128 + signal) if Ctrl+C or SIGTERM came."""
    from ui_shared.signal_state import stop_if_signalled

    stop_if_signalled()


def _demo(args: argparse.Namespace, cleanups: list[Callable[[], None]]) -> int:
    from reference_platform.server import PlatformProcess
    from sync.config import config_path
    from yiwang.commands.setup import setup_station

    if not args.headless:
        from yiwang.xvfb import Xvfb, needs_virtual_display

        if needs_virtual_display():
            xvfb = Xvfb().start()  # ends with this process (see yiwang.xvfb)
            _say(f"no display: the window opens on Xvfb display {xvfb.display} "
                 f"(watch it with `x11vnc -display {xvfb.display}`)")
    _stop_point()
    platform: PlatformProcess | None = None
    existing = args.data_dir is not None and config_path(args.data_dir).exists()
    if existing:
        station_dir: Path = args.data_dir
        _say(f"using the station in {station_dir}")
    else:
        if args.data_dir is None:
            root = Path(tempfile.mkdtemp(prefix="yiwang-demo-"))
            cleanups.append(lambda: shutil.rmtree(root, ignore_errors=True))
        else:
            root = args.data_dir
        station_dir = root / "station"
        platform_db = root / "platform" / "platform.db"
        code = secrets.token_hex(6)
        platform = PlatformProcess(platform_db, enrollment_codes=[code])
        cleanups.append(platform.stop)
        platform.start()
        _say(f"reference platform  {platform.url}  (database {platform_db})")
        _stop_point()
    if platform is not None:
        setup_station(
            station_dir,
            platform_url=platform.url,
            enrollment_code=code,
            station_code=DEMO_STATION,
            station_name=DEMO_STATION_NAME,
            role="kiosk" if args.kiosk else "window",
        )
        _say(f"station {DEMO_STATION} enrolled, data in {station_dir}")
        _stop_point()
    if args.kiosk and not args.headless:
        # as for the clerk window below: a recorded signal ends the event loop cleanly
        from ui_shared.signal_state import pending_signal

        status = _kiosk(station_dir, args.lang)
        early = pending_signal()
        return 128 + early if early is not None and status == 0 else status
    from station.clerk_day import ensure_demo_clerk

    ensure_demo_clerk(station_dir)  # the demo window signs its demo clerk in by itself
    _stop_point()
    if args.headless:
        return _headless(station_dir, args, platform)
    # from here Qt starts: a recorded signal (also one that came before the loop ran)
    # ends the event loop cleanly (ui_shared.quit_signals)
    from ui_shared.signal_state import pending_signal
    from yiwang.commands.clerk import open_clerk

    status = open_clerk(station_dir, language=args.lang)
    early = pending_signal()
    return 128 + early if early is not None and status == 0 else status


DEMO_PIN = "246810"


def _kiosk(station_dir: Path, language: str) -> int:
    from station.kiosk_pin import MaintenancePin
    from yiwang.commands.kiosk import open_kiosk

    pin = MaintenancePin(station_dir / "keys")
    if not pin.is_set():
        pin.set_pin(DEMO_PIN)
        _say(f"kiosk maintenance PIN for this demo: {DEMO_PIN} "
             "(five taps in the top-left corner within three seconds)")
    _say("the kiosk refuses to close: leave through maintenance -> Exit to the desktop")
    return open_kiosk(station_dir, language=language, windowed=True, demo_devices=True)


def _headless(station_dir: Path, args: argparse.Namespace, platform: Any) -> int:
    from station.context import open_station
    from yiwang.scripted_followup import close_the_loop, run_scripted_refusal
    from yiwang.scripted_intake import run_scripted_intakes, run_scripted_notice
    from yiwang.scripted_modes import run_acceptance_modes

    services = open_station(station_dir, with_engine=not args.offline)
    try:
        from station.simulators import DemoSimulators

        sims = services.simulators
        if not isinstance(sims, DemoSimulators):
            _say("this station has real devices configured; the scripted demo needs simulated ones")
            return int(ExitCode.CONFIG)
        _say(f"scripted intake x{args.count} (ID card over {sims.port}, simulated document camera)")
        records = run_scripted_intakes(services, sims, args.count, say=_say_or_stop,
                                       stop_point=_stop_point)
        run_scripted_notice(services, sims, say=_say_or_stop)
        refusal_no = run_scripted_refusal(services, sims, say=_say_or_stop)
        if args.offline or services.engine is None:
            _say(
                f"queued {len(records)} submission(s) offline; "
                f"queue depth {services.intake.store.queue_depth()}"
            )
            return int(ExitCode.OK)
        deadline = time.monotonic() + 120
        while True:
            _stop_point()
            report = services.engine.run_once()
            if report.remaining == 0 or time.monotonic() > deadline or report.auth_failed:
                break
            time.sleep(min(2.0, max(0.2, (report.backoff_until or time.time()) - time.time())))
        _say(f"sync: delivered {report.delivered}, remaining {report.remaining}")
        if report.remaining:
            _say("not everything could be delivered")
            return int(ExitCode.FAILED)
        for rec in records:
            r = services.intake.store.get(rec.accepted.submission.uuid)
            _say(f"  {r.receipt_no} -> platform case {r.case_no} ({r.platform_status})")
        if platform is None:
            return int(ExitCode.OK)
        def closing() -> bool:
            looped = close_the_loop(services, sims, platform, records[0].accepted.submission.uuid,
                                    refusal_no, say=_say)  # fmt: skip
            # 容缺受理 and 告知承诺制 after the counts above, which stay as they always were
            return run_acceptance_modes(services, sims, platform, say=_say) and looped

        return _verify_on_platform(platform, records, closing)
    finally:
        services.close()


def _verify_on_platform(platform: Any, records: list[Any],
                        closing: Callable[[], bool] = lambda: True) -> int:
    held = _admin_submissions(platform.url, platform.admin_token)
    ok = True
    for rec in records:
        sub = rec.accepted.submission
        matches = [s for s in held if s["uuid"] == sub.uuid]
        blobs = {b["sha256"]: b for b in matches[0]["blobs"]} if len(matches) == 1 else {}
        hashes_match = set(blobs) == set(rec.page_hashes)
        verified = all(b.get("present") and b.get("verified") for b in blobs.values())
        _say(
            f"  platform holds {sub.receipt_no}: {len(matches)} time(s); blob hashes match the "
            f"captured pages: {hashes_match}; all verified: {verified}"
        )
        ok = ok and len(matches) == 1 and hashes_match and verified
    _say(f"platform database holds {len(held)} submission(s)")
    ok = ok and len(held) == len(records)
    ok = closing() and ok  # 补正, 办结领取 and the refusal, each on the platform once
    _say("demo OK" if ok else "demo FAILED")
    return int(ExitCode.OK if ok else ExitCode.FAILED)
