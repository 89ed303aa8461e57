"""1 000 simulated citizen sessions in one kiosk process: resident memory growth
(goal under 10 MB) and personal data left after the last reset (goal none).

Each citizen gets a different generated identity card. The mix per session:
progress by card, the service guide, an application up to the mobile-number step,
and every tenth citizen a whole application with pages and a printed receipt;
then the kiosk goes quiet and the idle countdown wipes it (fake clock). Cards
are handed to the window as the reader would (the reader's protocol is tested
on a real pty elsewhere; one read per citizen there would take an hour here).

Memory is read so that one figure can be trusted: after --warmup sessions (caches,
fonts, the first screens built, SQLite's page cache filled) and then every 100
sessions, the kiosk is let settle (events pumped until worker threads have finished
and RSS holds still, gc, freed heap returned to the system with malloc_trim) and RSS
is read --reads times;
each checkpoint is the median of its reads, with their min-max spread. Growth is
last checkpoint minus first (medians), with the worst/best case from the spreads,
plus the least-squares slope over all checkpoints (MB per 1 000 sessions), which
one noisy reading cannot move much.
Run: .venv/bin/python bench/kiosk_soak.py [--sessions N] [--warmup N] [--reads N]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("YIWANG_KIOSK_TTS", "mock")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def settled_rss(app, tasks, reads: int) -> list[float]:  # type: ignore[no-untyped-def]
    """RSS read `reads` times once the kiosk has settled (see the module docstring).

    Right after a reset, worker threads still finish the last citizen's work (page
    images, the simulated camera's renders) and RSS swings by tens of MB from one
    tenth of a second to the next; so first wait for the kiosk's worker lanes to run
    dry, then (up to 10 s) until five readings in a row agree within 1 MB, then take
    the reads."""
    if not tasks.wait_idle(timeout=120):
        print("  (the kiosk's workers were still busy after 120 s)", flush=True)
    try:
        trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        trim = None

    def read() -> float:
        pump(app, 0.1)
        gc.collect()
        gc.collect()
        if trim is not None:
            trim(0)
        return rss_mb()

    recent: list[float] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        recent = [*recent[-4:], read()]
        if len(recent) == 5 and max(recent) - min(recent) <= 1.0:
            break
    else:
        print(f"  (RSS did not settle within 10 s: last readings {recent})", flush=True)
    return [read() for _ in range(reads)]


def slope_per_1000(xs: list[int], ys: list[float]) -> float:
    """Least-squares slope of ys over xs, in MB per 1 000 sessions."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return 0.0 if den == 0 else 1000 * num / den


def make_card(n: int, rng: random.Random):  # type: ignore[no-untyped-def]
    from devices.idcard.simulator import sample_cards
    from intake.identity import resident_id_check_digit

    birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 60))
    seq = f"{n % 1000:03d}"
    first17 = f"330881{birth:%Y%m%d}{seq}"
    gender = "男" if int(seq[-1]) % 2 else "女"
    name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 7) % len(GIVEN)] + GIVEN[(n // 3) % len(GIVEN)]
    return replace(
        sample_cards()[0],
        name=name,
        gender=gender,
        birth_date=birth,
        id_number=first17 + resident_id_check_digit(first17),
        address=f"浙江省衢州市江山市贺村镇{n}号",
    )


def pump(app, seconds: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while True:
        app.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.002)


def wait(app, cond, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("kiosk did not get there")
        app.processEvents()
        time.sleep(0.002)


def session(kiosk, app, card, n: int, page) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """One citizen; a whole application returns its (receipt number, QR payload)."""
    from kiosk.screens.apply import CONFIRM, CONTACT, DONE, REVIEW

    window = kiosk.window
    issued = None
    kind = n % 4
    if kind == 0:  # progress by card
        window.show_screen("progress")
        progress = window.screens["progress"]
        window.card_placed(card)
        wait(app, lambda: progress.result_title.isVisible())
    elif kind == 1:  # the guide
        window.show_screen("guide")
        guide = window.screens["guide"]
        guide.set_mode("department" if n % 8 == 1 else "event")
        guide._group_chosen(guide.groups.item(n % guide.groups.count()))
        guide._item_chosen(guide.items.item(0))
    else:  # an application
        window.show_screen("apply")
        apply = window.screens["apply"]
        apply.item_buttons["SB-001"].click()
        window.card_placed(card)
        wait(app, lambda: apply.steps.currentIndex() == CONFIRM)
        apply.yes.click()
        if n % 10 == 2:  # a whole application: pages, phone, submit, receipt
            session_ = apply.session
            for m in list(session_.state.missing):
                session_.page_captured(page(f"{n}-{m.code}"), m.code)
                wait(app, lambda: session_.state.storing == 0)
            wait(app, lambda: apply.steps.currentIndex() == CONTACT)
            for d in f"139{n:08d}":
                apply.contact.keypad.press(d)
            apply.contact.keypad.ok_key.click()
            wait(app, lambda: apply.steps.currentIndex() == REVIEW)
            apply.submit.click()
            wait(app, lambda: apply.steps.currentIndex() == DONE)
            receipt = apply.session.state.outcome.accepted.receipt
            issued = (receipt.receipt_no, receipt.qr_payload)
    window.card_removed()
    # the citizen walks away: the countdown, then the wipe
    idle, clock = kiosk.idle, kiosk.idle.clock
    clock.now += idle.idle_seconds + 1
    idle.poll()
    clock.now += idle.countdown_seconds + 1
    idle.poll()
    assert window.current is window.attract  # every screen returns on idle
    return issued


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100, help="sessions before the baseline")
    parser.add_argument("--reads", type=int, default=5, help="RSS reads per checkpoint")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from devices.camera.pipeline import CapturedPage
    from kiosk.app import KioskApp, make_application
    from kiosk.wipe import private_temp_dir, use_private_temp_dir
    from reference_platform.server import PlatformProcess
    from station.context import open_station
    from station.kiosk_services import KioskServices
    from station.simulators import DemoSimulators
    from tests.kiosk.traces import (
        clipboard_texts,
        file_texts,
        leaks,
        reachable_strings,
        widget_texts,
    )
    from yiwang.commands.setup import setup_station

    def page(tag: str) -> CapturedPage:
        return CapturedPage(jpeg=b"\xff\xd8 page " + tag.encode() + b"\xff\xd9",
                            corners=np.zeros((4, 2), np.float32), findings=[],
                            width=1654, height=2339)

    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        code = secrets.token_hex(6)
        with PlatformProcess(Path(tmp) / "platform.db", enrollment_codes=[code]) as platform:
            station_dir = Path(tmp) / "station"
            setup_station(station_dir, platform_url=platform.url, enrollment_code=code,
                          station_code="SOAK01", role="kiosk")
        app = make_application("zh_CN")
        assert isinstance(app, QApplication)
        use_private_temp_dir(station_dir / "tmp")
        # The simulated document camera renders a synthetic photo per document (about
        # 80 MB of float32 work at 1920x1080 on worker threads); at a smaller size its
        # churn does not drown what the kiosk itself holds. A real camera renders nothing.
        sims = DemoSimulators(camera_size=(960, 540))
        sims.start()
        station = open_station(station_dir, simulators=sims, with_engine=False,
                               clerk_id="kiosk")
        services = KioskServices(station)
        clock = Clock()
        kiosk = KioskApp(services, voice_engine="mock", clock=clock)
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        kiosk.start(windowed=True)
        pump(app, 0.5)
        warmup = min(args.warmup, max(0, args.sessions - 1))
        cards = [make_card(n, rng) for n in range(args.sessions)]
        started = time.monotonic()
        checkpoints: list[tuple[int, list[float]]] = []  # (sessions done, RSS reads)
        last_receipt: tuple[str, str] | None = None  # the paper the citizen took away
        for n, card in enumerate(cards):
            if n == warmup:
                checkpoints.append((n, settled_rss(app, kiosk.tasks, args.reads)))
            last_receipt = session(kiosk, app, card, n, page) or last_receipt
            done = n + 1
            if done > warmup and (done - warmup) % 100 == 0 and done != args.sessions:
                checkpoints.append((done, settled_rss(app, kiosk.tasks, args.reads)))
                print(f"  {done} sessions, RSS {statistics.median(checkpoints[-1][1]):.1f} MB",
                      flush=True)
        checkpoints.append((args.sessions, settled_rss(app, kiosk.tasks, args.reads)))
        elapsed = time.monotonic() - started
        last = cards[-1]
        secrets_of = [c.id_number for c in cards] + [c.name for c in cards[-20:]]
        from intake.identity import mask_id_number, mask_name

        last_traces = [last.name, last.id_number, mask_name(last.name),
                       mask_id_number(last.id_number), last.address]
        shown = widget_texts(kiosk.window)
        temp = private_temp_dir()
        texts = shown + clipboard_texts() + (file_texts(temp) if temp else [])
        held = reachable_strings([kiosk, services], exclude=[station.simulators])
        # the last receipt number (and its QR payload) is the station's record, not the
        # kiosk's to keep: searched in what the window and every screen hold
        receipt_traces = list(last_receipt) if last_receipt else []
        screens = list(kiosk.window.screens.built())
        held_by_screens = reachable_strings([kiosk, *screens],
                                            exclude=[services, station.simulators])
        residual_ui = leaks(texts, secrets_of + last_traces + receipt_traces)
        residual_objects = leaks(held, last_traces) + leaks(held_by_screens, receipt_traces)
        accepted = len(station.intake.store.list_records(limit=10_000))
        kiosk.shutdown()
        station.close()
        sims.stop()
    print(f"sessions: {args.sessions} in {elapsed:.0f} s ({accepted} applications submitted)")
    (n0, first), (n1, last_reads) = checkpoints[0], checkpoints[-1]
    growth = statistics.median(last_reads) - statistics.median(first)
    print(f"RSS after {n0} warm-up sessions: median {statistics.median(first):.1f} MB "
          f"(reads {min(first):.1f}-{max(first):.1f}); after {n1}: median "
          f"{statistics.median(last_reads):.1f} MB (reads {min(last_reads):.1f}-"
          f"{max(last_reads):.1f})")
    print(f"growth over {n1 - n0} sessions: {growth:+.1f} MB median "
          f"(spread {min(last_reads) - max(first):+.1f} to {max(last_reads) - min(first):+.1f}"
          f" MB) (goal < 10 MB)")
    if len(checkpoints) >= 3:
        xs = [n for n, _r in checkpoints]
        ys = [statistics.median(r) for _n, r in checkpoints]
        points = ", ".join(f"{x}: {y:.1f}" for x, y in zip(xs, ys, strict=True))
        print(f"checkpoints (sessions: MB): {points}")
        print(f"least-squares trend: {slope_per_1000(xs, ys):+.1f} MB per 1000 sessions")
    searched = "searched" if last_receipt else "NOT searched, none issued"
    print(f"residual personal data after the last reset: {len(residual_ui)} in widgets, models, "
          f"clipboard and temp files; {len(residual_objects)} strings reachable from the kiosk "
          f"(name, ID number, address; last receipt number: {searched}) (goal none)")
    for text in (residual_ui + residual_objects)[:10]:
        print(f"  residual: {text!r}")
    return 0 if not residual_ui and not residual_objects else 1


if __name__ == "__main__":
    sys.exit(main())
