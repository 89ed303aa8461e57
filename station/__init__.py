"""The station's services, composed without Qt.

Both UIs (clerk_station, kiosk) and the command line build on this package:
it wires the store, the catalog, the devices and the sync engine together so
that neither UI re-implements the acceptance flow.
"""
