"""The one error model: code, parameters and severity below; sentences made at display time."""

from __future__ import annotations

from coded_errors import PARAM_CHARS, CodedError, Severity
from devices.idcard.errors import DeviceError
from devices.printer.errors import PrinterError
from devices.printer.status import parse_status
from devices.scanner.errors import ScannerError
from intake.errors import InvalidIdNumber
from station.session_state import Note, Topic
from ui_shared.error_text import code_text, error_text, note_text


def test_a_coded_error_carries_code_params_severity_and_no_sentence() -> None:
    e = ScannerError(
        "open_failed", "cannot open /dev/ttyACM0: EIO", params={"device": "/dev/ttyACM0"}
    )
    assert isinstance(e, CodedError)
    assert (e.code, e.qualified_code, e.severity) == (
        "open_failed",
        "scanner.open_failed",
        Severity.ERROR,
    )
    assert dict(e.params) == {"device": "/dev/ttyACM0"}
    assert str(e) == "cannot open /dev/ttyACM0: EIO"  # English, for logs
    assert not hasattr(e, "message_zh")
    assert CodedError("x", severity=Severity.WARNING).severity is Severity.WARNING


def test_long_parameters_are_capped() -> None:
    e = PrinterError("io", "x", params={"detail": "y" * (PARAM_CHARS + 50)})
    detail = e.params["detail"]
    assert isinstance(detail, str) and len(detail) == PARAM_CHARS + 1 and detail.endswith("…")


def test_every_family_is_a_coded_error() -> None:
    for error in (
        InvalidIdNumber("id.check_digit", "bad check digit"),
        DeviceError("no_reader", "no reader"),
        PrinterError("paper_out", "printer is out of paper"),
        ScannerError("busy", "busy", params={"device": "/dev/input/event3"}),
    ):
        assert isinstance(error, CodedError) and error.family


def test_sentences_are_made_from_the_code_in_the_readers_language() -> None:
    e = ScannerError("busy", "grabbed elsewhere", params={"device": "/dev/input/event3"})
    assert error_text(e) == "扫码枪设备 /dev/input/event3 已被其他程序占用"
    assert error_text(e, english=True) == "Scanner /dev/input/event3 is in use by another program"
    assert error_text(PrinterError("paper_out", "x")) == "打印机缺纸"
    # a missing parameter never raises: it shows as a dash
    assert error_text(ScannerError("busy", "x")) == "扫码枪设备 — 已被其他程序占用"
    assert code_text("printer.nonexistent") is None


def test_intake_errors_are_worded_from_their_code_and_unknown_codes_fall_back() -> None:
    e = InvalidIdNumber("id.check_digit", "bad")
    assert not hasattr(e, "message_zh") and not hasattr(e, "message_en")
    assert error_text(e) == "身份证号码校验位错误，请核对号码"
    assert error_text(PrinterError("new_code", "english detail"), fallback="打印失败") == "打印失败"
    assert error_text(ValueError("boom")) == "boom"


def test_printer_states_are_worded_from_their_code() -> None:
    assert code_text(f"printer.{parse_status({}).code}") == "打印机状态未知"
    ready = parse_status({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12})
    assert ready.code == "ready" and code_text("printer.ready", english=True) == "Printer ready"


def test_a_session_note_from_a_coded_error_is_worded_by_the_front_end() -> None:
    note = Note.from_error(
        PrinterError("cover_open", "cover open"), Topic.ACCEPT, "receipt_print_failed"
    )
    assert (note.family, note.code) == ("printer", "cover_open")
    assert not hasattr(note, "message_zh") and note.detail_en == "cover open"
    assert note_text(note) == "打印机盖未关好"
    assert note_text(note, english=True) == "The printer cover is open"
    plain = Note.from_error(RuntimeError("disk"), Topic.ACCEPT, "accept_failed")
    assert (plain.family, plain.code) == ("session", "accept_failed")
    assert note_text(plain) == "受理失败" and note_text(plain, english=True).isascii()


def test_id_card_errors_are_worded_with_their_parameters() -> None:
    from devices.idcard.errors import CardDataError, ReaderStatusError

    err = CardDataError("birth date '19851317' is not a date", code="card_date_invalid",
                        params={"field": "birth_date"})
    assert error_text(err) == "证件信息异常：出生日期无效，请重新放置证件"
    assert "birth date is not a date" in error_text(err, english=True)
    assert error_text(ReaderStatusError(0x41)) == "读卡操作失败，请重新放置证件"
    assert error_text(DeviceError("open_failed", "x", params={"device": "/dev/ttyUSB0"})) == (
        "无法打开身份证阅读器端口 /dev/ttyUSB0"
    )


def test_camera_errors_are_worded_with_their_parameters() -> None:
    from devices.camera.errors import CameraError, PageNotFound

    assert error_text(PageNotFound()) == "未检测到完整页面"
    assert error_text(CameraError("x", code="image_too_large", params={"what": "pixels"})) == (
        "图片尺寸过大"
    )
    assert error_text(CameraError("x", code="image_unreadable", params={"variant": "io"})) == (
        "无法读取图片文件"
    )
    assert error_text(CameraError("camera not opened yet")) == "高拍仪故障"
