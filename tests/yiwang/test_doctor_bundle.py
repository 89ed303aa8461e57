"""`yiwang doctor --bundle`: useful to a remote technician, and never a name, an ID
number, an image or a key — checked by scanning every file of a real bundle made
from a station holding real submissions of known people."""

from __future__ import annotations

import base64
import json
import logging
import re
import zipfile
from pathlib import Path

from sync.config import load_config
from tests.helpers.station_intake import accept_intakes
from tests.yiwang.test_doctor import yiwang_process
from yiwang import logs

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM6", b"II*\x00", b"MM\x00*")


def _secret_forms(data_dir: Path) -> list[bytes]:
    key = (data_dir / "keys" / "data.key").read_bytes()
    secret = json.loads((data_dir / "keys" / "credentials.json").read_text())["secret"]
    forms = []
    for raw in (key, secret.encode()):
        forms += [raw, raw.hex().encode(), base64.b64encode(raw).rstrip(b"=")]
        forms += [base64.urlsafe_b64encode(raw).rstrip(b"=")]
    return forms


def test_bundle_holds_no_personal_data_images_or_keys(station: Path, tmp_path: Path) -> None:
    records = accept_intakes(station, 3)
    people = [r.accepted.submission.applicant for r in records]
    names = {p.name for p in people}
    id_numbers = {p.id_number for p in people}
    assert len(names) == 3 and all(len(n) == 18 for n in id_numbers)
    secret = json.loads((station / "keys" / "credentials.json").read_text())["secret"]

    # personal data and secrets slipping into the logs, through the logger and around it
    logs.configure("INFO", station, name="clerk")
    leaky = logging.getLogger("clerk_station.test_leak")
    for p in people:
        leaky.info("accepted applicant name=%s id_number=%s", p.name, p.id_number)
        leaky.info('manifest {"name": "%s", "address": "%s"}', p.name, p.address)
        leaky.info("read card %s", p.id_number)
    for handler in logging.getLogger().handlers:
        handler.flush()
    logs.configure("INFO", None)
    with open(station / "logs" / "sync.log", "a", encoding="utf-8") as f:
        f.write(f"2026-12-03T07:00:00.000Z ERROR raw id {people[0].id_number} secret {secret}\n")

    bundle = tmp_path / "out" / "bundle.zip"
    # a real process: `yiwang doctor --data-dir D --bundle FILE.zip` is a contract
    proc = yiwang_process("doctor", "--data-dir", str(station), "--bundle", str(bundle))
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(bundle) as zf:
        contents = {name: zf.read(name) for name in zf.namelist()}

    assert {"doctor.json", "versions.json", "config.json", "devices.json", "queue.json"} <= set(
        contents
    )
    assert {"logs/clerk.log", "logs/sync.log"} <= set(contents)
    forbidden = [n.encode() for n in names] + [i.encode() for i in id_numbers]
    forbidden += [p.address.encode() for p in people] + _secret_forms(station)
    for name, data in contents.items():
        for item in forbidden:
            assert item not in data, f"{name} leaks {item[:6]!r}..."
        assert not any(data.startswith(m) for m in IMAGE_MAGIC), name
        assert b"\xff\xd8\xff" not in data, name
        assert not re.search(rb"(?<!\d)\d{17}[\dXx](?!\d)", data), name
        data.decode("utf-8")  # text only

    # ... and still useful
    queue = json.loads(contents["queue.json"])
    assert queue["counts"] == {"queued": 3}
    config = json.loads(contents["config.json"])
    assert config["station"]["code"] == station_code(station)
    assert config["platform"]["url"].startswith("http://127.0.0.1:")
    assert json.loads(contents["devices.json"])["ok"] is True
    log_text = contents["logs/clerk.log"].decode()
    assert log_text.count("accepted applicant name=[masked] id_number=[masked]") == 3
    assert "read card [ID]" in log_text
    assert "secret [removed]" in contents["logs/sync.log"].decode()


def station_code(data_dir: Path) -> str:
    return load_config(data_dir).station_code
