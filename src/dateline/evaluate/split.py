"""Splitting and cleaning against pasted-scrape cases: boundaries, furniture, headlines, repairs.

A case is one pasted text with its gold articles (see the development data README,
"split"). Dateline cleans, splits and dates the text exactly as the pipeline does
(no parser needed) and is scored as follows:

- `boundary_f1`: the starts of all articles but the first, predicted against gold. A start
  is snapped to the start of the first non-empty line at or after it; counts are summed
  over all cases. `boundary_f1_1line` counts a predicted start as right when it is at most
  one non-empty line away from a gold start (each gold start matched once).
- `pk` and `windowdiff`: over the non-empty lines of each case, each line labelled with the
  article it belongs to; k is half the mean gold article length in non-empty lines
  (rounded, at least 1). Errors and windows are summed over all cases.
- `furniture_f1`: over the non-space characters of labelled articles; gold is the furniture
  spans, predicted the spans the articles report as removed.
- `headline_accuracy`: labelled articles; the predicted article covering most of the gold
  article has the gold headline, after whitespace and apostrophe normalisation, or both have
  none.
- `outlet_accuracy`, `date_accuracy`: informational, over gold articles that have one; the
  predicted outlet matches the gold site's name or domain, the predicted date equals the
  gold date.
- `repair_accuracy`: cases with `lost_apostrophes`; the share of words that lost an
  apostrophe which the repaired text spells as the original did.
- `false_repairs_per_10k_words`: apostrophes the cleaner inserts into undamaged text (the
  cases without damage, and the original text of the damaged ones), per 10,000 words.

Parts (`--part fit|check|all`) are by outlet, leaving outlets out: every case pastes pages of
several outlets, so a case is not split whole; each figure is counted only over the gold
articles whose outlet (its registrable domain, `outlet_key`) falls in the part. A boundary
belongs to the article it starts, a predicted start, a Pk window and a repaired line to the
gold article they fall in. The whole text is still split as one, as a user's paste is; the
neighbours of a check article may be fit articles, but no outlet is ever scored in both
parts, and no model or rule is fitted on a check outlet's pages.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.clean import clean
from dateline.evaluate.parts import Part, in_part, outlet_key
from dateline.model import Article, RawDoc
from dateline.split import split
from dateline.split.cues import DOMAINS
from dateline.split.features import clear_caches
from dateline.time import date_articles

_NON_EMPTY_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")
_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc`\u00b4]")
# A clitic left standing alone by a lost apostrophe: "Korea s" reads as "Korea's".
_LOOSE_CLITIC = re.compile(r"(\w) (s|t|re|ve|ll|d|m)\b")


@dataclass
class _Counts:
    """Running totals of every metric over the cases seen so far."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_1line: int = 0
    fp_1line: int = 0
    fn_1line: int = 0
    pk_errors: int = 0
    wd_errors: int = 0
    windows: int = 0
    furniture_tp: int = 0
    furniture_fp: int = 0
    furniture_fn: int = 0
    headline_ok: int = 0
    headline_total: int = 0
    outlet_ok: int = 0
    outlet_total: int = 0
    date_ok: int = 0
    date_total: int = 0
    repaired: int = 0
    damaged: int = 0
    false_repairs: int = 0
    undamaged_words: int = 0
    cases: int = 0
    articles: int = 0


def load_cases(path: Path) -> Iterator[dict[str, Any]]:
    """The cases of a JSON Lines file, one per non-empty line."""
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def predict(text: str) -> list[Article]:
    """The articles Dateline finds in a pasted text: cleaned, split and dated, as the pipeline does."""
    doc = RawDoc(text=text)
    return date_articles(split(clean(text), doc), doc)


def _line_starts(text: str) -> list[int]:
    """Start offsets of the non-empty lines of `text`."""
    return [m.start() for m in _NON_EMPTY_LINE.finditer(text)]


def _snap(text: str, starts: Sequence[int], offset: int) -> int:
    """Index of the first non-empty line that starts at or after the start of `offset`'s line."""
    return bisect.bisect_left(starts, text.rfind("\n", 0, offset) + 1)


def _f1(tp: int, fp: int, fn: int) -> float:
    """Harmonic mean of precision and recall; 1.0 when there was nothing to find and nothing found."""
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)


def _labels(n_lines: int, starts: Iterable[int]) -> list[int]:
    """Segment number of every line, given the line indices where segments start."""
    cuts = sorted(set(starts) | {0})
    labels: list[int] = []
    segment = -1
    for i in range(n_lines):
        while segment + 1 < len(cuts) and cuts[segment + 1] <= i:
            segment += 1
        labels.append(segment)
    return labels


def _match_1line(gold: set[int], pred: set[int]) -> int:
    """Predicted line indices within one line of a gold one, each gold index used once; exact first."""
    free = set(gold)
    matched = 0
    rest = []
    for p in sorted(pred):
        if p in free:
            free.discard(p)
            matched += 1
        else:
            rest.append(p)
    for p in rest:
        for g in (p - 1, p + 1):
            if g in free:
                free.discard(g)
                matched += 1
                break
    return matched


def normalise_headline(text: str | None) -> str | None:
    """A headline with its whitespace collapsed and apostrophes, kept or lost, written the same way."""
    if text is None:
        return None
    text = " ".join(_APOSTROPHES.sub("", text).split())
    return _LOOSE_CLITIC.sub(r"\1\2", text) or None


def outlet_matches(predicted: str | None, gold: str) -> bool:
    """Whether a predicted outlet name ("Korea Times") names the gold outlet ("koreatimes.co.kr")."""
    if not predicted:
        return False
    host = gold.casefold().removeprefix("www.")
    squeezed = re.sub(r"[^a-z0-9]", "", predicted.casefold())
    if not squeezed:
        return False
    while "." in host:
        if DOMAINS.get(host, "").casefold() == predicted.casefold():
            return True
        host = host.split(".", 1)[1]
    # The outlet's name spelled in its domain: "Sputnik" in sputniknews.com, "Korea Times" in koreatimes.
    labels = [re.sub(r"[^a-z0-9]", "", label) for label in gold.casefold().split(".")]
    return any(squeezed in label or (len(label) >= 3 and label == squeezed) for label in labels)


def _covering(article: dict[str, Any], predicted: Sequence[Article]) -> Article | None:
    """The predicted article that shares most characters with a gold article."""
    best, best_overlap = None, 0
    for candidate in predicted:
        overlap = min(candidate.end, article["end"]) - max(candidate.start, article["start"])
        if overlap > best_overlap:
            best, best_overlap = candidate, overlap
    return best


def _non_space(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Offsets of the non-space characters inside the spans."""
    return {i for start, end in spans for i in range(start, min(end, len(text))) if not text[i].isspace()}


def _tokens(text: str) -> list[str]:
    """Whitespace tokens with every apostrophe written as ASCII '."""
    return _APOSTROPHES.sub("'", text).split()


def _inserted(raw: str, repaired: str) -> Counter[str]:
    """Tokens with an apostrophe that the repaired line has and the raw line had not.

    Only tokens the raw line spells with a space for the apostrophe ("Korea s") count: other
    changes (mojibake fixed around a quotation mark) are not apostrophe repairs.
    """
    raw_tokens = Counter(_tokens(raw))
    spaced = _APOSTROPHES.sub("'", raw)
    new = Counter(t for t in _tokens(repaired) if "'" in t and t.replace("'", " ") in spaced)
    return new - raw_tokens


def repair_counts(
    damaged: str, original: str, keep: Callable[[int], bool] | None = None
) -> tuple[int, int, int]:
    """(words restored, words that lost an apostrophe, false repairs) of the cleaner on a damaged text.

    `original` is the text before the damage, of the same length; a word lost its apostrophe
    where the original has one and the damaged text a space. `keep`, given a line's start
    offset, says whether that line counts.
    """
    restored = lost = false = 0
    for line in clean(damaged).lines:
        if keep is not None and not keep(line.start):
            continue
        raw = damaged[line.start : line.end]
        before = original[line.start : line.end]
        broken = _word_spans_broken(before, raw)
        hurt = Counter(token for token, hit in zip(_word_spans(before), broken, strict=True) if hit)
        inserted = _inserted(raw, line.text)
        lost += sum(hurt.values())
        restored += sum((hurt & inserted).values())
        false += sum((inserted - hurt).values())
    return restored, lost, false


def _word_spans(text: str) -> list[str]:
    """The whitespace tokens of `text`, apostrophes normalised."""
    return [_APOSTROPHES.sub("'", m.group(0)) for m in re.finditer(r"\S+", text)]


def _word_spans_broken(original: str, damaged: str) -> list[bool]:
    """For each token of `original`, whether the damage turned one of its characters into a space."""
    return [
        any(damaged[i] != original[i] for i in range(m.start(), m.end()))
        for m in re.finditer(r"\S+", original)
    ]


def false_repairs(text: str, keep: Callable[[int], bool] | None = None) -> tuple[int, int]:
    """(apostrophes inserted, words) when the cleaner runs on text that lost none (lines `keep` takes)."""
    inserted = words = 0
    for line in clean(text).lines:
        if keep is not None and not keep(line.start):
            continue
        raw = text[line.start : line.end]
        words += len(raw.split())
        inserted += sum(_inserted(raw, line.text).values())
    return inserted, words


def article_part(article: dict[str, Any]) -> str:
    """The grouping key of a gold article for the fit/check split: its outlet's registrable domain."""
    return outlet_key(article.get("outlet") or article.get("url"))


def _owners(gold_articles: Sequence[dict[str, Any]], part: Part) -> Callable[[int], bool]:
    """Whether the gold article a character offset falls in (or, between articles, the next one;
    before the first, the first) belongs to `part`."""
    starts = [a["start"] for a in gold_articles]
    inside = [in_part(article_part(a), part) for a in gold_articles]

    def owner_in_part(offset: int) -> bool:
        if not inside:
            return part == "all"
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset >= gold_articles[index]["end"] and index + 1 < len(inside):
            index += 1
        return inside[max(index, 0)]

    return owner_in_part


def score_case(
    case: dict[str, Any], predicted: Sequence[Article], counts: _Counts, part: Part = "all"
) -> None:
    """Add one case's figures, given the articles predicted for it, to the running totals.

    Only what falls in gold articles of `part`'s outlets is counted (see the module docstring).
    """
    text: str = case["text"]
    gold_articles: list[dict[str, Any]] = sorted(case["articles"], key=lambda a: a["start"])
    owned = _owners(gold_articles, part)
    kept = [a for a in gold_articles if in_part(article_part(a), part)]
    if not kept:
        return
    starts = _line_starts(text)
    n = len(starts)
    counts.cases += 1
    counts.articles += len(kept)

    def line_kept(index: int) -> bool:
        return index < n and owned(starts[index])

    gold_lines = {_snap(text, starts, a["start"]) for a in gold_articles[1:]} - {0, n}
    ordered = sorted(predicted, key=lambda a: a.start)
    pred_lines = {_snap(text, starts, a.start) for a in ordered[1:]} - {0, n}
    gold_lines = {i for i in gold_lines if line_kept(i)}
    pred_lines = {i for i in pred_lines if line_kept(i)}
    counts.tp += len(gold_lines & pred_lines)
    counts.fp += len(pred_lines - gold_lines)
    counts.fn += len(gold_lines - pred_lines)
    near = _match_1line(gold_lines, pred_lines)
    counts.tp_1line += near
    counts.fp_1line += len(pred_lines) - near
    counts.fn_1line += len(gold_lines) - near

    if n:
        all_gold = {_snap(text, starts, a["start"]) for a in gold_articles[1:]} - {0, n}
        all_pred = {_snap(text, starts, a.start) for a in ordered[1:]} - {0, n}
        k = max(1, round(n / max(len(all_gold) + 1, 1) / 2))
        gold_labels, pred_labels = _labels(n, all_gold), _labels(n, all_pred)
        for i in range(max(n - k, 0)):
            if not line_kept(i):
                continue
            gold_a, gold_b = gold_labels[i], gold_labels[i + k]
            pred_a, pred_b = pred_labels[i], pred_labels[i + k]
            counts.windows += 1
            counts.pk_errors += (gold_a == gold_b) != (pred_a == pred_b)
            counts.wd_errors += (gold_b - gold_a) != (pred_b - pred_a)

    labelled = [a for a in kept if a.get("labelled")]
    inside = _non_space(text, ((a["start"], a["end"]) for a in labelled))
    gold_furniture = _non_space(text, (tuple(s) for a in labelled for s in a.get("furniture") or ())) & inside
    removed = _non_space(text, ((s.start, s.end) for a in predicted for s in a.removed)) & inside
    counts.furniture_tp += len(gold_furniture & removed)
    counts.furniture_fp += len(removed - gold_furniture)
    counts.furniture_fn += len(gold_furniture - removed)

    for gold in kept:
        found = _covering(gold, predicted)
        if gold.get("labelled"):
            counts.headline_total += 1
            guess = found.headline if found else None
            counts.headline_ok += normalise_headline(guess) == normalise_headline(gold.get("headline"))
        if gold.get("outlet"):
            counts.outlet_total += 1
            counts.outlet_ok += outlet_matches(found.outlet if found else None, gold["outlet"])
        if gold.get("date"):
            counts.date_total += 1
            counts.date_ok += bool(found and found.date == gold["date"])

    keep = None if part == "all" else owned
    if case.get("lost_apostrophes") and case.get("original_text"):
        restored, lost, false = repair_counts(text, case["original_text"], keep)
        counts.repaired += restored
        counts.damaged += lost
        inserted, words = false_repairs(case["original_text"], keep)
    else:
        inserted, words = false_repairs(text, keep)
    counts.false_repairs += inserted
    counts.undamaged_words += words


def summarise(counts: _Counts) -> dict[str, Any]:
    """The metrics of the data README from the running totals, rounded to four places."""

    def share(ok: int, total: int) -> float | None:
        return round(ok / total, 4) if total else None

    return {
        "boundary_f1": round(_f1(counts.tp, counts.fp, counts.fn), 4),
        "boundary_precision": share(counts.tp, counts.tp + counts.fp),
        "boundary_recall": share(counts.tp, counts.tp + counts.fn),
        "boundary_f1_1line": round(_f1(counts.tp_1line, counts.fp_1line, counts.fn_1line), 4),
        "pk": share(counts.pk_errors, counts.windows),
        "windowdiff": share(counts.wd_errors, counts.windows),
        "furniture_f1": round(_f1(counts.furniture_tp, counts.furniture_fp, counts.furniture_fn), 4),
        "furniture_precision": share(counts.furniture_tp, counts.furniture_tp + counts.furniture_fp),
        "furniture_recall": share(counts.furniture_tp, counts.furniture_tp + counts.furniture_fn),
        "headline_accuracy": share(counts.headline_ok, counts.headline_total),
        "outlet_accuracy": share(counts.outlet_ok, counts.outlet_total),
        "date_accuracy": share(counts.date_ok, counts.date_total),
        "repair_accuracy": share(counts.repaired, counts.damaged),
        "false_repairs_per_10k_words": round(10000 * counts.false_repairs / counts.undamaged_words, 3)
        if counts.undamaged_words
        else None,
        "cases": counts.cases,
        "articles": counts.articles,
    }


def evaluate_cases(cases: Iterable[dict[str, Any]], part: Part = "all") -> dict[str, Any]:
    """Metrics over cases given as dictionaries (the JSON Lines records), over `part`'s outlets."""
    counts = _Counts()
    for case in cases:
        if part != "all" and not any(in_part(article_part(a), part) for a in case["articles"]):
            continue
        score_case(case, predict(case["text"]), counts, part)
    return summarise(counts)


def evaluate(path: Path, part: Part = "all") -> dict[str, Any]:
    """Metrics over the cases of a JSON Lines file (the `split` format of the data README)."""
    return evaluate_cases(load_cases(path), part)


def split_throughput(texts: Sequence[str], repeat: int = 1) -> dict[str, Any]:
    """Cleaning plus splitting speed over `texts`, in megabytes (UTF-8) per second of one core.

    The time is this process's CPU time, so other work on the machine does not count; with
    `repeat` > 1 the fastest pass is kept. Caches are emptied before each pass so that every
    pass reads the texts as new. No parser is loaded: `spacy_loaded` says whether anything
    else in the process already had.
    """
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    best = float("inf")
    articles = 0
    for _ in range(max(1, repeat)):
        clear_caches()
        articles = 0
        started = time.process_time()
        for text in texts:
            articles += len(split(clean(text), RawDoc(text=text)))
        best = min(best, time.process_time() - started)
    return {
        "texts": len(texts),
        "megabytes": round(megabytes, 3),
        "articles": articles,
        "cpu_seconds": round(best, 3),
        "mb_per_s": round(megabytes / best, 3) if best > 0 else None,
        "spacy_loaded": "spacy" in sys.modules,
    }
