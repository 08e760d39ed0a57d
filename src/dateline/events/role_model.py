"""A learned second opinion on an event's target: which actor of the sentence is acted on.

The rules in `roles` pick the target from the verb's arguments by principles of English
grammar; what they cannot weigh is which of several actors a given kind of act usually
lands on ("set up a centre in Mumbai": Mumbai; "met in Lisbon with X": X). The ranker
scores every actor mentioned in the sentence as the target of a rule event, from
features that transfer between outlets: the dependency path from the actor to the
trigger (with the prepositions on it), the side and distance, the entity kind, whether
the actor is the source's own country or a co-subject, whether it sits in a reported-
speech frame, the event type, and whether the rules chose it; and, for what the kind of
act and phrase say of a target, the trigger's lemma (whether its frame takes a target, and
by which path), what a preposition hangs on (the trigger, another verb or a noun: "met
with X" against "concerns about X") and the noun an actor is named with ("X's move",
"the son of X"): an owner or a topic, not whom the act is done to. It is a conditional
logit (a softmax over one event's candidates, and over "no target" where the rules left
none) trained on the fit parts of the labelled sets (`dateline train roles`,
`events.role_training`); prediction is a sparse dot product in numpy.

The ranker never invents an actor or an event: it keeps the rules' target when it
agrees, replaces it when it is sure of another actor of the sentence, and gives a target
to an event the rules left without one when it is sure that some actor beats no target.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.attrs import HEAD, IDX
from spacy.tokens import Span, Token

from dateline.actors import ArticleActors
from dateline.actors.country_names import lookup as country_lookup
from dateline.events.classify import write_arrays
from dateline.events.lexicon import (
    MEDIA_WORDS,
    SELF_CONTAINED_CODES,
    SETTLEMENT_NOUNS,
    SPEECH_VERBS,
    TOPIC_NOUNS,
)
from dateline.events.sources import dateline_end, subject_of
from dateline.events.targets import excluded_tokens, joint_act, not_target, partners
from dateline.model import Actor, Event

MODEL_FILE = "event-roles.npz"
# Dependencies that open another clause: an actor beyond one belongs to another act.
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "pcomp"})
# Links that carry their word into the path ("pobj under prep:with").
_WORDED = frozenset({"prep", "agent", "dative", "mark"})
_MAX_STEPS = 4


@dataclass(frozen=True)
class Candidate:
    """One actor of the sentence as a possible target of one event, with its features."""

    actor: Actor
    token: Token | None
    features: list[str]


class SentenceView:
    """The parse of one sentence as plain lists, read once: the ranker walks it many times."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self.start = sent.start
        # heads (relative) and offsets as arrays of the sentence's rows only (no Token
        # objects, not the whole Doc's rows for each sentence); steps and speech on demand
        columns = sent.to_array([HEAD, IDX]).astype("int64")  # type: ignore[attr-defined]  # not in the stubs
        self.heads = (columns[:, 0] + numpy.arange(sent.start, sent.end)).tolist()
        self.offsets = columns[:, 1].tolist()
        self.dateline = dateline_end(sent)
        self._steps: dict[int, str] = {}
        self._speech: dict[int, bool] = {}
        self._chains: dict[int, list[int]] = {}
        self._ids: dict[Actor, str] = {}

    def actor_id(self, actor: Actor) -> str:
        """`actor.id`, remembered (it is a hash of the name)."""
        found = self._ids.get(actor)
        if found is None:
            found = self._ids[actor] = actor.id
        return found

    def step(self, i: int) -> str:
        """The dependency link of token `i` to its head, with the word of a preposition."""
        found = self._steps.get(i)
        if found is None:
            t = self.sent.doc[i]
            found = self._steps[i] = f"{t.dep_}:{t.lower_}" if t.dep_ in _WORDED else t.dep_
        return found

    def speech(self, i: int) -> bool:
        """True when token `i` is a verb of saying."""
        found = self._speech.get(i)
        if found is None:
            t = self.sent.doc[i]
            found = self._speech[i] = t.pos_ == "VERB" and t.lemma_.casefold() in SPEECH_VERBS
        return found

    def token_at(self, offset: int) -> Token | None:
        """The token that starts at character `offset` (a trigger's), if there is one."""
        k = bisect_left(self.offsets, offset)
        return self.sent.doc[self.start + k] if k < len(self.offsets) and self.offsets[k] == offset else None

    def distance(self, a: int, b: int) -> int:
        """The number of dependency links between tokens `a` and `b`."""
        chain_b = self.chain(b)
        above = {t: k for k, t in enumerate(chain_b)}
        for k, tok in enumerate(self.chain(a)):
            if tok in above:
                return k + above[tok]
        return 99

    def chain(self, i: int) -> list[int]:
        """Token `i` and its ancestors up to the root of the sentence."""
        found = self._chains.get(i)
        if found is None:
            found = [i]
            while len(found) < 40:
                head = self.heads[found[-1] - self.start]
                if head == found[-1]:
                    break
                found.append(head)
            self._chains[i] = found
        return found

    def path(self, cand: int, verb: int) -> tuple[list[str], list[str]]:
        """The steps up from the candidate and up from the verb to their lowest common ancestor."""
        verb_chain = self.chain(verb)
        above = {t: k for k, t in enumerate(verb_chain)}
        up: list[str] = []
        for tok in self.chain(cand):
            if tok in above:
                return up, [self.step(t) for t in verb_chain[: above[tok]]]
            up.append(self.step(tok))
        return up, ["?"]

    def under_speech(self, cand: int, verb: int) -> bool:
        """True when a verb of saying other than the trigger governs the candidate."""
        return any(self.speech(t) for t in self.chain(cand)[1:] if t != verb)


def _joined(steps: list[str]) -> str:
    return "/".join(steps) if len(steps) <= _MAX_STEPS else "/".join(steps[:_MAX_STEPS]) + "/+"


def _distance(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


@dataclass(frozen=True)
class _Context:
    """What every candidate of one event group is judged against."""

    view: SentenceView
    verb: Token
    event: Event
    subject_span: frozenset[int]
    co_subjects: frozenset[int]
    excluded: set[int]
    any_rule: bool
    source_at: frozenset[int] = frozenset()  # the tokens of the source's mentions in the sentence


def candidate_features(cand: Token | None, actor: Actor, ruled: bool, ctx: _Context) -> list[str]:
    """The features of `actor` (mentioned at `cand`) as the target of the context's event."""
    kind = ctx.event.type
    out = [f"type={kind}", "bias"]
    if ctx.any_rule:
        out.append("rule_any")
    if ruled:
        out += ["rule", f"rule|type={kind}"]
    source = ctx.event.source
    sector = actor.sector or "-"
    if actor.country and actor.country == source.country:
        out += ["samec", f"samec|sec={sector}"]
    out.append(f"sec={sector}|c={bool(actor.country)}")
    if cand is None:
        out.append("notoken")
        return out
    verb = ctx.verb
    up, down = ctx.view.path(cand.i, verb.i)
    up_s, down_s = _joined(up), _joined(down)
    up2 = _joined(up[:2])
    ent = cand.ent_type_ or "-"
    out += [
        f"up={up_s}",
        f"down={down_s}",
        f"path={up_s}|{down_s}",
        f"path={up_s}|{down_s}|type={kind}",
        f"up2={up2}|type={kind}",
        f"clause={any(s.split(':')[0] in _CLAUSES for s in up[1:] + down)}",
        f"side={'after' if cand.i > verb.i else 'before'}",
        f"dist={_distance(abs(cand.i - verb.i))}",
        f"ent={ent}",
        f"pos={cand.pos_}",
    ]
    if is_venue(cand):
        # a place named where the act happens ("talks in Geneva"): its setting, seldom its target
        out += ["venue", f"venue|type={kind}"]
    trigger = verb.lemma_.casefold()
    # whether this trigger's frame takes a target, and where ("met with", "arrived in")
    out += [f"trig={trigger}", f"trig={trigger}|up2={up2}"]
    if cand.dep_ == "pobj":
        word = cand.head.lower_
        holder = cand.head.head  # what the preposition hangs on: the trigger, another verb, a noun
        out += [
            f"prep={word}|ent={ent}",
            f"prep={word}|type={kind}",
            f"prep={word}|trig={trigger}",
            f"prep={word}|sec={sector}|c={bool(actor.country)}",
            f"prep={word}|direct={holder.i == verb.i}",
            f"prep={word}|on={holder.pos_}",
        ]
    noun = _noun_above(cand, verb, ctx.view)
    if noun is not None:
        # the thing the actor is named with ("concerns about Syria", "Japan's move"): a
        # matter's owner or topic, not whom the act is done to
        out += [f"on_noun={noun.lemma_.casefold()}", f"on_noun_topic={noun.lemma_.casefold() in TOPIC_NOUNS}"]
    if cand.dep_ == "poss":
        out.append(f"poss|of={cand.head.dep_}")
    if cand.i in ctx.subject_span:
        out.append("in_subject")
    if cand.i in ctx.co_subjects:
        out += ["cosubject", f"cosubject|type={kind}"]
    if cand.i in ctx.excluded:
        out.append("excluded")
    if ctx.source_at:
        out += _beside_source(cand, kind, ctx.source_at)
    if cand.i < ctx.view.dateline:
        out.append("dateline")
    lemma = cand.lemma_.casefold()
    if lemma in MEDIA_WORDS:
        out.append("media")
    if cand.pos_ != "PROPN":
        out.append(f"lemma={lemma}")
    if ruled:
        out.append(f"rule|up2={up2}")
    if ctx.view.under_speech(cand.i, verb.i):
        out.append("under_speech")
    return out


def _beside_source(cand: Token, kind: str, source_at: frozenset[int]) -> list[str]:
    """How the candidate is tied to a mention of the source, whatever the source's clause role.

    Coordinated with it ("talks between the army and the RSF", "envoys of Iran and Saudi
    Arabia"): the other party of a joint act, a co-doer of any other. Holding it ("a
    delegation of the army", "the army's negotiators") or held by it: the source's own side.
    """
    out: list[str] = []
    if any(t.i in source_at for t in cand.conjuncts):
        out += ["pair", f"pair|type={kind}"]
    if cand.head.i in source_at and cand.dep_ in ("poss", "pobj", "compound", "appos"):
        out.append(f"holds_source|{cand.dep_}")
    if cand.i != cand.head.i and cand.head.head.i in source_at and cand.head.dep_ == "prep":
        out.append(f"holds_source|of={cand.head.lower_}")
    if any(t.i in source_at for t in cand.children if t.dep_ in ("poss", "compound")):
        out.append("held_by_source")
    return out


def _noun_above(cand: Token, verb: Token, view: SentenceView) -> Token | None:
    """The first noun above the candidate on its way to the trigger (not the trigger itself)."""
    for i in view.chain(cand.i)[1:]:
        if i == verb.i or i in view.chain(verb.i):
            return None
        tok = view.sent.doc[i]
        if tok.pos_ == "NOUN":
            return tok
    return None


# Prepositions whose object is where an act happens, not who suffers it (grammar: a closed set).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "throughout", "within", "across"}
)
COMPASS_POINTS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def names_a_place(token: Token, start: int, end: int) -> bool:
    """True when the mention [start, end) holding `token` is a place used as a location, not an actor.

    A GPE/LOC/FAC mention is a place when it names no state (a town, a region, a building):
    the state acting or suffering is named by its country or its capital ("Moscow said").
    A state's name is a place where it says where an act happened: the object of a locative
    preposition ("in Nigeria", "in the capital, Tripoli", "west of the capital Tripoli").
    """
    if token.ent_type_ not in PLACE_ENTITIES:
        return False
    # the span's own text: Doc.text would join the whole document's tokens on every call
    span = token.doc.char_span(start, end, alignment_mode="expand")
    text = span.text if span is not None else token.doc.text[start:end]
    state = country_lookup(text.removeprefix("the "))
    if token.ent_type_ != "GPE" or state is None or state[1] not in ("country", "capital"):
        return True  # a place that is no state: "Peshawar", "the Sinai", "the embassy"
    root = token
    # spaCy makes a new Token on every access, so the root (its own head) is found by index
    while start <= root.head.idx < end and root.head.i != root.i:
        root = root.head  # the mention's head word
    if root.dep_ == "appos":
        root = root.head  # "in the capital, Tripoli"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    # "in Nigeria"; "west of the capital": a place placed by a compass point is a location too
    return prep.lower_ in LOCATIVE_PREPS or (prep.lower_ == "of" and prep.head.lower_ in COMPASS_POINTS)


def is_venue(token: Token | None) -> bool:
    """True when the entity holding `token` names a place used as a location (`names_a_place`).

    The ranker's guard and its training labels (`role_training.strict`) both read this, on
    the same span (the named entity), so the thresholds are chosen for the decision made. A
    name after a settlement noun ("near the town of Adi Keyh") is a place's whatever entity
    type the tagger gives it, and a location where that noun is (`_located_settlement`).
    """
    if token is None or not token.ent_type_:
        return False
    doc = token.doc
    first = last = token.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1  # the entity the token is in
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    if token.ent_type_ not in PLACE_ENTITIES:
        return _located_settlement(doc[first : last + 1].root)
    return names_a_place(token, doc[first].idx, doc[last].idx + len(doc[last]))


def _located_settlement(name: Token) -> bool:
    """True for a name that a settlement noun takes with "of", where that noun is a location
    ("near the town of X"; not "captured the town of X", where the town is acted on)."""
    if name.dep_ != "pobj" or name.head.lower_ != "of":
        return False
    noun = name.head.head
    if noun.lemma_.casefold() not in SETTLEMENT_NOUNS or noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in LOCATIVE_PREPS or (prep.lower_ == "of" and prep.head.lower_ in COMPASS_POINTS)


def event_candidates(
    view: SentenceView, verb: Token, group: Sequence[Event], actors: ArticleActors
) -> list[Candidate]:
    """Every actor of the sentence other than the source, as a candidate target of `group`.

    `group` is the events of one trigger, type and source (one per rule target). An actor
    mentioned twice is judged at the mention nearest the trigger in the parse.
    """
    event = group[0]
    source = event.source
    ruled = {view.actor_id(e.target) for e in group if e.target is not None}
    nearest: dict[str, tuple[int, int]] = {}
    by_token = actors.by_token
    source_id = view.actor_id(source)
    code = (event.type, event.cameo)
    doc = verb.doc
    source_at: set[int] = set()
    for i in range(view.start, view.sent.end):
        actor = by_token.get(i)
        if actor is None:
            continue
        actor_id = view.actor_id(actor)
        if actor_id == source_id:
            source_at.add(i)
        if actor_id == source_id or not_target(doc[i], actor, code):
            continue  # the source, or an actor named as no target (`roles.not_target`)
        far = view.distance(i, verb.i)
        if actor_id not in nearest or far < nearest[actor_id][0]:
            nearest[actor_id] = (far, i)
    if len(nearest) == 1 and set(nearest) == ruled and len(group) == 1:
        return []  # the rules' target is the only actor there is: nothing to weigh
    subject, _ = subject_of(verb, actors)
    if joint_act(code) and ruled and (ruled <= partners(subject, actors) or not ruled & set(nearest)):
        # "Biden and Putin agreed ...", "the two leaders agreed to return their ambassadors to
        # Moscow": in a joint act the co-subjects (or the pair named before) are each other's
        # partner, which no actor inside what they agree on replaces (`targets`)
        return []
    ctx = _Context(
        view,
        verb,
        event,
        frozenset(t.i for t in subject.subtree) if subject is not None else frozenset(),
        frozenset(c.i for c in subject.conjuncts) if subject is not None else frozenset(),
        excluded_tokens(verb, subject),
        bool(ruled),
        frozenset(source_at),
    )
    out: list[Candidate] = []
    seen: set[str] = set()
    ranks = {a: k for k, (a, _) in enumerate(sorted(nearest.items(), key=lambda kv: kv[1]))}
    for actor_id, (_, i) in sorted(nearest.items(), key=lambda kv: kv[1][1]):
        tok = verb.doc[i]
        actor = by_token[i]
        seen.add(actor_id)
        feats = candidate_features(tok, actor, actor_id in ruled, ctx)
        feats.append(f"rank={min(ranks[actor_id], 3)}")
        out.append(Candidate(actor, tok, feats))
    _against_rule(out, ruled, view, verb)
    for e in group:
        # a rule target named outside the sentence ("the two leaders" -> the pair named before)
        if e.target is not None and view.actor_id(e.target) not in seen:
            seen.add(view.actor_id(e.target))
            out.append(Candidate(e.target, None, candidate_features(None, e.target, True, ctx)))
    return out


def _against_rule(candidates: list[Candidate], ruled: set[str], view: SentenceView, verb: Token) -> None:
    """Give each other candidate the contrast with the rules' choice ("dobj" taken, "pobj:to" here).

    A pointwise score cannot see what it competes with; the pair of paths says when the
    rules' reading (the object) usually loses to another phrase (the recipient).
    """
    if not ruled:
        return
    chosen = [c for c in candidates if view.actor_id(c.actor) in ruled and c.token is not None]
    if not chosen:
        return
    first = chosen[0]
    assert first.token is not None
    rule_up = _joined(view.path(first.token.i, verb.i)[0][:2])
    rule_kind = f"{first.actor.sector or '-'}/{bool(first.actor.country)}"
    for cand in candidates:
        if view.actor_id(cand.actor) in ruled or cand.token is None:
            continue
        own = _joined(view.path(cand.token.i, verb.i)[0][:2])
        cand.features.append(f"vs={rule_up}>{own}")
        cand.features.append(f"vskind={rule_kind}>{cand.actor.sector or '-'}/{bool(cand.actor.country)}")


def null_features(event: Event, verb: Token) -> list[str]:
    """The features of "no target" for an event the rules left without one.

    Leaving an act without a target is an option that competes with the sentence's actors
    (as a dummy antecedent does in coreference): whether a kind of act ("resigned",
    "declared a ceasefire") is done to anyone is what its weights learn.
    """
    return ["NULL", f"NULL|type={event.type}", f"NULL|trig={verb.lemma_.casefold()}"]


@dataclass(frozen=True)
class RoleModel:
    """The trained ranker: feature weights and the thresholds of its decisions.

    The candidates of one event compete: their probabilities are a softmax over the group
    (a conditional logit), so a candidate is sure only against the others it is weighed with.
    """

    vocabulary: dict[str, int]
    weights: numpy.ndarray  # (vocabulary,)
    bias: float  # kept in the file; a softmax over one group does not read it
    replace_at: float  # replace the rules' target by another actor this sure
    add_at: float  # give a target to an event the rules left without one

    def score(self, features: Iterable[str]) -> float:
        """The linear score (logit) of one candidate."""
        rows = sorted({self.vocabulary[f] for f in features if f in self.vocabulary})
        return self.bias + float(self.weights[rows].sum()) if rows else self.bias

    def probabilities(self, rows: Sequence[Sequence[str]]) -> list[float]:
        """The softmax of the scores of one group's rows (candidates, then "no target" if given)."""
        z = numpy.array([self.score(r) for r in rows])
        e = numpy.exp(z - z.max())
        return [float(x) for x in e / e.sum()]

    def choose(
        self, group: Sequence[Event], candidates: Sequence[Candidate], null: Sequence[str] = ()
    ) -> list[Actor | None] | None:
        """The targets for one group of rule events, or None to keep the rules' own.

        `null`, the features of "no target" (`null_features`), competes when the rules gave none.
        """
        if not candidates:
            return None
        ruled = {e.target.id for e in group if e.target is not None}
        if not ruled and group[0].cameo in SELF_CONTAINED_CODES:
            return None  # "declared a state of emergency", "agreed to resign": no one is acted on
        rows = [c.features for c in candidates]
        if not ruled and null:
            rows = [*rows, list(null)]
        p = self.probabilities(rows)
        best_k = max(range(len(p)), key=p.__getitem__)
        if best_k == len(candidates):
            return None  # no target: as the rules left it
        best = candidates[best_k]
        if best.actor.id in ruled:
            return None
        if ruled and p[best_k] >= self.replace_at and not is_venue(best.token):
            # a venue never displaces the actor the rules found acted on ("attack in Kirkuk")
            return [best.actor]
        if not ruled and p[best_k] >= self.add_at:
            return [best.actor]
        return None

    def save(self, path: Path) -> None:
        """Write the model as one compressed numpy file with fixed timestamps (same model, same bytes)."""
        arrays = {
            "vocabulary": numpy.array(sorted(self.vocabulary, key=self.vocabulary.__getitem__)),
            "weights": self.weights.astype(numpy.float32),
            "scalars": numpy.array([self.bias, self.replace_at, self.add_at], dtype=numpy.float64),
        }
        write_arrays(path, arrays)

    @classmethod
    def load(cls, path: Path) -> RoleModel:
        """Read a model written by `save`."""
        with numpy.load(path, allow_pickle=False) as data:
            vocabulary = {str(f): i for i, f in enumerate(data["vocabulary"])}
            bias, replace_at, add_at = (float(x) for x in data["scalars"])
            return cls(vocabulary, data["weights"].astype(numpy.float64), bias, replace_at, add_at)


def model_path() -> Path:
    """Where the shipped ranker lives inside the package."""
    return Path(str(resources.files("dateline") / "models" / MODEL_FILE))


@cache
def shipped_role_model() -> RoleModel | None:
    """The ranker shipped with the package, or None before `dateline train roles` has run."""
    path = model_path()
    return RoleModel.load(path) if path.is_file() else None


def event_groups(events: Sequence[Event]) -> list[list[Event]]:
    """One sentence's events by trigger, type and source (the rules emit one per target)."""
    groups: dict[tuple[int, str, str, str], list[Event]] = {}
    for event in events:
        groups.setdefault((event.trigger_start, event.type, event.cameo, event.source.id), []).append(event)
    return list(groups.values())


def assign_targets(
    sent: Span, events: Sequence[Event], actors: ArticleActors, model: RoleModel
) -> list[Event]:
    """One sentence's rule events with the targets the ranker is sure of."""
    if not events:
        return list(events)
    view = SentenceView(sent)
    out: list[Event] = []
    for group in event_groups(events):
        verb = view.token_at(group[0].trigger_start)
        chosen = None
        if verb is not None:
            candidates = event_candidates(view, verb, group, actors)
            chosen = model.choose(group, candidates, null_features(group[0], verb))
        if chosen is None:
            out.extend(group)
        else:
            out.extend(replace(group[0], target=target) for target in chosen)
    return out
