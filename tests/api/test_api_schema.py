"""Property-based requests generated from the OpenAPI schema: the API never answers with a server
error, answers only the status codes it documents, with bodies in their documented shape, and
refuses what the schema says is invalid."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

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


def test_answers_keep_the_documented_contract(api_schema) -> None:  # type: ignore[no-untyped-def]
    """Every operation, with requests generated from its parameters' schemas (valid and not),
    answers below 500, with a documented status, content type and body."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 7
    for operation, mode in itertools.product(operations, GenerationMode):

        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(mode))
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(
                checks=[
                    not_a_server_error,
                    status_code_conformance,
                    content_type_conformance,
                    response_schema_conformance,
                    negative_data_rejection,
                ]
            )

        try:
            check()
        except Unsatisfiable:
            # Only an operation whose one parameter is a free string (an id in the path) has no
            # invalid values to generate.
            assert mode is GenerationMode.NEGATIVE and not operation.query, operation.label
