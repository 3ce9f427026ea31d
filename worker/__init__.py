"""The worker: the teams' scheduled jobs, the outbox's sender and the inbox's runner (`service.py`)."""
