"""Headlines: the lines of each article (`boundaries.segments`) -> which of them is its headline.

A page prints several headline-shaped lines over an article: its site's name, a section label, a
tab title, teasers of other stories, its own headline, a deck. The candidates are the titles of the
article's header that are no topic label or photo caption and share a word with its text
(`header_candidates`); the headline is the one that best names its first paragraphs, else a title
printed after its body, else the title printed right above it at the end of the article before
(`title_above`). The document's articles are read once, in order (`headlines`), and `articles`
fills each article's body and metadata with the line chosen.

Among two or three candidates a hand-weighted score decides (`_headline_score`: over the byline or
the text, naming the first paragraphs, a few words, no closing full stop; the first title of the
page's title block preferred). Among MODEL_CANDIDATES or more the learned chooser does: each
candidate is described by what carries from one site to another: where it sits (over the byline,
over the text, first of the title block), how much of the first paragraphs and of the whole text it
names, its shape (length, capitals, a closing full stop, a separator). A conditional logit (one
weight per feature, the candidates of one header competing in a softmax) trained on the fit parts
of the development cases and of the scrapinghub pages, whole and pasted (`dateline train
headlines`), scores each; the best scored is the headline.

The line-role model's probabilities for the candidates (`roles.LineRoleModel`) are not read: that
model was trained on the same fit pages, so its probabilities there are in-sample and sure, and a
chooser fitted on them leaned on them (on the development cases' check part its headline accuracy
fell from 0.911 to 0.846, and a title over its byline lost to a tab title above it).

The model is a JSON file of weights (`dateline/models/headline-chooser.json`), run as a
`choice.ChoiceModel` (as the cut model is); without it the hand-weighted score decides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from dateline.split.boundaries import Segment
from dateline.split.choice import ChoiceModel, read_model
from dateline.split.features import BODY, BYLINE, CLOSED, DATE, FURNITURE, HEADLINE, SHORT, TypedLine

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "headline-chooser.json"

FIRST_TITLE_BONUS = 1.5  # how much the first title on the story's subject is preferred to later ones
LEDE_LINES = 2  # the first paragraphs, whose words a headline shares
# The learned chooser decides among this many candidate titles or more: a whole page's header, its
# menus, teasers and site names around the headline. Among two or three (a headline, its deck, a
# kicker) the hand-weighted score was as good on the fit part, cross-fitted by outlet (news cases
# 60/65 either way; scrapinghub pages and pastes 126/155 either way, against 37/52 by the model and
# 30/52 by the score with four or more), and it keeps a short label over a headline from winning.
MODEL_CANDIDATES = 4
# Added to the hand-weighted score of a title printed again on the page (`Printed`), and per log of the
# first paragraphs' words it names: on the fit part's contests of two or three titles (0, 0.5 and 1 tried
# for each), 0.5 and 0.5 won 176 of 208 against 172 (development cases 45/49 from 44, scrapinghub pages
# 23/32 from 22, pasted pages 108/127 from 106); 1 for a repeat cost the development cases' larger headers.
REPEATED_BONUS = 0.5
LEDE_WORDS_WEIGHT = 0.5
LABEL_WORDS = 3  # at most this many capitalised words over the text make a topic label, not a headline

# A photo caption with its credit: a sentence closed and a source in parentheses after it ("...
# in 2004. (NASA/JPL)"), a credit named as such ("Credit...", "(Credit: ...)", "Photo: ..."), or a
# credit glued to the caption's full stop when the page was pasted ("... in Austria.Leonhard Foeger").
_CAPTION = re.compile(
    r"[.!?][\"'\u201d\u2019]?\s*\([^()]{2,80}\)$"
    r"|\b(?:Credit|Photo|Image|Picture)s?\s*(?::|\.\.\.|\u2026)"
    r"|(?:[a-z]{3}|\d{4})\.[A-Z][a-z]*\.? [A-Z]"
)
# Every caption `_CAPTION` reads holds one of these (a sentence's end, or a credit named as such).
_CAPTION_HINTS = (".", "?", "!", "Credit", "Photo", "Image", "Picture")
# A pipe or a spaced dash: a site or section name glued to a title.
_SEPARATOR = re.compile(r"\||\s[-\u2013\u2014]\s")

FEATURES = (
    "rule_score",  # the hand-weighted score (`_headline_score`)
    "first_title",  # the first title of the page's title block, on the story's subject
    "over_meta",  # the next line (past furniture) is a byline or a date line
    "over_text",  # the next line (past furniture) is the first paragraph
    "under_meta",  # a byline or date line is printed above it
    "over_longer_title",  # the next line (past furniture) is a longer title: a kicker or a tab title over it
    "lede_share",  # share of its words found in the first paragraphs
    "lede_gap",  # that share less the best share among the candidates
    "text_share",  # share of its words found in the whole text
    "text_gap",  # that share less the best share among the candidates
    "log_words",  # log(1 + its words)
    "short",  # three words or fewer
    "long",  # over fourteen words
    "closed",  # ends like a sentence
    "first_candidate",  # the first candidate of the header
    "last_candidate",  # the last candidate of the header
    "lines_to_text",  # log(1 + lines between it and the first paragraph)
    "title_case",  # share of its longer words that are capitalised
    "capitals",  # written in capitals
    "separator",  # holds a pipe or a spaced dash: a site or section name may be glued on
    "colon",  # holds a colon (a kicker: "Review: ...")
    "digits",  # holds a digit
    "lede_words",  # log(1 + the first paragraphs' words it holds)
    "own_title",  # the first title of the block over the stamp nearest the text (`_title_block_start`)
    "repeated",  # printed again elsewhere in the document, alone or with a name glued on (`Printed`)
)


def headlines(segments: Sequence[Segment]) -> list[tuple[int | None, str | None]]:
    """Each article's headline: which of its lines (an index into `Segment.lines`), else the title
    printed right above it (`title_above`), else neither."""
    ledes = [segment_lede(seg) for seg in segments] + [frozenset()]
    texts = [segment_words(seg) for seg in segments]
    printed = Printed([t.text for seg in segments for t in seg.lines])
    found = [
        _headline_index(seg, texts[pos], ledes[pos], ledes[pos + 1], printed)
        for pos, seg in enumerate(segments)
    ]
    return [
        (
            found[pos],
            title_above(segments[pos - 1], found[pos - 1], texts[pos - 1], seg, texts[pos])
            if pos and found[pos] is None
            else None,
        )
        for pos, seg in enumerate(segments)
    ]


def _headline_score(
    k: int, header: list[TypedLine], lede: frozenset[str], printed: Printed | None = None
) -> float:
    """How much a headline-shaped line of the header reads as the article's headline.

    The headline sits right above the byline, the date line or the first paragraph, and names
    what the first paragraphs are about; section titles and slogans above it do neither. It names
    several of their words (a menu label of one or two words shares one by chance), and a page prints
    it more than once (`printed`: its tab title, its heading, its share text).
    """
    t = header[k]
    following = _following(header, k)
    score = 0.0
    if following is None or following.kind in (BYLINE, DATE):
        score += 1.0
    if t.words:
        score += 2.0 * len(t.words & lede) / len(t.words)
        score += LEDE_WORDS_WEIGHT * math.log1p(len(t.words & lede))
    if printed is not None and printed.again(t.text):
        score += REPEATED_BONUS
    words = len(t.text.split())
    # Headlines are a few words long, and do not close a sentence the way a deck or a quote does.
    if words > 14:
        score -= 1.0
    if words <= 3:
        score -= 1.0
    if CLOSED.search(t.text):
        score -= 1.5
    return score


def is_topic_label(k: int, header: list[TypedLine]) -> bool:
    """A few capitalised words set straight over the text ("Camp David Summit", "Ukraine Crisis"):
    a topic or section label, not a headline. A page's short title is followed by its byline or
    date; a label runs straight into the first paragraph."""
    words = header[k].text.split()
    if len(words) > LABEL_WORDS or any(h.kind in (BYLINE, DATE) for h in header[k + 1 :]):
        return False
    return all(w[0].isupper() for w in words if w[0].isalpha())


def _is_trailing_headline(t: TypedLine, above: frozenset[str], below: frozenset[str]) -> bool:
    """A headline printed after its body: glued to the site's description, or in title case, never a
    sentence cut off or closed by a full stop or a quotation mark.

    It repeats the names and topic of the body above it (`above`: that body's words): at least half of
    its words, and more of them than the next article's opening (`below`) has, whose headline it
    would otherwise be. A masthead or a slogan ("The Daily PostNews You Can Trust") names no one in
    the story.
    """
    if t.line.headline_part:
        return True
    shared = len(t.words & above)
    if 2 * shared < len(t.words) or shared <= len(t.words & below):
        return False
    if t.cut_off or t.text[-1:] in ".\"\u201d'\u2019":
        return False
    longer = [w for w in t.text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.6 * len(longer)


def header_candidates(segment: Segment, body_words: frozenset[str]) -> tuple[list[TypedLine], list[int]]:
    """The lines of an article above its first paragraph, and which of them may be its headline: the
    headline-shaped ones that are no topic label or caption and (when it has text) share a word with
    its text (`body_words`)."""
    header: list[TypedLine] = []
    for t in segment.lines:
        if t.kind == BODY:
            break
        header.append(t)
    candidates = [
        k
        for k, t in enumerate(header)
        if t.kind == HEADLINE and not is_topic_label(k, header) and not reads_as_caption(t.text)
    ]
    if body_words:
        # A headline names what its story is about: a title that shares no word with the text
        # is another page's (a teaser, a section front's title, a promotion).
        candidates = [k for k in candidates if header[k].words & body_words]
    return header, candidates


def candidate_features(
    header: list[TypedLine],
    candidates: list[int],
    lede: frozenset[str],
    body_words: frozenset[str],
    rows_wanted: bool = True,
    printed: Printed | None = None,
) -> tuple[dict[int, float], list[list[float]]]:
    """The hand-weighted score of each candidate title (`_headline_score`, the first title on the
    story's subject preferred) and, if `rows_wanted`, the features the headline chooser reads
    (`candidate_rows`; else no rows)."""
    scores = {k: _headline_score(k, header, lede, printed) for k in candidates}
    # A page opens with its own title; decks, subheads and related links come after it. The first
    # title on the story's subject (not a site's slogan) is preferred, and ties go to the earlier line.
    first = _title_block_start(header, candidates)
    rows = (
        candidate_rows(header, candidates, lede, body_words, scores, first, printed or Printed(()))
        if rows_wanted
        else []
    )
    if header[first].words & lede:
        scores[first] += FIRST_TITLE_BONUS
    return scores, rows


def _headline_index(
    segment: Segment,
    body_words: frozenset[str],
    lede: frozenset[str],
    next_lede: frozenset[str],
    printed: Printed | None = None,
) -> int | None:
    """The headline-shaped line of the header that best fits the body (`body_words`: its words;
    `lede`: the words of its first paragraphs), else one printed after the body (`next_lede`: the
    words of the next article's first paragraphs, which may own that line instead).

    Among MODEL_CANDIDATES or more the learned chooser (`load_headline_model`) decides when the package
    has one, else the hand-weighted score."""
    header, candidates = header_candidates(segment, body_words)
    if len(candidates) == 1:
        return _without_trail(header, candidates[0])
    if candidates:
        model = load_headline_model() if len(candidates) >= MODEL_CANDIDATES else None
        scores, rows = candidate_features(header, candidates, lede, body_words, model is not None, printed)
        if model is not None:
            return _without_trail(header, candidates[model.best(rows)])
        return _without_trail(header, max(candidates, key=lambda k: (scores[k], -k)))
    for k in range(len(segment.lines) - 1, -1, -1):
        t = segment.lines[k]
        if t.kind == BODY:
            break
        if t.kind == HEADLINE and _is_trailing_headline(t, body_words, next_lede):
            return k
    return None


def _without_trail(header: list[TypedLine], k: int) -> int:
    """The headline itself when the chosen title is a breadcrumb trail glued to it ("HomeLatest
    NewsFloods force thousands from homes"): a page prints its trail of sections over its headline,
    and a pasted page loses the separators between them; a line of the header next to it that is the
    trail's end, of three words or more, is the headline."""
    text = header[k].text
    for j in (k + 1, k - 1, k + 2):
        if 0 <= j < len(header):
            other = header[j].text
            if len(other) < len(text) and other.count(" ") >= 2 and text.endswith(other):
                return j
    return k


def _title_block_start(header: Sequence[TypedLine], candidates: Sequence[int], nearest: bool = False) -> int:
    """Where the page's own title block starts: the first of the titles set right over the first
    byline or date line, else the first title of the header.

    A live page or a section front prints its tab title and topic labels above the story; the
    story's headline is the title its byline and date hang from ("Live Updates" then
    "Biden and Xi meet in Bali" then "By ...").

    With `nearest`, the stamp is the first of the last run of byline and date lines above the text (past
    furniture and short lines): a page's lists of other stories print a byline or a date under each of
    their titles, above the story's own.
    """
    stamps = [k for k, t in enumerate(header) if t.kind in (BYLINE, DATE)]
    stamp = stamps[0] if stamps else None
    if nearest and stamps:
        stamp = stamps[-1]
        while stamp > 0 and header[stamp - 1].kind in (BYLINE, DATE, FURNITURE, SHORT):
            stamp -= 1
        while header[stamp].kind not in (BYLINE, DATE):
            stamp += 1
    if stamp is None:
        return candidates[0]
    start = None
    for k in range(stamp - 1, -1, -1):
        kind = header[k].kind
        if kind == FURNITURE:
            continue
        if kind != HEADLINE or k not in candidates:
            break
        start = k
    return candidates[0] if start is None else start


def reads_as_caption(text: str) -> bool:
    """Whether a line reads as a photo caption with its credit (`_CAPTION`); substring tests first,
    as most titles hold none of what a caption must."""
    return any(hint in text for hint in _CAPTION_HINTS) and _CAPTION.search(text) is not None


def title_above(
    previous: Segment, taken: int | None, above: frozenset[str], segment: Segment, text: frozenset[str]
) -> str | None:
    """The title printed right above an article that opens without one: the last line of the article
    before it (past any furniture), when that article did not take it as its headline.

    A page's headline sits over its deck, its picture or its byline; where the cut between two pasted
    pages fell under the headline, the headline still names the story below it (`text`: the words of
    that article's text) more than the one above (`above`), whose last paragraph it follows. A photo
    caption, a sentence, a line cut off, or a title of a few words (a slogan, a section's name) is no
    such headline.
    """
    if not text or not segment.lines or segment.lines[0].kind == HEADLINE:
        return None
    lines = previous.lines
    for k in range(len(lines) - 1, -1, -1):
        t = lines[k]
        if t.kind == FURNITURE:
            continue
        if (
            t.kind != HEADLINE
            or k == taken
            or len(t.text.split()) <= LABEL_WORDS + 1
            or t.cut_off
            or CLOSED.search(t.text)
            or reads_as_caption(t.text)
        ):
            return None
        return t.text if len(t.words & text) > len(t.words & above) else None
    return None


def segment_words(segment: Segment) -> frozenset[str]:
    """The content words of an article's text."""
    return frozenset().union(*(t.words for t in segment.lines if t.kind == BODY))


def segment_lede(segment: Segment) -> frozenset[str]:
    """The content words of an article's first two paragraphs: what its headline names."""
    body = [t for t in segment.lines if t.kind == BODY][:LEDE_LINES]
    return frozenset().union(*(t.words for t in body))


def _following(header: Sequence[TypedLine], k: int) -> TypedLine | None:
    """The line under header line `k`, past furniture; None when the text comes next."""
    return next((h for h in header[k + 1 :] if h.kind != FURNITURE), None)


def _share(words: frozenset[str], other: frozenset[str]) -> float:
    return len(words & other) / len(words) if words else 0.0


def candidate_rows(
    header: Sequence[TypedLine],
    candidates: Sequence[int],
    lede: frozenset[str],
    text: frozenset[str],
    rule_scores: dict[int, float],
    first: int,
    printed: Printed,
) -> list[list[float]]:
    """The `FEATURES` of each candidate title of an article's header (`lede`: the words of its first
    paragraphs; `text`: of its whole text; `rule_scores`: the hand-weighted scores; `first`: the
    first title of the page's title block)."""
    lede_shares = [_share(header[k].words, lede) for k in candidates]
    text_shares = [_share(header[k].words, text) for k in candidates]
    best_lede, best_text = max(lede_shares), max(text_shares)
    stamp = next((k for k, t in enumerate(header) if t.kind in (BYLINE, DATE)), len(header))
    own = _title_block_start(header, candidates, nearest=True)
    rows = []
    for n, k in enumerate(candidates):
        t = header[k]
        words = t.text.split()
        longer = [w for w in words if len(w) > 3 and w[0].isalpha()]
        letters = [c for c in t.text if c.isalpha()]
        below = _following(header, k)
        following = None if below is None else below.kind
        rows.append(
            [
                rule_scores[k],
                float(k == first and bool(t.words & lede)),
                float(following in (BYLINE, DATE)),
                float(following is None),
                float(stamp < k),
                float(following == HEADLINE and below is not None and len(below.text.split()) > len(words)),
                lede_shares[n],
                lede_shares[n] - best_lede,
                text_shares[n],
                text_shares[n] - best_text,
                math.log1p(len(words)),
                float(len(words) <= 3),
                float(len(words) > 14),
                float(CLOSED.search(t.text) is not None),
                float(n == 0),
                float(n == len(candidates) - 1),
                math.log1p(len(header) - k - 1),
                sum(w[0].isupper() for w in longer) / len(longer) if longer else 0.0,
                float(len(letters) > 3 and all(c.isupper() for c in letters if c.isascii())),
                float(_SEPARATOR.search(t.text) is not None),
                float(":" in t.text),
                float(any(c.isdigit() for c in t.text)),
                math.log1p(len(t.words & lede)),
                float(k == own),
                float(printed.again(t.text)),
            ]
        )
    return rows


class Printed:
    """The lines of a document, to tell whether a title is printed again: a page prints its headline in
    its tab title, its heading, its breadcrumb trail and its share text, often with the site's or the
    section's name glued on ("Business|Trump's trade war ...", "... - BGR"); another story's title is
    printed once.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = lines
        self._counts: dict[str, int] | None = None
        self._joined: str | None = None
        self._seen: dict[str, bool] = {}

    @property
    def counts(self) -> dict[str, int]:
        """How many lines print each text (read on first use: most articles have no titles to compare)."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for line in self._lines:
                key = line.strip()
                if key:
                    counts[key] = counts.get(key, 0) + 1
            self._counts = counts
        return self._counts

    def again(self, text: str) -> bool:
        """Whether a title of three words or more is printed on another line too, alone or glued to a name."""
        key = text.strip()
        if key.count(" ") < 2:
            return False
        found = self._seen.get(key)
        if found is None:
            found = self.counts.get(key, 0) >= 2 or self._glued(key)
            self._seen[key] = found
        return found

    def _glued(self, key: str) -> bool:
        """Whether a longer line of the document starts or ends with `key`."""
        if self._joined is None:
            self._joined = "\n".join(self.counts)
        joined = self._joined
        at = joined.find(key)
        while at >= 0:
            end = at + len(key)
            opens = at == 0 or joined[at - 1] == "\n"
            closes = end == len(joined) or joined[end] == "\n"
            if opens != closes:
                return True
            at = joined.find(key, at + 1)
        return False


@lru_cache(maxsize=1)
def load_headline_model(path: str | None = None) -> ChoiceModel | None:
    """The shipped headline chooser, or None when the package has none (the hand-weighted score decides)."""
    return read_model(Path(path) if path else MODEL_PATH, FEATURES, "headline chooser", "headlines")
