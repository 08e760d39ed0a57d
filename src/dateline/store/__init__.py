"""Stage `store`: the only code that talks to the database (DuckDB by default)."""

from dateline.store.deadline import QueryTimeout
from dateline.store.duck import SCHEMA_VERSION, Store, StoreError

__all__ = ["SCHEMA_VERSION", "QueryTimeout", "Store", "StoreError"]
