"""INSERT … ON CONFLICT, in the dialect of the database at hand. PostgreSQL's dialect is imported
only when a PostgreSQL database is used (it is a tenth of `salesbot say`'s start on SQLite)."""
from __future__ import annotations


def insert_for(dialect_name: str):
    """`insert` of SQLAlchemy's dialect for this database: PostgreSQL's or SQLite's, which both
    have `on_conflict_do_nothing` and `on_conflict_do_update`."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert
