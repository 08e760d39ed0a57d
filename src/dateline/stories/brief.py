"""A story's brief: 3-5 of its own sentences, chosen for coverage without repetition, and a title.

Sentences are scored by how central they are to the story (cosine with the
story's summed sentence vector, a small bonus for an article's lead) and picked
by maximal marginal relevance, so each new sentence must add something the
chosen ones do not say. Near-copies (wire copies, rewrites) are never chosen
twice: a sentence too close to one already chosen is skipped outright.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.model import Article, BriefSentence
from dateline.stories.text import cosine, idf, normalised, sentences, term_frequencies


@dataclass(frozen=True)
class Brief:
    """A title and the attributed sentences of a story's brief."""

    title: str | None
    sentences: tuple[BriefSentence, ...]


@dataclass(frozen=True)
class _Candidate:
    text: str
    article_index: int
    position: int
    vector: dict[str, float]


_NOT_PROSE = re.compile(
    r"https?://|www\.|@\w|\b(?:click|subscribe|sign up|read more|newsletter)\b", re.IGNORECASE
)


def write_brief(
    articles: Sequence[Article],
    df: Mapping[str, int] | None = None,
    n_docs: int = 0,
    max_sentences: int = 5,
    min_sentences: int = 3,
    trade_off: float = 0.7,
    max_similarity: float = 0.3,
) -> Brief:
    """The brief of a story made of `articles` (in the order they were reported).

    `df`/`n_docs` are corpus document frequencies (the clusterer's) for term
    weights; without them all terms weigh the same. `trade_off` weighs
    centrality against novelty; a sentence whose cosine with a chosen one
    exceeds `max_similarity` is never chosen.
    """
    candidates = _candidates(articles, df or {}, n_docs)
    centroid: dict[str, float] = {}
    for cand in candidates:
        for term, w in cand.vector.items():
            centroid[term] = centroid.get(term, 0.0) + w
    centroid = normalised(centroid)

    relevance = {id(c): cosine(c.vector, centroid) + (0.05 if c.position == 0 else 0.0) for c in candidates}
    chosen: list[_Candidate] = []
    pool = list(candidates)
    while pool and len(chosen) < max_sentences:
        best, best_score = None, float("-inf")
        for cand in pool:
            redundancy = max((cosine(cand.vector, c.vector) for c in chosen), default=0.0)
            if redundancy > max_similarity:
                continue
            score = trade_off * relevance[id(cand)] - (1 - trade_off) * redundancy
            if score > best_score:
                best, best_score = cand, score
        if best is None or (len(chosen) >= min_sentences and best_score <= 0.0):
            break
        chosen.append(best)
        pool.remove(best)
    # Read in reporting order: earlier articles first, each article's sentences in its own order.
    chosen.sort(key=lambda c: (c.article_index, c.position))
    brief = tuple(
        BriefSentence(
            text=c.text, article_id=articles[c.article_index].id, outlet=articles[c.article_index].outlet
        )
        for c in chosen
    )
    return Brief(title=_title(articles, centroid, df or {}, n_docs, brief), sentences=brief)


def _candidates(articles: Sequence[Article], df: Mapping[str, int], n_docs: int) -> list[_Candidate]:
    out: list[_Candidate] = []
    seen: set[str] = set()
    for index, article in enumerate(articles):
        for position, (start, end) in enumerate(sentences(article.body)):
            text = " ".join(article.body[start:end].split())
            words = text.split()
            # Prose only: long enough to say something, short enough to read, ending like a sentence.
            if not 8 <= len(words) <= 60 or text[-1] not in ".!?\"'”’" or _NOT_PROSE.search(text):
                continue
            key = " ".join(re.findall(r"\w+", text.casefold()))
            if key in seen:
                continue  # the same sentence from a wire copy
            seen.add(key)
            vector = _vector(text, df, n_docs)
            if vector:
                out.append(_Candidate(text, index, position, vector))
    return out


def _vector(text: str, df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    tf = term_frequencies(text)
    if not df:
        return normalised(tf)
    return normalised({t: w * idf(df.get(t, 0), n_docs) for t, w in tf.items()})


TITLE_WORDS = 14


def _title(
    articles: Sequence[Article],
    centroid: Mapping[str, float],
    df: Mapping[str, int],
    n_docs: int,
    brief: Sequence[BriefSentence],
) -> str | None:
    """The headline closest to the story's centre; the brief's first sentence when no article has one."""
    headlines = [
        " ".join(a.headline.split()) for a in articles if a.headline and len(a.headline.split()) >= 3
    ]
    if headlines:
        return max(headlines, key=lambda h: (cosine(_vector(h, df, n_docs), centroid), -headlines.index(h)))
    if not brief:
        return None
    # A sentence is no title: keep its opening words, as a headline would be that short.
    words = brief[0].text.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
