"""Test-wide settings: headless Qt before anything imports it; shared fixture plugins."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.sync_fixtures"]
