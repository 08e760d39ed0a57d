"""The per-document pipeline: one pure function from a `RawDoc` to its records.

clean -> split -> time (document dates) -> nlp -> actors -> events -> time/place
(event dates and places). A headline is coded too, after its body, for the event
it states that the body does not (`dateline.events.headline`). The CLI, the store
and any batch runner only call this; nothing here reads the database or global
state beyond the loaded model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice

from dateline.actors import find_actors
from dateline.actors.overrides import Overrides
from dateline.actors.registry import Registry
from dateline.clean import clean
from dateline.events import code_events
from dateline.events.headline import code_headline, headline_sentence
from dateline.model import Article, Event, Mention, ProcessedDoc, RawDoc
from dateline.nlp import parse, parse_events
from dateline.place.event_place import place_event
from dateline.split import split
from dateline.time import date_articles, date_event, metadata_date_problem


def prepare(doc: RawDoc) -> list[Article]:
    """The articles of one document, dated, before any parsing.

    Every article keeps the address of its source. A lone article is dated from it too
    ("/2020/03/15/"); the articles of a paste are not, as the address is only one of theirs.
    """
    articles = split(clean(doc.text), doc)
    source = doc.source_url
    if source is None:
        return date_articles(articles, doc)
    if len(articles) == 1:
        articles = [articles[0] if articles[0].url else replace(articles[0], url=source)]
    return [a if a.url else replace(a, url=source) for a in date_articles(articles, doc)]


# Called with a document whose processing raised, and the exception; see `process_documents`.
OnError = Callable[[RawDoc, Exception], None]
# Called with a document and something in it that was ignored, e.g. an impossible metadata date.
OnNote = Callable[[RawDoc, str], None]


def process_documents(
    docs: Iterable[RawDoc],
    batch_size: int = 16,
    registry: Registry | None = None,
    overrides: Overrides | None = None,
    on_error: OnError | None = None,
    on_note: OnNote | None = None,
) -> Iterator[ProcessedDoc]:
    """Process documents in order, parsing the articles of `batch_size` documents per spaCy batch.

    `registry` (what earlier articles said about names) and `overrides` (the user's
    actor file) are plain data passed in, so the function stays pure.

    Without `on_error`, an exception in any document propagates. With it, a
    document that raises is handed to `on_error` and left out, and every other
    document is still yielded: when a batch fails, its documents are processed
    again one by one, so one bad page costs only itself. `on_note` hears of
    metadata that was ignored (a placeholder date such as 0001-01-01).
    """
    stream = iter(docs)
    while chunk := list(islice(stream, batch_size)):
        try:
            results = _process_chunk(chunk, registry, overrides)
        except Exception as exc:
            if on_error is None:
                raise
            if len(chunk) == 1:
                on_error(chunk[0], exc)
                continue
            # Which document failed is not known: each is tried alone.
            results = [r for doc in chunk for r in _isolated(doc, registry, overrides, on_error)]
        for result in results:
            if on_note is not None and (problem := metadata_date_problem(result.doc.date)):
                on_note(result.doc, problem)
            yield result


def _isolated(
    doc: RawDoc, registry: Registry | None, overrides: Overrides | None, on_error: OnError
) -> list[ProcessedDoc]:
    """One document alone: its result, or nothing when it raises (reported to `on_error`)."""
    try:
        return _process_chunk([doc], registry, overrides)
    except Exception as exc:  # noqa: BLE001 - any bug or bad input must cost this document only
        on_error(doc, exc)
        return []


def _process_chunk(
    chunk: list[RawDoc], registry: Registry | None, overrides: Overrides | None
) -> list[ProcessedDoc]:
    """The processed documents of one spaCy batch; raises if any document of it does."""
    prepared = [(doc, prepare(doc)) for doc in chunk]
    # Only English goes to the English parser and event coder; other articles are kept, tagged.
    english = [a for _, articles in prepared for a in articles if a.language == "en"]
    # Only sentences that can hold an event are parsed (see `dateline.nlp.parse_events`).
    bodies = (a.body for a in english)
    parsed = dict(zip((a.id for a in english), parse_events(bodies), strict=True))
    # Headlines, rewritten as plain sentences, are short: parsed whole.
    sentences = {a.id: s for a in english if a.headline and (s := headline_sentence(a.headline))}
    headlines = dict(zip(sentences, parse(sentences.values()), strict=True))
    results: list[ProcessedDoc] = []
    for doc, articles in prepared:
        events: list[Event] = []
        mentions: dict[str, tuple[Mention, ...]] = {}
        for article in articles:
            if article.id not in parsed:
                continue
            actors = find_actors(parsed[article.id], article, registry, overrides)
            mentions[article.id] = actors.mentions
            found = code_events(parsed[article.id], article, actors)
            if article.id in headlines:
                found = [
                    *code_headline(headlines[article.id], article, actors, found, registry, overrides),
                    *found,
                ]
            for event in found:
                events.append(place_event(date_event(event, article), article))
        results.append(
            ProcessedDoc(doc=doc, articles=tuple(articles), events=tuple(events), mentions=mentions)
        )
    return results


def process_document(doc: RawDoc) -> ProcessedDoc:
    """Process one document."""
    return next(process_documents([doc]))
