"""Story clustering and event merging against pages with gold story labels.

Each page of the JSON Lines file (the development data README, "stories") goes
through the per-document pipeline as a `RawDoc` with its text, url, outlet and
date; the articles are then clustered in file order, as `dateline ingest` would
see them, and each story's events merged.

- `bcubed_precision`, `bcubed_recall`, `bcubed_f1`: B-cubed over the English pages (a
  page is English when most of its text is in articles Dateline detects as English);
  a page's predicted cluster is the story of most of its articles (by text length).
- `bcubed_f1_all`: the same over all pages.
- `stories_found`: predicted stories holding at least one page.
- `principal_event_sources`: the median, over predicted stories with merged events,
  of the number of sources of the story's most reported event.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.model import RawDoc
from dateline.pipeline import process_documents
from dateline.stories import build_stories


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (one label per item in each list)."""
    n = len(gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    pairs = Counter(zip(gold, predicted, strict=True))
    gold_sizes, pred_sizes = Counter(gold), Counter(predicted)
    # Every item of a (gold, predicted) cell has the same precision and recall.
    precision = sum(k * k / pred_sizes[p] for (_, p), k in pairs.items()) / n
    recall = sum(k * k / gold_sizes[g] for (g, _), k in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path) -> dict[str, Any]:
    """The story metrics of a pages JSON Lines file."""
    pages = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    docs = [
        RawDoc(text=p["text"], url=p.get("url"), outlet=p.get("outlet"), date=p.get("date")) for p in pages
    ]
    processed = list(process_documents(docs))
    result = build_stories(processed)

    gold: list[str] = []
    predicted: list[str] = []
    english: list[bool] = []
    for index, (page, doc) in enumerate(zip(pages, processed, strict=True)):
        votes: Counter[str] = Counter()
        languages: Counter[str] = Counter()
        for article in doc.articles:
            weight = max(1, len(article.body))
            votes[result.assignment.get(article.id, f"page-{index}")] += weight
            languages[article.language] += weight
        # A page without articles is a cluster of its own.
        predicted.append(votes.most_common(1)[0][0] if votes else f"page-{index}")
        english.append(bool(languages) and languages.most_common(1)[0][0] == "en")
        gold.append(str(page.get("story")))

    p, r, f = bcubed(
        [g for g, e in zip(gold, english, strict=True) if e],
        [s for s, e in zip(predicted, english, strict=True) if e],
    )
    _, _, f_all = bcubed(gold, predicted)
    events_by_id = {e.id: e for e in result.events}
    principal = [
        events_by_id[story.events[0]].num_sources
        for story in result.stories
        if story.events and story.id in set(predicted)
    ]
    return {
        "pages": len(pages),
        "english_pages": sum(english),
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "bcubed_f1_all": round(f_all, 4),
        "stories_found": len(set(predicted)),
        "principal_event_sources": statistics.median(principal) if principal else 0,
    }
