"""Article extraction from HTML against the scrapinghub benchmark's ground truth.

A folder holds `html/<id>.html.gz` and `ground-truth.json` (`{id: {"articleBody", "url"}}`).
Each page's text is compared with its gold body as the benchmark defines it:

- tokens are runs of `\\w`; a text's shingles are its word 4-grams, counted as a
  multiset (a text shorter than four tokens is one shingle of all its tokens);
- per page, tp/fp/fn are the shared, extra and missing shingle counts, normalised to
  sum 1; precision = tp / (tp + fp) and recall = tp / (tp + fn), 0 when undefined;
- `precision` and `recall` are averaged over pages; `f1` is the harmonic mean of the
  two averages.

trafilatura alone (default settings) is scored in the same run, as `trafilatura_*`,
with the time each took, so the comparison holds on any machine.

Parts (`--part fit|check|all`) are by outlet: a page falls in the part of its URL's
registrable domain (`outlet_key`), so one site's pages are never on both sides.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluate.parts import Part, in_part, outlet_key
from dateline.ingest.html import extract_page, trafilatura_text

_TOKEN = re.compile(r"\w+")
NGRAM = 4


def shingles(text: str, n: int = NGRAM) -> Counter[str]:
    """The multiset of word n-grams of `text` (the benchmark's tokenisation)."""
    tokens = _TOKEN.findall(text or "")
    grams = (" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def page_scores(gold: str, found: str) -> tuple[float, float]:
    """(precision, recall) of one page's found text against its gold body."""
    true, pred = shingles(gold), shingles(found)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    # Normalising to sum 1 (as the benchmark does) leaves these ratios unchanged.
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def _summary(scores: list[tuple[float, float]]) -> tuple[float, float, float]:
    if not scores:
        return 0.0, 0.0, 0.0
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages(folder: Path, part: Part = "all") -> list[tuple[str, str | None, bytes, str]]:
    """(id, url, html bytes, gold body) for every page of the ground truth in `part` that has its HTML."""
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id, gold in sorted(truth.items()):
        if not in_part(outlet_key(gold.get("url") or page_id), part):
            continue
        html_file = folder / "html" / f"{page_id}.html.gz"
        if html_file.exists():
            with gzip.open(html_file, "rb") as stream:
                pages.append((page_id, gold.get("url"), stream.read(), gold.get("articleBody") or ""))
    return pages


def _run_both(
    pages: list[tuple[str, str | None, bytes, str]],
) -> tuple[list[str], list[str], float, float]:
    """Both extractors page by page, alternating which goes first, so load on a shared
    machine falls on both alike; returns their texts and total seconds."""
    ours: list[str] = []
    theirs: list[str] = []
    our_seconds = their_seconds = 0.0
    for number, (_, url, html, _) in enumerate(pages):
        for turn in (0, 1) if number % 2 == 0 else (1, 0):
            start = time.perf_counter()
            if turn == 0:
                ours.append(extract_page(html, url).text)
                our_seconds += time.perf_counter() - start
            else:
                theirs.append(trafilatura_text(html, url))
                their_seconds += time.perf_counter() - start
    return ours, theirs, our_seconds, their_seconds


def evaluate(folder: Path | str, part: Part = "all") -> dict[str, Any]:
    """Dateline's HTML extraction and trafilatura's, on the same pages of `part` in the same run."""
    pages = load_pages(Path(folder), part)
    if pages:
        # Warm both up (imports, lazy tables) so neither run pays the other's start-up cost.
        extract_page(pages[0][2], pages[0][1])
        trafilatura_text(pages[0][2], pages[0][1])
    our_texts, their_texts, our_seconds, their_seconds = _run_both(pages)
    golds = [gold for _, _, _, gold in pages]
    ours = [page_scores(gold, text) for gold, text in zip(golds, our_texts, strict=True)]
    theirs = [page_scores(gold, text) for gold, text in zip(golds, their_texts, strict=True)]
    precision, recall, f1 = _summary(ours)
    t_precision, t_recall, t_f1 = _summary(theirs)
    return {
        "f1": round(f1, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "trafilatura_f1": round(t_f1, 4),
        "trafilatura_precision": round(t_precision, 4),
        "trafilatura_recall": round(t_recall, 4),
        "pages": len(pages),
        "seconds": round(our_seconds, 2),
        "trafilatura_seconds": round(their_seconds, 2),
        "speed_ratio": round(their_seconds / our_seconds, 3) if our_seconds else None,
    }
