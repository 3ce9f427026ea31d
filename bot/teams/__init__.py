"""Microsoft Teams (`bot/teams/plugin.py`)."""
