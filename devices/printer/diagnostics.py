"""Printer self-test: `yiwang devices test-print --printer TARGET --json`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from devices.printer.receipt import Receipt


def sample_receipt(now: datetime | None = None) -> Receipt:
    """An acceptance receipt exercising the hard cases: a name with 䶮 (outside
    GB2312/GBK, printed as a raster image), full-width punctuation, ￥ and ¥,
    wrapping, a QR code."""
    at = now or datetime.now(UTC)
    receipt_no = f"TEST-{at:%Y%m%d}-0000"
    return Receipt(
        title="受理回执",
        station_name="示例镇便民服务中心（打印测试）",
        receipt_no=receipt_no,
        item_name="城乡居民基本养老保险参保登记（测试事项，名称较长用于检查折行）",
        applicant_label="刘䶮",
        id_label="1101**********123X",
        materials=[("居民身份证复印件", 1), ("户口簿首页及本人页复印件", 2)],
        accepted_at=at,
        time_limit_days=5,
        qr_payload=f"YW:{receipt_no}",
        notes=["此为打印测试，非正式回执。", "工本费：￥0.00（¥0.00）"],
    )


def test_print_json(
    target: str, *, paper_mm: int = 80, native_qr: bool = False, make_folder: str | None = None
) -> dict[str, Any]:
    """Print the sample receipt to `target`; returns {"receipt_no", "qr_payload", "bytes"}
    ("bytes" = number of bytes sent). `make_folder` is created first (see ReceiptPrinter).
    Raises PrinterError (with message_zh)."""
    from devices.printer.escpos_output import ReceiptPrinter

    receipt = sample_receipt()
    data = ReceiptPrinter(
        target, paper_mm=paper_mm, native_qr=native_qr, make_folder=make_folder
    ).print_receipt(receipt)
    return {"receipt_no": receipt.receipt_no, "qr_payload": receipt.qr_payload, "bytes": len(data)}


test_print_json.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
