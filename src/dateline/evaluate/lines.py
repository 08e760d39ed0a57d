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
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.clean import clean
from dateline.evaluate.parts import Part
from dateline.evaluate.split import normalise_headline
from dateline.model import Article, RawDoc
from dateline.split import split
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
    scrapinghub = list(scrapinghub_pages(shared / "extraction" / "scrapinghub", part))
    news = list(hand_pages(shared / "news", part))
    return {
        **{f"scrapinghub_{k}": v for k, v in _score(scrapinghub).items()},
        **{f"news_{k}": v for k, v in _score(news).items()},
    }
