"""Runtime: settings, CLI, console and platform adapters, renderers."""
