"""Times of an event's sentence that count from a time the sentences before it name.

News, and long-form news above all, tells a past episode over several sentences and refers back
to the time it set: "In 2005 he contested national elections ... Later that year, even some
Sunnis backed him", "In November the army surrounded the town. Two months later it fell". Read
alone, the sentence has nothing for "later that year" or "two months later" to count from, and
the event would take the report's day; read after the sentences before it, the phrase names the
year or month of the act.
"""

from __future__ import annotations

import datetime as dt

from dateline.model import Article, Event
from dateline.time.anaphora import ANAPHORA, shifts
from dateline.time.finding import find_times
from dateline.time.narration import NARRATIVE_REACH, NARRATIVE_SENTENCES, SENTENCE_END
from dateline.time.resolving import TimeExpression
from dateline.time.values import to_record


def _anaphoric_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of the phrases of `sentence` that count from a time named before them."""
    spans = []
    for match in [*ANAPHORA.finditer(sentence), *shifts(sentence)]:
        group = next((name for name, value in match.groupdict().items() if value and len(name) == 1), None)
        if group is not None:
            spans.append(match.span(group))
    return spans


def refer_back(
    expressions: list[TimeExpression], event: Event, article: Article, anchor: dt.date, past: bool
) -> list[TimeExpression]:
    """`expressions` (found in the event's sentence alone) with each phrase that counts from an
    earlier time ("later that year", "the following month", "two months later") resolved against
    the time the sentences before it name in the article's body, where that reading gives it a
    date and the sentence alone gave none. A phrase the sentences before give nothing to count
    from is left as the sentence alone read it."""
    sentence, body, sentence_start = event.evidence, article.body, event.sentence_start
    if sentence_start <= 0 or not body or body[sentence_start : sentence_start + len(sentence)] != sentence:
        return expressions
    spans = _anaphoric_spans(sentence)
    if not spans:
        return expressions
    before = body[max(0, sentence_start - NARRATIVE_REACH) : sentence_start]
    ends = [m.end() for m in SENTENCE_END.finditer(before)]
    # as far back as an episode is told before the narrative names a time again (`narration`)
    if len(ends) > NARRATIVE_SENTENCES:
        before = before[ends[-NARRATIVE_SENTENCES - 1] :]
    elif ends and len(before) == NARRATIVE_REACH:
        before = before[ends[0] :]  # a sentence cut in two is no sentence
    offset = len(before)
    found = find_times(before + sentence, anchor, article.date_granularity, past=past)
    result = list(expressions)
    for expression in found:
        start, end = expression.start - offset, expression.end - offset
        if (start, end) not in spans or to_record(expression.value, expression.granularity) is None:
            continue
        own = [e for e in result if e.start < end and e.end > start]
        if any((e.start, e.end) == (start, end) and to_record(e.value, e.granularity) for e in own):
            continue  # the sentence's own reading dates it (its own earlier time, or the anchor's day)
        result = [e for e in result if e not in own]
        result.append(TimeExpression(start, end, expression.text, expression.value, expression.granularity))
    return sorted(result, key=lambda e: e.start)
