"""告知承诺制: after the accept, the clerk captures the applicant's SIGNED 告知承诺书 back
into the case (file import through the camera pipeline's quality checks: a blurred page
is refused), and it reaches the platform exactly once as a supplement marked as the
commitment form (P10); a second capture is refused while the first stands. Real widgets,
the reference platform, the station's own engine."""

from __future__ import annotations

import os
import uuid as uuidlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import pytest
from pytestqt.qtbot import QtBot

from clerk_station.case_detail import CaseDetailDialog
from clerk_station.supplement_dialog import SupplementDialog
from devices.camera.synthetic import render_document
from intake.acceptance import COMMITMENT_FORM, Acceptance, Mode
from intake.applicant import Person
from intake.errors import IntakeError
from intake.submission import CapturedMaterial, Channel
from station.context import open_station
from station.services import StationServices
from sync.store import SyncState
from tests.e2e.intakes import PHOTO_SIZE

PERSON = Person(name="王小明", id_number="11010519491231002X")
SHOTS = Path(os.environ["YIWANG_SCREENSHOTS"]) if os.environ.get("YIWANG_SCREENSHOTS") else None


@pytest.fixture
def services(station_dir: Path) -> Iterator[StationServices]:
    s = open_station(station_dir, with_engine=True)
    yield s
    s.close()


def _photo(folder: Path, name: str, seed: int, *, blur: float = 0.6) -> Path:
    shot = render_document("告知承诺书", f"YWDOC|{name}", seed=seed, blur=blur, noise=2.0,
                           glare=False, size=PHOTO_SIZE)  # fmt: skip
    path = folder / name
    assert cv2.imwrite(str(path), shot.image)
    return path


def _committed_case(services: StationServices, acceptance: Acceptance | None) -> str:
    store = services.intake.store
    shas = [store.put_blob(os.urandom(1500) + bytes([i])) for i in range(2)]
    sub = store.accept(
        uuid=str(uuidlib.uuid4()), station_code=services.intake.station_code,
        item_code="SB-002", catalog_version="1", applicant=PERSON, channel=Channel.WINDOW,
        clerk_id="c01", now=datetime.now(UTC), acceptance=acceptance,
        materials=[CapturedMaterial("M01", (shas[0],)), CapturedMaterial("M03", (shas[1],))],
    )  # fmt: skip
    return sub.uuid


def test_the_signed_commitment_form_is_captured_and_delivered_once(
    qtbot: QtBot, services: StationServices, admin: Callable[..., Any], tmp_path: Path
) -> None:
    engine, day = services.engine, services.clerk_day
    assert engine is not None and day is not None and day.followup is not None
    uuid = _committed_case(services, Acceptance(Mode.COMMITMENT, ("M02",)))
    engine.run_once()
    assert services.intake.store.get(uuid).sync_state is SyncState.DELIVERED

    dialog = CaseDetailDialog(day, uuid, "c01")
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.followup
    assert panel is not None
    qtbot.waitUntil(lambda: panel.view is not None, timeout=10_000)
    assert panel.commitment_button.isVisible() and not panel.supplement_button.isVisible()
    assert "not captured yet" in panel.progress.text()
    form = panel.open_commitment_form()
    assert isinstance(form, SupplementDialog) and form.commitment
    qtbot.addWidget(form)
    assert form.material.count() == 1 and form.material.currentData() == COMMITMENT_FORM
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    form.import_files([_photo(pictures, "blurred.png", 5, blur=3.5)])
    # worded in the window's language: English here (no translator installed)
    qtbot.waitUntil(lambda: "blurry" in form.message.text(),
                    timeout=20_000)  # fmt: skip
    assert form.pages == [] and not form.send_button.isEnabled()
    form.import_files([_photo(pictures, "signed.png", 6)])
    qtbot.waitUntil(lambda: len(form.pages) == 1, timeout=20_000)
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        form.grab().save(str(SHOTS / "commitment_form_capture.png"))
    form.send_button.click()
    qtbot.waitUntil(lambda: form.outcome_uuid is not None, timeout=10_000)
    outcome = form.outcome_uuid
    form.accept()
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.commitment_form is not None,
                    timeout=10_000)  # fmt: skip
    assert not panel.commitment_button.isVisible()  # once per case
    with pytest.raises(IntakeError) as again:
        day.followup.add_commitment_form(uuid, [form.pages[0][1]], clerk_id="c01")
    assert again.value.code == "followup.commitment_form_exists"

    engine.run_once()
    engine.run_once()  # nothing is sent twice
    held = admin("GET", f"/v1/admin/supplements?submission={uuid}")
    assert [h["uuid"] for h in held] == [outcome]
    assert held[0]["purpose"] == "commitment_form"
    assert [b["sha256"] for b in held[0]["blobs"]] == [form.pages[0][1]]
    assert held[0]["blobs"][0]["verified"]
    panel.refresh()
    qtbot.waitUntil(lambda: "delivered" in panel.progress.text(), timeout=10_000)
    dialog.close()


def test_only_a_commitment_case_takes_a_signed_form(services: StationServices) -> None:
    day = services.clerk_day
    assert day is not None and day.followup is not None
    uuid = _committed_case(services, None)
    view = day.followup.view(uuid)
    assert not view.commitment_accepted and not view.can_capture_commitment
    page = services.intake.store.put_blob(os.urandom(500))
    with pytest.raises(IntakeError) as refused:
        day.followup.add_commitment_form(uuid, [page], clerk_id="c01")
    assert refused.value.code == "followup.not_commitment"
