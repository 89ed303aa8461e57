"""The printer's output in the data directory (file:printer/receipts.escpos, the
simulated printer's) is the service user's only, whatever the umask: the papers name
the applicant (masked). sync.private_files sets the umask at every entry point; an
embedding or a test with another umask must get the same (clerk review s12)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.printer.escpos_output import ReceiptPrinter
from devices.printer.receipt import Receipt


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_printer_folder_and_output_are_private(tmp_path: Path, receipt: Receipt) -> None:
    folder = tmp_path / "data" / "printer"
    out = folder / "receipts.escpos"
    printer = ReceiptPrinter(f"file:{out}", make_folder=str(folder))
    sent = printer.print_receipt(receipt)
    assert out.read_bytes() == sent
    assert _mode(folder) == 0o700 and _mode(out) == 0o600
    # a station made before: its open folder and file are made private at the next print
    folder.chmod(0o755)
    out.chmod(0o644)
    printer.print_receipt(receipt)
    assert _mode(folder) == 0o700 and _mode(out) == 0o600
