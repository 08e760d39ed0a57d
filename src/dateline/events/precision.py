"""A learned score of how likely a printed event is right, and the threshold of `dateline events --likely`.

Two printed events in three had something wrong when judges read them (type, source, target or
date), and many printed "events" are no acts at all: a plan, an opinion, a question, speech
about an act. The rules already drop what they can tell for sure; this score weighs what they
cannot, from what the events stage knows when it has weighed an event (`event_cues`): its type
and CAMEO code, the trigger and its clause (a verb of saying, opinion or intention above it, a
modal, a question, quotes, a noun trigger, its place in the parse), who the source and target
are (sectors, countries, a target at all), the type heads' probabilities, where the sentence
stands in the article and how many events it gave.

A logistic regression over those few named cues (scikit-learn at training, plain arithmetic
here), trained by `dateline train precision` (`precision_training`) on the printed events of
the fit parts that judges marked field by field (`tools/judged/verdicts`). The shipped file
(`models/event-precision.json`) holds the weights, the label it learned (all four fields right,
or the type right) and the threshold chosen on out-of-fold scores of the fit part. Every event
keeps its score as its `confidence`; `dateline events --likely` lists those at or above the
threshold. By default every event is listed: on the labelled sets, whose acts are mostly between
actors the judged news rarely shows (police and protesters, say), the threshold dropped half the
right events (README, Events).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span, Token

from dateline.events.background import background_clause
from dateline.events.classify import trigger_token
from dateline.events.lexicon import (
    COMMENT_CODES,
    CONSIDER_VERBS,
    INTENT_VERBS,
    OPINION_VERBS,
    SPEECH_VERBS,
    WISH_VERBS,
)
from dateline.model import Actor, Event
from dateline.models import PRECISION_FILE

MODEL_FILE = PRECISION_FILE
_MODALS = frozenset({"could", "may", "might", "should", "must", "would", "can"})
_FUTURE = frozenset({"will", "'ll", "shall", "going"})
_QUOTES = ('"', "“", "”")
# How far up the parse a verb of saying, opinion or intention above the trigger is looked for.
_ABOVE = 3
_CLAUSES = {"ROOT": "root", "ccomp": "ccomp", "xcomp": "xcomp", "advcl": "advcl", "conj": "conj"}


def _bucket(n: int) -> str:
    """A count in doubling buckets (0, 1, 2-3, 4-7, 8+)."""
    return str(min(n.bit_length(), 4))


def _actor_cues(role: str, actor: Actor | None) -> dict[str, float]:
    if actor is None:
        return {f"{role}=none": 1.0}
    out = {f"{role}_sector={actor.sector or 'none'}": 1.0}
    if actor.country:
        out[f"{role}_country"] = 1.0
    if actor.name[:1].islower():
        out[f"{role}_described"] = 1.0  # "the ministry", "protesters": no proper name
    return out


def _above(token: Token) -> dict[str, float]:
    """Verbs of saying, opinion or intention that govern the trigger's clause."""
    out: dict[str, float] = {}
    node = token
    for _ in range(_ABOVE):
        if node.head is node:
            break
        node = node.head
        lemma = node.lemma_.casefold()
        if lemma in SPEECH_VERBS:
            out["under_speech"] = 1.0
        if lemma in OPINION_VERBS:
            out["under_opinion"] = 1.0
        if lemma in INTENT_VERBS or lemma in CONSIDER_VERBS or lemma in WISH_VERBS:
            out["under_intent"] = 1.0
    return out


def _quoted(sent: Span, text: str, at: int) -> bool:
    """True when the trigger stands between quotation marks (a mark opened before it and not closed).

    `text` is the sentence's own text: `Doc.text` would join the whole document's tokens again."""
    before = text[: max(at - sent.start_char, 0)]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def event_cues(
    sent: Span, event: Event, others: Sequence[Event], index: int
) -> tuple[tuple[str, float], ...]:
    """What the events stage knows of one weighed event, as named features.

    `others` are the other events printed from the sentence, `index` the sentence's place in
    its article (0 for the first); the type heads' numbers are the cues `combine.weigh` gave it.
    """
    out: dict[str, float] = {f"type={event.type}": 1.0}
    if event.cameo in COMMENT_CODES:
        out["comment"] = 1.0
    if event.modality != "asserted":
        out[f"modality={event.modality}"] = 1.0
    if event.negated:
        out["negated"] = 1.0
    if " " in event.trigger:
        out["light_verb"] = 1.0  # "held talks", "imposed a curfew"
    out.update(_actor_cues("source", event.source))
    out.update(_actor_cues("target", event.target))
    if event.target is not None and event.target.country and event.target.country == event.source.country:
        out["same_country"] = 1.0
    token = trigger_token(sent, event)
    if token is not None:
        if token.pos_ in ("NOUN", "PROPN"):
            out["noun_trigger"] = 1.0
        out[f"clause={_CLAUSES.get(token.dep_, 'other')}"] = 1.0
        if token.tag_ in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
            out[f"tense={token.tag_}"] = 1.0
        auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _MODALS:
            out["modal"] = 1.0
        if auxes & _FUTURE:
            out["future"] = 1.0
        if token.lemma_.casefold() in SPEECH_VERBS:
            out["speech_trigger"] = 1.0
        if background_clause(token):
            out["background"] = 1.0
        out.update(_above(token))
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in token.children):
            out["first_person"] = 1.0
    raw = sent.text
    text = raw.strip()
    if text.endswith("?"):
        out["question"] = 1.0
    if any(q in text for q in _QUOTES):
        out["has_quote"] = 1.0
        if _quoted(sent, raw, event.trigger_start):
            out["in_quote"] = 1.0
    if any(t.ent_type_ in ("DATE", "TIME") for t in sent):
        out["date_in_sentence"] = 1.0
    out[f"sentence_at={_bucket(index)}"] = 1.0
    out[f"sentence_events={_bucket(len(others) + 1)}"] = 1.0
    if any(o.type != event.type for o in others):
        out["other_types"] = 1.0
    out[f"words={_bucket(len(sent) // 8)}"] = 1.0
    out.update(event.cues)
    return tuple(sorted(out.items()))


@dataclass(frozen=True)
class PrecisionModel:
    """Weights over the named cues, the label they predict and the threshold of `dateline events --likely`."""

    weights: dict[str, float]
    bias: float
    threshold: float  # a probability
    label: str  # "all_four" or "type"

    def probability(self, cues: Sequence[tuple[str, float]]) -> float:
        """How likely the event is right, by the label the model learned."""
        z = self.bias + math.fsum(self.weights.get(name, 0.0) * value for name, value in cues)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path, about: dict[str, object] | None = None) -> None:
        """Write the model as JSON, weights rounded and sorted (the same fit gives the same bytes)."""
        data = {
            "label": self.label,
            "threshold": round(self.threshold, 4),
            "bias": round(self.bias, 5),
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if round(v, 5) != 0.0},
            "about": about or {},
        }
        path.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", "utf-8")

    @classmethod
    def load(cls, path: Path) -> PrecisionModel:
        """Read a model written by `save`."""
        data = json.loads(path.read_text("utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["bias"]), float(data["threshold"]), str(data["label"]))


def model_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files("dateline") / "models" / MODEL_FILE))


@cache
def shipped_precision() -> PrecisionModel | None:
    """The shipped precision model, or None before `dateline train precision` has run."""
    path = model_path()
    return PrecisionModel.load(path) if path.is_file() else None


def scored(
    sent: Span, events: Sequence[Event], index: int, model: PrecisionModel | None = None
) -> list[Event]:
    """One sentence's weighed events, each with its cues and, with a model, its learned confidence."""
    model = model or shipped_precision()
    out: list[Event] = []
    for k, event in enumerate(events):
        others = [o for j, o in enumerate(events) if j != k]
        cues = event_cues(sent, event, others, index)
        confidence = round(model.probability(cues), 3) if model is not None else event.confidence
        out.append(replace(event, cues=cues, confidence=confidence))
    return out
