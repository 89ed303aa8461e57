from __future__ import annotations

import json


def test_committed_openapi_document_is_current() -> None:
    from reference_platform import openapi_doc  # FastAPI: loaded by the test, not collection

    committed = openapi_doc.DOC_PATH.read_text(encoding="utf-8")
    assert committed == openapi_doc.render(), (
        "docs/openapi.json is stale: run `.venv/bin/python -m reference_platform.openapi_doc`"
    )


def test_openapi_documents_every_endpoint() -> None:
    from reference_platform import openapi_doc

    doc = json.loads(openapi_doc.render())
    paths = doc["paths"]
    assert set(paths["/v1/blobs/{sha256}"]) == {"head", "patch"}
    assert "put" in paths["/v1/submissions/{uuid}"]
    assert "Manifest" in doc["components"]["schemas"]
    for route in ("/v1/stations/enroll", "/v1/status-updates", "/v1/catalog",
                  "/v1/evaluations/{uuid}", "/v1/stations/{station_id}/heartbeat",
                  "/v1/admin/submissions", "/v1/admin/submissions/{uuid}/status"):
        assert route in paths
