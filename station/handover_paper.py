"""The 办结领取确认单 (handover acknowledgement): what was handed to whom, and when.

Built as a :class:`devices.printer.receipt.Receipt` like the other papers of
:mod:`station.paper`, so the same thermal printer path lays it out (and an A4 layout
can take it from the same data). Names and ID numbers are masked; an agent is named
with the relation to the applicant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from devices.printer.receipt import CST, Receipt
from intake.applicant import SOURCE_CARD, Applicant
from intake.identity import mask_id_number, mask_name
from station.paper import Hall, applicant_labels

__all__ = ["HANDOVER_TITLE", "HandedOver", "handover_acknowledgement"]

HANDOVER_TITLE = "办结领取确认单"


@dataclass(frozen=True)
class HandedOver:
    """Who collected the result (unmasked here; masked on paper)."""

    role: str  # "applicant" | "agent"
    name: str
    id_kind: str
    id_number: str
    id_source: str  # "card" | "manual"
    relation: str = ""


def handover_acknowledgement(
    *,
    receipt_no: str,
    case_no: str,
    item_name: str,
    department: str,
    applicant: Applicant,
    collector: HandedOver,
    hall: Hall,
    clerk_id: str,
    handed_at: datetime,
) -> Receipt:
    name_label, id_label = applicant_labels(applicant)
    who = mask_name(collector.name)
    if collector.role == "agent":
        who = f"{who}（代领，与申请人关系：{collector.relation}）"
    else:
        who = f"{who}（申请人本人）"
    how = "读取身份证" if collector.id_source == SOURCE_CARD else "人工录入，已核验原件"
    rows = [
        ("受理编号", receipt_no),
        ("办件编号", case_no or "—"),
        ("办理事项", item_name),
        ("办理部门", department),
        ("申 请 人", name_label),
        ("证件号码", id_label),
        ("领 取 人", who),
        ("领取人证件", f"{mask_id_number(collector.id_number)}（{how}）"),
        ("领取时间", f"{handed_at.astimezone(CST):%Y-%m-%d %H:%M}"),
        ("经 办 人", f"{hall.clerk_name(clerk_id)}（{hall.station_name} {hall.station_code}）"),
    ]
    if hall.phone:
        rows.append(("咨询电话", hall.phone))
    return Receipt(
        title=HANDOVER_TITLE,
        station_name=hall.station_name,
        receipt_no=receipt_no,
        item_name=item_name,
        applicant_label=name_label,
        id_label=id_label,
        materials=[],
        accepted_at=handed_at,
        time_limit_days=0,
        qr_payload="",
        notes=["办理结果已当面交付领取人，请当场核对。"],
        rows=rows,
        closing=["领取人签字：________________", "经办人签字：________________"],
    )
