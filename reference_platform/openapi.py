"""The OpenAPI document: request bodies are read by hand (strict JSON, signature over the
raw bytes), so their schemas are declared here rather than inferred."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

SIGNED: dict[str, Any] = {"security": [{"stationSignature": []}]}
ADMIN: dict[str, Any] = {"security": [{"adminToken": []}]}

_DOC_MODELS: dict[str, type[BaseModel]] = {}


def body_doc(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` for a route whose JSON body is ``model``."""
    _DOC_MODELS[model.__name__] = model
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
            },
        }
    }


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        for name, model in sorted(_DOC_MODELS.items()):
            js = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for def_name, definition in js.pop("$defs", {}).items():
                schemas.setdefault(def_name, definition)
            schemas[name] = js
        components["securitySchemes"] = {
            "stationSignature": {
                "type": "apiKey",
                "in": "header",
                "name": "X-Signature",
                "description": "HMAC-SHA256 request signature with X-Station, X-Timestamp and "
                "X-Nonce; see docs/protocol.md",
            },
            "adminToken": {"type": "http", "scheme": "bearer"},
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
