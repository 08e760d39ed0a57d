"""Load the Parquet output of `dateline batch` into the store.

Each shard goes in one transaction: its new documents (checked for wire
copies against everything stored, as `Store.save` does), then its articles,
actors and events. Ids are content hashes, so loading the same folder twice,
or two folders that overlap, stores each record once.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import numpy as np

from dateline.store.copies import StoredCopies
from dateline.store.dedup import Fingerprint
from dateline.store.read import index_events
from dateline.store.transaction import transaction

# The store's columns, read by name from the partitions (which may carry more).
_COLUMNS = {
    "articles": (
        "id, doc_id, position, start_char, end_char, outlet, url, byline, headline, dateline, "
        "dateline_place, date, date_granularity, date_source, language, body, removed"
    ),
    "actors": "id, name, country, sector, title",
    "events": (
        "id, article_id, type, cameo, source_id, target_id, trigger, trigger_start, evidence, "
        "sentence_start, sentence_end, negated, modality, confidence, date, date_granularity, "
        "place, place_country, latitude, longitude"
    ),
}


class LoadError(ValueError):
    """The folder is not the output of `dateline batch`."""


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def shard_files(folder: Path) -> list[str]:
    """Ids of the shards with all four partitions in `folder`, in the manifest's order when there is one."""
    if not (folder / "documents").is_dir():
        raise LoadError(f"{folder}: not the output of `dateline batch` (no documents/ folder)")
    found = {p.stem for p in (folder / "documents").glob("*.parquet")}
    complete = {s for s in found if all((folder / t / f"{s}.parquet").is_file() for t in _COLUMNS)}
    order: list[str] = []
    manifest = folder / "manifest.json"
    if manifest.is_file():
        try:
            order = [s["id"] for s in json.loads(manifest.read_text(encoding="utf-8")).get("shards", [])]
        except (OSError, ValueError, KeyError, TypeError):
            order = []
    rank = {s: i for i, s in enumerate(order)}
    return sorted(complete, key=lambda s: (rank.get(s, len(rank)), s))


def _count(db: duckdb.DuckDBPyConnection, table: str) -> int:
    row = db.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def load_folder(db: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Load every complete shard of a batch output folder; returns how many rows were new.

    Each document is checked for wire copies against the store's bands (`copies.py`),
    and indexed there in its shard's transaction.
    """
    index = StoredCopies(db)
    shards = shard_files(folder)
    before = {t: _count(db, t) for t in ("documents", *_COLUMNS)}
    # Documents keep the batch's order: one microsecond apart, after everything stored so far.
    clock = dt.datetime.now()
    for shard in shards:
        docs = db.execute(
            "SELECT id, path, url, outlet, chars, articles, text_hash, signature, shingles "
            f"FROM read_parquet({_literal(folder / 'documents' / f'{shard}.parquet')}) "
            "WHERE id NOT IN (SELECT id FROM documents) ORDER BY position"
        ).fetchall()
        added: set[str] = set()
        with transaction(db):
            for doc_id, path, url, outlet, chars, articles, text_hash, signature, shingles in docs:
                if doc_id in added:
                    continue
                fp = Fingerprint(text_hash, np.frombuffer(signature, dtype=np.uint64), shingles)
                duplicate_of = index.find(fp)
                clock += dt.timedelta(microseconds=1)
                db.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        doc_id,
                        path,
                        url,
                        outlet,
                        chars,
                        articles,
                        clock,
                        text_hash,
                        duplicate_of,
                        signature,
                        shingles,
                    ],
                )
                added.add(doc_id)
                # Indexed as we go so copies inside one shard are found too (rolled back with it).
                index.add(doc_id, fp)
            for table, columns in _COLUMNS.items():
                source = _literal(folder / table / f"{shard}.parquet")
                db.execute(
                    f"INSERT INTO {table} SELECT DISTINCT ON (id) {columns} "
                    f"FROM read_parquet({source}) WHERE id NOT IN (SELECT id FROM {table})"
                )
            # The narrow search rows queries filter on, for every event not indexed yet.
            index_events(db)
    after = {t: _count(db, t) for t in before}
    return {"shards": len(shards), **{t: after[t] - before[t] for t in before}}
