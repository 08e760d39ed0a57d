"""Intake: inputs read, processed and stored one document at a time, stories kept up to date.

This is the loop behind `dateline ingest`, and the one `dateline eval stories` runs so that it
measures the stories a user gets. It talks to no one: progress goes to a `Steps` object and
warnings to a callback, which the CLI turns into a progress bar and messages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from dateline.ingest import IngestError, document_error, iter_documents
from dateline.ingest.fetch import Fetcher, fetch_documents, is_url
from dateline.model import Actor, Article, RawDoc
from dateline.store import Store


class Steps(Protocol):
    """What an intake reports as it goes, counted in documents (see `cli.progress`)."""

    def file_read(self, documents: int) -> None: ...

    def document_found(self, first: bool) -> None: ...

    def document_done(self) -> None: ...

    def part_done(self, doc_id: str, articles: int, all_articles: int, last: bool) -> None: ...


class NoSteps:
    """Progress nobody watches."""

    def file_read(self, documents: int) -> None:
        """Nothing to show."""

    def document_found(self, first: bool) -> None:
        """Nothing to show."""

    def document_done(self) -> None:
        """Nothing to show."""

    def part_done(self, doc_id: str, articles: int, all_articles: int, last: bool) -> None:
        """Nothing to show."""


@dataclass
class Intake:
    """What one intake did: new documents, documents already stored, and one error per failure."""

    new: int = 0
    unchanged: int = 0
    errors: list[IngestError] = field(default_factory=list)


def documents_of(
    item: Any, fmt: str = "auto", fields: dict[str, str] | None = None, fetcher: Fetcher | None = None
) -> Iterator[RawDoc | IngestError]:
    """The documents of one input: a web address is fetched (`fetcher`), anything else read."""
    if isinstance(item, str) and is_url(item) and fetcher is not None:
        found = fetch_documents(fetcher, item, fmt)
        yield from [found] if isinstance(found, IngestError) else found
        return
    yield from iter_documents(item, fmt, fields)


def ingest_into(
    store: Store,
    items: list[Any],
    *,
    fmt: str = "auto",
    fields: dict[str, str] | None = None,
    overrides: Mapping[str, Actor] | None = None,
    fetcher: Fetcher | None = None,
    steps: Steps | None = None,
    on_note: Callable[[RawDoc, str], None] | None = None,
) -> Intake:
    """Read, process and store every input (files, folders, web addresses).

    An input (a feed, a JSONL export, a WARC) may hold many documents. A document whose
    processing or storing fails is one error (file and record) and the others go on.

    Each document is coded on its own: what other articles said about a name (the corpus actor
    registry) is not used here, as it would depend on what was stored before, and so on where an
    earlier run stopped. The same documents give the same events whatever the order of runs and
    interruptions. Stories are brought up to date every `BLOCK` stored articles
    (`refresh_story_blocks`), so an interrupted intake leaves stories for what it stored; the
    caller refreshes the last few.
    """
    from dateline.pipeline import PART, process_documents  # loads spaCy: only when needed
    from dateline.stories import refresh

    steps = steps or NoSteps()
    done = Intake()
    # DuckDB's cache must not grow with the store (issue 16).
    store.bound_memory()
    # A run killed after storing a block but before clustering it: catch up first.
    refresh.refresh_story_blocks(store, refresh.BLOCK)
    waiting = len(store.unassigned_articles())

    def readable() -> Iterator[RawDoc]:
        for item in items:
            found = 0
            # One document at a time: a JSON Lines export is streamed, not held whole.
            for doc in documents_of(item, fmt, fields, fetcher):
                if isinstance(doc, IngestError):
                    done.errors.append(doc)
                    continue
                steps.document_found(first=found == 0)
                found += 1
                if store.has_document(doc.id):
                    done.unchanged += 1
                    steps.document_done()
                else:
                    yield doc
            if not found:
                steps.file_read(0)

    def failed(doc: RawDoc, exc: Exception) -> None:
        done.errors.append(document_error(doc, exc))
        steps.document_done()

    def stored(articles: list[Article]) -> bool:
        return store.has_articles([a.id for a in articles])

    # A long paste is coded and committed PART articles at a time, with progress in articles.
    documents = process_documents(
        readable(), overrides=overrides, on_error=failed, on_note=on_note, part_size=PART, stored_part=stored
    )
    for result in documents:
        try:
            saved = store.save(result)
        except Exception as exc:  # noqa: BLE001 - one document that cannot be stored costs only itself
            failed(result.doc, exc)
            continue
        if result.parts > 1:
            steps.part_done(result.doc.id, len(result.articles), result.all_articles or 0, result.last_part)
            if not result.last_part:
                continue
        if saved:
            done.new += 1
            waiting += result.all_articles or len(result.articles)
            if waiting >= refresh.BLOCK:
                refresh.refresh_story_blocks(store, refresh.BLOCK)
                store.bound_memory()  # room for the indexes of what was stored
                waiting = len(store.unassigned_articles())
        else:
            done.unchanged += 1
        if result.parts == 1:
            steps.document_done()
    return done
