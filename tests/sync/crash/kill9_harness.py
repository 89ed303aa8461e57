"""The kill -9 harness: a delaying loopback proxy, a station driven by `sync.runner --once`
subprocesses killed at counted HTTP exchanges, and the invariants checked after each
kill. What it proves and how is told in test_kill9_trials.py."""

from __future__ import annotations

import collections
import contextlib
import os
import random
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from intake.applicant import Person
from intake.submission import CapturedMaterial, Channel
from sync.client import PlatformClient
from sync.config import load_config, load_credentials
from sync.store import Store, SyncState, UnknownSubmission
from tests.helpers.threaded_platform import ThreadedPlatform
from tests.sync.crash.traced_runner import EVENT_FD_ENV

ROOT = Path(__file__).resolve().parents[3]

#: kills of one default trial (one seed); a second seed of the same trial runs with the
#: soaks (test_kill9_second_seed.py, marked slow); each file's platform is its own
CI_KILLS = 4
SLOW_KILLS = 300
SUBMISSIONS_PER_ROUND = 4
KILLS_PER_ROUND = 8
#: each platform answer is held back this long by the proxy (seconds)
PROXY_DELAY = 0.03
RUN_TIMEOUT = 120.0
#: a trial fails (with its tally) rather than run longer than this per kill (seconds)
WALL_LIMIT_PER_KILL = 30.0

PHASES = ("before_claim", "upload", "before_put", "after_put", "all_delivered")


# --- a loopback proxy that delays the platform's answers --------------------------------


class DelayProxy:
    """TCP proxy 127.0.0.1:port -> upstream; each server->client read is delayed."""

    def __init__(self, upstream: tuple[str, int], delay: float) -> None:
        self.upstream = upstream
        self.delay = delay
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port: int = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            for src, dst, delay in ((client, server, 0.0), (server, client, self.delay)):
                threading.Thread(target=self._pump, args=(src, dst, delay), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket, delay: float) -> None:
        try:
            while True:
                data = src.recv(256 * 1024)
                if not data:
                    break
                if delay:
                    time.sleep(delay)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    s.close()

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self.listener.close()


# --- the harness ---------------------------------------------------------------------


@dataclass
class Tally:
    kills: int = 0
    natural_exits: int = 0
    rounds: int = 0
    submissions: int = 0
    phases: collections.Counter[str] = field(default_factory=collections.Counter)
    duplicates: int = 0
    losses: int = 0
    integrity_failures: int = 0
    partial_blob_kills: int = 0

    def summary(self) -> str:
        per_phase = ", ".join(f"{p}={self.phases.get(p, 0)}" for p in PHASES)
        return (
            f"kills={self.kills} (phases: {per_phase}; mid-blob={self.partial_blob_kills}) "
            f"natural_exits={self.natural_exits} rounds={self.rounds} "
            f"submissions={self.submissions} duplicates={self.duplicates} "
            f"losses={self.losses} integrity_failures={self.integrity_failures}"
        )


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        env.pop(var, None)
    env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


class Harness:
    def __init__(
        self,
        data_dir: Path,
        platform: ThreadedPlatform,
        admin: Callable[..., Any],
        applicant: Person,
        rng: random.Random,
    ) -> None:
        self.data_dir = data_dir
        self.platform = platform
        self.admin = admin
        self.applicant = applicant
        self.rng = rng
        self.config = load_config(data_dir)
        session = requests.Session()
        session.trust_env = False
        # Direct (unproxied) client, only to look at upload offsets between runs.
        self.probe = PlatformClient(platform.url, load_credentials(data_dir), session=session)
        self.accepted: list[str] = []
        self.tally = Tally()
        self.events_full = 0
        self.started = time.monotonic()
        self.wall_limit = 0.0

    # -- queue ------------------------------------------------------------------

    def queue(self, m: int) -> list[str]:
        uuids = []
        with Store(self.data_dir) as st:
            for _ in range(m):
                shas = []
                for _p in range(self.rng.randint(1, 3)):
                    big = self.rng.random() < 0.7
                    size = (
                        self.rng.randint(400_000, 700_000)
                        if big
                        else self.rng.randint(20_000, 80_000)
                    )
                    shas.append(st.put_blob(self.rng.randbytes(size)))
                materials = [CapturedMaterial("M01", tuple(shas[:1]))]
                if len(shas) > 1:
                    materials.append(CapturedMaterial("M02", tuple(shas[1:])))
                uid = str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))
                st.accept(
                    uuid=uid,
                    station_code=self.config.station_code,
                    item_code="HJ001",
                    catalog_version="2026.11",
                    applicant=self.applicant,
                    materials=materials,
                    channel=Channel.WINDOW,
                    clerk_id="c01",
                    now=datetime.now(UTC),
                )
                uuids.append(uid)
        self.accepted.extend(uuids)
        self.tally.submissions += m
        return uuids

    # -- process ----------------------------------------------------------------

    def start(self, event_fd: int | None = None) -> subprocess.Popen[bytes]:
        """``--once`` under :mod:`traced_runner` (reports each HTTP exchange on ``event_fd``)."""
        env = _env()
        if event_fd is not None:
            env[EVENT_FD_ENV] = str(event_fd)
        module = "tests.sync.crash.traced_runner" if event_fd is not None else "sync.runner"
        return subprocess.Popen(
            [sys.executable, "-m", module, "--data-dir", str(self.data_dir), "--once"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=() if event_fd is None else (event_fd,),
        )

    def run_to_end(self) -> tuple[int, int, str]:
        """An uninterrupted run: (exit code, HTTP events it reported, stderr)."""
        read_fd, write_fd = os.pipe()
        proc = self.start(write_fd)
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as events:
            # stderr is read on a thread so neither pipe can fill up and stall the child
            err: list[bytes] = []
            reader = threading.Thread(target=lambda: err.append(_read_all(proc)), daemon=True)
            reader.start()
            count = sum(1 for line in events if line.startswith((b"send ", b"done ")))
        proc.wait(timeout=RUN_TIMEOUT)
        reader.join(timeout=RUN_TIMEOUT)
        return proc.returncode, count, b"".join(err).decode("utf-8", "replace")

    def run_and_kill(self, at_event: int, jitter: float, only: bytes = b"") -> int | None:
        """Start, SIGKILL ``jitter`` s after the ``at_event``-th HTTP event it reports
        (0: as soon as it is up); with ``only``, counting only the events that start so
        (``b"send PUT"``: the at_event-th manifest sent). None when killed, else its exit
        code (it finished first).

        The kill point is a place in the child's own progress, not a wall-clock delay, so a
        loaded machine slows the run down without moving the kill past its end."""
        read_fd, write_fd = os.pipe()
        proc = self.start(write_fd)
        os.close(write_fd)
        seen = -1  # the "start" line makes it 0
        try:
            with os.fdopen(read_fd, "rb") as events:
                while seen < at_event:
                    ready, _, _ = select.select([events], [], [], RUN_TIMEOUT)
                    if not ready:
                        pytest.fail(f"sync run reported nothing for {RUN_TIMEOUT:.0f} s "
                                    f"(at event {seen} of {at_event}); {self.tally.summary()}")
                    line = events.readline()
                    if not line:
                        break  # it exited before reaching the kill point
                    if seen < 0 or line.startswith(only):
                        seen += 1
                if seen >= at_event:
                    if jitter:
                        # lands the kill inside the exchange (the proxy holds answers back)
                        time.sleep(jitter)
                    os.kill(proc.pid, signal.SIGKILL)
            rc = proc.wait(timeout=RUN_TIMEOUT)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
            assert proc.stderr is not None
            proc.stderr.close()
        return None if rc == -signal.SIGKILL else rc

    def calibrate(self) -> None:
        """One uninterrupted delivery of a round's worth: how many HTTP events it takes
        (a count, so machine load cannot skew it). Every run polls the same periodic
        exchanges (status, clerks, catalog, heartbeat), so the first one counts as any."""
        self.queue(SUBMISSIONS_PER_ROUND)
        rc, self.events_full, err = self.run_to_end()
        assert rc == 0, err
        assert self.events_full > 0, "the traced runner reported no HTTP exchange"
        self.check(final=True)

    def draw_kill_point(self, kill: int) -> tuple[int, float, bytes]:
        """Every other kill anywhere from start-up to the end of an uninterrupted delivery
        of a round; the others just after one of the round's manifests (PUT) left, while
        the platform acts on it or its answer is held by the proxy: the narrow window of
        the kinds "before_put" and "after_put", which a draw over the whole delivery
        (mostly uploads) seldom hits in a few kills."""
        if kill % 2 == 0:
            at = self.rng.randint(0, self.events_full)
            return at, self.rng.uniform(0.0, 2 * PROXY_DELAY), b""
        at = self.rng.randint(1, SUBMISSIONS_PER_ROUND)
        return at, self.rng.uniform(0.0, 1.5 * PROXY_DELAY), b"send PUT"

    # -- inspection ---------------------------------------------------------------

    def platform_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self.admin("GET", "/v1/admin/submissions")
        return rows

    def check(self, *, final: bool = False) -> str:
        """Assert the invariants; returns the phase the (dead) process was in."""
        rows = self.platform_rows()
        by_uuid: dict[str, dict[str, Any]] = {}
        dup = [
            k
            for key in ("uuid", "receipt_no", "case_no")
            for k, n in collections.Counter(r[key] for r in rows).items()
            if n > 1
        ]
        if dup:
            self.tally.duplicates += len(dup)
        assert not dup, f"duplicated on the platform: {dup}"
        for r in rows:
            by_uuid[r["uuid"]] = r

        st = Store(self.data_dir, recover=False)
        try:
            ok = st.integrity_check()
            if ok != "ok":
                self.tally.integrity_failures += 1
            assert ok == "ok", ok
            records = {}
            for uid in self.accepted:
                try:
                    records[uid] = st.get(uid)
                except UnknownSubmission:
                    self.tally.losses += 1
                    raise
            sending = []
            for uid, rec in records.items():
                assert rec.sync_state in (
                    SyncState.QUEUED,
                    SyncState.SENDING,
                    SyncState.RETRY,
                    SyncState.DELIVERED,
                ), f"{uid} is {rec.sync_state}: {rec.last_error}"
                assert st.has_blob(rec.submission.blob_hashes[0])
                if rec.sync_state is SyncState.DELIVERED:
                    on_platform = by_uuid.get(uid)
                    if on_platform is None:
                        self.tally.losses += 1
                    assert on_platform is not None, f"{uid} delivered locally, not on platform"
                    assert rec.case_no == on_platform["case_no"], (rec.case_no, on_platform)
                    assert rec.receipt_no == on_platform["receipt_no"]
                elif rec.sync_state is SyncState.SENDING:
                    sending.append(rec)
                if final:
                    assert rec.sync_state is SyncState.DELIVERED, (uid, rec.sync_state)
                    on_platform = by_uuid[uid]
                    assert all(b["present"] and b["verified"] for b in on_platform["blobs"]), (
                        on_platform
                    )
                    assert {b["sha256"] for b in on_platform["blobs"]} == set(
                        rec.submission.blob_hashes
                    )
            assert len(sending) <= 1, [r.uuid for r in sending]
            if final:
                return "final"
            if not sending:
                if all(r.sync_state is SyncState.DELIVERED for r in records.values()):
                    return "all_delivered"
                return "before_claim"
            rec = sending[0]
            if rec.uuid in by_uuid:
                return "after_put"
            states = [self.probe.blob_state(s) for s in rec.submission.blob_hashes]
            if any(s.offset > 0 and not s.complete for s in states):
                self.tally.partial_blob_kills += 1
            if all(s.complete for s in states):
                return "before_put"
            return "upload"
        finally:
            st.close()

    # -- trials -------------------------------------------------------------------

    def enforce_bounds(self, total_kills: int) -> None:
        """Fail, saying why, rather than loop without end when the kills stop landing."""
        runs = self.tally.kills + self.tally.natural_exits
        if runs >= max_runs(total_kills):
            pytest.fail(f"kill -9 trials: {runs} runs without reaching {total_kills} kills "
                        f"(bound {max_runs(total_kills)} runs): {self.tally.summary()}")
        elapsed = time.monotonic() - self.started
        if elapsed > self.wall_limit:
            pytest.fail(f"kill -9 trials: {elapsed:.0f} s without reaching {total_kills} kills "
                        f"(bound {self.wall_limit:.0f} s): {self.tally.summary()}")

    def round(self, max_kills: int, total_kills: int) -> None:
        self.queue(SUBMISSIONS_PER_ROUND)
        self.tally.rounds += 1
        kills = 0
        while kills < max_kills:
            self.enforce_bounds(total_kills)
            rc = self.run_and_kill(*self.draw_kill_point(self.tally.kills))
            if rc is not None:
                self.tally.natural_exits += 1
                assert rc in (0, 1), rc
                self.check(final=rc == 0)
                if rc == 0:
                    return
                continue
            kills += 1
            self.tally.kills += 1
            self.tally.phases[self.check()] += 1
        rc, _, err = self.run_to_end()
        assert rc == 0, f"final uninterrupted --once exited {rc}: {err}"
        self.check(final=True)

    def trials(self, total_kills: int) -> Tally:
        self.started = time.monotonic()
        self.wall_limit = float(
            os.environ.get("KILL9_WALL_LIMIT", 60 + WALL_LIMIT_PER_KILL * total_kills)
        )
        self.calibrate()
        while self.tally.kills < total_kills:
            self.round(min(KILLS_PER_ROUND, total_kills - self.tally.kills), total_kills)
        # Everything accepted over all rounds: delivered exactly once.
        self.check(final=True)
        assert len(self.platform_rows()) == len(self.accepted)
        return self.tally


def max_runs(total_kills: int) -> int:
    """At most this many sync runs for ``total_kills`` kills. A kill point is drawn over a
    whole round's delivery, so about half the runs of a round end in a kill; four runs
    per kill leaves a wide margin and still ends a run-away trial quickly."""
    return 4 * total_kills + 8


def _read_all(proc: subprocess.Popen[bytes]) -> bytes:
    assert proc.stderr is not None
    return proc.stderr.read()


def run_trials(harness_for: Callable[[int], Harness], default_kills: int, seed: int) -> Tally:
    """``default_kills`` kills (env ``KILL9_TRIALS`` overrides) on a fresh station seeded
    ``seed`` (env ``KILL9_SEED`` overrides); nothing lost, duplicated or corrupted."""
    kills = int(os.environ.get("KILL9_TRIALS", default_kills))
    seed = int(os.environ.get("KILL9_SEED", seed))
    h = harness_for(seed)
    t0 = time.monotonic()
    tally = h.trials(kills)
    wall = time.monotonic() - t0
    line = (
        f"kill-9 trials seed={seed}: {tally.summary()} "
        f"events_full={h.events_full} wall={wall:.1f}s"
    )
    print(line)
    sys.stderr.write(line + "\n")
    assert tally.kills >= kills
    assert (tally.duplicates, tally.losses, tally.integrity_failures) == (0, 0, 0)
    return tally
