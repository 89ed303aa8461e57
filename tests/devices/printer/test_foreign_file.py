"""A `file:` printer never overwrites somebody's file (review, wt5: `yiwang devices
test-print --printer file:/etc/passwd` run as root replaced the file with receipt
bytes). A new file, an empty one and one holding earlier printer output are printed
to; any other regular file is refused and left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.printer.diagnostics import sample_receipt
from devices.printer.errors import PrinterError
from devices.printer.escpos_output import ReceiptPrinter, holds_other_data
from tests.helpers.cli_in_process import run_cli

FOREIGN = b"root:x:0:0:root:/root:/bin/bash\n"


def test_a_file_holding_other_data_is_refused_and_kept(tmp_path: Path) -> None:
    victim = tmp_path / "passwd"
    victim.write_bytes(FOREIGN)
    with pytest.raises(PrinterError) as caught:
        ReceiptPrinter(f"file:{victim}").print_receipt(sample_receipt())
    assert caught.value.code == "bad_target" and "refusing to overwrite" in str(caught.value)
    assert victim.read_bytes() == FOREIGN


@pytest.mark.parametrize("before", [None, b"", b"\x1b@earlier receipt\n"])
def test_new_empty_and_earlier_print_files_are_printed_to(
    tmp_path: Path, before: bytes | None
) -> None:
    out = tmp_path / "receipts.escpos"
    if before is not None:
        out.write_bytes(before)
    ReceiptPrinter(f"file:{out}").print_receipt(sample_receipt())
    assert out.read_bytes().startswith(b"\x1b@") and not holds_other_data(str(out))


def test_test_print_on_a_foreign_file_fails_and_leaves_it(tmp_path: Path) -> None:
    victim = tmp_path / "precious.conf"
    victim.write_bytes(FOREIGN)
    result = run_cli("devices", "test-print", "--printer", f"file:{victim}")
    assert result.returncode != 0, result
    assert victim.read_bytes() == FOREIGN
