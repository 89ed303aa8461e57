"""The terminal's progress line (`yiwang sync`): figures, a terminal vs a pipe."""

from __future__ import annotations

import io

from sync.engine.events import EventKind, SyncEvent
from sync.engine.progress_text import TerminalProgress, human_bytes, progress_text


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _progress(done: int, total: int, held: int, size: int = 3_000_000) -> SyncEvent:
    return SyncEvent(EventKind.PROGRESS, uuid="u", done=done, total=total, bytes_done=held,
                     bytes_total=size, code="uploading", params={"receipt_no": "S1-20261203-0001"})


def test_items_count_from_one() -> None:
    assert _progress(0, 3, 0).item == 1
    assert _progress(2, 3, 10).item == 3
    delivered = SyncEvent(EventKind.DELIVERED, done=3, total=3, bytes_done=5, bytes_total=5,
                          params={"receipt_no": "S1-20261203-0003", "case_no": "SW1"})
    assert delivered.item == 3
    assert progress_text(delivered) == (
        "sync: delivered 3 of 3 (S1-20261203-0003): 5 B of 5 B on the platform, case SW1")
    assert progress_text(SyncEvent(EventKind.IDLE)) is None
    assert [human_bytes(n) for n in (1023, 1024, 3 * 1024 * 1024)] == [
        "1023 B", "1.0 KiB", "3.0 MiB"]


def test_a_pipe_gets_a_line_per_item_and_at_most_one_every_few_seconds() -> None:
    now = [0.0]
    out = io.StringIO()
    show = TerminalProgress(out, every=5.0, monotonic=lambda: now[0])
    show(_progress(0, 2, 0))
    show(_progress(0, 2, 262_144))  # same item, 0 s later: not written
    now[0] = 6.0
    show(_progress(0, 2, 524_288))  # 6 s later: written
    show(SyncEvent(EventKind.RETRY, done=0, total=2))
    show(_progress(0, 2, 786_432))  # after the cut: the resumed figure is news
    show(_progress(1, 2, 0))
    lines = out.getvalue().splitlines()
    assert [line.split(": ", 2)[-1] for line in lines] == [
        "0 B of 2.9 MiB on the platform", "512.0 KiB of 2.9 MiB on the platform",
        "item 1 of 2 interrupted; will resume",
        "768.0 KiB of 2.9 MiB on the platform", "0 B of 2.9 MiB on the platform"]
    assert lines[-1].startswith("sync: sending 2 of 2")


def test_a_terminal_line_is_rewritten_in_place() -> None:
    tty = Tty()
    show = TerminalProgress(tty)
    show(_progress(0, 1, 0))
    show(_progress(0, 1, 1024))
    show.close()
    text = tty.getvalue()
    assert text.count("\r\x1b[K") == 2 and text.endswith("on the platform\n")
