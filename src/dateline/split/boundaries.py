"""Boundaries: the gaps that start an article (`gaps.gap_scores`) -> the lines of each article.

Inside a chosen gap, each line leans to the page before (sign-offs, related lists, a sentence
cut off with the page) or to the next (section labels, a headline over its deck or over
pictures and bylines, lines about what follows), and the cut maximises the lean of the lines
after it (`split_point`); where the package ships a cut model (`cuts`), it weighs that lean against
a wider line break than the text's usual one, where two pasted pages were joined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import mul

from dateline.split.cues import DANGLING
from dateline.split.cuts import cut_rows, load_cut_model, usual_break
from dateline.split.features import (
    BODY,
    BYLINE,
    CLOSED,
    DATE,
    FURNITURE,
    HEADLINE,
    SHORT,
    TypedLine,
    is_fragment,
)
from dateline.split.gaps import Gap, lede_words

# Where a line of a gap goes (`line_lean`): weights fitted on the development cases so that the cut
# of `split_point` lands on the line where the next page starts (an averaged structured perceptron,
# checked on two halves of the cases), rounded to quarters; positive means the line opens the next
# article.
LEAN_WEIGHTS: dict[str, float] = {
    "bias": 2.5,
    "headline": -1.75,
    "short": -0.25,
    "byline_or_date": 0.5,
    "head_furniture": 2.75,  # navigation, site names, section labels in lower case ("news")
    "tail_furniture": -6.0,  # sign-offs, copyright, comment forms, related lists, page scripts
    "other_furniture": 0.75,
    "label": -1.75,  # a lone capitalised word: a section label, or the first word of a cut paragraph
    "label_over_headline": 2.25,  # ... right above a headline: a section label
    "first": -1.0,  # the line right after the body
    "cut_off": -2.25,  # ... reads as a sentence cut off with the page
    "dangling": -1.75,  # ... ends in a function word
    "after_full_stop": -1.25,  # the body before ends a sentence, so the page may go on with its tail
    "headline_list": -1.0,  # one of several headlines in a row: a list of related stories
    "topic": 4.75,  # shares more words with the next paragraphs than with the previous ones
    "over_deck": 3.5,  # a longer line on the same subject follows: a headline over its deck
    "last_title": 0.75,  # the last title of the gap, with only pictures, credits and metadata below it
    "gap_topic": 2.5,  # shares more words with the gap's lines below it than with those above it
    "over_meta": 2.0,  # a title right above a byline or date line: its page opens there (set by hand)
}
HEAD_FURNITURE = frozenset(
    {"navigation", "site-description", "number", "photo-credit", "gallery", "share", "read-time"}
)
TAIL_FURNITURE = frozenset({"code", "comments", "sign-off", "copyright", "related"})
# A title names the article under it when this share of its words is in its first two (`gaps.lede_words`)
# paragraphs (0.3, 0.5 and 0.67 tried on the fit parts: the cut fell on the right line in 310, 310
# and 308 of the 344 gold gaps of the development cases, 50, 48 and 46 of the 87 of the pasted cases,
# against 308 and 44 without this).
NAMES_SHARE = 0.3


@dataclass
class Segment:
    """The typed lines of one article, in order."""

    lines: list[TypedLine] = field(default_factory=list)


def segments(
    gaps: Sequence[Gap], scores: Sequence[float], typed: list[TypedLine], body: list[int]
) -> list[Segment]:
    """Cut the typed lines into articles at the gaps whose score (`gaps.gap_scores`) is at least 0."""
    cuts: list[int] = []  # indices of the typed lines that open a new article
    chosen: list[tuple[Gap, float]] = []
    for gap, score in zip(gaps, scores, strict=True):
        if score < 0 or gap.after is None:
            continue
        previous = chosen[-1] if chosen else None
        # Two bare gaps around a single paragraph: the vocabulary dips at both, but one paragraph
        # alone with nothing around it is rarely a page; keep the stronger of the two.
        if (
            previous is not None
            and not gap.lines
            and not previous[0].lines
            and previous[0].after == gap.before
        ):
            if score > previous[1]:
                chosen[-1] = (gap, score)
            continue
        chosen.append((gap, score))
    # The text's usual line break, read by the cut model where a gap has lines to cut between.
    usual = usual_break(typed) if any(gap.lines for gap, _ in chosen) else 1
    for gap, _ in chosen:
        keep = split_point(gap, typed, body, usual)
        opener = gap.lines[keep] if keep < len(gap.lines) else gap.after
        if opener is not None:
            cuts.append(opener)
    found: list[Segment] = []
    bounds = [0, *cuts, len(typed)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        if end > start:
            found.append(Segment(lines=typed[start:end]))
    return found


def _topic_lean(t: TypedLine, typed: list[TypedLine], body: list[int], gap: Gap) -> float:
    """How much more a line shares with the next article's first paragraphs than with the last ones before."""
    if not t.words or gap.before is None or gap.after is None:
        return 0.0
    words_after, words_before = lede_words(gap, typed, body)  # the two paragraphs on each side
    return (len(t.words & words_after) - len(t.words & words_before)) / len(t.words)


def line_lean(k: int, gap: Gap, typed: list[TypedLine], body: list[int]) -> float:
    """Log-odds that the k-th line of a gap opens the next article rather than closing the one before.

    Headlines, bylines, dates and navigation open pages; sign-offs, comment forms, related lists
    and page scripts close them; a sentence cut off right after the body ends it; a line about
    what follows belongs to what follows.
    """
    features = lean_features(k, gap, typed, body)
    return sum(map(mul, map(LEAN_WEIGHTS.__getitem__, features), features.values()))


def lean_features(k: int, gap: Gap, typed: list[TypedLine], body: list[int]) -> dict[str, float]:
    """The cues of where the k-th line of a gap belongs, each a number (most are 0 or 1)."""
    t = typed[gap.lines[k]]
    n = len(gap.lines)
    # A headline glued to the site's description is a title: the description says nothing of where it goes.
    reason = None if t.kind == HEADLINE else t.line.furniture
    nxt = typed[gap.lines[k + 1]] if k + 1 < n else None
    words = t.text.split()
    label = reason == "label"
    features: dict[str, float] = {
        "bias": 1.0,
        "headline": float(t.kind == HEADLINE),
        "short": float(t.kind == SHORT),
        "byline_or_date": float(t.kind in (BYLINE, DATE)),
        # A cut paragraph begins with a capital; a lone word in lower case is a section label
        # (a word, not a scrap of code such as "s.parentNo").
        "head_furniture": float(
            reason in HEAD_FURNITURE or (label and t.text[:1].islower() and t.text.replace(" ", "").isalpha())
        ),
        "tail_furniture": float(reason in TAIL_FURNITURE),
        "other_furniture": float(
            t.kind == FURNITURE and reason not in HEAD_FURNITURE | TAIL_FURNITURE | {"label"}
        ),
        "label": float(label and not (t.text[:1].islower() and t.text.replace(" ", "").isalpha())),
        "label_over_headline": float(label and nxt is not None and nxt.kind == HEADLINE),
        "first": float(k == 0),
        "cut_off": float(k == 0 and t.kind in (HEADLINE, SHORT) and t.cut_off),
        "dangling": float(k == 0 and bool(words) and words[-1].lower() in DANGLING),
        "after_full_stop": float(
            gap.before is not None and typed[gap.before].text.rstrip()[-1:] in '.!?"\u201d'
        ),
        # A title over another title is a list of related stories; over a closed sentence, a
        # headline over its deck.
        "headline_list": float(
            t.kind == HEADLINE and nxt is not None and nxt.kind == HEADLINE and not CLOSED.search(nxt.text)
        ),
        "topic": _topic_lean(t, typed, body, gap),
        "over_deck": float(t.kind == HEADLINE and nxt is not None and _is_deck(t, nxt)),
        "last_title": float(t.kind == HEADLINE and _last_title(k, gap, typed)),
        "gap_topic": _gap_topic(k, gap, typed),
        "over_meta": float(t.kind == HEADLINE and nxt is not None and nxt.kind in (BYLINE, DATE)),
    }
    return features


# Lines that sit between a page's title and its first paragraph: pictures, credits, metadata.
_BELOW_TITLE = frozenset(
    {"caption", "photo-credit", "read-time", "gallery", "share", "advertisement", "source"}
)


def _is_deck(title: TypedLine, below: TypedLine) -> bool:
    """Whether the line below a title is its deck or lede: longer, and on the same subject."""
    return (
        below.kind in (HEADLINE, SHORT, BODY)
        and len(below.text) > len(title.text)
        and bool(title.words & below.words)
    )


def _last_title(k: int, gap: Gap, typed: list[TypedLine]) -> bool:
    """Whether only pictures, credits, bylines, dates and short labels stand between the k-th line of
    a gap and the paragraph after it: where a page's title stands."""
    for i in gap.lines[k + 1 :]:
        t = typed[i]
        if t.kind in (BYLINE, DATE, SHORT) or (t.kind == FURNITURE and t.line.furniture in _BELOW_TITLE):
            continue
        return False
    return True


def _gap_topic(k: int, gap: Gap, typed: list[TypedLine]) -> float:
    """How much more a line shares with the lines of the gap below it (and the paragraph after) than with
    those above it (and the paragraph before): captions and decks under a title repeat its words."""
    t = typed[gap.lines[k]]
    if not t.words:
        return 0.0
    below = [gap.after, *gap.lines[k + 1 :]] if gap.after is not None else gap.lines[k + 1 :]
    above = [gap.before, *gap.lines[:k]] if gap.before is not None else gap.lines[:k]
    words_below = frozenset().union(*(typed[i].any_words for i in below))
    words_above = frozenset().union(*(typed[i].any_words for i in above))
    return (len(t.words & words_below) - len(t.words & words_above)) / len(t.words)


def split_point(gap: Gap, typed: list[TypedLine], body: list[int], usual: int | None = None) -> int:
    """How many of the gap's lines stay with the article before; the rest open the next one.

    A page cut off mid-sentence ends right there, and a page's last sentence cut off after its body
    ends right under it. Else the learned cut model (`cuts`) scores every place the cut can take, when
    the package ships one; without it each line leans to the start of a page or to the end of one
    (`line_lean`) and the cut maximises the lean of the lines after it. Either way the cut never
    leaves in the article above the title that names the paragraphs under the gap. `usual`: the text's
    usual line break (`cuts.usual_break`), read by the model.
    """
    n = len(gap.lines)
    if n == 0:
        return 0
    # A page opens at or above its headline: the cut never leaves in the article before a title that
    # names the paragraphs under it (its bylines, dates and share buttons lean back as often as not).
    title = title_of_next(gap, typed, body)
    ruled = ruled_cut(gap, typed, title)
    if ruled is not None:
        return ruled
    last = n if title is None else title
    model = load_cut_model()
    if model is not None and gap.before is not None and gap.after is not None:
        rows = cut_features(gap, typed, body, usual_break(typed) if usual is None else usual)
        return model.best(rows[: last + 1])
    lean = [line_lean(k, gap, typed, body) for k in range(n)]
    best_cut, best = 0, sum(lean)
    for cut in range(1, last + 1):
        total = sum(lean[cut:])
        if total > best:
            best_cut, best = cut, total
    return best_cut


def ruled_cut(gap: Gap, typed: list[TypedLine], title: int | None) -> int | None:
    """The cut the rules settle, if they do: a page cut off mid-sentence ends right there (0); a page's
    last sentence, cut off, follows its body and the next page starts right under it (1), unless the
    gap's first line is itself the title naming the next paragraphs (`title`: `title_of_next`)."""
    n = len(gap.lines)
    if gap.before is not None and typed[gap.before].truncated and not typed[gap.before].list_item:
        return 0
    first = typed[gap.lines[0]] if n else None
    if (
        first is not None
        and first.kind in (HEADLINE, SHORT)
        and n >= 2
        and (first.cut_off or is_fragment(first))
        and title != 0
    ):
        return 1
    return None


def cut_features(gap: Gap, typed: list[TypedLine], body: list[int], usual: int) -> list[list[float]]:
    """The features (`cuts.FEATURES`) of every place the cut can take in a gap between two paragraphs,
    from above its first line to right above the paragraph after it (`usual`: the text's usual line
    break, `cuts.usual_break`)."""
    assert gap.before is not None and gap.after is not None
    lean = [line_lean(k, gap, typed, body) for k in range(len(gap.lines))]
    return cut_rows([typed[i] for i in gap.lines], typed[gap.before], typed[gap.after], lean, usual)


def title_of_next(gap: Gap, typed: list[TypedLine], body: list[int]) -> int | None:
    """The headline-shaped line of a gap that best names the next paragraphs (at least NAMES_SHARE of
    its words in the paragraphs after the gap, `gaps.lede_words`, and more of them than in those
    before), if any."""
    titles = [(k, typed[i]) for k, i in enumerate(gap.lines) if typed[i].kind == HEADLINE and typed[i].words]
    if not titles:
        return None
    after, before = lede_words(gap, typed, body)
    best: tuple[float, int] | None = None
    for k, t in titles:
        named = len(t.words & after)
        share = named / len(t.words)
        if share >= NAMES_SHARE and named > len(t.words & before) and (best is None or share > best[0]):
            best = (share, k)
    return None if best is None else best[1]
