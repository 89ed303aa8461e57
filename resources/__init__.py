"""Packaged, read-only resources (seed catalog, style sheets, translations).

Located next to this file so that they work the same from a source checkout,
an installed wheel and a frozen build; callers never hard-code paths.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

__all__ = ["SEED_CATALOG", "resource_path"]

_ROOT = Path(__file__).resolve().parent

# Parts for resource_path(*SEED_CATALOG): the catalog a fresh station starts with.
SEED_CATALOG: tuple[str, ...] = ("catalog", "seed_catalog.json")


def resource_path(*parts: str) -> Path:
    """Path of a packaged resource, e.g. ``resource_path("catalog", "seed_catalog.json")``.

    Parts must stay inside the resources folder; a ``..`` or an absolute part is a
    programming error, refused so a resource name can never point elsewhere.
    """
    for part in parts:
        pure = PurePosixPath(part.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or Path(part).is_absolute():
            raise ValueError(f"resource path part must be relative and inside resources: {part!r}")
    return _ROOT.joinpath(*parts)
