"""The per-batch function every engine runs: `RawDoc`s -> `ProcessedDoc`s -> flat rows.

Rows are plain tuples in the column order of `TABLES`, so the same batch gives
the same rows whichever engine ran it, and any writer (DuckDB here, pyarrow or
a database elsewhere) can take them without knowing the records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dateline.ingest.text import document_error
from dateline.model import Actor, ProcessedDoc, RawDoc
from dateline.store.rows import actor_row, article_row, event_row

# Column name and DuckDB type of each output table. Articles, actors and events
# keep the store's columns (so loading is a plain copy); documents carry what
# dedup needs, computed here, on the workers, rather than at load time.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", "VARCHAR"),
        ("shard", "VARCHAR"),
        ("position", "INTEGER"),
        ("path", "VARCHAR"),
        ("url", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("title", "VARCHAR"),
        ("date", "VARCHAR"),
        ("chars", "INTEGER"),
        ("articles", "INTEGER"),
        ("text_hash", "VARCHAR"),
        ("signature", "BLOB"),
        ("shingles", "INTEGER"),
    ),
    "articles": (
        ("id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
        ("position", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("outlet", "VARCHAR"),
        ("url", "VARCHAR"),
        ("byline", "VARCHAR"),
        ("headline", "VARCHAR"),
        ("dateline", "VARCHAR"),
        ("dateline_place", "VARCHAR"),
        ("date", "VARCHAR"),
        ("date_granularity", "VARCHAR"),
        ("date_source", "VARCHAR"),
        ("language", "VARCHAR"),
        ("body", "VARCHAR"),
        ("removed", "VARCHAR"),
    ),
    "actors": (
        ("id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("title", "VARCHAR"),
    ),
    "events": (
        ("id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("source_id", "VARCHAR"),
        ("target_id", "VARCHAR"),
        ("trigger", "VARCHAR"),
        ("trigger_start", "INTEGER"),
        ("evidence", "VARCHAR"),
        ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"),
        ("negated", "BOOLEAN"),
        ("modality", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("date", "VARCHAR"),
        ("date_granularity", "VARCHAR"),
        ("place", "VARCHAR"),
        ("place_country", "VARCHAR"),
        ("latitude", "DOUBLE"),
        ("longitude", "DOUBLE"),
        # Flat copies of the actors, so the Parquet is usable without a join.
        ("source_name", "VARCHAR"),
        ("source_country", "VARCHAR"),
        ("source_sector", "VARCHAR"),
        ("target_name", "VARCHAR"),
        ("target_country", "VARCHAR"),
        ("target_sector", "VARCHAR"),
    ),
}


@dataclass
class Rows:
    """Rows of every output table, for one shard or batch."""

    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: {name: [] for name in TABLES})
    _actor_ids: set[str] = field(default_factory=set)
    _documents: int = 0  # documents added so far, kept when the tables are emptied
    _totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    # Documents that could not be processed, one line each ("file#record: why"); never emptied.
    errors: list[str] = field(default_factory=list)
    # What was ignored in documents that were processed (an impossible metadata date).
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Rows added per table, including those already handed to a writer."""
        return dict(self._totals)

    def add(self, result: ProcessedDoc, shard: str = "") -> None:
        """Append the rows of one processed document (actors once per batch, first seen wins)."""
        from dateline.store.dedup import fingerprint  # pure: hashes the text, no database

        doc = result.doc
        fp = fingerprint(doc.text)
        before = {name: len(rows) for name, rows in self.tables.items()}
        self._documents += 1
        self.tables["documents"].append(
            (
                doc.id,
                shard,
                self._documents,
                doc.path,
                doc.source_url,
                doc.outlet,
                doc.title,
                doc.date,
                len(doc.text),
                len(result.articles),
                fp.text_hash,
                fp.signature_bytes(),
                fp.shingles,
            )
        )
        for a in result.articles:
            self.tables["articles"].append(article_row(a, doc.text))
        # The same order as the store: event actors first, then those only mentioned.
        actors: list[Actor] = [x for e in result.events for x in (e.source, e.target) if x is not None]
        actors += [m.actor for mentions in result.mentions.values() for m in mentions]
        for actor in actors:
            if actor.id not in self._actor_ids:
                self._actor_ids.add(actor.id)
                self.tables["actors"].append(actor_row(actor))
        for e in result.events:
            t = e.target
            flat: tuple[str | None, ...] = (e.source.name, e.source.country, e.source.sector)
            flat += (t.name, t.country, t.sector) if t else (None, None, None)
            self.tables["events"].append(event_row(e) + flat)
        for name, rows in self.tables.items():
            self._totals[name] += len(rows) - before[name]


def process_batch(
    docs: Iterable[RawDoc], batch_size: int = 16, shard: str = "", rows: Rows | None = None
) -> Rows:
    """Run the per-document pipeline over `docs` and flatten what it finds into rows.

    Every engine calls this one function, so local and distributed runs give the
    same rows; `batch_size` is how many documents go to spaCy at once. Pass the
    `rows` of earlier batches of the same shard to continue them (positions,
    actors already listed). A document that raises is left out and listed in
    `rows.errors`; the others are processed as usual.
    """
    from dateline.pipeline import process_documents  # loads spaCy: only in the process that works

    rows = rows if rows is not None else Rows()

    def failed(doc: RawDoc, exc: Exception) -> None:
        # One bad document is one error line; the batch and the shard go on.
        rows.errors.append(str(document_error(doc, exc)))

    def note(doc: RawDoc, message: str) -> None:
        rows.warnings.append(f"{doc.path or doc.url or doc.id}: {message}")

    for result in process_documents(docs, batch_size=batch_size, on_error=failed, on_note=note):
        rows.add(result, shard)
    return rows
