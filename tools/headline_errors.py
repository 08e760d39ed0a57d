"""Where the split loses an article's headline: the fit headline errors, counted by kind.

    PYTHONPATH=src python tools/headline_errors.py ../shared/data [--show N]

Reads only the fit parts (errors are read, and rules written, from the fit parts alone): the
scrapinghub pages pasted whole (`dateline eval lines`: the article with the most text), the
cases pasted from them in the eight orders `dateline eval lines` scores, and the development
cases' articles of fit outlets (`dateline eval split`). Each article whose headline is wrong is
put in one class, by where its gold headline line ended up:

- `choice`: a candidate of the article's header, another candidate was chosen;
- `not-candidate:<kind>`: in the header, but not a candidate (typed <kind>, a topic label, a
  caption, or sharing no word with the text);
- `after-first-paragraph:<kind>`: in the article, below a line typed body (typed <kind>): a
  headline read as text, or a stray paragraph above it, or a cut missed above it;
- `in-other-article`: in another article of the split (a cut under the headline or above it);
- `no-gold-headline`: the paste holds no headline, but one was given;
- `not-found`: no line of the text is the gold headline as cleaned.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from dateline.clean import clean
from dateline.evaluate.lines import PASTE_ORDERS, pasted_cases
from dateline.evaluate.parts import in_part, outlet_key
from dateline.evaluate.split import load_cases, normalise_headline
from dateline.model import RawDoc
from dateline.split import article_segments, split
from dateline.split.boundaries import Segment
from dateline.split.features import BODY, HEADLINE, TypedLine
from dateline.split.headlines import is_topic_label, reads_as_caption, segment_words
from dateline.split.train import scrapinghub_pages


def _segments(text: str) -> list[list[TypedLine]]:
    """The typed lines of each article `split` finds (as `dateline.split.split` cuts them)."""
    return [seg.lines for seg in article_segments(clean(text).lines)]


def _classify(lines: list[TypedLine], others: list[list[TypedLine]], gold: set[str | None]) -> str:
    """The class of one wrong headline (module docstring)."""
    if gold == {None}:
        return "no-gold-headline"
    first_body = next((k for k, t in enumerate(lines) if t.kind == BODY), len(lines))
    at = next((k for k, t in enumerate(lines) if normalise_headline(t.text) in gold), None)
    if at is None:
        found = any(normalise_headline(t.text) in gold for seg in others for t in seg)
        return "in-other-article" if found else "not-found"
    if at > first_body:
        return f"after-first-paragraph:{lines[at].kind}"
    header = lines[:first_body]
    text = segment_words(Segment(lines=lines))
    candidates = [
        k
        for k, t in enumerate(header)
        if t.kind == HEADLINE
        and not is_topic_label(k, header)
        and not reads_as_caption(t.text)
        and (not text or t.words & text)
    ]
    if at in candidates:
        return "choice"
    return f"not-candidate:{lines[at].kind if lines[at].kind != HEADLINE else 'filtered'}"


def _score(
    text: str, golds: Iterable[tuple[int, int, set[str | None], bool]], counts: Counter[str], shown: list[str]
) -> None:
    """Count the headline errors of the gold articles of one text (start, end, gold headlines, whether
    the article with the most text is the one scored)."""
    articles = split(clean(text), RawDoc(text=text))
    segs = _segments(text)
    if len(segs) != len(articles):
        counts["(split differs)"] += 1
        return
    for start, end, gold, main in golds:
        counts["articles"] += 1
        if main:
            pick = max(range(len(articles)), key=lambda i: len(articles[i].body), default=None)
        else:
            overlaps = [min(a.end, end) - max(a.start, start) for a in articles]
            pick = max(range(len(articles)), key=overlaps.__getitem__, default=None)
            pick = pick if pick is not None and overlaps[pick] > 0 else None
        if pick is None:
            counts["no-article"] += 1
            continue
        if normalise_headline(articles[pick].headline) in gold:
            counts["right"] += 1
            continue
        kind = _classify(segs[pick], segs[:pick] + segs[pick + 1 :], gold)
        counts[kind] += 1
        shown.append(f"{kind}\tgot: {articles[pick].headline!r}\tgold: {sorted(g or '' for g in gold)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the development data folder (../shared/data)")
    parser.add_argument("--show", type=int, default=0, help="print this many errors of each set")
    args = parser.parse_args(argv)
    pages = list(scrapinghub_pages(args.data / "extraction" / "scrapinghub", "fit"))
    sets: dict[str, list[tuple[str, list[tuple[int, int, set[str | None], bool]]]]] = {
        "pages": [
            ("\n".join(p.lines), [(0, 0, {normalise_headline(p.lines[i]) for i in p.titles}, True)])
            for p in pages
            if p.titles
        ],
        "pasted": [
            (
                case["text"],
                [
                    (a["start"], a["end"], {normalise_headline(a["headline"])}, False)
                    for a in case["articles"]
                ],
            )
            for k in range(PASTE_ORDERS)
            for case in pasted_cases(pages, k)
            for arts in [case["articles"]]
        ],
        "cases": [],
    }
    for case in load_cases(args.data / "split" / "cases.dev.jsonl"):
        fit = [
            a
            for a in case["articles"]
            if a.get("labelled", True) and in_part(outlet_key(a.get("outlet") or ""), "fit")
        ]
        if fit:
            golds = [(a["start"], a["end"], {normalise_headline(a.get("headline"))}, False) for a in fit]
            sets["cases"].append((case["text"], golds))
    for name, texts in sets.items():
        counts: Counter[str] = Counter()
        shown: list[str] = []
        for text, golds in texts:
            _score(text, golds, counts, shown)
        sys.stdout.write(f"{name}: {counts['right']}/{counts['articles']} right\n")
        for kind, n in counts.most_common():
            if kind not in ("right", "articles"):
                sys.stdout.write(f"  {n:5d} {kind}\n")
        for line in shown[: args.show]:
            sys.stdout.write(f"    {line}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
