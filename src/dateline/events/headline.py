"""Events in a headline: most news stories state their principal event there first.

A headline is written in headlinese: commas for "and" ("Biden, Putin meet in
Geneva"), the present for the past, Title Case that makes a tagger read "Meet" as
a name, a kicker before a colon ("Indonesia: Biden, Xi meet") and the outlet
after a dash or a bar. `headline_sentence` rewrites it as the plain sentence the
parser and the coder expect; the coder then reads it like any sentence of the
body. Its bare names ("Xi") are the people the body names in full ("Xi Jinping"),
so they take the body's actors.

A headline event keeps the headline as printed for its evidence. Its offsets are
read as if the headline stood just before the body: negative, ending at -1, so
that offsets into the body stay what they are and headline events sort first.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from dateline.actors.overrides import Overrides
from dateline.actors.registry import Registry
from dateline.actors.resolve import ArticleActors, find_actors
from dateline.events.candidates import event_words
from dateline.events.combine import code_events
from dateline.model import Actor, Article, Event

# "Indonesia: ", "WATCH: ": a short kicker before the headline proper (not a quote after a name).
_KICKER = re.compile(r"^(?:[A-Z][\w.'’-]*\s?){1,3}:\s+(?![\"“‘'])")
# " | Site name", " – Reuters", " - AP": the outlet or section after the headline.
_SUFFIX = re.compile(r"\s+(?:\|.*|[–—-]\s+(?:\S+\s?){1,3})$")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# Past this many words a comma-separated chunk is a clause, not an item of a leading list.
_LIST_ITEM_WORDS = 4


def headline_sentence(headline: str) -> str | None:
    """The headline rewritten as a plain sentence for the parser; None when nothing is left.

    Only the form changes: the kicker and the outlet go, a leading list's last comma
    becomes "and", and in a Title Case headline the capitalised common words and
    trigger words are lower-cased. Names keep their capitals.
    """
    text = " ".join(headline.split())
    text = _KICKER.sub("", text)
    text = _SUFFIX.sub("", text)
    text = _leading_list_and(text)
    if _title_case(text):
        text = _WORD.sub(_lower_common, text)
        text = text[:1].upper() + text[1:]
    return text if len(text.split()) >= 3 else None


def _leading_list_and(text: str) -> str:
    """ "Turkey, UN, Russia, Ukraine sign ..." -> "Turkey, UN, Russia and Ukraine sign ..."."""
    chunks = text.split(", ")
    run = 0  # how many leading chunks are short enough to be list items
    while run < len(chunks) - 1 and len(chunks[run].split()) <= _LIST_ITEM_WORDS:
        run += 1
    rest = " " + " ".join(chunks[run].split()[:_LIST_ITEM_WORDS]) + " "
    if run == 0 or " and " in rest:
        return text  # no leading list, or one that already says "and"
    return ", ".join(chunks[:run]) + " and " + ", ".join(chunks[run:])


def _title_case(text: str) -> bool:
    """Whether most longer words after the first are capitalised (the first always is)."""
    words = [w for w in _WORD.findall(text)[1:] if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 2 * len(words) / 3


def _lower_common(match: re.Match[str]) -> str:
    word = match.group(0)
    lowered = word.lower()
    if word.isupper() and len(word) > 1:
        return word  # an acronym: "UN", "NATO"
    # Words a headline capitalises that are not names: function words and the coder's triggers.
    if lowered in STOP_WORDS or lowered in event_words():
        return lowered
    return word


def _name_words(actor: Actor) -> frozenset[str]:
    return frozenset(actor.name.casefold().split())


def with_body_actors(headline: ArticleActors, body: ArticleActors) -> ArticleActors:
    """The headline's actors, each bare name replaced by the one body actor it names in short.

    "Xi" is "Xi Jinping" when the body names exactly one actor whose name holds every
    word of it; a name the body does not resolve that way keeps its own reading.
    """
    body_actors = {m.actor.id: m.actor for m in body.mentions}
    replaced: dict[str, Actor] = {}
    for mention in headline.mentions:
        words = _name_words(mention.actor)
        fuller = [a for a in body_actors.values() if words <= _name_words(a)]
        if len(fuller) == 1:
            replaced[mention.actor.id] = fuller[0]
    if not replaced:
        return headline
    mentions = tuple(
        dataclasses.replace(m, actor=replaced.get(m.actor.id, m.actor)) for m in headline.mentions
    )
    by_token = {i: replaced.get(a.id, a) for i, a in headline.by_token.items()}
    return ArticleActors(mentions=mentions, by_token=by_token)


def code_headline(
    doc: Doc,
    article: Article,
    body_actors: ArticleActors,
    body_events: Sequence[Event],
    registry: Registry | None = None,
    overrides: Overrides | None = None,
) -> list[Event]:
    """The events of `article`'s headline that its body does not already report.

    `doc` is the parse of `headline_sentence(article.headline)`; `body_actors` and
    `body_events` are what the body gave. Each event keeps the headline as printed for
    its evidence, at negative offsets (see the module docstring).
    """
    if not article.headline:
        return []
    read_as = dataclasses.replace(article, body=doc.text, headline=None)
    actors = with_body_actors(find_actors(doc, read_as, registry, overrides), body_actors)
    return _as_headline_events(code_events(doc, read_as, actors), article.headline, article, body_events)


def _as_headline_events(
    events: Iterable[Event], headline: str, article: Article, body_events: Sequence[Event]
) -> list[Event]:
    """The coder's events of the rewritten headline, as events of `article`; an event the
    body also reports is left to the body (see `_reports`)."""
    start = -(len(headline) + 1)
    found: list[Event] = []
    for event in events:
        if any(_reports(other, event) for other in (*body_events, *found)):
            continue
        at = headline.casefold().find(event.trigger.casefold())
        found.append(
            dataclasses.replace(
                event,
                article_id=article.id,
                evidence=headline,
                sentence_start=start,
                sentence_end=-1,
                trigger_start=start + max(at, 0),
            )
        )
    return found


def _reports(known: Event, event: Event) -> bool:
    """Whether `known` reports `event`: the same type between the same actors, in either order.

    A headline names people by their role as often as by name ("S. Korea's nuclear envoy",
    "his Japanese counterpart"): a role stands for any actor of its country and sector.
    """
    if known.type != event.type:
        return False
    pairs = ((known.source, known.target), (known.target, known.source))
    return any(_same_actor(a, event.source) and _same_actor(b, event.target) for a, b in pairs)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.id == b.id:
        return True
    return (
        (a.country, a.sector) == (b.country, b.sector)
        and a.country is not None
        and (_is_role(a) or _is_role(b))
    )


def _is_role(actor: Actor) -> bool:
    """An actor described rather than named: some of its words are not capitalised."""
    return any(word[:1].islower() for word in actor.name.split())
