"""SQLite storage: one file, WAL, versioned migrations, FTS5."""

from app.store.database import Database, from_db_time, to_db_time

__all__ = ["Database", "from_db_time", "to_db_time"]
