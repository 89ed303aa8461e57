"""Local store and delivery: SQLite + encrypted blobs (store, blobs, crypto), the platform
client, the delivery engine and its process runner, station config, the reference platform."""
