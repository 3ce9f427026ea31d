"""The string table by area (`handlers.text.strings.MESSAGES` is their union; no key twice)."""
