"""Where the split loses furniture F1 on pasted unseen sites: the fit errors, counted by line class.

    PYTHONPATH=src python tools/furniture_errors.py ../shared/data [--show N]

Reads only the fit part: the cases pasted from the fit scrapinghub pages in the eight orders
`dateline eval lines` scores (`pasted_*` figures). Every non-empty line of a case is put in one
class by four things: whether its gold is furniture (`G`) or not (`-`), whether the split reported
it removed (`R`) or kept it (`-`), the kind the rules gave it (`roles.type_lines`), and the band
of the furniture model's P(furniture) (`TypedLine.furniture_p`; 0 for the lines the model is not
asked about). Counts are of non-space characters, as `furniture_f1` counts them, so `G -` rows
are the misses and `- R` rows the false removals (headline and byline lines included: the metric
counts them as text when they are removed).

The bands tell a threshold from a model: misses with a high P(furniture) are lost to the
thresholds of `roles` and `articles`; misses with a low one, to the model or its features.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from dateline.clean import clean
from dateline.evaluate.lines import PASTE_ORDERS, pasted_cases
from dateline.model import RawDoc
from dateline.split import split
from dateline.split.roles import type_lines
from dateline.split.train import scrapinghub_pages

BANDS = (0.85, 0.5)  # the learned-furniture threshold of body lines, and an even chance


def _band(p: float) -> str:
    return next((f"p>={b}" for b in BANDS if p >= b), f"p<{BANDS[-1]}")


def main() -> None:
    """Print the character counts of each class, largest first, and a few lines of each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the development data folder (../shared/data)")
    parser.add_argument("--show", type=int, default=0, help="lines to show of each class")
    args = parser.parse_args()
    pages = list(scrapinghub_pages(args.data / "extraction" / "scrapinghub", "fit"))
    counts: Counter[tuple[str, str, str, str]] = Counter()
    shown: defaultdict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for order in range(PASTE_ORDERS):
        for case in pasted_cases(pages, order):
            text = case["text"]
            cleaned = clean(text)
            removed = [(s.start, s.end) for a in split(cleaned, RawDoc(text=text)) for s in a.removed]
            gold = [tuple(s) for a in case["articles"] for s in a["furniture"]]
            for t in type_lines(cleaned.lines):
                start, end = t.line.start, t.line.end
                if not t.text.strip():
                    continue
                is_gold = any(a <= start < b for a, b in gold)
                is_removed = any(a <= start < b or start <= a < end for a, b in removed)
                key = ("G" if is_gold else "-", "R" if is_removed else "-", t.kind, _band(t.furniture_p))
                counts[key] += sum(not c.isspace() for c in t.text)
                if len(shown[key]) < args.show:
                    shown[key].append(f"{t.furniture_p:.2f} {t.text[:100]}")
    total = {
        "tp": sum(n for k, n in counts.items() if k[:2] == ("G", "R")),
        "fp": sum(n for k, n in counts.items() if k[:2] == ("-", "R")),
        "fn": sum(n for k, n in counts.items() if k[:2] == ("G", "-")),
    }
    print(" ".join(f"{k}={v}" for k, v in total.items()))
    for key, n in counts.most_common():
        print(f"{n:9d}  {' '.join(key)}")
        for line in shown[key]:
            print(f"           {line}")


if __name__ == "__main__":
    main()
