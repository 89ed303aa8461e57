"""The reference platform: a real server implementing docs/protocol.md for tests and demos.

Entry points: :func:`sync.platform.app.create_app`, :func:`sync.platform.server.serve`,
:class:`sync.platform.server.PlatformProcess`, ``python -m sync.platform``.
"""
