"""Storage: typed models, engine/session factories, repositories, Alembic migrations."""
