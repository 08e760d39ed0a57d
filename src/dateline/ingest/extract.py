"""`dateline extract`: what each input document is, as records, without processing or storing it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from dateline.ingest.readers import iter_documents
from dateline.ingest.text import IngestError, list_inputs
from dateline.model import RawDoc

FIELDS = ("path", "url", "outlet", "headline", "byline", "date", "language", "text")


def doc_record(doc: RawDoc) -> dict[str, Any]:
    """One document as a record: path, url, outlet, headline, byline, date, language, text."""
    from dateline.split.language import guess_language

    byline = getattr(doc, "byline", None)
    language = getattr(doc, "language", None) or guess_language(doc.text)
    return {
        "path": doc.path,
        "url": doc.source_url,
        "outlet": doc.outlet,
        "headline": doc.title,
        "byline": byline,
        "date": doc.date,
        "language": language,
        "text": doc.text,
    }


def extract_records(
    paths: Iterable[str], fmt: str = "auto", fields: Mapping[str, str] | None = None
) -> Iterator[dict[str, Any] | IngestError]:
    """A record per document of the inputs, or an `IngestError` per input that failed."""
    for item in list_inputs(paths):
        for found in iter_documents(item, fmt, fields):
            yield found if isinstance(found, IngestError) else doc_record(found)
