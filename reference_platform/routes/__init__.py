"""One router per resource; authentication comes in as a dependency (auth.py)."""
