"""The window's side of delivery: the sync badge, the case list, catalog reloads.

Owns the engine's thread (through SyncBridge) and turns its events into what
the clerk sees; every store read runs on the disk lane.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from clerk_station.case_list import CaseListDialog
from intake.catalog import Catalog
from station.cases import QueueCounts
from station.services import StationServices
from ui_shared.bridges import SyncBridge
from ui_shared.messages import clock_skew_text
from ui_shared.plain_text import PlainLabel
from ui_shared.sync_badge import SyncBadge
from ui_shared.tasks import TaskRunner

log = logging.getLogger(__name__)


def transfer_figures(event: object) -> tuple[int, int, int, int, bool] | None:
    """What the badge shows of an engine event (sync.engine.events.SyncEvent): the
    submission being sent counted from 1 to N, the bytes of it the platform holds,
    its size, and whether it arrived; None for events without figures."""
    kind, total = getattr(event, "kind", ""), int(getattr(event, "total", 0))
    if kind not in ("progress", "delivered") or not total:
        return None
    return (int(getattr(event, "item", 0)), total, int(getattr(event, "bytes_done", 0)),
            int(getattr(event, "bytes_total", 0)), kind == "delivered")


def link_verdict(kind: str) -> bool | None:
    """What an engine event says of the link to the platform: True only for an answer
    from it, False for a failed call, None (keep the last verdict) for events of the
    local queue ("started", "idle": nothing left to send proves nothing)."""
    if kind in ("offline", "retry", "auth_failed"):
        return False
    if kind in ("online", "delivered", "progress"):
        return True
    return None


class SyncController(QObject):
    catalog_reloaded = Signal(object)  # intake.catalog.Catalog

    def __init__(
        self,
        services: StationServices,
        tasks: TaskRunner,
        badge: SyncBadge,
        window: QWidget,
        *,
        english: bool = False,
    ) -> None:
        super().__init__(window)
        self.services = services
        self.tasks = tasks
        self.badge = badge
        self._window = window
        self._english = english
        self.case_list: CaseListDialog | None = None
        #: the station's clock is off the platform's: the host window places it
        self.clock_banner = PlainLabel("", window, multiline=True)
        self.clock_banner.setObjectName("clockBanner")
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setStyleSheet(
            "QLabel#clockBanner { background: #fdecea; color: #a61b1b; padding: 6px;"
            " font-weight: bold; }"
        )
        self.clock_banner.hide()
        self.bridge: SyncBridge | None = None
        self._unsubscribe: Callable[[], None] = lambda: None
        if services.engine is not None:
            engine = services.engine
            self.bridge = SyncBridge(engine.run_forever, engine.wake, self)
            self._unsubscribe = services.sync_events.subscribe(self.bridge.relay)
            self.bridge.sync_event.connect(self._on_event)
            badge.sync_now_requested.connect(self.bridge.sync_now)

    def start(self) -> None:
        if self.bridge is not None:
            self.bridge.start()

    def stop(self) -> None:
        if self.bridge is not None:
            self._unsubscribe()
            self.bridge.stop()

    def sync_now(self) -> None:
        if self.bridge is not None:
            self.bridge.sync_now()

    def _on_event(self, event: object) -> None:
        kind = getattr(event, "kind", "")
        if kind == "catalog":
            self._reload_catalog()
        if kind == "clock":
            self._show_clock(getattr(event, "params", {}))
        verdict = link_verdict(kind)
        if verdict is not None:
            self.badge.set_online(verdict)
        if not self._show_transfer(event) and kind in ("idle", "offline", "retry", "auth_failed"):
            self.badge.set_progress("")
        self.refresh_queue_depth()

    def _show_transfer(self, event: object) -> bool:
        figures = transfer_figures(event)
        if figures is None:
            return False
        item, total, held, size, delivered = figures
        self.badge.set_transfer(item, total, held, size, delivered=delivered)
        return True

    def _show_clock(self, params: object) -> None:
        text = clock_skew_text(params if isinstance(params, Mapping) else {}, english=self._english)
        if text:
            log.warning("station clock is off the platform's: %s", params)
        self.clock_banner.setText(text)
        self.clock_banner.setVisible(bool(text))

    def _reload_catalog(self) -> None:
        def loaded(catalog: Catalog) -> None:
            # the draft in progress keeps its item and version; only new choices see the update
            self.services.catalog = catalog
            log.info("service catalog reloaded: version %s", catalog.version)
            self.catalog_reloaded.emit(catalog)

        self.tasks.disk(
            self.services.catalog_loader,
            loaded,
            lambda e: log.warning("catalog reload failed: %r", e),
        )

    def refresh_queue_depth(self) -> None:
        def shown(counts: QueueCounts) -> None:
            self.badge.set_queue_depth(counts.waiting)
            self.badge.set_attention(counts.needs_attention)

        self.tasks.disk(
            self.services.cases.counts, shown, lambda e: log.warning("queue count failed: %r", e)
        )
        if self.case_list is not None and self.case_list.isVisible():
            self.case_list.refresh()

    def open_case_list(self) -> None:
        day = self.services.clerk_day
        if day is None:
            log.warning("no case list: this composition has no ledger")
            return
        if self.case_list is None:
            ledger = day.ledger
            dialog = CaseListDialog(
                lambda query, after, limit: ledger.search(query, after=after, limit=limit),
                self.tasks,
                self.services.catalog,
                self._window,
                english=self._english,
            )
            dialog.requeue_requested.connect(self._requeue)
            self.case_list = dialog
        self.case_list.refresh()
        self.case_list.show()
        self.case_list.raise_()

    def _requeue(self, uuid: str) -> None:
        commands = self.services.case_commands
        clerk = self.services.clerk_id

        def done(_ok: bool) -> None:
            self.sync_now()
            self.refresh_queue_depth()

        self.tasks.disk(
            lambda: commands.send_again(uuid, actor=clerk),
            done,
            lambda e: log.warning("requeue failed: %r", e),
        )
