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
from dateline.events import code_events, plover_events
from dateline.events.headline import code_headline, headline_sentence
from dateline.model import Article, Event, Mention, ProcessedDoc, RawDoc
from dateline.nlp import parse, parse_events, transient
from dateline.place.event_place import place_event
from dateline.split import split
from dateline.time import date_articles, date_event, metadata_date_problem

# A text longer than this (characters) is cleaned and split a window at a time (`_windowed`).
WINDOW = 2_000_000


def prepare(doc: RawDoc) -> list[Article]:
    """The articles of one document, dated, before any parsing.

    Every article keeps the address of its source. A lone article is dated from it too
    ("/2020/03/15/"); the articles of a paste are not, as the address is only one of theirs.
    """
    articles = split(clean(doc.text), doc) if len(doc.text) <= WINDOW else _windowed(doc)
    source = doc.source_url
    if source is None:
        return date_articles(articles, doc)
    if len(articles) == 1:
        articles = [articles[0] if articles[0].url else replace(articles[0], url=source)]
    return [a if a.url else replace(a, url=source) for a in date_articles(articles, doc)]


def _windowed(doc: RawDoc) -> list[Article]:
    """The articles of a very long text (a paste of thousands of articles), split a window of
    about `WINDOW` characters at a time, so that cleaning and splitting hold one window's lines
    and not the whole text's (about 30 bytes per character of text).

    A window ends at a blank line (else a line end) and the next one starts where the last
    article found in it starts, so an article is never cut by a window's end. Offsets are
    moved to those of the whole text, and articles are numbered through it. What a window's
    split sees of the text around it differs from a split of the whole, so texts this long
    may be cut a little differently than they would be whole.
    """
    text, start = doc.text, 0
    found: list[Article] = []
    while start < len(text):
        end = len(text)
        if start + WINDOW < len(text):
            cut = text.rfind("\n\n", start, start + WINDOW)
            if cut <= start:
                cut = text.rfind("\n", start, start + WINDOW)
            end = cut + 1 if cut > start else start + WINDOW
        window = split(clean(text[start:end]), doc)
        articles = [_moved(a, start, len(found) + k) for k, a in enumerate(window)]
        last = end >= len(text) or len(articles) < 2 or articles[-1].start <= start
        found.extend(articles if last else articles[:-1])
        start = end if last else articles[-1].start
    return found


def _moved(article: Article, offset: int, position: int) -> Article:
    """An article split from a window, with the offsets and number it has in the whole text."""
    return replace(
        article,
        position=position,
        start=article.start + offset,
        end=article.end + offset,
        removed=tuple(replace(s, start=s.start + offset, end=s.end + offset) for s in article.removed),
    )


# Called with a document whose processing raised, and the exception; see `process_documents`.
OnError = Callable[[RawDoc, Exception], None]
# Called with a document and something in it that was ignored, e.g. an impossible metadata date.
OnNote = Callable[[RawDoc, str], None]


# A long paste (more articles than this) is coded and stored this many articles at a time.
PART = 50
# Says whether the articles of one part of a long paste are all stored already (see
# `process_documents`); the pipeline never reads a store itself.
StoredPart = Callable[[list[Article]], bool]


def process_documents(
    docs: Iterable[RawDoc],
    batch_size: int = 16,
    registry: Registry | None = None,
    overrides: Overrides | None = None,
    on_error: OnError | None = None,
    on_note: OnNote | None = None,
    part_size: int | None = None,
    stored_part: StoredPart | None = None,
) -> Iterator[ProcessedDoc]:
    """Process documents in order, parsing the articles of `batch_size` documents per spaCy batch.

    `registry` (what earlier articles said about names) and `overrides` (the user's
    actor file) are plain data passed in, so the function stays pure.

    Without `on_error`, an exception in any document propagates. With it, a
    document that raises is handed to `on_error` and left out, and every other
    document is still yielded: when a batch fails, its documents are processed
    again one by one, so one bad page costs only itself. `on_note` hears of
    metadata that was ignored (a placeholder date such as 0001-01-01).

    With `part_size`, a document of more articles than that (a long paste) is processed
    alone and yielded in parts of `part_size` articles (`ProcessedDoc.part` of `parts`), each
    as soon as it is coded, so a caller can store it in steps and only one part's parses are
    held at once. A part (not the last) for which `stored_part` says its articles are all
    stored already is neither coded nor yielded: a resumed ingest goes on where it stopped.
    Every article is coded on its own, so the parts hold exactly what the whole would.
    """
    stream = iter(docs)
    while chunk := list(islice(stream, batch_size)):
        try:
            prepared = [(doc, prepare(doc)) for doc in chunk]
            long = [part_size is not None and len(articles) > part_size for _, articles in prepared]
            whole = [p for p, big in zip(prepared, long, strict=True) if not big]
            results = _coded(whole, registry, overrides)
        except Exception as exc:
            if on_error is None:
                raise
            if len(chunk) == 1:
                on_error(chunk[0], exc)
                continue
            # Which document failed is not known: each is tried alone (a long one then in parts).
            for doc in chunk:
                alone = _isolated(doc, registry, overrides, on_error, part_size, stored_part)
                yield from _noted(alone, on_note)
            continue
        short = iter(results)
        for (doc, articles), big in zip(prepared, long, strict=True):
            if not big:
                yield from _noted([next(short)], on_note)
                continue
            assert part_size is not None
            parts = _parts(doc, articles, part_size, registry, overrides, stored_part)
            if on_error is None:
                yield from _noted(parts, on_note)
                continue
            try:
                yield from _noted(parts, on_note)
            except Exception as exc:  # noqa: BLE001 - a bad part costs its document only
                on_error(doc, exc)


def _noted(results: Iterable[ProcessedDoc], on_note: OnNote | None) -> Iterator[ProcessedDoc]:
    """The results, telling `on_note` of an ignored metadata date once per document."""
    for result in results:
        if on_note is not None and result.part == 0 and (problem := metadata_date_problem(result.doc.date)):
            on_note(result.doc, problem)
        yield result


def _parts(
    doc: RawDoc,
    articles: list[Article],
    part_size: int,
    registry: Registry | None,
    overrides: Overrides | None,
    stored_part: StoredPart | None,
) -> Iterator[ProcessedDoc]:
    """The parts of one long document, coded one at a time (see `process_documents`)."""
    parts = -(-len(articles) // part_size)
    for k in range(parts):
        chunk = articles[k * part_size : (k + 1) * part_size]
        if k < parts - 1 and stored_part is not None and stored_part(chunk):
            continue
        (result,) = _coded([(doc, chunk)], registry, overrides)
        yield replace(result, part=k, parts=parts, all_articles=len(articles))


def _isolated(
    doc: RawDoc,
    registry: Registry | None,
    overrides: Overrides | None,
    on_error: OnError,
    part_size: int | None = None,
    stored_part: StoredPart | None = None,
) -> list[ProcessedDoc] | Iterator[ProcessedDoc]:
    """One document alone: its result (or parts), or nothing when it raises (reported to `on_error`)."""
    try:
        articles = prepare(doc)
        if part_size is not None and len(articles) > part_size:
            return _guarded(doc, _parts(doc, articles, part_size, registry, overrides, stored_part), on_error)
        return _coded([(doc, articles)], registry, overrides)
    except Exception as exc:  # noqa: BLE001 - any bug or bad input must cost this document only
        on_error(doc, exc)
        return []


def _guarded(doc: RawDoc, parts: Iterator[ProcessedDoc], on_error: OnError) -> Iterator[ProcessedDoc]:
    try:
        yield from parts
    except Exception as exc:  # noqa: BLE001 - a bad part costs its document only
        on_error(doc, exc)


def _coded(
    prepared: list[tuple[RawDoc, list[Article]]], registry: Registry | None, overrides: Overrides | None
) -> list[ProcessedDoc]:
    """The processed documents of one spaCy batch of prepared documents; raises if any does."""
    # The batch's Docs and the new words they brought end with it: the vocabulary stays bounded.
    with transient():
        return _coded_in_zone(prepared, registry, overrides)


def _coded_in_zone(
    prepared: list[tuple[RawDoc, list[Article]]], registry: Registry | None, overrides: Overrides | None
) -> list[ProcessedDoc]:
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
            for event in plover_events(found):
                events.append(place_event(date_event(event, article), article))
        results.append(
            ProcessedDoc(doc=doc, articles=tuple(articles), events=tuple(events), mentions=mentions)
        )
    return results


def process_document(doc: RawDoc) -> ProcessedDoc:
    """Process one document."""
    return next(process_documents([doc]))
