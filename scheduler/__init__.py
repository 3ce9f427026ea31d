"""The worker: scheduled jobs and the delivery outbox (arrives with the scheduler issue)."""
