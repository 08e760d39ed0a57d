"""Property-based requests generated from the OpenAPI schema: the API never answers with a server error."""

from __future__ import annotations

from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.model import RawDoc  # noqa: E402
from dateline.pipeline import process_document  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.stories.refresh import refresh_stories  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, seed_text: str, nlp: object):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("schema") / "d.duckdb"
    with Store(path) as store:
        store.save(process_document(RawDoc(text=seed_text, path="korea.txt")))
        refresh_stories(store)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(str(Path(path))))


def test_no_server_errors(api_schema) -> None:  # type: ignore[no-untyped-def]
    """Every operation, with requests generated from its parameters' schemas, answers below 500."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:

        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(checks=[not_a_server_error])

        check()
