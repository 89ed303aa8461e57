"""`yiwang doctor`: check the station end to end; one verdict per line with its fix.

Exit codes: 0 every check passed; 1 at least one failed; 2 (with ``--bundle``) the
bundle could not be written. A bundle is usually made precisely because something
fails, so it is written either way; the exit code still tells a script (or a remote
colleague's runbook) whether the station is healthy, as without ``--bundle``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sync.exit_codes import ExitCode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("doctor", help="check configuration, database, disk, platform and devices")
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--json", action="store_true", help='one JSON object {"ok", "checks": [...]}')
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN",
                   help="language of the human output (not of --json)")
    p.add_argument(
        "--bundle", type=Path, default=None, help="also write a diagnostics zip (no personal data)"
    )
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from yiwang.doctor import run_doctor

    data_dir: Path = args.data_dir
    english = args.lang == "en"
    checks = run_doctor(data_dir)
    ok = all(c.ok for c in checks)
    if args.json:
        print(json.dumps(
            {"ok": ok, "data_dir": str(data_dir), "checks": [c.to_json() for c in checks]},
            ensure_ascii=False,
        ))
    else:
        from yiwang.doctor.words import human_lines

        print("\n".join(human_lines(checks, english=english)))
    if args.bundle is not None:
        from yiwang.doctor.bundle import write_bundle
        from yiwang.doctor.words import word

        try:
            write_bundle(data_dir, args.bundle, checks)
        except OSError as e:
            print(f"{word('bundle_failed', english=english)} {args.bundle}: {e}",
                  file=sys.stderr)
            return int(ExitCode.CONFIG)
        print(f"{word('bundle_written', english=english)} {args.bundle}", file=sys.stderr)
    return int(ExitCode.OK if ok else ExitCode.FAILED)
