"""A real station for the session tests: SQLite store in tmp, ESC/POS printer to a file."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from devices.camera.pipeline import CapturedPage
from devices.camera.quality import QualityFinding
from devices.printer.escpos_output import ReceiptPrinter
from intake.catalog import Catalog
from station.intake_service import IntakeService
from sync.catalog_sync import load_catalog
from sync.store import Store

SECRET = "s3cret-for-tests"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "station")
    yield s
    s.close()


@pytest.fixture
def receipt_file(tmp_path: Path) -> Path:
    return tmp_path / "receipts.escpos"


@pytest.fixture
def intake(store: Store, receipt_file: Path) -> IntakeService:
    return IntakeService(
        store,
        station_code="T01",
        station_name="测试便民服务中心",
        secret=SECRET,
        printer=ReceiptPrinter(f"file:{receipt_file}"),
    )


@pytest.fixture
def dead_printer_intake(store: Store) -> IntakeService:
    """A printer on a loopback port nobody listens on: connecting fails for real."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return IntakeService(
        store,
        station_code="T01",
        station_name="测试便民服务中心",
        secret=SECRET,
        printer=ReceiptPrinter(f"tcp:127.0.0.1:{port}"),
    )


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    return load_catalog(tmp_path / "no-pulled-catalog")  # the seed catalog


def page(tag: str, *findings: QualityFinding) -> CapturedPage:
    """A captured page with distinct content (the pipeline is tested in tests/devices)."""
    return CapturedPage(
        jpeg=b"\xff\xd8 page " + tag.encode() + b"\xff\xd9",
        corners=np.zeros((4, 2), np.float32),
        findings=list(findings),
        width=1654,
        height=2339,
    )
