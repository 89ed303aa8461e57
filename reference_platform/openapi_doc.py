"""Write or check the committed OpenAPI document (docs/openapi.json).

``python -m reference_platform.openapi_doc`` regenerates it; ``--check`` exits 1 when
the committed file is stale.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reference_platform.app import create_app

DOC_PATH = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"


def generate() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Path(tmp) / "doc.db", admin_token="doc", seed_catalog=None)
        try:
            return app.openapi()
        finally:
            app.state.store.close()


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if docs/openapi.json is stale")
    parser.add_argument("--output", type=Path, default=DOC_PATH)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            hint = "run python -m reference_platform.openapi_doc"
            print(f"{args.output} is stale; {hint}", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
