"""The last errors that stored an English sentence (PIN, clerk account, call-next hook,
platform client) now carry a code, parameters and a severity, and are worded at display
time in the reader's language from the one catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from coded_errors import CodedError, Severity
from station.call_next import CallNext, CallNextError
from station.clerks import ClerkError, validate_clerk_id, validate_clerk_name
from station.kiosk_pin import PinError, validate_pin
from station.pins import WeakPin, check_pin_strength
from sync.client.errors import (
    AuthError,
    BadAnswer,
    Conflict,
    InsecurePlatformURL,
    MissingBlobs,
    PermanentError,
    SyncError,
    TransientError,
)
from ui_shared.error_sources import SOURCES
from ui_shared.error_text import error_text


@pytest.mark.parametrize(
    ("pin", "code"),
    [("12a456", "pin_not_digits"), ("1234", "pin_length"), ("123456", "pin_trivial")],
)
def test_a_weak_pin_is_a_coded_error_worded_in_both_languages(pin: str, code: str) -> None:
    with pytest.raises(WeakPin) as caught:
        check_pin_strength(pin)
    e = caught.value
    assert isinstance(e, CodedError) and isinstance(e, ValueError)  # callers catch either
    assert (e.qualified_code, e.severity) == (f"pin.{code}", Severity.ERROR)
    assert not hasattr(e, "message_en")
    zh, en = error_text(e), error_text(e, english=True)
    assert zh != en and en == SOURCES[f"pin.{code}"].format(**e.params)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)


def test_the_pin_length_is_a_parameter_not_part_of_a_sentence() -> None:
    with pytest.raises(PinError) as caught:
        validate_pin("12")
    assert dict(caught.value.params) == {"min": 6, "max": 12}
    assert error_text(caught.value) == "密码须为6-12位数字。"
    assert error_text(caught.value, english=True) == "A PIN has 6 to 12 digits."


def test_clerk_errors_carry_their_parameters() -> None:
    with pytest.raises(ClerkError) as caught:
        validate_clerk_id("no spaces allowed")
    assert caught.value.qualified_code == "clerk.bad_clerk_id"
    assert error_text(caught.value) == "工号为1-32位字母、数字或 _ . -。"
    with pytest.raises(ClerkError) as named:
        validate_clerk_name("")
    assert error_text(named.value, english=True) == (
        "Enter the clerk's name (at most 40 characters)."
    )


def test_a_failed_call_next_hook_is_a_warning_worded_for_the_clerk(tmp_path: Path) -> None:
    failing = tmp_path / "queue"
    failing.write_text("#!/bin/sh\nexit 3\n")
    failing.chmod(0o755)
    with pytest.raises(CallNextError) as caught:
        CallNext([str(failing)])(station="W01", clerk="c1")
    e = caught.value
    assert (e.qualified_code, e.severity) == ("call_next.call_next_failed", Severity.WARNING)
    assert dict(e.params) == {"status": 3}
    assert error_text(e) == "排队叫号系统出错，请口头叫号。"
    with pytest.raises(CallNextError) as missing:
        CallNext([str(tmp_path / "absent")])(station="W01", clerk="c1")
    assert error_text(missing.value, english=True).startswith("The queuing system's command")


@pytest.mark.parametrize(
    ("error", "kind", "severity"),
    [
        (TransientError("timeout"), "transient", Severity.WARNING),
        (BadAnswer("no proof", code="bad_proof"), "bad_answer", Severity.WARNING),
        (PermanentError(400, "x", code="invalid"), "refused", Severity.ERROR),
        (AuthError(401, "revoked", code="revoked"), "auth", Severity.ERROR),
        (Conflict("taken"), "conflict", Severity.ERROR),
        (MissingBlobs(["ab" * 32]), "missing_blobs", Severity.INFO),
        (InsecurePlatformURL("http://example.org"), "insecure_url", Severity.ERROR),
    ],
)
def test_platform_client_errors_keep_the_platforms_code_and_are_worded_by_class(
    error: SyncError, kind: str, severity: Severity
) -> None:
    assert isinstance(error, CodedError) and not hasattr(error, "message_zh")
    assert (error.qualified_code, error.severity) == (f"platform_client.{kind}", severity)
    assert error_text(error, english=True) == SOURCES[f"platform_client.{kind}"]
    assert error_text(error) != error_text(error, english=True)


def test_the_platforms_own_code_stays_on_the_error_for_branching() -> None:
    e = BadAnswer("no proof", code="bad_proof")
    assert e.code == "bad_proof" and e.params["code"] == "bad_proof" and e.status is None
    assert str(e) == "no proof"  # English, for the log


def test_the_sync_command_words_a_missing_data_dir_from_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sync.exit_codes import ExitCode
    from sync.runner import run_sync_process
    from yiwang.error_words import technician_text

    absent = tmp_path / "absent"
    assert run_sync_process(absent, True, words=technician_text) == ExitCode.CONFIG
    line = capsys.readouterr().err.strip()
    assert line == (
        f"sync: 数据目录 {absent} 不存在，请技术人员检查终端设置 "
        f"(data directory {absent} does not exist)"
    )


def test_refused_credentials_end_a_command_with_the_auth_code() -> None:
    from sync.config import CredentialsRefused
    from sync.exit_codes import ExitCode, exit_code_for

    e = CredentialsRefused()
    assert exit_code_for(e) is ExitCode.AUTH and e.qualified_code == "config.credentials_refused"
    assert error_text(e) == "平台拒绝了本终端的身份认证，请技术人员重新注册"
