"""The first-run set-up wizard (`yiwang setup` on a display): the same steps as the
flags, with each device proven live. Logic lives in station.setup and
station.device_probe; these are only the pages."""
