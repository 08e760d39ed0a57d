"""Story clustering and event merging against pages with gold story labels.

The pages of the JSON Lines file (the development data README, "stories") are measured
on the path users get: they are written to a JSON Lines file and put through
`dateline ingest` (read, process, store) into a fresh store, the store's stories are
updated as `ingest` updates them, and each page's story is read back from the store.
The same pages are also clustered alone, straight from the pipeline's records in file
order (`clustering_*`), so a gap between the two paths shows.

- `bcubed_precision`, `bcubed_recall`, `bcubed_f1`: B-cubed over the English pages (a
  page is English when most of its text is in articles Dateline detects as English);
  a page's predicted cluster is the story of most of its articles (by text length).
- `bcubed_f1_all`: the same over all pages.
- `stories_found`: predicted stories holding at least one page.
- `principal_event_sources`: the median, over predicted stories with merged events,
  of the number of sources of the story's most reported event (clustering alone).

Parts (`--part fit|check|all`) are by gold story (the `story` field, `story_key`): only
the pages of the part's stories are ingested and clustered. Not by outlet: every story is
told by several outlets, so an outlet split leaves pages of each check story on the fit
side, where thresholds are tuned and errors read; check stories must be stories that
nothing was tuned on.

A part's pages alone, in file order, are an easy test: the file holds each story's pages
together (an online clusterer sees a story's reports one after another, which a user's feed
never does), and a part of 6 stories leaves a page few wrong stories to join (precision
1.000 says little). So two more figures, over the part's pages only but with every page of
the file clustered (the other part's stories are the distractors a store always holds):
- `among_all_*`: B-cubed through `dateline ingest` of every page, in file order;
- `orders_*`: the clustering alone of every page in `ORDERS` fixed shuffled orders (the
  mean, and the worst F1), since which report of a story comes first changes what joins.
A page of the other part is never scored, only clustered; errors are still read only on fit.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline.evaluate.parts import Part, in_part
from dateline.model import ProcessedDoc, RawDoc

# Shuffled arrival orders of the pages (seeds 0 .. ORDERS-1) for `orders_*`.
ORDERS = 8


def bcubed(
    gold: Sequence[str], predicted: Sequence[str], scored: Sequence[bool] | None = None
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (one label per item in each list).

    With `scored`, the averages are over the scored items only, their clusters (gold and
    predicted) still counting every item: the other items are distractors.
    """
    marks = list(scored) if scored is not None else [True] * len(gold)
    n = sum(marks)
    if n == 0:
        return 0.0, 0.0, 0.0
    pairs = Counter(zip(gold, predicted, strict=True))
    counted = Counter((g, p) for g, p, m in zip(gold, predicted, marks, strict=True) if m)
    gold_sizes, pred_sizes = Counter(gold), Counter(predicted)
    # Every item of a (gold, predicted) cell has the same precision and recall.
    precision = sum(k * pairs[g, p] / pred_sizes[p] for (g, p), k in counted.items()) / n
    recall = sum(k * pairs[g, p] / gold_sizes[g] for (g, p), k in counted.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def story_key(page: dict[str, Any]) -> str:
    """The grouping key of a page for the fit / check split: its gold story."""
    return str(page.get("story") or "")


def load_pages(path: Path, part: Part = "all") -> list[dict[str, Any]]:
    """The pages of a JSON Lines file whose gold story falls in `part`, in file order."""
    pages = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [p for p in pages if in_part(story_key(p), part)]


def _vote(articles: Iterable[tuple[str | None, str, int]], fallback: str) -> tuple[str, bool]:
    """A page's story (that of most of its text) and whether most of its text is English,
    from its articles' (story id, language, length)."""
    votes: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    for story, language, length in articles:
        weight = max(1, length)
        votes[story or fallback] += weight
        languages[language] += weight
    # A page without articles is a cluster of its own.
    story = votes.most_common(1)[0][0] if votes else fallback
    return story, bool(languages) and languages.most_common(1)[0][0] == "en"


def _scores(
    gold: list[str], predicted: list[str], english: list[bool], scored: list[bool] | None = None
) -> dict[str, Any]:
    marks = scored if scored is not None else [True] * len(gold)
    p, r, f = bcubed(
        [g for g, e in zip(gold, english, strict=True) if e],
        [s for s, e in zip(predicted, english, strict=True) if e],
        [m for m, e in zip(marks, english, strict=True) if e],
    )
    _, _, f_all = bcubed(gold, predicted, marks)
    return {
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "bcubed_f1_all": round(f_all, 4),
        "stories_found": len({s for s, m in zip(predicted, marks, strict=True) if m}),
    }


def through_ingest(pages: Sequence[dict[str, Any]]) -> list[tuple[str, bool]]:
    """Each page's (story id, English?) as `dateline ingest` of the pages gives them in its store.

    A page is found in the store by its document id (a hash of its text), so a page whose text
    was stored before, under another record, takes the stories of that copy, as a user sees it.
    """
    from dateline.ingest import list_inputs, read_documents
    from dateline.intake import ingest_into
    from dateline.store import Store
    from dateline.stories.refresh import refresh_stories

    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as folder:
        source = Path(folder) / "pages.jsonl"
        source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), "utf-8")
        with Store(Path(folder) / "eval.duckdb", read_only=False) as store:
            ingest_into(store, list_inputs([str(source)]))
            refresh_stories(store)
            found = store.article_stories()
        read = read_documents(source)
        # `ingest` names each JSON Lines record "<file>#<line number>".
        doc_of = {
            int(str(doc.path).rsplit("#", 1)[1]) - 1: doc.id
            for doc in (read if isinstance(read, list) else [])
            if isinstance(doc, RawDoc) and doc.path
        }
    by_doc: dict[str, list[tuple[str | None, str, int]]] = {}
    for row in found:
        told = (row["story_id"], row["language"] or "", row["length"] or 0)
        by_doc.setdefault(row["doc_id"], []).append(told)
    return [_vote(by_doc.get(doc_of.get(i, ""), ()), f"page-{i}") for i in range(len(pages))]


def processed_pages(pages: Sequence[dict[str, Any]]) -> list[ProcessedDoc]:
    """The pipeline's record of each page (each page is processed on its own)."""
    from dateline.pipeline import process_documents

    docs = [
        RawDoc(text=p["text"], url=p.get("url"), outlet=p.get("outlet"), date=p.get("date")) for p in pages
    ]
    return list(process_documents(docs))


def clustering_alone(
    pages: Sequence[dict[str, Any]], processed: Sequence[ProcessedDoc] | None = None
) -> tuple[list[tuple[str, bool]], list[int]]:
    """Each page's (story id, English?) from the pipeline's records clustered in file order, with
    the sources of each found story's principal event."""
    from dateline.stories import build_stories

    processed = list(processed) if processed is not None else processed_pages(pages)
    result = build_stories(processed)
    found = [
        _vote(
            ((result.assignment.get(a.id), a.language, len(a.body)) for a in doc.articles),
            f"page-{index}",
        )
        for index, doc in enumerate(processed)
    ]
    stories = {story for story, _ in found}
    events_by_id = {e.id: e for e in result.events}
    principal = [
        events_by_id[story.events[0]].num_sources
        for story in result.stories
        if story.events and story.id in stories
    ]
    return found, principal


def in_orders(processed: Sequence[ProcessedDoc], orders: int = ORDERS) -> list[list[tuple[str, bool]]]:
    """Each page's (story id, English?) when the pages are clustered in each of `orders` fixed
    shuffled orders (seed 0, 1, ...), listed in file order."""
    from dateline.stories import build_stories

    out = []
    for seed in range(orders):
        order = list(range(len(processed)))
        random.Random(seed).shuffle(order)
        result = build_stories([processed[i] for i in order])
        out.append(
            [
                _vote(
                    ((result.assignment.get(a.id), a.language, len(a.body)) for a in doc.articles),
                    f"page-{index}",
                )
                for index, doc in enumerate(processed)
            ]
        )
    return out


def evaluate(path: Path, part: Part = "all") -> dict[str, Any]:
    """The story metrics of a pages JSON Lines file over `part`'s stories: through ingest, and
    the clustering alone; and over the part's pages among every page (`among_all_*`, `orders_*`)."""
    every = load_pages(path, "all")
    chosen = [in_part(story_key(p), part) for p in every]
    pages = [p for p, c in zip(every, chosen, strict=True) if c]
    gold = [str(p.get("story")) for p in pages]
    processed = processed_pages(every)
    ingested = through_ingest(pages)
    alone, principal = clustering_alone(pages, [d for d, c in zip(processed, chosen, strict=True) if c])
    product = _scores(gold, [s for s, _ in ingested], [e for _, e in ingested])
    direct = _scores(gold, [s for s, _ in alone], [e for _, e in alone])
    gold_every = [str(p.get("story")) for p in every]
    among = through_ingest(every) if part != "all" else ingested
    among_scores = _scores(gold_every, [s for s, _ in among], [e for _, e in among], chosen)
    ordered = [
        _scores(gold_every, [s for s, _ in found], [e for _, e in found], chosen)
        for found in in_orders(processed)
    ]
    return {
        "pages": len(pages),
        "english_pages": sum(e for _, e in ingested),
        **product,
        **{f"clustering_{key}": value for key, value in direct.items()},
        "principal_event_sources": statistics.median(principal) if principal else 0,
        "pages_clustered_among": len(every),
        **{f"among_all_{key}": value for key, value in among_scores.items() if key != "stories_found"},
        **{
            f"orders_{key}": round(statistics.mean(s[key] for s in ordered), 4)
            for key in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "bcubed_f1_all")
        },
        "orders_worst_bcubed_f1": min(s["bcubed_f1"] for s in ordered),
    }
