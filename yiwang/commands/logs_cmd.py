"""`yiwang logs`: the station's log lines in time order; --follow keeps printing.

A log line may quote outside text (a platform's error words, a file name); what reaches
the terminal is shown as plain text (``intake.display_text``: controls as [ESC] and the
like, bidi and invisible characters removed), so a line already written by an older
version cannot retitle, clear or recolour the technician's terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

from intake.display_text import display_text
from sync.exit_codes import ExitCode
from yiwang import logs


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("logs", help="show the station's logs (every process, in time order)")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--lines", type=int, default=200, help="how many of the last lines (0 = all)")
    p.add_argument("--follow", "-f", action="store_true", help="keep printing new lines")
    p.set_defaults(func=_run, no_log_file=True)


def _run(args: argparse.Namespace) -> int:
    data_dir: Path = args.data_dir
    if not data_dir.is_dir():
        print(f"no station data directory at {data_dir}", file=sys.stderr)
        return int(ExitCode.CONFIG)
    # where following starts is fixed before the first read: a line written meanwhile
    # may show twice, never not at all
    start = snapshot(data_dir)
    lines = list(logs.read_lines(data_dir))
    if args.lines > 0:
        lines = lines[-args.lines :]
    for line in lines:
        print(terminal_line(line))
    sys.stdout.flush()
    if args.follow:
        follow(data_dir, threading.Event(), start=start)
    return int(ExitCode.OK)


#: Longest line printed (a longer one ends in "…"; the file keeps it whole).
LINE_LIMIT = 8000


def terminal_line(line: str) -> str:
    """One log line as it may reach a terminal."""
    return display_text(line, limit=LINE_LIMIT)


def snapshot(data_dir: Path) -> dict[Path, tuple[int, int]]:
    """(inode, size) of every current log file."""
    positions: dict[Path, tuple[int, int]] = {}
    for path in _current_files(data_dir):
        st = path.stat()
        positions[path] = (st.st_ino, st.st_size)
    return positions


def follow(
    data_dir: Path,
    stop: threading.Event,
    poll: float = 0.5,
    start: dict[Path, tuple[int, int]] | None = None,
) -> None:
    """Print lines appended to any current log file after ``start`` until ``stop`` is
    set; a file that was rotated (new inode or shorter) is read again from its start."""
    positions = dict(start) if start is not None else snapshot(data_dir)
    while not stop.is_set():
        for path in _current_files(data_dir):
            try:
                st = path.stat()
            except FileNotFoundError:
                continue
            inode, offset = positions.get(path, (st.st_ino, 0))
            if inode != st.st_ino or st.st_size < offset:
                offset = 0
            if st.st_size > offset:
                with open(path, "rb") as f:
                    f.seek(offset)
                    chunk = f.read(st.st_size - offset)
                complete = chunk.rfind(b"\n") + 1  # a half-written line waits for its end
                text = chunk[:complete].decode("utf-8", errors="replace")
                sys.stdout.write("".join(terminal_line(line) + "\n"
                                         for line in text.split("\n")[:-1]))
                sys.stdout.flush()
                offset += complete
            positions[path] = (st.st_ino, offset)
        stop.wait(poll)


def _current_files(data_dir: Path) -> list[Path]:
    log_dir = data_dir / logs.LOG_DIRNAME
    if not log_dir.is_dir():
        return []
    return sorted(p for p in log_dir.glob("*.log") if os.path.isfile(p))
