from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.printer.errors import PrinterError
from devices.printer.escpos_decode import decode_escpos
from devices.printer.escpos_output import PrinterStatus, ReceiptPrinter, parse_status
from devices.printer.receipt import Receipt
from ui_shared.error_text import code_text, error_text

# Real DLE EOT answers (fixed bits 0x12): n=1 printer, 2 offline cause, 3 error, 4 paper.
READY = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}
PAPER_OUT = {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x72}
NEAR_END = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E}
COVER_OPEN = {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12}


def test_parse_status_bits() -> None:
    assert parse_status(READY).ready
    st = parse_status(PAPER_OUT)
    assert st.known and st.paper_out and st.online is False
    assert code_text(f"printer.{st.code}") == "打印机缺纸"
    assert parse_status(NEAR_END).paper_near_end and parse_status(NEAR_END).ready
    assert code_text(f"printer.{parse_status(NEAR_END).code}") == "打印纸即将用完"
    assert parse_status(COVER_OPEN).cover_open
    assert code_text(f"printer.{parse_status(COVER_OPEN).code}") == "打印机盖未关好"
    assert parse_status({1: 0x41}) is PrinterStatus.unknown  # not a status byte
    assert code_text(f"printer.{PrinterStatus.unknown.code}") == "打印机状态未知"


def test_serial_status_paper_out(fake_serial_printer: Any) -> None:
    fake_serial_printer.answers.update(PAPER_OUT)
    st = ReceiptPrinter(f"serial:{fake_serial_printer.path}?baudrate=9600").status()
    assert fake_serial_printer.queries == [1, 2, 3, 4]
    assert st.known and st.paper_out and not st.ready
    assert st.raw == bytes([0x1A, 0x32, 0x12, 0x72])


def test_serial_print_refused_when_paper_out(fake_serial_printer: Any, receipt: Receipt) -> None:
    fake_serial_printer.answers.update(PAPER_OUT)
    with pytest.raises(PrinterError) as exc:
        ReceiptPrinter(f"serial:{fake_serial_printer.path}").print_receipt(receipt)
    assert exc.value.code == "paper_out" and error_text(exc.value) == "打印机缺纸"
    time.sleep(0.1)
    assert b"\x1b@" not in fake_serial_printer.received


def test_serial_print_when_ready(fake_serial_printer: Any, receipt: Receipt) -> None:
    fake_serial_printer.answers.update(READY)
    sent = ReceiptPrinter(f"serial:{fake_serial_printer.path}", paper_mm=58).print_receipt(receipt)
    deadline = time.monotonic() + 5
    while len(fake_serial_printer.received) < len(sent) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert bytes(fake_serial_printer.received) == sent
    assert "受理回执" in decode_escpos(sent).chinese_text


def test_serial_silent_printer_is_unknown(fake_serial_printer: Any) -> None:
    st = ReceiptPrinter(f"serial:{fake_serial_printer.path}", status_timeout=0.1).status()
    assert st is PrinterStatus.unknown
    assert fake_serial_printer.queries == [1]


def test_file_target_status_is_unknown(tmp_path: Path) -> None:
    assert ReceiptPrinter(f"file:{tmp_path / 'lp0'}").status() is PrinterStatus.unknown


def test_serial_missing_device() -> None:
    with pytest.raises(PrinterError) as exc:
        ReceiptPrinter("serial:/dev/ttyDOESNOTEXIST").status()
    assert error_text(exc.value) == "打印机未连接"


@pytest.fixture
def tcp_printer() -> Iterator[Callable[[dict[int, int]], tuple[int, bytearray]]]:
    """Start a one-connection-at-a-time fake network printer on localhost."""
    servers: list[socket.socket] = []

    def start(answers: dict[int, int]) -> tuple[int, bytearray]:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.bind(("127.0.0.1", 0))
        srv.listen(4)
        servers.append(srv)
        received = bytearray()

        def serve() -> None:
            while True:
                try:
                    conn, _ = srv.accept()
                except OSError:
                    return
                with conn:
                    buf = b""
                    while chunk := conn.recv(4096):
                        buf += chunk
                        while (k := buf.find(b"\x10\x04")) >= 0 and k + 2 < len(buf):
                            received.extend(buf[:k])
                            n = buf[k + 2]
                            buf = buf[k + 3 :]
                            if n in answers:
                                conn.sendall(bytes([answers[n]]))
                    received.extend(buf)

        threading.Thread(target=serve, daemon=True).start()
        return srv.getsockname()[1], received

    yield start
    for srv in servers:
        srv.close()


def test_tcp_status_and_print(
    tcp_printer: Callable[[dict[int, int]], tuple[int, bytearray]], receipt: Receipt
) -> None:
    port, _ = tcp_printer(COVER_OPEN)
    st = ReceiptPrinter(f"tcp:127.0.0.1:{port}").status()
    assert st.cover_open and not st.ready
    with pytest.raises(PrinterError) as exc:
        ReceiptPrinter(f"tcp:127.0.0.1:{port}").print_receipt(receipt)
    assert error_text(exc.value) == "打印机盖未关好"

    port, received = tcp_printer({})  # a printer without a back channel
    p = ReceiptPrinter(f"tcp:127.0.0.1:{port}", status_timeout=0.1)
    assert p.status() is PrinterStatus.unknown
    sent = p.print_receipt(receipt)
    deadline = time.monotonic() + 5
    while len(received) < len(sent) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert bytes(received) == sent
