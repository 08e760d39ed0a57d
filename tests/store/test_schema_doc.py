"""docs/schema.md documents exactly the exported columns, with their types, and the API's fields."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.store.schema import TABLES, column_types

DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


def documented_tables(section: str) -> dict[str, dict[str, str]]:
    """`### name` headings of one `## section` of the doc, each with its table's first two columns."""
    text = DOC.read_text(encoding="utf-8").split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    found: dict[str, dict[str, str]] = {}
    for block in text.split("\n### ")[1:]:
        name = block.split("\n", 1)[0].split()[0]
        rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|", block, re.M)
        found[name] = {c: t for c, t in rows if c not in ("column", "field") and not c.startswith("---")}
    return found


def test_every_exported_table_is_documented_column_by_column() -> None:
    documented = documented_tables("Tables")
    assert set(documented) == set(TABLES)
    for name in TABLES:
        assert documented[name] == column_types(name), name


def test_api_objects_are_documented_field_by_field() -> None:
    from pydantic import BaseModel

    from dateline.api import schemas

    documented = documented_tables("API objects")
    assert len(documented) >= 8
    for name, fields in documented.items():
        model = getattr(schemas, name)
        assert issubclass(model, BaseModel)
        # "EventDetail: EventOut, plus ..." documents only the fields the parent lacks.
        parent = next((b for b in model.__mro__[1:] if b.__name__ in documented), None)
        if name == "ActorDetail":  # "ActorOut without `events`, plus ..."
            parent = schemas.ActorOut
        own = set(model.model_fields) - (set(parent.model_fields) if parent else set())
        assert set(fields) == own, name
