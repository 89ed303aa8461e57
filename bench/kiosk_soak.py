"""1 000 simulated citizen sessions in one kiosk process: resident memory growth
(goal under 10 MB) and personal data left after the last reset (goal none).

Each citizen gets a different generated identity card. The mix per session:
progress by card, the service guide, an application up to the mobile-number step,
and every tenth citizen a whole application with pages and a printed receipt;
then the kiosk goes quiet and the idle countdown wipes it (fake clock). Cards
are handed to the window as the reader would (the reader's protocol is tested
on a real pty elsewhere; one read per citizen there would take an hour here).
Run: .venv/bin/python bench/kiosk_soak.py [--sessions N]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import secrets
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


def session(kiosk, app, card, n: int, page) -> None:  # type: ignore[no-untyped-def]
    from kiosk.screens.apply import CONFIRM, CONTACT, DONE, REVIEW

    window = kiosk.window
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
    window.card_removed()
    # the citizen walks away: the countdown, then the wipe
    idle, clock = kiosk.idle, kiosk.idle.clock
    clock.now += idle.idle_seconds + 1
    idle.poll()
    clock.now += idle.countdown_seconds + 1
    idle.poll()
    assert window.current is window.attract or not window.current.personal


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
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
        warmup = 50
        cards = [make_card(n, rng) for n in range(args.sessions)]
        started = time.monotonic()
        rss0 = 0.0
        samples: list[float] = []
        for n, card in enumerate(cards):
            if n == warmup:
                gc.collect()
                rss0 = rss_mb()
            session(kiosk, app, card, n, page)
            if n % 100 == 99:
                gc.collect()
                samples.append(rss_mb())
                print(f"  {n + 1} sessions, RSS {samples[-1]:.1f} MB", flush=True)
        gc.collect()
        rss1 = rss_mb()  # measured as rss0 was: right after a citizen's reset
        pump(app, 0.5)  # then let in-flight work (the simulated camera's renders) finish
        gc.collect()
        rss_settled = rss_mb()
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
        residual_ui = leaks(texts, secrets_of + last_traces)
        residual_objects = leaks(held, last_traces)
        accepted = len(station.intake.store.list_records(limit=10_000))
        kiosk.shutdown()
        station.close()
        sims.stop()
    print(f"sessions: {args.sessions} in {elapsed:.0f} s ({accepted} applications submitted)")
    print(f"RSS after {warmup} warm-up sessions: {rss0:.1f} MB; after the last: {rss1:.1f} MB; "
          f"growth {rss1 - rss0:+.1f} MB (goal < 10 MB); {rss_settled:.1f} MB half a second "
          f"later")
    if len(samples) >= 3:
        half = len(samples) // 2
        print(f"RSS per 100 sessions: {', '.join(f'{x:.0f}' for x in samples)} MB; second half "
              f"minus first half: {max(samples[half:]) - max(samples[:half]):+.1f} MB (peaks)")
    print(f"residual personal data after the last reset: {len(residual_ui)} in widgets, models, "
          f"clipboard and temp files; {len(residual_objects)} strings reachable from the kiosk "
          f"(goal none)")
    for text in (residual_ui + residual_objects)[:10]:
        print(f"  residual: {text!r}")
    return 0 if not residual_ui and not residual_objects else 1


if __name__ == "__main__":
    sys.exit(main())
