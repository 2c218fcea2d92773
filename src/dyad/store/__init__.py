"""The store: many documents, one deduplicated record (SQLite by default, PostgreSQL by URL)."""

from dyad.store.resolve import Overrides
from dyad.store.schema import SCHEMA_VERSION
from dyad.store.store import DEFAULT_DB, Store, StoreError, WriteResult, default_url

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Overrides", "Store", "StoreError", "WriteResult", "default_url"]
