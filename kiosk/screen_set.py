"""The kiosk's screens, each built the first time it is asked for.

Only the attract screen is needed to take the first touch; building the seven others
(and importing their modules) before the window is shown cost a third of the kiosk's
start-up. The window builds them one per event-loop turn after its first paint
(`build_next`), or at once when one is asked for earlier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from kiosk.context import Screen

Factory = Callable[[], Screen]


class ScreenSet(Mapping[str, Screen]):
    def __init__(self, factories: dict[str, Factory], on_built: Callable[[str, Screen], None]):
        self._factories = dict(factories)
        self._built: dict[str, Screen] = {}
        self._on_built = on_built

    def __getitem__(self, name: str) -> Screen:
        screen = self._built.get(name)
        if screen is None:
            screen = self._factories[name]()  # KeyError for a name that is no screen
            self._built[name] = screen
            self._on_built(name, screen)
        return screen

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def built(self) -> list[Screen]:
        """The screens made so far (a screen never built holds nothing to wipe)."""
        return list(self._built.values())

    def name_of(self, screen: Screen) -> str:
        return next(name for name, built in self._built.items() if built is screen)

    def build_next(self) -> bool:
        """Build one screen not yet built; True while others remain."""
        for name in self._factories:
            if name not in self._built:
                self[name]
                break
        return len(self._built) < len(self._factories)
