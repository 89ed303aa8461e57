"""With `station.receipt_query_url` set, the receipt's QR code is the platform's
progress page: a phone that scans it reaches the public receipt check, and the
clerk's scanner still recognises it as this station's receipt."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import requests

from station.context import open_station
from station.receipt_code import verify_payload
from sync.config import ConfigError, StationConfig, load_config, load_credentials, save_config
from tests.e2e.intakes import accepted_cases


def test_qr_code_is_the_progress_page(station_dir: Path) -> None:
    config = load_config(station_dir)
    save_config(station_dir, dataclasses.replace(config, receipt_query_url=config.platform_url))
    services = open_station(station_dir)
    try:
        assert services.simulators is not None and services.engine is not None
        [record] = accepted_cases(services, 1)
        receipt_no = record.accepted.submission.receipt_no
        url = record.accepted.receipt.qr_payload
        assert url.isascii() and url.startswith(config.platform_url + "/v1/receipts/")
        assert verify_payload(load_credentials(station_dir).secret, url) == receipt_no

        session = requests.Session()
        session.trust_env = False
        before = session.get(url, timeout=10).json()  # printed while not yet delivered
        assert before["genuine"] and before["status"] == "待上传"
        assert services.engine.run_once().delivered == 1
        after = session.get(url, timeout=10).json()
        assert after["case_no"] and after["status"] == "受理"
        assert record.accepted.submission.applicant.id_number not in str(after)
        assert (
            session.get(
                url[:-1] + "A" if url[-1] != "A" else url[:-1] + "B", timeout=10
            ).status_code
            == 404
        )
    finally:
        services.close()


def test_query_url_must_be_an_ascii_http_url() -> None:
    base = StationConfig(station_code="S001", platform_url="https://p.example")
    for bad in ("ftp://x", "https://查询.example", "https://a b"):
        with pytest.raises(ConfigError):
            dataclasses.replace(base, receipt_query_url=bad).validate()
    dataclasses.replace(base, receipt_query_url="https://p.example/q").validate()
