"""How each kiosk screen is made (kiosk.screen_set builds each on first use).

The screens' modules are imported when the screen is built, not with the window: only
the attract screen is needed to take the first touch (cold start)."""

from __future__ import annotations

from kiosk.context import KioskContext, Screen
from kiosk.screen_set import Factory
from kiosk.screens.attract import AttractScreen


def screen_factories(ctx: KioskContext) -> dict[str, Factory]:
    def apply() -> Screen:
        from kiosk.screens.apply import ApplyScreen

        return ApplyScreen(ctx)

    def progress() -> Screen:
        from kiosk.screens.progress import ProgressScreen

        return ProgressScreen(ctx)

    def reprint() -> Screen:
        from kiosk.screens.reprint import ReprintScreen

        return ReprintScreen(ctx)

    def evaluate() -> Screen:
        from kiosk.screens.evaluate import EvaluateScreen

        return EvaluateScreen(ctx)

    def guide() -> Screen:
        from kiosk.screens.guide import GuideScreen

        return GuideScreen(ctx)

    def pin() -> Screen:
        from kiosk.screens.maintenance import PinScreen

        return PinScreen(ctx)

    def maintenance() -> Screen:
        from kiosk.screens.maintenance import MaintenanceScreen

        return MaintenanceScreen(ctx)

    return {
        "attract": lambda: AttractScreen(ctx),
        "apply": apply,
        "progress": progress,
        "reprint": reprint,
        "evaluate": evaluate,
        "guide": guide,
        "pin": pin,
        "maintenance": maintenance,
    }
