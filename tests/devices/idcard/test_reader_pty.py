"""The production driver against the simulator on a real pty, through pyserial."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

import pytest
import serial

from devices.idcard.card import CardType, IdCardData
from devices.idcard.errors import CardDataError, DeviceError, ReaderStatusError
from devices.idcard.frames import FrameError
from devices.idcard.reader import IdCardReader, detect_port
from devices.idcard.simulator import (
    IdCardSimulator,
    SimulatorFaults,
    foreign_sample_cards,
    sample_cards,
)
from ui_shared.error_text import error_text


def test_sam_commands(reader: IdCardReader) -> None:
    reader.reset()
    reader.sam_status()
    assert reader.sam_id() == "05.01-20240517-0000123456-2712345678"


@pytest.mark.parametrize("index", range(len(sample_cards())))
def test_full_read_of_each_sample_card(
    sim: IdCardSimulator, reader: IdCardReader, index: int
) -> None:
    card = sample_cards()[index]
    sim.place_card(card)
    got = reader.read_card()
    assert got == card
    assert got is not None and got.photo_wlt == card.photo_wlt and len(got.photo_wlt) == 1024


def test_foreign_cards_read_through_the_driver(sim: IdCardSimulator, reader: IdCardReader) -> None:
    for card in foreign_sample_cards():
        sim.place_card(card)
        assert reader.read_card() == card


def test_step_by_step_and_fingerprint(sim: IdCardSimulator, reader: IdCardReader) -> None:
    card = replace(sample_cards()[2], fingerprint=bytes(range(256)) * 4)
    sim.place_card(card)
    assert reader.find_card()
    assert reader.select_card()
    got = reader.read_with_fingerprint()
    assert got.fingerprint == card.fingerprint
    assert got.nation == "维吾尔"


def test_additional_address(sim: IdCardSimulator, reader: IdCardReader) -> None:
    card = sample_cards()[0]
    sim.additional_addresses[card.id_number] = "浙江省衢州市江山市双塔街道中山路8号"
    sim.place_card(card)
    assert reader.read_card() == card
    assert reader.read_additional_address() == "浙江省衢州市江山市双塔街道中山路8号"
    sim.place_card(sample_cards()[1])
    assert reader.read_card() is not None
    assert reader.read_additional_address() is None


def test_no_card_gives_none(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.remove_card()
    assert reader.find_card() is False
    assert reader.select_card() is False
    assert reader.read_card() is None


def test_a_read_card_must_be_presented_again(sim: IdCardSimulator, reader: IdCardReader) -> None:
    assert reader.read_card() == sample_cards()[0]
    assert reader.read_card() is None  # still lying there: find fails like real readers
    assert reader.select_card() is True  # ... but it is present
    sim.place_card()  # lifted and presented again: next configured card
    assert reader.read_card() == sample_cards()[1]


def test_split_frames_and_garbage(sim: IdCardSimulator) -> None:
    sim.faults.chunk_size = 17
    sim.faults.chunk_delay = 0.002
    sim.faults.garbage = b"\x00\xaa\xaa\xaa\x96\x13\xfe"
    card = sample_cards()[1]
    sim.place_card(card)
    assert sim.path is not None
    # the product's 2 s answer timeout: the photo comes in some 80 pieces 2 ms apart,
    # which a loaded machine stretched past the fixture's 0.5 s
    with IdCardReader(sim.path, retries=2) as reader:
        assert reader.read_card() == card


def test_bad_checksum_is_a_clear_error_without_retries(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    sim.faults.bad_checksum = 1
    with (
        IdCardReader(sim.path, timeout=0.5, retries=0) as reader,
        pytest.raises(FrameError) as info,
    ):
        reader.find_card()
    assert info.value.code == "frame_checksum"
    assert error_text(info.value) == "阅读器数据校验错误"


def test_bad_checksum_then_retry_succeeds(sim: IdCardSimulator, reader: IdCardReader) -> None:
    assert reader.find_card()
    assert reader.select_card()
    sim.faults.bad_checksum = 2
    before = len(sim.received)
    assert reader.read_basic() == sample_cards()[0]
    assert sim.received[before:] == [(0x30, 0x01)] * 3


def test_reader_side_checksum_error_is_retried(sim: IdCardSimulator, reader: IdCardReader) -> None:
    # A command corrupted on the way to the reader: it answers SW3 0x10 and we resend.
    assert reader._ser is not None
    reader._ser.write(b"\xaa\xaa\xaa\x96\x69\x00\x03\x20\x01\x00")
    time.sleep(0.05)
    assert reader.sam_id()


def test_slow_device_within_timeout(sim: IdCardSimulator, reader: IdCardReader) -> None:
    # each of the three answers comes late, yet within the fixture's 0.5 s timeout
    sim.faults.delay = 0.1
    assert reader.read_card() == sample_cards()[0]


def test_too_slow_device_times_out(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    sim.faults.delay = 0.3  # later than the timeout: neither attempt gets its answer
    with IdCardReader(sim.path, timeout=0.1, retries=1) as reader:
        started = time.monotonic()
        with pytest.raises(DeviceError) as info:
            reader.find_card()
        assert time.monotonic() - started < 1.0
    assert info.value.code == "timeout"
    assert "无响应" in error_text(info.value)


def test_unplugged_silent_device(sim: IdCardSimulator) -> None:
    # a short per-answer timeout (the fixture's is 0.5 s): silence costs its full length
    # on each of the 1 + retries attempts
    assert sim.path is not None
    with IdCardReader(sim.path, timeout=0.25, retries=2) as reader:
        sim.unplug()
        with pytest.raises(DeviceError) as info:
            reader.read_card()
        assert info.value.code == "timeout"
        sim.replug()
        assert reader.read_card() == sample_cards()[0]


def test_unplugged_closed_device(sim: IdCardSimulator, reader: IdCardReader) -> None:
    assert reader.sam_id()
    sim.unplug(close=True)
    with pytest.raises(DeviceError) as info:
        reader.read_card()
    assert info.value.code == "disconnected"
    assert "断开" in error_text(info.value)
    assert not reader.is_open
    with pytest.raises(DeviceError) as again:
        reader.read_card()  # the pty is gone for good
    assert again.value.code == "open_failed"


def test_open_failure_is_a_device_error() -> None:
    with pytest.raises(DeviceError) as info:
        IdCardReader("/dev/does-not-exist-idcard").open()
    assert info.value.code == "open_failed"
    assert "无法打开" in error_text(info.value)


def test_status_errors(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.faults.sam_status = 0x60
    with pytest.raises(ReaderStatusError) as info:
        reader.sam_status()
    assert info.value.sw3 == 0x60
    sim.faults.read_failures = 1
    with pytest.raises(ReaderStatusError) as read_info:
        reader.read_card()
    assert read_info.value.sw3 == 0x41 and read_info.value.info.represent_card


def test_corrupt_card_data_is_reported(sim: IdCardSimulator, reader: IdCardReader) -> None:
    bad = replace(sample_cards()[0], id_number="330881198503171230")
    sim.place_card(bad)
    with pytest.raises(CardDataError):
        reader.read_card()


def test_serial_factory_injection(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    calls: list[dict[str, Any]] = []

    def factory(**kwargs: Any) -> Any:
        calls.append(kwargs)
        return serial.Serial(**kwargs)

    with IdCardReader(sim.path, serial_factory=factory, baudrate=9600) as reader:
        assert reader.read_card() is not None
    assert calls and calls[0]["port"] == sim.path and calls[0]["baudrate"] == 9600


def test_detect_port(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    silent = IdCardSimulator(faults=SimulatorFaults(silent=True))
    silent_path = silent.start()
    try:
        found = detect_port(["/dev/does-not-exist", silent_path, sim.path], timeout=0.2)
        assert found == sim.path
        # nobody answers here: a shorter wait proves it as well
        assert detect_port(["/dev/does-not-exist", silent_path], timeout=0.1) is None
    finally:
        silent.stop()
    assert detect_port([], timeout=0.1) is None


def test_card_type_values(sim: IdCardSimulator, reader: IdCardReader) -> None:
    sim.place_card(sample_cards()[4])
    got = reader.read_card()
    assert isinstance(got, IdCardData)
    assert got.card_type == CardType.HMT_RESIDENCE
    assert str(got.card_type) == "hmt_residence"
