"""What the station hands the citizen on paper, built once as data
(``devices.printer.receipt.Receipt``) and laid out twice: for the thermal printer
(``devices.printer.receipt.layout_receipt``) and as an A4 PDF
(``devices.printer.a4.render_a4``).

One model: every paper opens with the same ``Heading`` (number, item, department,
masked applicant, time, clerk and window, the number to call), composed by
``compose``; each document adds only its own content: the 受理回执 (with what is
owed under 容缺受理 or committed under 告知承诺制), the 一次性告知书, the
不予受理通知书 and the 告知承诺书.

Everything personal is masked here, before it reaches a printer or a preview.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from devices.printer.receipt import CST, Receipt
from intake.acceptance import Acceptance, Mode
from intake.applicant import SOURCE_MANUAL, Applicant, LegalEntity, Person
from intake.catalog import Material, ServiceItem
from intake.documents import document_kind, mask_mobile
from intake.identity import mask_address, mask_id_number, mask_name
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
#: 邮寄送达: where to. No Chinese text is typed at a kiosk, so the address is the one read
#: from the ID card (printed masked), or staff phone the citizen to confirm one
#: (the words are post_address_words' on paper, the kiosk's own on screen)
POST_ADDRESSES = ("card", "phone")


@dataclass(frozen=True)
class Hall:
    """Who speaks on the paper: the hall, its window and the number to call."""

    station_name: str
    station_code: str
    phone: str = ""
    #: the clerk directory's names by id, read when a paper is made (a clerk added or
    #: renamed since start-up is named correctly); None = papers show the id
    clerk_names: Callable[[], Mapping[str, str]] | None = field(
        default=None, compare=False, repr=False
    )

    def clerk_name(self, clerk_id: str) -> str:
        """The clerk's display name from the directory; the id when there is none."""
        return display_clerk(clerk_id, self.clerk_names() if self.clerk_names else {})


def display_clerk(clerk_id: str, names: Mapping[str, str]) -> str:
    """A clerk as a citizen or a colleague reads them: the name, else the login id."""
    return names.get(clerk_id, "").strip() or clerk_id


def person_of(applicant: Applicant) -> Person:
    return applicant.representative if isinstance(applicant, LegalEntity) else applicant


def applicant_labels(applicant: Applicant) -> tuple[str, str]:
    """Masked name and identifier, as shown on screen and on paper."""
    if isinstance(applicant, LegalEntity):
        return applicant.name, applicant.credit_code
    return mask_name(applicant.name), mask_id_number(applicant.id_number)


def card_address(applicant: Applicant | None) -> str:
    """The address read from the applicant's ID card, masked (北京市朝阳区****); "" when
    there is none (a typed identity, a permit without one, a company)."""
    if applicant is None or isinstance(applicant, LegalEntity):
        return ""
    address = person_of(applicant).address.strip()
    return mask_address(address) if address else ""


def post_address_words(applicant: Applicant | None, choice: str) -> str:
    """By post, where to, as the receipt and the kiosk's summary say it."""
    masked = card_address(applicant) if choice == "card" else ""
    if masked:
        return f"身份证住址 {masked}"
    return "工作人员将来电确认邮寄地址"


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
    who = hall.clerk_name(clerk_id) if clerk_id else "自助终端"
    return f"{who}（{hall.station_name} {hall.station_code}）"


@dataclass(frozen=True)
class Heading:
    """What every paper opens with; the labels differ by document."""

    title: str
    kind: str
    number_label: str
    number: str
    item: ServiceItem
    applicant: Applicant | None
    time_label: str
    at: datetime
    clerk_label: str
    clerk_id: str | None
    item_label: str = "办理事项"
    #: document rows after the shared ones (before the phone number)
    rows: Sequence[tuple[str, str]] = field(default_factory=tuple)


def compose(
    head: Heading,
    hall: Hall,
    *,
    materials: Sequence[tuple[str, int]] = (),
    sections: Sequence[tuple[str, list[str]]] = (),
    notes: Sequence[str] = (),
    qr: tuple[str, str] = ("", ""),
    closing: Sequence[str] = (),
) -> Receipt:
    """The one document model: shared rows from ``head``, then the document's content."""
    name_label, id_label = (
        applicant_labels(head.applicant) if head.applicant is not None else ("—", "—")
    )
    rows = [
        (head.number_label, head.number),
        (head.item_label, head.item.name_zh),
        ("受理部门", head.item.department_zh),
        ("申 请 人", name_label),
        ("证件号码", id_label),
        (head.time_label, f"{head.at.astimezone(CST):%Y-%m-%d %H:%M}"),
        (head.clerk_label, _clerk_line(head.clerk_id, hall)),
        *head.rows,
    ]
    if hall.phone:
        rows.append(("咨询电话", hall.phone))
    return Receipt(
        title=head.title,
        station_name=hall.station_name,
        receipt_no=head.number,
        item_name=head.item.name_zh,
        applicant_label=name_label,
        id_label=id_label,
        materials=list(materials),
        accepted_at=head.at,
        time_limit_days=head.item.time_limit_days,
        qr_payload=qr[0],
        qr_caption=qr[1],
        notes=list(notes),
        rows=rows,
        closing=list(closing),
        sections=list(sections),
        kind=head.kind,
    )


def _names(item: ServiceItem, codes: Sequence[str]) -> list[str]:
    return [item.material(code).name_zh for code in codes]


def accept_receipt(
    submission: Submission,
    item: ServiceItem,
    *,
    hall: Hall,
    qr_payload: str,
    qr_is_url: bool,
    collection: str = DEFAULT_COLLECTION,
    calendar: WorkCalendar | None = None,
    post_address: str | None = None,
) -> Receipt:
    """The 受理回执: what was accepted, by whom, until when, and how to follow it;
    under 容缺受理 what is owed and by when, under 告知承诺制 what was committed; by post,
    where to (the ID card's address masked, or staff will phone to confirm one)."""
    pages = {m.material_code: len(m.pages) for m in submission.materials}
    due = due_date(submission.accepted_at, item.time_limit_days, calendar or WorkCalendar())
    promise = (
        "即办件"
        if item.time_limit_days == 0
        else f"{due:%Y年%m月%d日}前（{item.time_limit_days}个工作日）"
    )
    rows = [
        ("承诺办结", promise),
        ("领取方式", COLLECTION_METHODS.get(collection, COLLECTION_METHODS["window"])[0]),
    ]
    if collection == "post" and post_address is not None:
        rows.append(("邮寄地址", post_address_words(submission.applicant, post_address)))
    sections: list[tuple[str, list[str]]] = []
    notes = identification_lines(submission.applicant)
    acceptance = submission.acceptance
    if acceptance is not None:
        rows.insert(0, ("受理方式", acceptance.mode.label_zh))
        owed = _names(item, acceptance.materials)
        if acceptance.mode is Mode.DEFICIENCY and acceptance.due is not None:
            rows.insert(1, ("补齐期限", f"{acceptance.due:%Y年%m月%d日}前"))
            sections.append(("待补齐材料（容缺）：", owed))
            notes.append(
                f"请于{acceptance.due:%Y年%m月%d日}前补齐上述材料，逾期未补齐的，"
                "本次申请按不予受理处理。"
            )
        else:
            sections.append(("以告知承诺代替的材料：", owed))
            notes.append("申请人已签署告知承诺书；承诺不实的，依法撤销办理结果并承担相应责任。")
    notes.append("请凭本回执查询办理进度、领取办理结果。")
    head = Heading(
        title="受理回执",
        kind="receipt",
        number_label="回执编号",
        number=submission.receipt_no,
        item=item,
        applicant=submission.applicant,
        time_label="受理时间",
        at=submission.accepted_at,
        clerk_label="受 理 人",
        clerk_id=submission.clerk_id,
        rows=rows,
    )
    caption = "扫码查询办理进度" if qr_is_url else "回执校验码（可在窗口或自助终端扫码查询）"
    return compose(
        head,
        hall,
        materials=[(m.name_zh, pages[m.code]) for m in item.materials if m.code in pages],
        sections=sections,
        notes=notes,
        qr=(qr_payload, caption),
    )


COMMITMENT_TEXT = (
    "本人已知晓上述事项的办理条件和所需材料，现以书面承诺代替下列材料。",
    "本人承诺所填报的信息和作出的承诺真实、准确、完整，并将按要求接受核查。",
    "如承诺不实，本人愿意承担由此产生的法律责任，行政机关可依法撤销办理结果。",
)


def commitment_form(
    submission: Submission, item: ServiceItem, acceptance: Acceptance, *, hall: Hall
) -> Receipt:
    """The 告知承诺书 the applicant signs (告知承诺制): the materials the commitment
    stands in for and the commitment itself, with the receipt's number on it so the
    signed form is filed with the case."""
    head = Heading(
        title="告知承诺书",
        kind="commitment",
        number_label="回执编号",
        number=submission.receipt_no,
        item=item,
        applicant=submission.applicant,
        time_label="承诺时间",
        at=submission.accepted_at,
        clerk_label="经 办 人",
        clerk_id=submission.clerk_id,
        item_label="申请事项",
    )
    return compose(
        head,
        hall,
        sections=[("以本承诺代替的材料：", _names(item, acceptance.materials))],
        notes=list(COMMITMENT_TEXT),
        closing=["承诺人（签字并按手印）：____________", "经办人签字：________________"],
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
    head = Heading(
        title="一次性告知书",
        kind="notice",
        number_label="告知书编号",
        number=notice_no,
        item=item,
        applicant=applicant,
        time_label="告知时间",
        at=issued_at,
        clerk_label="经 办 人",
        clerk_id=clerk_id,
    )
    return compose(
        head,
        hall,
        qr=(notice_code(notice_no), "再次办理时出示此码，窗口扫码即可续办"),
        notes=[f"{n}.{m.name_zh}（{reason}）" for n, (m, reason) in enumerate(missing, start=1)]
        + ["以上材料一次告知。补齐后请携带本告知书办理，凭编号可直接续办。"],
        closing=["申请人签字：________________", "经办人签字：________________"],
    )


#: when the catalog names no 行政复议机关 the paper still tells the citizen where to turn
UNNAMED_REVIEW_BODY = "依法有管辖权的行政复议机关"


def remedy_lines(item: ServiceItem) -> list[str]:
    """The citizen's remedies against a refusal with the body and the time limits the
    law sets: 60 days for 行政复议 (行政复议法 第二十条), six months for 行政诉讼
    (行政诉讼法 第四十六条), both counted from the day the notice is received."""
    body = item.review_body_zh or UNNAMED_REVIEW_BODY
    return [
        "如不服本决定，可以自收到本通知书之日起六十日内向"
        f"{body}申请行政复议（《中华人民共和国行政复议法》第二十条）；",
        "也可以自收到本通知书之日起六个月内依法向人民法院提起行政诉讼"
        "（《中华人民共和国行政诉讼法》第四十六条）。",
    ]


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
    right to contest it: where (the item's 行政复议机关) and within which time limits."""
    head = Heading(
        title="不予受理通知书",
        kind="refusal",
        number_label="通知书编号",
        number=notice_no,
        item=item,
        applicant=applicant,
        time_label="决定时间",
        at=issued_at,
        clerk_label="经 办 人",
        clerk_id=clerk_id,
        item_label="申请事项",
        rows=[("不予受理理由", reason.reason_zh), ("依据", reason.basis_zh)],
    )
    return compose(
        head,
        hall,
        notes=["经审查，您的申请不予受理，所提交材料原件已当场退还。", *remedy_lines(item)],
        closing=["申请人签收：________________", "经办人签字：________________"],
    )
