"""`yiwang platform`: serve the reference platform."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from reference_platform.__main__ import add_arguments

    p = sub.add_parser("platform", help="serve the reference platform (development, demos, tests)")
    add_arguments(p)
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from reference_platform.__main__ import main

    return main(args)
