"""A printer target that is a FIFO nobody reads: a writing open() would block for ever
(`yiwang devices test-print` hung until killed). The job fails as not connected, and
doctor's target check says so, instead of "OK"."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from devices.printer.escpos_output import refuse_fifo_without_reader
from station.printer_target_check import _check_node


def test_a_fifo_without_reader_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "printer"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as refused:
        refuse_fifo_without_reader(str(fifo))
    assert refused.value.errno == errno.ENXIO
    verdict = _check_node(fifo)
    assert not verdict.ok and "not connected" in verdict.detail_en


def test_a_fifo_with_a_reader_and_a_plain_file_pass(tmp_path: Path) -> None:
    fifo = tmp_path / "printer"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        refuse_fifo_without_reader(str(fifo))
        assert _check_node(fifo).ok
    finally:
        os.close(reader)
    plain = tmp_path / "receipts.escpos"
    refuse_fifo_without_reader(str(plain))  # not a FIFO (not even there): left to open()
