"""Furniture learned from a corpus: the same line under one outlet in many articles.

A site prints its slogan, its newsletter pitch or its "Follow us on ..." line under every
article, in words no generic pattern can foresee. Across many articles of one outlet such a
line repeats verbatim while real sentences do not, so repetition itself marks it. The caller
learns the lines once over its corpus (`learn_furniture`) and passes them to `clean`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

_SPACE = re.compile(r"\s+")
# Lines this short repeat because they are common words ("Reuters", "World"), not because a
# site printed them; the generic patterns handle those.
MIN_CHARACTERS = 12


def line_key(line: str) -> str:
    """A line as compared across articles: case, spacing and apostrophe forms ignored."""
    return _SPACE.sub(" ", line.replace("\u2019", "'").strip()).casefold()


def learn_furniture(
    articles: Iterable[tuple[str | None, str]], min_articles: int = 3, min_share: float = 0.2
) -> dict[str | None, frozenset[str]]:
    """Lines that recur under one outlet: {outlet: line keys}, from (outlet, text) pairs.

    A line is furniture for an outlet when it appears in at least `min_articles` of that
    outlet's distinct texts and in at least `min_share` of them. Identical texts count once,
    so a page scraped twice teaches nothing.
    """
    seen: dict[str | None, set[str]] = defaultdict(set)
    counts: dict[str | None, Counter[str]] = defaultdict(Counter)
    for outlet, text in articles:
        if text in seen[outlet]:
            continue
        seen[outlet].add(text)
        keys = {line_key(line) for line in text.splitlines() if len(line.strip()) >= MIN_CHARACTERS}
        counts[outlet].update(keys)
    learned: dict[str | None, frozenset[str]] = {}
    for outlet, counter in counts.items():
        total = len(seen[outlet])
        lines = frozenset(key for key, n in counter.items() if n >= min_articles and n >= min_share * total)
        if lines:
            learned[outlet] = lines
    return learned


def lines_for(learned: Mapping[str | None, frozenset[str]], outlet: str | None) -> frozenset[str]:
    """The learned furniture of one outlet (all outlets' when it is unknown)."""
    if outlet is not None:
        return learned.get(outlet, frozenset())
    return frozenset().union(*learned.values()) if learned else frozenset()
