from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from devices.idcard.diagnostics import JSON_KEYS, read_id_json
from devices.idcard.errors import DeviceError
from devices.idcard.reader import IdCardReader
from devices.idcard.simulator import IdCardSimulator, sample_cards
from ui_shared.error_text import error_text

ROOT = Path(__file__).resolve().parents[3]


def test_read_id_json_keys_and_values(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    result = read_id_json(sim.path, timeout=2.0)
    assert tuple(result) == JSON_KEYS
    assert set(result) == {
        "name",
        "gender",
        "nation",
        "birth_date",
        "address",
        "id_number",
        "issuer",
        "valid_from",
        "valid_until",
        "card_type",
    }
    assert result == {
        "name": "陈志强",
        "gender": "男",
        "nation": "汉",
        "birth_date": "1985-03-17",
        "address": "浙江省衢州市江山市贺村镇淤头村上塘自然村12号",
        "id_number": "330881198503171237",
        "issuer": "江山市公安局",
        "valid_from": "2015-06-10",
        "valid_until": "2035-06-10",
        "card_type": "resident",
    }
    json.dumps(result, ensure_ascii=False)


def test_read_id_json_long_term_and_waiting_for_a_card(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    sim.remove_card()
    done = threading.Event()

    def place_after_a_miss() -> None:
        # the card comes once the reader has looked and found none: read_id_json waits
        while not done.is_set() and (0x20, 0x01) not in sim.received:
            done.wait(0.005)
        if not done.is_set():
            sim.place_card(sample_cards()[3])

    placer = threading.Thread(target=place_after_a_miss, daemon=True)
    placer.start()
    try:
        result = read_id_json(sim.path, timeout=3.0)
    finally:
        done.set()
        placer.join(timeout=5)
    assert sim.received.count((0x20, 0x01)) >= 2  # found nothing, then the card
    assert result["valid_until"] == "长期"
    assert result["name"] == "刘德厚"


def test_read_id_json_without_a_card(sim: IdCardSimulator) -> None:
    assert sim.path is not None
    sim.remove_card()
    with pytest.raises(DeviceError) as info:
        read_id_json(sim.path, timeout=0.3)
    assert info.value.code == "no_card"
    assert "身份证" in error_text(info.value)


def test_simulator_module_entry_serves_until_killed() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "devices.idcard.simulator"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        path = proc.stdout.readline().strip()
        assert path.startswith("/dev/")
        with IdCardReader(path, timeout=1.0) as reader:
            assert reader.read_card() == sample_cards()[0]
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=5)
    assert proc.returncode == 0
