"""Typed ORM models, one module per area. Money is Decimal, times are stored in UTC; Alembic migrations own
the schema.

Import a model from its area (`from storage.models.sales import Deal`). Importing any of them loads them
all (below), so `Base.metadata` always holds every table, whichever module a caller imported first.
"""

from storage.models import crm, messaging, sales, team, workspace  # noqa: F401 (every table registered)
