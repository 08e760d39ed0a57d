"""Line roles on pages of sites the rules were not written on: what the user's clean + split keeps.

The labelled lines are those `dateline train lines` learns from (`dateline.split.train`): the
scrapinghub pages rendered as a scraper pastes them, and the hand-labelled news pages. Each
page's text goes through `clean` and `split` as any pasted text does; a line is kept as text
when it is in an article's body, else it was taken out (furniture, or the article's headline,
byline or date). Over the non-space characters of the lines labelled BODY or FURNITURE (the
metadata lines are neither):

- `furniture_precision`, `furniture_recall`, `furniture_f1`: lines taken out against the lines
  labelled FURNITURE;
- `body_recall`: the share of BODY characters kept.
- `headline_accuracy`: over the pages whose headline is known (the line matching the page's
  <title>, or labelled HEADLINE), the article with the most text has one of those lines as its
  headline (whitespace and apostrophes normalised).

Figures are given per source (`scrapinghub_*`, `news_*`). Parts are by outlet, as for training:
the check part holds sites the model never saw.

`pasted_*` are the `split` metrics (see `dateline.evaluate.split`) on cases pasted from the
scrapinghub pages of the part (`pasted_cases`): articles of sites no rule was written on, each
with none to a few lines of its page's furniture around it, four to a case. The part's pages are
pasted in PASTE_ORDERS orders (fixed by a hash), each with its own neighbours, trims and joins, as
several people pasting the same pages would: the check part has 56 pages, so one order gives 14
cases, too few for a figure that moves by less than a few points. `pasted_order0_*` are the
figures of the first order alone (the cases scored before session 9). `pasted_one_break_*` are the
same cases with every page joined to the one before by a single line break, never a blank line:
the paste joins half of its pages with a blank line, which a text that puts none between its lines
makes easy to see (`dateline.split.cuts`); these figures are those of the cut read from the lines
alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.clean import clean
from dateline.evaluate.parts import Part
from dateline.evaluate.split import normalise_headline
from dateline.model import Article, RawDoc
from dateline.split import split
from dateline.split.cues import find_byline, find_date_line
from dateline.split.train import LabelledPage, hand_pages, scrapinghub_pages


def kept_lines(text: str) -> list[bool]:
    """For each non-empty line of `text`, whether clean + split keep it in an article's body."""
    return _split_lines(text)[0]


def _split_lines(text: str) -> tuple[list[bool], list[Article]]:
    """`kept_lines` and the articles clean + split find."""
    cleaned = clean(text)
    articles = split(cleaned, RawDoc(text=text))
    body = {line.strip() for a in articles for line in a.body.split("\n") if line.strip()}
    kept = []
    for line in cleaned.lines:
        words = line.text.strip()
        # The first paragraph loses its dateline ("SEOUL (Reuters) - ") to the article's metadata.
        kept.append(words in body or any(words.endswith(b) for b in body if len(b) >= 20))
    return kept, articles


def _score(pages: list[LabelledPage]) -> dict[str, Any]:
    tp = fp = fn = body_total = body_kept = headline_ok = headline_total = 0
    for page in pages:
        text = "\n".join(page.lines)
        kept, articles = _split_lines(text)
        if page.titles:
            headline_total += 1
            main = max(articles, key=lambda a: len(a.body), default=None)
            titles = {normalise_headline(page.lines[i]) for i in page.titles}
            headline_ok += bool(main and normalise_headline(main.headline) in titles)
        if len(kept) != len(page.roles):
            continue
        for line, role, keep in zip(page.lines, page.roles, kept, strict=True):
            size = sum(not c.isspace() for c in line)
            if role == "FURNITURE":
                tp += size * (not keep)
                fn += size * keep
            elif role == "BODY":
                fp += size * (not keep)
                body_total += size
                body_kept += size * keep
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "furniture_f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
        "furniture_precision": round(precision, 4),
        "furniture_recall": round(recall, 4),
        "body_recall": round(body_kept / body_total, 4) if body_total else None,
        "headline_accuracy": round(headline_ok / headline_total, 4) if headline_total else None,
        "headline_pages": headline_total,
        "pages": len(pages),
    }


def evaluate(shared: Path, part: Part = "all") -> dict[str, Any]:
    """Line-role figures over `part` of the labelled pages under `shared` (the `data` folder)."""
    from dateline.evaluate.split import evaluate_cases

    scrapinghub = list(scrapinghub_pages(shared / "extraction" / "scrapinghub", part))
    news = list(hand_pages(shared / "news", part))
    orders = [pasted_cases(scrapinghub, k) for k in range(PASTE_ORDERS)]
    pasted = evaluate_cases(case for cases in orders for case in cases)
    first = evaluate_cases(orders[0]) if orders else {}
    one_break = evaluate_cases(
        case for k in range(PASTE_ORDERS) for case in pasted_cases(scrapinghub, k, blank_joins=False)
    )
    keep = ("boundary_f1", "boundary_precision", "boundary_recall", "pk", "furniture_f1", "headline_accuracy")
    return {
        **{f"scrapinghub_{k}": v for k, v in _score(scrapinghub).items()},
        **{f"news_{k}": v for k, v in _score(news).items()},
        **{f"pasted_{k}": pasted[k] for k in (*keep, "cases", "articles")},
        "pasted_orders": PASTE_ORDERS,
        **{f"pasted_order0_{k}": first.get(k) for k in keep if k in ("boundary_f1", "pk", "furniture_f1")},
        "pasted_order0_headline_accuracy": first.get("headline_accuracy"),
        **{f"pasted_one_break_{k}": one_break[k] for k in ("boundary_f1", "pk", "headline_accuracy")},
    }


# Lines of page furniture kept around an article's text when a page is pasted into a case: what a
# scraper's selection takes beyond the article (a section label, share buttons, a teaser or two).
# How many, above its headline and below its last paragraph, varies from page to page and side to
# side, drawn by a hash in the shares (per hundred pages, for none, one, two, and PASTE_CONTEXT
# lines) that the labelled articles of the development cases' fit outlets show: a real scraper's
# selection starts at the headline for 69% of them and one line above it for 22%, and ends at the
# last paragraph for 84%. A selection that always took three lines on both sides put every gold
# boundary three lines above a headline, inside six lines of two pages' furniture that nothing tells
# apart, which no paste of the development cases does.
PASTE_CONTEXT = 3
ABOVE_SHARES = (69, 22, 6, 3)
BELOW_SHARES = (84, 10, 2, 4)
PAGES_PER_CASE = 4
# Orders in which `dateline eval lines` pastes a part's pages (shuffles 0 to 7 of `pasted_cases`): over
# eight orders the figures of one order ranged over 0.19 in boundary F1 on the check part (0.46 to 0.65),
# and their mean is what a change must move.
PASTE_ORDERS = 8
# A page's article is its main run of BODY lines. A line labelled BODY alone far from it (a short line
# of the page's menus or tag lists that happens to be a whole paragraph of the article, a teaser that
# repeats it) is no part of what a scraper selects: a run of BODY lines this far (in lines) from the
# article's, holding less than STRAY_SHARE of its body text, is left out of the selection.
STRAY_DISTANCE = 20
STRAY_SHARE = 0.1


def _digest(text: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")


def _draw(shares: tuple[int, ...], key: str) -> int:
    """How many lines to take: k with the k-th share of a hundred, fixed by a hash of `key`."""
    point = _digest(key) % sum(shares)
    for k, share in enumerate(shares):
        if point < share:
            return k
        point -= share
    return len(shares) - 1


def article_lines(page: LabelledPage) -> list[int]:
    """The BODY lines of a page's article: its runs of BODY lines less the stray ones (STRAY_DISTANCE)."""
    body = [i for i, role in enumerate(page.roles) if role == "BODY"]
    runs: list[list[int]] = []
    for i in body:
        if not runs or i - runs[-1][-1] > STRAY_DISTANCE:
            runs.append([])
        runs[-1].append(i)
    sizes = [sum(len(page.lines[i]) for i in run) for run in runs]
    total = sum(sizes)
    return [i for run, size in zip(runs, sizes, strict=True) if size >= STRAY_SHARE * total for i in run]


def _date_line_only(page: LabelledPage, i: int) -> bool:
    """A META line that is a date line and no byline or headline: furniture in a case, as the hand labels
    of the development pages have it (the `split` metrics count headlines and bylines as metadata only)."""
    line = page.lines[i]
    return (
        page.roles[i] == "META"
        and i not in page.titles
        and bool(find_date_line(line))
        and not find_byline(line)
    )


def pasted_cases(
    pages: list[LabelledPage], shuffle: int = 0, blank_joins: bool = True
) -> list[dict[str, Any]]:
    """Cases in the `split` format pasted from labelled pages of sites never fitted on.

    Each page gives its article as a scraper's selection would: from none to a few lines above
    its headline (or its first paragraph, when the page prints no line naming its headline) to
    none to a few lines below its last paragraph (ABOVE_SHARES, BELOW_SHARES), with its labels (BODY,
    FURNITURE, META). The gold headline is the line of the paste that the page names as its
    headline (`train.page_titles`), the last above its first paragraph, or none when the paste
    holds no such line. Pages are pasted four to a case in an order fixed by a hash, joined by a
    blank line or none (always none when `blank_joins` is false). Each `shuffle` other than 0 (the
    cases `dateline eval lines` scores) orders, trims and joins them anew, so that a model learns
    from every page beside other neighbours (`dateline train gaps`).
    """
    salt = f"{shuffle}\x1f" if shuffle else ""
    pieces = []
    for page in sorted(pages, key=lambda p: _digest(salt + "\n".join(p.lines))):
        body = article_lines(page)
        if len(body) < 2:
            continue
        titles = [i for i in page.titles if i < body[0]]
        first = titles[-1] if titles else body[0]
        above = _draw(ABOVE_SHARES, f"{salt}above\x1f{page.lines[first]}")
        below = _draw(BELOW_SHARES, f"{salt}below\x1f{page.lines[body[-1]]}")
        lo = max(0, first - above)
        hi = min(len(page.lines), body[-1] + 1 + below)
        pieces.append((page, lo, hi, titles[-1] if titles else None))
    cases = []
    for n in range(0, len(pieces), PAGES_PER_CASE):
        group = pieces[n : n + PAGES_PER_CASE]
        if len(group) < 2:
            break
        text = ""
        articles = []
        for page, lo, hi, title in group:
            if text:
                text += "\n\n" if blank_joins and _digest(salt + page.lines[lo]) % 2 else "\n"
            start = len(text)
            furniture = []
            for i in range(lo, hi):
                if page.roles[i] == "FURNITURE" or _date_line_only(page, i):
                    furniture.append([len(text), len(text) + len(page.lines[i])])
                text += page.lines[i] + ("\n" if i + 1 < hi else "")
            articles.append(
                {
                    "start": start,
                    "end": len(text),
                    "outlet": page.outlet,
                    "headline": page.lines[title] if title is not None else None,
                    "furniture": furniture,
                    "labelled": True,
                }
            )
        cases.append(
            {
                "id": f"pasted-{shuffle}-{n // PAGES_PER_CASE}"
                if shuffle
                else f"pasted-{n // PAGES_PER_CASE}",
                "text": text,
                "articles": articles,
            }
        )
    return cases
