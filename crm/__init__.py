"""CRM sync with Zoho CRM and 纷享销客 (fxiaoke), and the files each imports as it is.

`crm/` sits beside `bot/` and `worker/`: it imports `storage` (and `handlers` for pure rules),
never the other way round; the CLI, the web process and the worker wire it in. See docs/crm.md.
"""
