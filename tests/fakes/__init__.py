"""Loopback fakes of the chat platforms, speaking their wire protocols."""
