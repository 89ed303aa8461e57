"""The self-service kiosk: a thin, locked-down, elderly-friendly Qt front end over station/."""
