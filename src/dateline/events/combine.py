"""The events of an article: the rule coder's candidates, weighed by the learned classifier.

The rules find who did something to whom and how it is qualified (negation, modality,
roles); the classifier, trained on labelled news sentences, says which kind of act the
sentence reports. Where the two disagree and the classifier is sure, the event takes the
classifier's type (and that type's general CAMEO code in the penta-class the classifier
prefers); every event's confidence blends the rules' with the classifier's, so the most
confident event of a sentence is the one both agree on.

The classifier never makes an event on its own: in sentences the rules coded nothing in,
its sure guesses were right on labelled sentences but mostly wrong on real news pages
(where most such sentences report no act), and an analyst reads the events we print. A
proposer trained for those sentences, with unlabelled news sentences standing for "no
event", did no better: of 30 events it added to real news, 8 had the right type and source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache
from importlib import resources

import numpy
from spacy.tokens import Doc

from dateline.actors import ArticleActors
from dateline.events.classify import (
    SENTENCE_HEADS,
    SENTENCE_KINDS,
    EventTypeModel,
    pentaclass,
    rule_features,
    sentence_words,
    shipped_model,
    token_vectors,
    trigger_features,
    trigger_token,
    type_class,
)
from dateline.events.coder import rule_events
from dateline.events.lexicon import COMMENT_CODES, FAULT_COMMENTS, UNCODED_COMMENTS, Code
from dateline.events.precision import scored
from dateline.events.role_model import RoleModel, shipped_role_model
from dateline.events.triggers import sense_fixed, trigger_senses
from dateline.events.unnamed import UNNAMED_SECTOR
from dateline.model import Article, Event

# The classifier overrides the rules' type only when it is sure of another type and gives
# the rules' own next to no chance; below that, the rules' reading of the parse stands.
RETYPE_SURE = 0.6
RETYPE_DOUBT = 0.1
# ... or when the type it prefers is another sense of the trigger word itself ("strike":
# a walkout or an air strike; "call": a phone call or an appeal): choosing between a
# word's known senses is what the labelled sentences teach best, so it needs less.
SENSE_SURE = 0.4
SENSE_DOUBT = 0.3
# An event's confidence blends the rules' own, the type head's probability of its type and the
# penta-class head's probability of its code's class. Which of a sentence's events is the act
# it reports is best told by the penta-class head, trained on about twice as many labelled
# sentences as the type head (PLV and CAMEO), so it counts double (most confident event of a
# sentence, cross-fitted fit: penta-class right 772 -> 775 of 899; check 376 -> 378 of 450).
PENTA_WEIGHT = 2.0
# "YIELD" stands for CONCEDE or RETREAT; giving back, releasing and withdrawing are the
# commoner news reading when the rules proposed neither.
_YIELD_DEFAULT = "RETREAT"
# Acts of force and of contention, which one sentence often reports several of.
_FORCE = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})


@cache
def general_codes() -> dict[str, tuple[str, ...]]:
    """The general CAMEO codes of each PLOVER type (the package's plover-cameo.tsv)."""
    table: dict[str, list[str]] = defaultdict(list)
    text = (resources.files("dateline.events") / "plover-cameo.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, code, *_ = line.split("\t")
            table[kind.strip()].append(code.strip())
    return {kind: tuple(codes) for kind, codes in table.items()}


def code_events(
    doc: Doc,
    article: Article,
    actors: ArticleActors,
    model: EventTypeModel | None = None,
    *,
    ranker: RoleModel | None = None,
) -> list[Event]:
    """PLOVER events of one article, in text order; both source and target are actors.

    `doc` is the parse of `article.body`, so token offsets are body offsets. `model` and
    `ranker` default to those shipped with the package (cross-fitted measurement passes
    ones fitted without the text); without a type model, the rules alone.
    """
    ranker = ranker or shipped_role_model()
    events = rule_events(doc, article, actors, ranker=ranker)
    model = model or shipped_model()
    if model is None:
        return events
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_sentence[event.sentence_start].append(event)
    out: list[Event] = []
    reads = model.reads
    for index, sent in enumerate(doc.sents):
        found = by_sentence.get(sent.start_char)
        if found:
            fixed = {e.trigger_start for e in found if sense_fixed(sent, e.trigger_start, e.trigger)}
            senses = {
                e.trigger_start: trigger_senses(sent, e.trigger_start, e.trigger)
                for e in found
                if e.trigger_start not in fixed
            }
            words = sentence_words(sent)
            features = [trigger_features(sent, e, [o for o in found if o is not e], words) for e in found]
            # the dense features, only where a head reads any; the sentence's once for all its events
            vectors = None
            if reads:
                shared = token_vectors(sent, None, reads)
                own = reads - SENTENCE_KINDS
                vectors = [
                    {**shared, **token_vectors(sent, trigger_token(sent, e), own)} if own else shared
                    for e in found
                ]
            weighed = weigh(model, features, found, senses, words + rule_features(found), fixed, vectors)
            out.extend(scored(sent, weighed, index))
    return out


def plover_events(events: list[Event]) -> list[Event]:
    """The events a PLOVER event table prints: all but the CAMEO comments PLOVER has no type for.

    The coder still finds an optimistic comment ("Beijing still hopes for progress"), which
    CAMEO codes (013), and a pessimistic one about nobody ("Yoon expressed concern"), but an
    analyst reading PLOVER events is told of no act by them.
    """
    return [
        e
        for e in events
        if e.cameo not in UNCODED_COMMENTS and not (e.cameo in FAULT_COMMENTS and e.target is None)
    ]


def _target_kind(event: Event) -> str:
    """What an event is done to, as one sentence's copies of one act share it.

    "attacked a police checkpoint, killing three officers" reports one attack on the
    police: the same type, doer and kind of target (country and sector) in one sentence is
    one event, however many phrases name the unnamed target. A named actor stays its own.
    """
    target = event.target
    if target is None:
        return ""
    if target.sector in (None, "GOV", "IGO", "NGO") or target.name[:1].isupper():
        return target.id  # a state, a body or anyone named by a proper name
    return f"{target.country}/{target.sector}"


def weigh(
    model: EventTypeModel,
    features: list[list[str]],
    events: list[Event],
    senses: dict[int, dict[str, Code]] | None = None,
    sentence: list[str] | None = None,
    fixed: set[int] | frozenset[int] = frozenset(),
    vectors: list[dict[str, numpy.ndarray]] | None = None,
) -> list[Event]:
    """One sentence's rule events, retyped where the classifier is sure, with blended confidence.

    `features` gives each event's features (`classify.trigger_features`, in the order of
    `events`): the classifier reads each trigger in its clause, with the sentence as context.
    `sentence` gives the sentence's (`classify.sentence_features`), which the heads in
    `SENTENCE_HEADS` read.
    `senses` gives, by trigger offset, the types the trigger's words can name
    (`triggers.trigger_senses`): where the rules' type is one of them, a retype to another
    needs less certainty, and takes the lexicon's code for that sense.
    `fixed` gives the offsets of triggers whose modifiers decide their sense
    (`triggers.sense_fixed`, "a cyber attack"): the words name the act, and no reading of
    the sentence retypes it.
    `vectors` gives each event's dense features (`classify.token_vectors`, in the order of
    `events`), for the heads that read any; the sentence's are the same in each.
    """
    senses = senses or {}
    dense: list[dict[str, numpy.ndarray] | None] = list(vectors) if vectors else [None] * len(events)
    if sentence is None:
        predictions = [model.predict(f, vectors=v) for f, v in zip(features, dense, strict=True)]
    else:
        # each head reads what it was trained on: the trigger, or the whole sentence
        trigger_heads = model.heads.keys() - SENTENCE_HEADS
        whole = model.predict(sentence, SENTENCE_HEADS, dense[0])
        predictions = [
            {**model.predict(f, trigger_heads, v), **whole} for f, v in zip(features, dense, strict=True)
        ]
    tops = [_top(p.get("type", {})) for p in predictions]
    # Where the rules found an act of the kind the classifier prefers, that is an act it saw;
    # an act of force or protest beside it is another act and keeps its own kind ("police
    # fired on the protest, killing five": the protest stays a protest; "teachers went on
    # strike to demand his resignation": the strike is no resignation). News of unrest tells
    # such sequences of acts in one sentence.
    kinds = {type_class(e.type) for e in events}
    best: dict[tuple[str, str, str], Event] = {}
    for event, predicted, top in zip(events, predictions, tops, strict=True):
        types = predicted.get("type", {})
        pentas = predicted.get("penta", {})
        top_seen = top in kinds
        own = types.get(type_class(event.type), 0.0)
        sure = types[top] if top is not None else 0.0
        other = (
            top is not None
            and event.cameo not in COMMENT_CODES  # a statement stays a statement beside the act
            # "withdrew peacekeepers after four were abducted": an act with no named doer is
            # a side report of violence, whose kind is its verb's, not the sentence's
            and event.source.sector != UNNAMED_SECTOR
            and top != type_class(event.type)
            and event.trigger_start not in fixed
            and not (top_seen and type_class(event.type) in _FORCE)
        )
        readings = senses.get(event.trigger_start, {})
        # only between lexical readings: a type the rules derived from the clause (a plan
        # under a condition is a threat, a refusal a rejection) is not the word's sense
        lexical = any(type_class(kind) == type_class(event.type) for kind in readings)
        sense = next((code for kind, code in readings.items() if lexical and type_class(kind) == top), None)
        if other and sense is not None and sure >= SENSE_SURE and own <= SENSE_DOUBT:
            event = replace(event, type=sense[0], cameo=sense[1])
            own = sure
        elif other and top is not None and sure >= RETYPE_SURE and own <= RETYPE_DOUBT:
            kind = _YIELD_DEFAULT if top == "YIELD" else top
            codes = general_codes().get(kind)
            if codes:
                cameo = max(codes, key=lambda c: pentas.get(str(pentaclass(c)), 0.0))
                event = replace(event, type=kind, cameo=cameo)
                own = types[top]
        penta = pentas.get(str(pentaclass(event.cameo)), own)
        score = (event.confidence + own + PENTA_WEIGHT * penta) / (2 + PENTA_WEIGHT)
        # what the heads said, for the learned precision score (`precision.event_cues`)
        cues = (
            ("p_type", round(own, 4)),
            ("p_penta", round(penta, 4)),
            ("p_top", round(sure, 4)),
            ("rules", event.confidence),
            ("heads_disagree", float(top is not None and top != type_class(event.type))),
        )
        event = replace(event, confidence=round(score, 3), cues=cues)
        key = (event.type, event.source.id, _target_kind(event))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: e.trigger_start)


def _top(types: dict[str, float]) -> str | None:
    """The class a head prefers, or None for a model without that head."""
    return max(types, key=types.__getitem__) if types else None
