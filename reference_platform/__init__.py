"""The reference platform: a real server implementing docs/protocol.md for tests and demos.

Entry points: :func:`reference_platform.app.create_app`,
:func:`reference_platform.server.serve`, :class:`reference_platform.server.PlatformProcess`,
``python -m reference_platform`` (also ``yiwang platform``). It imports nothing of this
project but ``wire`` (the shared protocol).
"""
