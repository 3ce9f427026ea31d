"""The console platform (`plugin.py`): `salesbot say` and `chat`, the demo, the tests' chat backend."""
