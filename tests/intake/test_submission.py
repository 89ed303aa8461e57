from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake import (
    ApplicantMismatch,
    CapturedMaterial,
    Catalog,
    Channel,
    Draft,
    DraftError,
    IntakeError,
    InvalidManifest,
    LegalEntity,
    Person,
    ServiceItem,
    Submission,
    UnknownMaterial,
    applicant_to_dict,
    missing_materials,
)
from ui_shared.error_text import error_text

UUID = "3f1c2a9e-8d4b-4c1e-9a2f-6b7d8e9f0a1b"
Sha = Callable[[str], str]


def _submission(person: Person, sha: Sha, **overrides: Any) -> Submission:
    fields: dict[str, Any] = {
        "uuid": UUID,
        "receipt_no": "S001-20261125-0001",
        "item_code": "SB-001",
        "catalog_version": "2026.11.1",
        "applicant": person,
        "materials": (
            CapturedMaterial("M01", (sha("id-front"), sha("id-back"))),
            CapturedMaterial("M02", (sha("hukou-1"),)),
            CapturedMaterial("M03", (sha("form"),)),
        ),
        "channel": Channel.WINDOW,
        "clerk_id": "c01",
        "accepted_at": datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
    }
    fields.update(overrides)
    return Submission(**fields)


# --- manifest ----------------------------------------------------------------


def test_manifest_has_exactly_the_documented_shape(person: Person, sha: Sha) -> None:
    m = _submission(person, sha).manifest()
    assert m == {
        "uuid": UUID,
        "receipt_no": "S001-20261125-0001",
        "item_code": "SB-001",
        "catalog_version": "2026.11.1",
        "channel": "window",
        "clerk_id": "c01",
        "accepted_at": "2026-11-25T08:00:00Z",
        "applicant": applicant_to_dict(person),
        "materials": [
            {"code": "M01", "pages": [sha("id-front"), sha("id-back")]},
            {"code": "M02", "pages": [sha("hukou-1")]},
            {"code": "M03", "pages": [sha("form")]},
        ],
    }
    # JSON-safe, and the canonical wire form the client sends parses back unchanged.
    wire = json.dumps(m, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert json.loads(wire) == m


def test_manifest_round_trip(person: Person, sha: Sha) -> None:
    s = _submission(person, sha)
    again = Submission.from_manifest(json.loads(json.dumps(s.manifest())))
    assert again == s
    assert again.manifest() == s.manifest()


def test_manifest_round_trip_legal_entity_kiosk(legal_entity: LegalEntity, sha: Sha) -> None:
    s = _submission(
        legal_entity.representative,
        sha,
        applicant=legal_entity,
        item_code="SC-101",
        channel=Channel.KIOSK,
        clerk_id=None,
    )
    m = s.manifest()
    assert m["applicant"]["kind"] == "legal"
    assert m["clerk_id"] is None
    assert m["channel"] == "kiosk"
    assert Submission.from_manifest(m) == s


def test_accepted_at_is_converted_to_utc(person: Person, sha: Sha) -> None:
    beijing = timezone(timedelta(hours=8))
    s = _submission(person, sha, accepted_at=datetime(2026, 11, 25, 16, 0, tzinfo=beijing))
    assert s.accepted_at.utcoffset() == timedelta(0)
    assert s.manifest()["accepted_at"] == "2026-11-25T08:00:00Z"


def test_microseconds_survive_the_round_trip(person: Person, sha: Sha) -> None:
    moment = datetime(2026, 11, 25, 8, 0, 1, 250, tzinfo=UTC)
    s = _submission(person, sha, accepted_at=moment)
    assert s.manifest()["accepted_at"] == "2026-11-25T08:00:01.000250Z"
    assert Submission.from_manifest(s.manifest()).accepted_at == moment


def test_naive_accepted_at_is_refused(person: Person, sha: Sha) -> None:
    with pytest.raises(InvalidManifest):
        _submission(person, sha, accepted_at=datetime(2026, 11, 25, 8, 0))


def test_channel_string_is_coerced(person: Person, sha: Sha) -> None:
    assert _submission(person, sha, channel="kiosk").channel is Channel.KIOSK
    with pytest.raises(InvalidManifest):
        _submission(person, sha, channel="phone")


@pytest.mark.parametrize(
    "overrides",
    [
        {"uuid": ""},
        {"uuid": "a/b"},
        {"receipt_no": ""},
        {"item_code": ""},
        {"catalog_version": ""},
        {"materials": (CapturedMaterial("M01", ()),)},
        {"materials": (CapturedMaterial("M01", ("ABC",)),)},
        {"materials": (CapturedMaterial("M01", ("A" * 64,)),)},
    ],
)
def test_submission_invariants(person: Person, sha: Sha, overrides: dict[str, Any]) -> None:
    with pytest.raises(InvalidManifest):
        _submission(person, sha, **overrides)


def test_duplicate_material_codes_are_refused(person: Person, sha: Sha) -> None:
    twice = (CapturedMaterial("M01", (sha("a"),)), CapturedMaterial("M01", (sha("b"),)))
    with pytest.raises(InvalidManifest):
        _submission(person, sha, materials=twice)


def test_blob_hashes_are_ordered_and_unique(person: Person, sha: Sha) -> None:
    shared = sha("id-and-hukou-on-one-sheet")
    s = _submission(
        person,
        sha,
        materials=(
            CapturedMaterial("M01", (shared, sha("id-back"))),
            CapturedMaterial("M02", (shared,)),
            CapturedMaterial("M03", (sha("form"),)),
        ),
    )
    assert s.blob_hashes == [shared, sha("id-back"), sha("form")]


def _manifest(person: Person, sha: Sha) -> dict[str, Any]:
    return _submission(person, sha).manifest()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("accepted_at", "2026-11-25T08:00:00"),
        ("accepted_at", "2026-11-25T08:00:00+08:00"),
        ("accepted_at", "2026-11-25 08:00:00Z"),
        ("accepted_at", "2026-13-25T08:00:00Z"),
        ("accepted_at", 1764057600),
        ("channel", "fax"),
        ("channel", 1),
        ("clerk_id", 7),
        ("uuid", None),
        ("applicant", "王秀英"),
        ("materials", "M01"),
        ("materials", [{"code": "M01"}]),
        ("materials", [{"code": "M01", "pages": "abc"}]),
        ("materials", [{"code": "M01", "pages": [1]}]),
        ("materials", [{"code": "", "pages": ["a" * 64]}]),
        ("extra", "x"),
    ],
)
def test_from_manifest_rejects_malformed(person: Person, sha: Sha, key: str, value: Any) -> None:
    m = _manifest(person, sha)
    m[key] = value
    with pytest.raises(IntakeError):
        Submission.from_manifest(m)


def test_from_manifest_rejects_missing_keys(person: Person, sha: Sha) -> None:
    for key in list(_manifest(person, sha)):
        m = _manifest(person, sha)
        del m[key]
        with pytest.raises(InvalidManifest):
            Submission.from_manifest(m)
    with pytest.raises(InvalidManifest):
        Submission.from_manifest([])  # type: ignore[arg-type]


hex64 = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


@given(
    pages=st.lists(st.lists(hex64, min_size=1, max_size=4), min_size=1, max_size=5),
    moment=st.datetimes(timezones=st.just(UTC)),
    clerk=st.one_of(st.none(), st.text(max_size=8)),
    channel=st.sampled_from(Channel),
)
def test_manifest_round_trip_property(
    pages: list[list[str]], moment: datetime, clerk: str | None, channel: Channel
) -> None:
    person = Person(name="张三", id_number="440304199001010011")
    s = Submission(
        uuid=UUID,
        receipt_no="S001-20261125-0001",
        item_code="SB-001",
        catalog_version="2026.11.1",
        applicant=person,
        materials=tuple(CapturedMaterial(f"M{i:02d}", tuple(p)) for i, p in enumerate(pages)),
        channel=channel,
        clerk_id=clerk,
        accepted_at=moment,
    )
    wire = json.dumps(s.manifest(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert Submission.from_manifest(json.loads(wire)) == s
    assert len(s.blob_hashes) == len(set(s.blob_hashes))


# --- drafts and completeness ---------------------------------------------------


def test_draft_completeness(personal_item: ServiceItem, person: Person, sha: Sha) -> None:
    draft = Draft(personal_item)
    assert not draft.is_complete
    assert [m.code for m in draft.missing_materials()] == ["M01", "M02", "M03"]
    for code in ("M01", "M02", "M03"):
        draft.add_page(code, sha(code))
    assert draft.missing_materials() == []
    assert not draft.is_complete  # still no applicant
    with pytest.raises(DraftError) as exc:
        draft.check_complete()
    assert exc.value.code == "draft.no_applicant"
    draft.set_applicant(person)
    assert draft.is_complete
    draft.check_complete()


def test_copies_are_informational(seed_catalog: Catalog, person: Person, sha: Sha) -> None:
    # JG-001 asks for 2 photos on paper; one captured page satisfies it.
    item = seed_catalog.item("JG-001")
    assert item.material("M04").copies == 2
    draft = Draft(item, applicant=person)
    for m in item.required_materials:
        draft.add_page(m.code, sha(m.code))
    assert draft.is_complete


def test_optional_materials_are_not_missing(legal_item: ServiceItem, sha: Sha) -> None:
    pages = {m.code: [sha(m.code)] for m in legal_item.required_materials}
    assert missing_materials(legal_item, pages) == []
    assert [m.code for m in missing_materials(legal_item, {"M01": [sha("x")], "M02": []})] == [
        "M02",
        "M03",
    ]


def test_check_complete_lists_missing_materials_in_chinese(
    personal_item: ServiceItem, person: Person, sha: Sha
) -> None:
    draft = Draft(personal_item, applicant=person)
    draft.add_page("M01", sha("id"))
    with pytest.raises(DraftError) as exc:
        draft.check_complete()
    assert exc.value.code == "draft.missing_materials"
    assert "居民户口簿" in error_text(exc.value)
    assert "M02" in str(exc.value)


def test_add_and_remove_pages(personal_item: ServiceItem, sha: Sha) -> None:
    draft = Draft(personal_item)
    assert draft.add_page("M01", sha("front")) is True
    draft.add_page("M01", sha("back").upper())  # normalised
    draft.add_page("M02", sha("front"))  # one sheet may serve two materials
    assert draft.pages == {"M01": [sha("front"), sha("back")], "M02": [sha("front")]}
    assert draft.blob_hashes == [sha("front"), sha("back")]
    assert draft.add_page("M01", sha("front")) is False  # same content, same page
    assert draft.pages["M01"] == [sha("front"), sha("back")]
    draft.remove_page("M02", sha("front"))
    assert "M02" not in draft.pages
    assert [m.code for m in draft.missing_materials()] == ["M02", "M03"]
    with pytest.raises(DraftError):
        draft.remove_page("M02", sha("front"))
    with pytest.raises(UnknownMaterial):
        draft.add_page("M99", sha("x"))
    with pytest.raises(DraftError):
        draft.add_page("M03", "not-a-hash")


def test_captured_materials_follow_catalog_order(personal_item: ServiceItem, sha: Sha) -> None:
    draft = Draft(personal_item)
    draft.add_page("M03", sha("form"))
    draft.add_page("M01", sha("id"))
    assert draft.captured_materials() == (
        CapturedMaterial("M01", (sha("id"),)),
        CapturedMaterial("M03", (sha("form"),)),
    )


def test_legal_item_needs_a_legal_entity(
    legal_item: ServiceItem, person: Person, legal_entity: LegalEntity
) -> None:
    with pytest.raises(ApplicantMismatch) as exc:
        Draft(legal_item, applicant=person)
    assert exc.value.code == "applicant.needs_legal_entity"
    assert "统一社会信用代码" in error_text(exc.value)
    draft = Draft(legal_item)
    with pytest.raises(ApplicantMismatch):
        draft.set_applicant(person)
    draft.set_applicant(legal_entity)
    assert draft.applicant == legal_entity


def test_personal_item_needs_a_person(
    personal_item: ServiceItem, legal_entity: LegalEntity, sha: Sha
) -> None:
    with pytest.raises(ApplicantMismatch) as exc:
        Draft(personal_item, applicant=legal_entity)
    assert exc.value.code == "applicant.needs_person"
    # Assigning the attribute directly bypasses set_applicant; completeness still says no.
    draft = Draft(personal_item)
    for m in personal_item.required_materials:
        draft.add_page(m.code, sha(m.code))
    draft.applicant = legal_entity
    assert not draft.is_complete
    with pytest.raises(ApplicantMismatch):
        draft.check_complete()


def test_draft_constructor_validates_pages(personal_item: ServiceItem, sha: Sha) -> None:
    draft = Draft(personal_item, pages={"M01": [sha("a").upper()]})
    assert draft.pages == {"M01": [sha("a")]}
    with pytest.raises(UnknownMaterial):
        Draft(personal_item, pages={"M99": [sha("a")]})


def test_draft_to_submission_flow(
    personal_item: ServiceItem, person: Person, sha: Sha, seed_catalog: Catalog
) -> None:
    draft = Draft(personal_item, applicant=person)
    for m in personal_item.materials:
        draft.add_page(m.code, sha(m.code))
    draft.check_complete()
    s = Submission(
        uuid=UUID,
        receipt_no="S001-20261125-0002",
        item_code=draft.item.code,
        catalog_version=seed_catalog.version,
        applicant=person,
        materials=draft.captured_materials(),
        channel=Channel.WINDOW,
        clerk_id="c01",
        accepted_at=datetime(2026, 11, 25, 8, 30, tzinfo=UTC),
    )
    assert s.blob_hashes == draft.blob_hashes
    assert Submission.from_manifest(s.manifest()) == s


# --- electronic licences (电子证照, P9) ------------------------------------------


def test_electronic_licence_is_marked_in_the_manifest_and_read_back(
    person: Person, sha: Sha
) -> None:
    from intake.submission import LicenceRef

    ref = LicenceRef("EL-1", "hukou", "演示HU1", "演示县公安局")
    s = _submission(person, sha, materials=(
        CapturedMaterial("M01", (sha("id-front"),)),
        CapturedMaterial("M02", (sha("licence"),), ref),
    ))  # fmt: skip
    m = s.manifest()
    assert "electronic_licence" not in m["materials"][0]
    assert m["materials"][1]["electronic_licence"] == {
        "licence_id": "EL-1", "kind": "hukou", "number": "演示HU1", "issuer": "演示县公安局"
    }  # fmt: skip
    again = Submission.from_manifest(json.loads(json.dumps(m)))
    assert again.materials[1].licence == ref and again.manifest() == m
    for bad in ({"licence_id": "EL-1"}, {**ref.to_dict(), "kind": 5}, "EL-1",
                {**ref.to_dict(), "number": ""}):  # fmt: skip
        broken = json.loads(json.dumps(m))
        broken["materials"][1]["electronic_licence"] = bad
        with pytest.raises(InvalidManifest):
            Submission.from_manifest(broken)


def test_draft_marks_a_licence_only_while_its_page_is_there(
    personal_item: ServiceItem, sha: Sha
) -> None:
    from intake.submission import LicenceRef

    draft = Draft(personal_item)
    code = personal_item.materials[0].code
    ref = LicenceRef("EL-1", "hukou", "N", "I")
    draft.add_page(code, sha("licence"))
    draft.licences[code] = (sha("licence"), ref)
    assert draft.captured_materials()[0].licence == ref
    draft.add_page(code, sha("paper"))
    draft.remove_page(code, sha("licence"))
    assert draft.captured_materials()[0].licence is None
