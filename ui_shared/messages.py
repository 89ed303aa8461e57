"""What the UI says about an error or a sync problem: worded from its code at display time."""

from __future__ import annotations

import json
from collections.abc import Mapping

from ui_shared.error_text import error_text


def user_message(error: BaseException, fallback: str = "") -> str:
    """The Chinese sentence for `error` (its code worded by ui_shared.error_text, or the
    `message_zh` an older error carries), else the fallback, else the error's text."""
    return error_text(error, fallback=fallback)


# -- sync problems and events: stored as code + parameters, worded here ------------------
#
# The sync engine stores ``{"code": ..., "params": {...}}`` (canonical JSON, see
# sync/problems.py) in ``last_error`` and on its events. Older rows hold a plain
# sentence: it is shown as it is. Unknown codes are shown neutrally with the code.

_SYNC_TEXT: dict[str, tuple[str, str]] = {
    "link_down": (
        "网络暂时不可用，已受理的办件保存在本机，将自动重试",
        "The network is unavailable; accepted cases are kept here and retried automatically",
    ),
    "tls_untrusted": (
        "平台证书不受信任（TLS），请技术人员检查 platform.ca_bundle",
        "The platform's TLS certificate is not trusted; check platform.ca_bundle",
    ),
    "server_failing": (
        "平台暂时无法处理（HTTP {status}），稍后自动重试",
        "The platform could not process the request (HTTP {status}); retrying later",
    ),
    "bad_answer": (
        "平台应答不符合协议，稍后自动重试；如持续出现请联系技术人员",
        "The platform's answer broke the protocol; retrying later",
    ),
    "upload_conflict": ("上传冲突，稍后重试", "Upload conflict; retrying later"),
    "unexpected": ("发送出错，稍后重试", "Sending failed; retrying later"),
    "interrupted": ("发送中断，将自动重试", "Sending was interrupted; retrying"),
    "uuid_conflict": (
        "平台拒绝：平台上已有同一编号但内容不同的办件（冲突），请联系技术人员核对",
        "Refused: the platform holds a different case with the same id (conflict)",
    ),
    "platform_refused": (
        "平台拒绝：{text}（HTTP {status}），请核对办件信息后联系技术人员",
        "Refused by the platform: {text} (HTTP {status}); check the case, then call support",
    ),
    "foreign_blobs": (
        "平台拒绝：平台要求的材料不属于本办件，请联系技术人员",
        "Refused: the platform asked for pages that are not part of this case",
    ),
    "still_missing_blobs": (
        "平台拒绝：重新上传后平台仍缺少 {count} 页材料，请联系技术人员",
        "Refused: the platform still lacks {count} page(s) after uploading them again",
    ),
    "local_blob_missing": (
        "本地材料文件缺失（{sha}），请重新采集材料后重新受理",
        "A captured page is missing on this station ({sha}); capture again and re-accept",
    ),
    "local_blob_corrupt": (
        "本地材料文件已损坏，请重新采集材料后重新受理，或联系技术人员",
        "A captured page is damaged on this station; capture again and re-accept",
    ),
    "auth_refused": (
        "本终端未获平台授权，请联系技术人员重新注册",
        "The platform refused this station's credentials; re-enroll the station",
    ),
    "sync_started": ("开始同步，待发送 {count} 件", "Sync started, {count} to send"),
    "online": ("已连接平台", "Connected to the platform"),
    "offline": (
        "网络暂时不可用，已受理的办件保存在本机，将自动重试",
        "Offline; accepted cases are kept here and retried automatically",
    ),
    "uploading": ("正在发送第 {n}/{of} 件：{receipt_no}", "Sending {n} of {of}: {receipt_no}"),
    "delivered": (
        "已送达 {n}/{of}：{receipt_no}（平台编号 {case_no}）",
        "Delivered {n} of {of}: {receipt_no} (case {case_no})",
    ),
    "retry_scheduled": ("发送未成功，{seconds} 秒后自动重试", "Not sent; retrying in {seconds} s"),
    "all_delivered": ("全部办件已送达平台", "Every case has reached the platform"),
    "status_updates": ("收到 {count} 条办理进度更新", "{count} progress update(s) received"),
    "catalog_updated": ("事项目录已更新（版本 {version}）", "Service catalog updated ({version})"),
    "clock_skew": (
        "本机时间比平台{direction_zh}约 {minutes} 分钟，回执日期可能有误，请通知技术人员校准时间",
        "This station's clock is about {minutes} min {direction_en} the platform's; receipt"
        " dates may be wrong: ask the technician to correct the clock",
    ),
}


class _Blank(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "—"


def sync_text(code: str, params: Mapping[str, object], *, english: bool = False) -> str:
    """The sentence for a sync code and its parameters, in Chinese or English."""
    if code == "text":
        text = str(params.get("text", ""))
        return sync_text("interrupted", {}, english=english) if text == "interrupted" else text
    pair = _SYNC_TEXT.get(code)
    if pair is None:
        return f"({code})"
    values = _Blank({k: v for k, v in params.items() if v is not None})
    if code == "clock_skew":
        values.update(_skew_words(params))
    return pair[1 if english else 0].format_map(values)


def stored_sync_text(stored: str | None, *, english: bool = False) -> str:
    """The sentence for a stored ``last_error`` (a code + parameters, or an older
    plain sentence, shown as it is)."""
    if not stored:
        return ""
    try:
        doc = json.loads(stored)
    except ValueError:
        return sync_text("text", {"text": stored}, english=english)
    if not (isinstance(doc, dict) and isinstance(doc.get("code"), str)):
        return stored
    params = doc.get("params")
    return sync_text(doc["code"], params if isinstance(params, dict) else {}, english=english)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _skew_words(params: Mapping[str, object]) -> dict[str, object]:
    # the engine's skew is platform time minus station time: positive = station behind
    seconds = _number(params.get("seconds")) or 0.0
    return {
        "minutes": max(1, round(abs(seconds) / 60)),
        "direction_zh": "慢" if seconds > 0 else "快",
        "direction_en": "behind" if seconds > 0 else "ahead of",
    }


def clock_skew_text(params: Mapping[str, object], *, english: bool = False) -> str:
    """The clerk's warning for a clock event (``clock_skew`` code), or "" when the
    station's clock is back within the limit the engine applies."""
    seconds, limit = _number(params.get("seconds")), _number(params.get("limit"))
    if seconds is None or limit is None or abs(seconds) <= limit:
        return ""
    return sync_text("clock_skew", params, english=english)
