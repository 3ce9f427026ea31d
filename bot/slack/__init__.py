"""Slack: the bolt app, its listeners, Block Kit rendering and forms."""
