"""``yiwang sync``: the delivery engine as its own process.

Builds the Store and PlatformClient from the station's data directory
(``config.toml`` + ``keys/credentials.json``, see :mod:`sync.config`), runs
the engine once or until SIGTERM/SIGINT, and purges page images of delivered
submissions older than ``sync.retention_days``.

Exit codes (:mod:`sync.exit_codes`, the one table): with ``--once`` 0 the queue
is empty; 1 submissions remain (offline, backing off, interrupted); 2
configuration missing/invalid or no data directory; 3 not enrolled or
credentials refused; 4 local storage problem; 5 the database is damaged (kept
aside; run ``yiwang recover``). Without ``--once``: 0 after a clean
SIGTERM/SIGINT, else as above for start-up failures. Every failure is one line
on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from io import TextIOWrapper
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from sync.catalog_sync import CatalogSync
from sync.client import PlatformClient, StationCredentials
from sync.config import (
    ConfigError,
    CredentialsRefused,
    DataDirMissing,
    StationConfig,
    config_path,
    load_config,
    load_credentials,
)
from sync.crypto import StorageError
from sync.engine import SyncEngine, SyncEvent
from sync.engine.progress_text import TerminalProgress
from sync.engine.retention import ABANDONED_PAGES_AFTER, PURGE_EVERY, RetentionPurger
from sync.exit_codes import ExitCode, Words, exit_code_for, one_line
from sync.private_files import open_private_log, private_by_default, private_own_dir
from sync.sdnotify import Watchdog, notify
from sync.store import Store, data_dir_missing, require_usable_dir

if TYPE_CHECKING:
    import requests

__all__ = [
    "ABANDONED_PAGES_AFTER",
    "EXIT_AUTH",
    "EXIT_CONFIG",
    "EXIT_DAMAGED",
    "EXIT_OK",
    "EXIT_PENDING",
    "EXIT_STORAGE",
    "PURGE_EVERY",
    "RetentionPurger",
    "build_engine",
    "main",
    "run_sync_process",
]

log = logging.getLogger(__name__)

EXIT_OK = ExitCode.OK
EXIT_PENDING = ExitCode.PENDING
EXIT_CONFIG = ExitCode.CONFIG
EXIT_AUTH = ExitCode.AUTH
EXIT_STORAGE = ExitCode.STORAGE
EXIT_DAMAGED = ExitCode.DAMAGED


class _PrivateRotatingLog(logging.handlers.RotatingFileHandler):
    """Each generation opened by sync.private_files.open_private_log."""

    def _open(self) -> TextIOWrapper:
        # the file object owns the descriptor from here (it closes it if it fails)
        return open(open_private_log(self.baseFilename), "a", encoding=self.encoding,
                    errors=self.errors)


def _setup_logging(data_dir: Path) -> logging.Handler | None:
    """Log to ``data_dir/logs/sync.log`` (rotated) unless the host app configured logging."""
    root = logging.getLogger()
    if root.handlers or not config_path(data_dir).is_file():
        # not a station (a mistyped --data-dir): nothing is made or chmod-ed in it; the
        # missing configuration is said on stderr
        return None
    logging.raiseExceptions = False  # a full disk is reported in one line, not by logging
    try:
        logs = private_own_dir(data_dir / "logs")
        # the station's own rotating file: 0600, and a link planted in the log's place
        # is refused, not followed (logging.handlers' would append to, and this chmod,
        # whatever it points at, as whoever runs `python -m sync.runner`)
        handler = _PrivateRotatingLog(logs / "sync.log", maxBytes=2_000_000, backupCount=5,
                                      encoding="utf-8")
    except OSError as e:
        # the sync goes on without its log file; a read-only or full disk is also
        # reported by the store, in one line
        _say(f"sync: no log file: {e.strerror or e} ({e.filename or data_dir / 'logs'})")
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_engine(
    store: Store,
    config: StationConfig,
    credentials: StationCredentials,
    *,
    on_event: Callable[[SyncEvent], None] | None = None,
    session: requests.Session | None = None,
    on_receipt_high: Callable[[str], object] | None = None,
) -> SyncEngine:
    """The engine as configured for a station, with the retention purge when idle;
    the `yiwang sync` process and a UI running sync in-process both use it.
    Every new receipt high-water mark the platform sends (P2) goes to
    ``on_receipt_high``, by default the store's record outside the database."""
    client = PlatformClient(
        config.platform_url, credentials, session=session, verify=config.ca_bundle or True,
        on_receipt_high=on_receipt_high or store.note_receipt_high,
    )
    purger = RetentionPurger(store, config.retention_days, clock=client.now)
    return SyncEngine(
        store,
        client,
        on_event=on_event,
        catalog=CatalogSync(store, client),
        catalog_interval=config.catalog_minutes * 60.0,
        heartbeat_interval=config.heartbeat_seconds,
        probe_interval=config.probe_seconds,
        on_idle=purger.maybe,
    )


def _install_signals(on_signal: Callable[[], None]) -> Callable[[], None]:
    """Route SIGTERM/SIGINT to ``on_signal``; returns a function restoring the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous: dict[int, Any] = {}

    def handler(signum: int, _frame: FrameType | None) -> None:
        log.info("received signal %d; stopping after the current request", signum)
        on_signal()

    for sig in (signal.SIGTERM, signal.SIGINT):
        previous[sig] = signal.signal(sig, handler)

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


def run_sync_process(
    data_dir: Path,
    once: bool,
    *,
    interval: float | None = None,
    session: requests.Session | None = None,
    words: Words | None = None,
) -> int:
    """Run the delivery engine for the station in ``data_dir``; returns an exit code.
    `words` words a failure's code for people (the command line passes its own)."""
    data_dir = Path(data_dir)
    handler = _setup_logging(data_dir)
    try:
        return _run(data_dir, once, interval, session, words)
    finally:
        if handler is not None:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _fail(error: BaseException, words: Words | None) -> int:
    code = exit_code_for(error)
    if code is None:
        raise error
    _say(one_line("sync", error, words))
    return int(code)


def _run(
    data_dir: Path,
    once: bool,
    interval: float | None,
    session: requests.Session | None,
    words: Words | None,
) -> int:
    if data_dir_missing(data_dir):
        return _fail(DataDirMissing(data_dir), words)
    try:
        require_usable_dir(data_dir)
        config = load_config(data_dir)
        credentials = load_credentials(data_dir)
        store = Store(data_dir)
    except (ConfigError, StorageError, OSError) as e:
        return _fail(e, words)
    for warning in store.open_warnings:
        _say(f"sync: warning: {warning}")
    stop = threading.Event()
    progress = TerminalProgress(sys.stderr)
    try:
        engine = build_engine(store, config, credentials, session=session, on_event=progress)

        def on_signal() -> None:
            stop.set()
            engine.wake()

        restore = _install_signals(on_signal)
        try:
            if once:
                report = engine.run_once(stop=stop)
                if report.auth_failed:
                    return _fail(CredentialsRefused(), words)
                if report.remaining:
                    why = "offline" if report.online is False else "waiting to retry"
                    if stop.is_set():
                        why = "interrupted"
                    _say(
                        f"sync: {report.remaining} submission(s) not yet delivered ({why}); "
                        f"delivered {report.delivered}, quarantined {report.failed} this run"
                    )
                    return EXIT_PENDING
                _say(
                    f"sync: queue empty; delivered {report.delivered}, "
                    f"quarantined {report.failed}, status updates {report.status_updates}"
                )
                return EXIT_OK
            log.info("sync process running for station %s", config.station_code)
            notify(f"READY=1\nSTATUS=delivering for station {config.station_code}")
            # alive = the store still answers (a hung disk or wedged lock stops the pings)
            watchdog = Watchdog(lambda: store.queue_depth() >= 0).start()
            try:
                engine.run_forever(stop, interval=interval or config.sync_interval)
            finally:
                watchdog.stop()
                notify("STOPPING=1")
            log.info("sync process stopped cleanly")
            return EXIT_OK
        finally:
            restore()
    except (StorageError, OSError) as e:
        log.error("storage failure: %s", e, exc_info=True)
        return _fail(e, words)
    finally:
        progress.close()
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    private_by_default()  # the logs and the store it creates: sync.private_files
    parser = argparse.ArgumentParser(
        prog="yiwang sync", description="Deliver accepted submissions to the platform."
    )
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--once", action="store_true", help="one pass, then exit (0 = queue empty)")
    parser.add_argument("--interval", type=float, default=None, help="poll interval, seconds")
    args = parser.parse_args(argv)
    return run_sync_process(args.data_dir, args.once, interval=args.interval)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
