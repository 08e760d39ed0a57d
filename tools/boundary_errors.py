"""Where the split loses boundary F1: the fit misses and false cuts, counted by class.

    PYTHONPATH=src python tools/boundary_errors.py ../shared/data [--source news|pasted] [--show N]

Reads only the fit part: the development cases (`split/cases.dev.jsonl`, source `news`) or the
cases pasted from the fit scrapinghub pages in the eight orders `dateline eval lines` scores
(source `pasted`), with each boundary counted only where its gold article's outlet is in the fit
part, as `dateline eval split --part fit` counts it. Lines are the non-empty lines of a case; a
gold start the split missed and a predicted start no gold start is at are put in one class:

- `off(+k)` / `off(-k)`: a predicted start k lines (at most 3) below or above a missed gold start
  (each such pair is one miss and one false cut: the cut inside the right gap, on the wrong line);
- `miss:bare`: a missed start where one paragraph follows another with no line between them;
- `miss:titled`: a missed start with titles, bylines or furniture above its first paragraph;
- `false:bare`, `false:title`, `false:other(kinds)`: a cut inside an article, between two
  paragraphs, at a headline-shaped or short line, or at other lines;
- `+similar`: the two gold articles share many content words (a third of the smaller set);
  `+same`: they come from one outlet or tell one story (neighbours on the same subject).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.clean import clean
from dateline.evaluate.lines import PASTE_ORDERS, pasted_cases
from dateline.evaluate.parts import in_part
from dateline.evaluate.split import _line_starts, _owners, _snap, article_part, load_cases, predict
from dateline.split.roles import type_lines
from dateline.split.train import scrapinghub_pages

NEAR = 3  # lines between a missed gold start and a false cut that count as one cut misplaced
SIMILAR = 0.35  # share of the smaller article's content words the other uses: neighbours on one subject
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")


def _cases(data: Path, source: str) -> Iterator[dict[str, Any]]:
    if source == "news":
        yield from load_cases(data / "split" / "cases.dev.jsonl")
        return
    pages = list(scrapinghub_pages(data / "extraction" / "scrapinghub", "fit"))
    for order in range(PASTE_ORDERS):
        yield from pasted_cases(pages, order)


def _words(text: str, article: dict[str, Any]) -> set[str]:
    return {w.lower() for w in _WORD.findall(text[article["start"] : article["end"]])}


def _above(kinds: list[str], i: int) -> list[str]:
    """The kinds of the lines between line i and the body line before it."""
    out = []
    for j in range(i - 1, -1, -1):
        if kinds[j] == "body":
            break
        out.append(kinds[j])
    return out


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two gold articles from one outlet, or telling one story."""
    return a.get("outlet") == b.get("outlet") or (
        a.get("story") is not None and a.get("story") == b.get("story")
    )


def main() -> None:
    """Print the count of each class, largest first, and a few examples of each with the lines around."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the development data folder (../shared/data)")
    parser.add_argument("--source", choices=("news", "pasted"), default="news")
    parser.add_argument("--show", type=int, default=0, help="examples to show of each class")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    shown: defaultdict[str, list[str]] = defaultdict(list)
    for case in _cases(args.data, args.source):
        gold = sorted(case["articles"], key=lambda a: a["start"])
        if not any(in_part(article_part(a), "fit") for a in gold):
            continue
        text = case["text"]
        owned = _owners(gold, "fit")
        starts = _line_starts(text)
        n = len(starts)
        lines = [text[s:].split("\n", 1)[0] for s in starts]
        by_start = {t.line.start: t.kind for t in type_lines(clean(text).lines)}
        kinds = [by_start.get(s, "?") for s in starts]
        opening = {_snap(text, starts, a["start"]): k for k, a in enumerate(gold)}
        gold_lines = {i for i in opening if 0 < i < n and owned(starts[i])}
        pred_lines = {_snap(text, starts, a.start) for a in sorted(predict(text), key=lambda a: a.start)[1:]}
        pred_lines = {i for i in pred_lines if 0 < i < n and owned(starts[i])}
        missed, false = gold_lines - pred_lines, pred_lines - gold_lines

        found: list[tuple[str, int]] = []
        for g in sorted(missed):
            near = sorted((p for p in false if abs(p - g) <= NEAR), key=lambda p: abs(p - g))
            if near:
                found.append((f"off({near[0] - g:+d})", g))
                continue
            label = "miss:bare" if kinds[g] == "body" and not _above(kinds, g) else "miss:titled"
            a, b = gold[opening[g] - 1], gold[opening[g]]
            wa, wb = _words(text, a), _words(text, b)
            if len(wa & wb) >= SIMILAR * max(1, min(len(wa), len(wb))):
                label += "+similar"
            if a.get("outlet") == b.get("outlet") or (
                a.get("story") is not None and a.get("story") == b.get("story")
            ):
                label += "+same"
            found.append((label, g))
        for p in sorted(false):
            if any(abs(p - g) <= NEAR for g in missed):
                continue  # counted with its gold start as a cut misplaced
            kinds_above = _above(kinds, p)
            if kinds[p] == "body" and not kinds_above:
                label = "false:bare"
            elif {"headline", "short"} & {*kinds_above, kinds[p]}:
                label = "false:title"
            else:
                label = "false:other(" + ",".join(sorted({*kinds_above, kinds[p]})) + ")"
            found.append((label, p))
        for label, at in found:
            counts[label] += 1
            if len(shown[label]) < args.show:
                window = range(max(0, at - 4), min(n, at + 4))
                shown[label].append(
                    "\n".join(
                        f"{'G' if i in gold_lines else ' '}{'P' if i in pred_lines else ' '}"
                        f" {kinds[i][:4]:4} {lines[i][:110]}"
                        for i in window
                    )
                )
    for label, count in counts.most_common():
        print(f"{count:5d}  {label}")
    for label, examples in shown.items():
        if not examples:
            continue
        print(f"\n== {label}")
        for example in examples:
            print(example, "\n--")


if __name__ == "__main__":
    main()
