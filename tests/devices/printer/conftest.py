"""Fixtures for the receipt printer tests: sample receipts and a fake serial printer."""

from __future__ import annotations

import os
import pty
import select
import threading
import tty
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from devices.printer.receipt import Receipt


def _make_receipt(**overrides: object) -> Receipt:
    fields: dict[str, object] = {
        "title": "受理回执",
        "station_name": "青山镇便民服务中心",
        "receipt_no": "S001-20261125-0007",
        "item_name": "城乡居民基本养老保险参保登记（含补缴申请）",
        "applicant_label": "王*",
        "id_label": "1101**********123X",
        "materials": [("居民身份证复印件", 1), ("户口簿首页及本人页复印件", 2)],
        "accepted_at": datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
        "time_limit_days": 5,
        "qr_payload": "YW:S001-20261125-0007",
        "notes": ["请妥善保管本回执，凭回执查询办理进度。"],
    }
    fields.update(overrides)
    return Receipt(**fields)  # type: ignore[arg-type]


MakeReceipt = Callable[..., Receipt]


@pytest.fixture
def make_receipt() -> MakeReceipt:
    """Factory: a sample receipt with any field overridden."""
    return _make_receipt


@pytest.fixture
def receipt() -> Receipt:
    return _make_receipt()


@dataclass
class FakeSerialPrinter:
    """A printer on the master side of a pty: answers DLE EOT n with `answers[n]`
    (no answer when n is missing) and records everything else it receives."""

    path: str
    answers: dict[int, int] = field(default_factory=dict)
    received: bytearray = field(default_factory=bytearray)
    queries: list[int] = field(default_factory=list)


@pytest.fixture
def fake_serial_printer() -> Iterator[FakeSerialPrinter]:
    master, slave = pty.openpty()
    tty.setraw(slave)
    fake = FakeSerialPrinter(path=os.ttyname(slave))
    stop = threading.Event()

    def serve() -> None:
        pending = b""
        while not stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            pending += chunk
            while True:
                k = pending.find(b"\x10\x04")
                if k < 0 or k + 2 >= len(pending):
                    break
                fake.received += pending[:k]
                n = pending[k + 2]
                fake.queries.append(n)
                pending = pending[k + 3 :]
                if n in fake.answers:
                    os.write(master, bytes([fake.answers[n]]))
            keep = 2 if pending.endswith(b"\x10\x04") else 1 if pending.endswith(b"\x10") else 0
            fake.received += pending[: len(pending) - keep]
            pending = pending[len(pending) - keep :]

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        stop.set()
        thread.join(2)
        os.close(master)
        os.close(slave)
