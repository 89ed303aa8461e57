"""What the station hands the citizen on paper, built as data (``devices.printer.receipt.Receipt``)
for the thermal printer: the 受理回执, the 一次性告知书 and the 不予受理通知书, each
with its own rows.

Everything personal is masked here, before it reaches a printer or a preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from devices.printer.receipt import CST, Receipt
from intake.applicant import SOURCE_MANUAL, Applicant, LegalEntity, Person
from intake.catalog import Material, ServiceItem
from intake.documents import document_kind, mask_mobile
from intake.identity import mask_id_number, mask_name
from intake.refusals import RefusalReason
from intake.submission import Submission
from intake.workdays import WorkCalendar

#: how the citizen receives the result, chosen at intake: code -> (zh, en)
COLLECTION_METHODS: dict[str, tuple[str, str]] = {
    "window": ("窗口领取", "Collect at the window"),
    "post": ("邮寄送达", "By post"),
    "community": ("村（社区）代办员代领", "Through the village/community agent"),
}
DEFAULT_COLLECTION = "window"


@dataclass(frozen=True)
class Hall:
    """Who speaks on the paper: the hall, its window and the number to call."""

    station_name: str
    station_code: str
    phone: str = ""


def person_of(applicant: Applicant) -> Person:
    return applicant.representative if isinstance(applicant, LegalEntity) else applicant


def applicant_labels(applicant: Applicant) -> tuple[str, str]:
    """Masked name and identifier, as shown on screen and on paper."""
    if isinstance(applicant, LegalEntity):
        return applicant.name, applicant.credit_code
    return mask_name(applicant.name), mask_id_number(applicant.id_number)


def identification_lines(applicant: Applicant) -> list[str]:
    """What the paper says about who stood at the window, masked."""
    person = person_of(applicant)
    lines = []
    if person.id_source == SOURCE_MANUAL:
        kind = document_kind(person.id_kind).name_zh
        lines.append(f"身份核验：{kind}人工录入，已核验原件")
    if person.agent is not None:
        agent = person.agent.person
        lines.append(
            f"代办人：{mask_name(agent.name)} {mask_id_number(agent.id_number)}"
            f"（{person.agent.relation}）"
        )
    if person.phone:
        lines.append(f"联系电话：{mask_mobile(person.phone)}")
    return lines


def due_date(accepted_at: datetime, days: int, calendar: WorkCalendar) -> date:
    """The promised completion date: ``days`` working days after the day of acceptance."""
    return calendar.add_working_days(accepted_at.astimezone(CST).date(), days)


def _clerk_line(clerk_id: str | None, hall: Hall) -> str:
    who = clerk_id or "自助终端"
    return f"{who}（{hall.station_name} {hall.station_code}）"


def accept_receipt(
    submission: Submission,
    item: ServiceItem,
    *,
    hall: Hall,
    qr_payload: str,
    qr_is_url: bool,
    collection: str = DEFAULT_COLLECTION,
    calendar: WorkCalendar | None = None,
) -> Receipt:
    """The 受理回执: what was accepted, by whom, until when, and how to follow it."""
    name_label, id_label = applicant_labels(submission.applicant)
    pages = {m.material_code: len(m.pages) for m in submission.materials}
    due = due_date(submission.accepted_at, item.time_limit_days, calendar or WorkCalendar())
    promise = (
        "即办件"
        if item.time_limit_days == 0
        else f"{due:%Y年%m月%d日}前（{item.time_limit_days}个工作日）"
    )
    rows = [
        ("回执编号", submission.receipt_no),
        ("办理事项", item.name_zh),
        ("受理部门", item.department_zh),
        ("申 请 人", name_label),
        ("证件号码", id_label),
        ("受理时间", f"{submission.accepted_at.astimezone(CST):%Y-%m-%d %H:%M}"),
        ("受 理 人", _clerk_line(submission.clerk_id, hall)),
        ("承诺办结", promise),
        ("领取方式", COLLECTION_METHODS.get(collection, COLLECTION_METHODS["window"])[0]),
    ]
    if hall.phone:
        rows.append(("咨询电话", hall.phone))
    return Receipt(
        title="受理回执",
        station_name=hall.station_name,
        receipt_no=submission.receipt_no,
        item_name=item.name_zh,
        applicant_label=name_label,
        id_label=id_label,
        materials=[(m.name_zh, pages[m.code]) for m in item.materials if m.code in pages],
        accepted_at=submission.accepted_at,
        time_limit_days=item.time_limit_days,
        qr_payload=qr_payload,
        notes=[
            *identification_lines(submission.applicant),
            "请凭本回执查询办理进度、领取办理结果。",
        ],
        rows=rows,
        qr_caption="扫码查询办理进度" if qr_is_url else "回执校验码（可在窗口或自助终端扫码查询）",
    )


NOTICE_PREFIX = "YWGZ|"


def notice_code(notice_no: str) -> str:
    """The QR text of a numbered notice: its number only (no personal data)."""
    return f"{NOTICE_PREFIX}{notice_no}" if notice_no.isascii() else ""


def missing_notice(
    item: ServiceItem,
    applicant: Applicant | None,
    missing: list[tuple[Material, str]],
    *,
    notice_no: str,
    hall: Hall,
    clerk_id: str | None,
    issued_at: datetime,
) -> Receipt:
    """The 一次性告知书: every missing or defective material with the reason, once,
    numbered so that the next visit starts from it, with a signature line."""
    name_label, id_label = applicant_labels(applicant) if applicant is not None else ("—", "—")
    rows = [
        ("告知书编号", notice_no),
        ("办理事项", item.name_zh),
        ("受理部门", item.department_zh),
        ("申 请 人", name_label),
        ("证件号码", id_label),
        ("告知时间", f"{issued_at.astimezone(CST):%Y-%m-%d %H:%M}"),
        ("经 办 人", _clerk_line(clerk_id, hall)),
    ]
    if hall.phone:
        rows.append(("咨询电话", hall.phone))
    return Receipt(
        title="一次性告知书",
        station_name=hall.station_name,
        receipt_no=notice_no,
        item_name=item.name_zh,
        applicant_label=name_label,
        id_label=id_label,
        materials=[],
        accepted_at=issued_at,
        time_limit_days=item.time_limit_days,
        qr_payload=notice_code(notice_no),
        qr_caption="再次办理时出示此码，窗口扫码即可续办",
        notes=[f"{n}.{m.name_zh}（{reason}）" for n, (m, reason) in enumerate(missing, start=1)]
        + ["以上材料一次告知。补齐后请携带本告知书办理，凭编号可直接续办。"],
        rows=rows,
        closing=["申请人签字：________________", "经办人签字：________________"],
    )


def refusal_notice(
    item: ServiceItem,
    applicant: Applicant | None,
    reason: RefusalReason,
    *,
    notice_no: str,
    hall: Hall,
    clerk_id: str | None,
    issued_at: datetime,
) -> Receipt:
    """The 不予受理通知书: the decision, its reason and legal basis, and the citizen's
    right to contest it."""
    name_label, id_label = applicant_labels(applicant) if applicant is not None else ("—", "—")
    rows = [
        ("通知书编号", notice_no),
        ("申请事项", item.name_zh),
        ("受理部门", item.department_zh),
        ("申 请 人", name_label),
        ("证件号码", id_label),
        ("决定时间", f"{issued_at.astimezone(CST):%Y-%m-%d %H:%M}"),
        ("经 办 人", _clerk_line(clerk_id, hall)),
        ("不予受理理由", reason.reason_zh),
        ("依据", reason.basis_zh),
    ]
    if hall.phone:
        rows.append(("咨询电话", hall.phone))
    return Receipt(
        title="不予受理通知书",
        station_name=hall.station_name,
        receipt_no=notice_no,
        item_name=item.name_zh,
        applicant_label=name_label,
        id_label=id_label,
        materials=[],
        accepted_at=issued_at,
        time_limit_days=item.time_limit_days,
        qr_payload="",
        notes=[
            "经审查，您的申请不予受理，所提交材料原件已当场退还。",
            "如不服本决定，可依法申请行政复议或者提起行政诉讼。",
        ],
        rows=rows,
        closing=["申请人签收：________________", "经办人签字：________________"],
    )
