"""Story clustering time against corpus size, on perturbed copies of real articles.

Copies are rewritten (sentences dropped and swapped, words dropped, dates moved
by a day or two) so that they cluster like reports of one story by different
outlets, not like exact duplicates.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from typing import Any

from dateline.model import stable_id
from dateline.stories.cluster import ArticleFeatures, StoryClusterer
from dateline.stories.text import term_frequencies


def _rewrite(text: str, rng: random.Random) -> str:
    sentences = [s for s in text.replace("\n", " ").split(". ") if s]
    kept = [s for s in sentences if rng.random() > 0.3] or sentences[:1]
    if len(kept) > 3:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return " ".join(w for w in ". ".join(kept).split() if rng.random() > 0.1)


def run(
    texts: Sequence[tuple[str, str | None]], sizes: Sequence[int] = (1000, 2500, 5000, 10000)
) -> dict[str, Any]:
    """Seconds to cluster N articles for each N; `texts` are (text, ISO date or None)."""
    import datetime as dt

    curve = []
    for n in sizes:
        rng = random.Random(n)
        features = []
        for k in range(n):
            text, date = texts[k % len(texts)]
            if date:
                date = (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=rng.randint(0, 2))).isoformat()
            features.append(
                ArticleFeatures(
                    article_id=stable_id("bench", n, k),
                    language="en",
                    terms=term_frequencies(_rewrite(text, rng)),
                    date=date,
                    date_granularity="day" if date else None,
                )  # fmt: skip
            )
        rng.shuffle(features)
        started = time.perf_counter()
        clusterer = StoryClusterer()
        for feature in features:
            clusterer.add(feature)
        seconds = time.perf_counter() - started
        curve.append(
            {"articles": n, "seconds": round(seconds, 2), "stories": len(clusterer.state.stories),
             "ms_per_article": round(1000 * seconds / n, 2)}
        )  # fmt: skip
    return {"source_texts": len(texts), "curve": curve}
