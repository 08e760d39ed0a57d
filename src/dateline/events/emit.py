"""One trigger's events: the records a found act becomes, one per target, with a confidence
from how fully the sentence names it; and the one retyping that needs the source (a police raid)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.events.lexicon import (
    COMMENT_CODES,
    Code,
)
from dateline.events.triggers import (
    Trigger,
)
from dateline.model import Actor, Article, Event, Modality


def police_raid(code: Code, words: tuple[Token, ...], source: Actor) -> Code:
    """A raid by police is a search (PLOVER COERCE `seize`), not an armed attack: "a police
    raid on the newspaper's offices", "police carried out raids in the capital"."""
    if code[0] == "ASSAULT" and source.sector == "COP" and any(w.lemma_.casefold() == "raid" for w in words):
        return ("COERCE", "170")
    return code


def emit(
    sent: Span,
    article: Article,
    code: Code,
    base: Trigger,
    verb: Token,
    source: Actor,
    target_actors: list[Actor | None] | list[Actor],
    *,
    negated: bool,
    modality: Modality,
    pronoun: bool,
    nominal: bool = False,
    background: bool = False,
) -> list[Event]:
    """The events of one trigger: one per target (up to three), or one without a target.

    `background` marks a trigger that describes an actor ("the coalition fighting the
    rebels") rather than reporting what the sentence is about.
    """
    # an actor does not act on itself under another mention ("foreign ministers" twice)
    distinct = [
        t
        for t in target_actors
        if t is not None and not (t.name.casefold() == source.name.casefold() and t.country == source.country)
    ]
    if target_actors and not distinct:
        return []
    targets: list[Actor | None] = list(distinct) or [None]
    first = targets[0]
    confidence = 0.55
    confidence += 0.1 if source.country or source.sector in ("IGO", "NGO") else 0.0
    if first is None:
        confidence -= 0.1
    else:
        confidence += 0.1 if first.country or first.sector in ("IGO", "NGO") else 0.0
    confidence += 0.1 if len(base.tokens) == 1 and code == base.code else 0.0
    confidence -= 0.15 if pronoun else 0.0
    confidence -= 0.1 if negated and code[0] != "REJECT" else 0.0
    confidence -= 0.1 if nominal else 0.0
    confidence -= 0.2 if background else 0.0
    confidence -= 0.3 if code[1] in COMMENT_CODES else 0.0
    trigger = " ".join(t.text for t in base.tokens)
    # spaCy keeps a trailing newline in the sentence; the evidence is the sentence itself.
    evidence = sent.text.rstrip()
    return [
        Event(
            type=code[0],
            cameo=code[1],
            source=source,
            target=target,
            trigger=trigger,
            trigger_start=verb.idx,
            evidence=evidence,
            article_id=article.id,
            sentence_start=sent.start_char,
            sentence_end=sent.start_char + len(evidence),
            negated=negated,
            modality=modality,
            confidence=round(max(0.1, min(0.95, confidence)), 2),
        )
        for target in targets[:3]
    ]
