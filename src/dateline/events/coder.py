"""Code PLOVER events from dependency parses: trigger, source, target, negation, modality.

One pass over the verbs of each sentence. A verb is a trigger by its lemma ("accused"),
or as a light verb with a trigger noun ("held talks", "imposed a curfew"). The source is
its subject (the agent of a passive), the target its object or the object of "with/to/
against ..."; "X and Y met" is X -> Y. Control verbs ("refused to meet", "threatened to
shell", "asked X to ...") take their complement as content; intention ("will meet", "plans
to visit") marks an event as planned, and planned cooperation is coded as AGREE, planned
force as THREATEN, as PLOVER does. Verbs of saying are not events: the clause they report
is, and its pronoun subject ("it") is the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.actors import ArticleActors
from dateline.events.lexicon import (
    APPEAL_CODES,
    CONTROL_VERBS,
    COOPERATIVE,
    FUTURE_AUX,
    INTENT_CODES,
    INTENT_VERBS,
    LIGHT,
    NOUN_GROUPS,
    REFUSAL_CODES,
    REQUEST_CODES,
    SPEECH_VERBS,
    VERBS,
    Code,
)
from dateline.model import Actor, Article, Event, Modality

_LIGHT_VERBS = frozenset(
    {"hold", "have", "conduct", "make", "pay", "open", "launch", "carry", "mount", "stage"}
)
# Last, "in": news codes the place of an attack or protest as its target ("rioted in Serbia").
_TARGET_PREPS = (
    "with",
    "to",
    "against",
    "on",
    "upon",
    "at",
    "from",
    "into",
    "toward",
    "towards",
    "for",
    "in",
)
_OBJECT_PREPS = frozenset({"of", "to", "against", "with", "from", "for", "on", "between", "by", "in"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
_RELATIVES = frozenset({"who", "which", "that"})
_PHONE_WORDS = frozenset({"phone", "telephone", "call", "video"})
_DEAL_WORDS = frozenset({"declaration", "accord", "treaty", "agreement", "pact", "memorandum"})
_AGREE_FAMILY = frozenset({"agree", "offer", "promise", "pledge", "vow", "accept"})
_REJECT_FAMILY = frozenset({"refuse", "decline", "reject", "fail", "deny"})
_THREAT_FAMILY = frozenset({"threaten", "warn"})


@dataclass(frozen=True)
class _Trigger:
    code: Code
    tokens: tuple[Token, ...]  # the verb, and the trigger noun of a light verb
    noun: Token | None = None


def _base_trigger(verb: Token) -> _Trigger | None:
    """The event a verb names by itself and its object noun, before control and modality."""
    if verb.pos_ not in ("VERB", "AUX") and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT"):
        return None
    lemma = verb.lemma_.casefold()
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "in", "upon", "for"):
            nouns.extend(c for c in prep.children if c.dep_ == "pobj")
    for noun in nouns:
        group = NOUN_GROUPS.get(noun.lemma_.casefold())
        if group is None:
            continue
        code = LIGHT.get((lemma, group))
        if code is None and lemma in _LIGHT_VERBS:
            code = LIGHT.get(("*", group))
        if code is not None:
            return _Trigger(_refine(verb, code), (verb, noun), noun)
    if lemma == "call":  # "called for", "called on" ask; "called" alone may be a phone call
        preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
        if preps & {"for", "on", "upon"}:
            return _Trigger(("REQUEST", "020"), (verb,))
        if any(t.lower_ in _PHONE_WORDS - {"call"} for t in verb.subtree):
            return _Trigger(("CONSULT", "041"), (verb,))
        return None
    if lemma == "hand" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return _Trigger(("RETREAT", "0841"), (verb,))
    code = VERBS.get(lemma)
    if code is None:
        return None
    return _Trigger(_refine(verb, code), (verb,))


def _refine(verb: Token, code: Code) -> Code:
    """Deeper CAMEO codes the sentence spells out: by phone (041), in a declaration (057)."""
    kind, cameo = code
    if kind == "CONSULT" and cameo == "040":
        words = {t.lower_ for t in verb.subtree if t.i < verb.i + 8} | {c.lower_ for c in verb.children}
        if words & (_PHONE_WORDS - {"call"}):
            return ("CONSULT", "041")
    if kind == "AGREE" and cameo.startswith("03"):
        for prep in verb.children:
            in_deal = prep.dep_ == "prep" and prep.lower_ in ("in", "under", "through")
            if in_deal and any(c.lemma_.casefold() in _DEAL_WORDS for c in prep.children if c.dep_ == "pobj"):
                return ("AGREE", "057")
    return code


def _complement(verb: Token) -> Token | None:
    kids = verb.children
    return next((c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)


def _is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _is_negated(verb: Token) -> bool:
    near = (c for c in verb.children if c.i < verb.i + 3)
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in near)


def _resolve_pronoun(token: Token, actors: ArticleActors) -> Actor | None:
    """A pronoun subject inside reported speech is the speaker ("Japan said it had halted ...")."""
    node = token.head
    for _ in range(6):
        if node.lemma_.casefold() in SPEECH_VERBS:
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return _actor(subject, actors, allow_pronoun=False) if subject is not None else None
        if node.head is node:
            return None
        node = node.head
    return None


def _actor(token: Token | None, actors: ArticleActors, allow_pronoun: bool = True) -> Actor | None:
    if token is None:
        return None
    if token.lower_ in _RELATIVES and token.head.dep_ == "relcl":
        token = token.head.head  # "Biegun, who helped ..." -> Biegun
    if token.lower_ in _PRONOUNS:
        return _resolve_pronoun(token, actors) if allow_pronoun else None
    return actors.actor_at(token)


def _subject(verb: Token, actors: ArticleActors) -> tuple[Token | None, bool]:
    """The subject token of a verb and whether the verb is passive; inherited along xcomp/conj."""
    node = verb
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
        if passive:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return pobj, True
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None:
            return subject, False
        if node.dep_ in ("xcomp", "conj", "advcl", "pcomp") and node.head is not node:
            node = node.head
            continue
        break
    return None, False


def _targets(verb: Token, actors: ArticleActors, passive: bool) -> list[Token]:
    """Candidate target tokens of a verb, best first."""
    out: list[Token] = []
    if passive:
        out.extend(c for c in verb.children if c.dep_ == "nsubjpass")
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            out.append(child)
            # "the withdrawal of Serbian forces", "Turkey's efforts"
            out.extend(c for c in child.children if c.dep_ == "poss")
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS:
                    out.extend(c for c in prep.children if c.dep_ == "pobj")
    for name in _TARGET_PREPS:
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == name:
                out.extend(c for c in prep.children if c.dep_ == "pobj")
    comp = _complement(verb)
    if comp is not None:
        subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and verb.lemma_.casefold() in CONTROL_VERBS:
            out.append(subject)  # "demanded that the US cancel ..."
        out.extend(_targets(comp, actors, False))
    return out


def _modality(verb: Token) -> tuple[Modality, bool]:
    """(modality, negated) from auxiliaries and intention verbs above the trigger."""
    planned = _is_future(verb)
    negated = _is_negated(verb)
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp",) or node.head is node:
            break
        head = node.head
        if head.lemma_.casefold() in INTENT_VERBS or head.lower_ in INTENT_VERBS:
            planned = True
        planned = planned or _is_future(head)
        negated = negated or _is_negated(head)
        node = head
    # "is ready to", "are set to": the adjective heads the complement
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.lower_ in INTENT_VERBS:
        planned = True
    return ("planned" if planned else "asserted"), negated


def _control_code(verb: Token, base: _Trigger) -> tuple[Code, Token | None]:
    """The code of a control verb given its complement ("refused to meet" -> REJECT 125)."""
    lemma = verb.lemma_.casefold()
    comp = _complement(verb)
    inner = _base_trigger(comp) if comp is not None else None
    inner_type = inner.code[0] if inner else None
    if lemma in _REJECT_FAMILY:
        if lemma == "fail" and inner is None:
            return base.code, comp
        return ("REJECT", REFUSAL_CODES.get(inner_type or "", "120")), comp
    if lemma in _AGREE_FAMILY and inner is not None:
        if inner_type in INTENT_CODES and inner_type in COOPERATIVE:
            return INTENT_CODES[inner_type], comp
        return base.code, comp
    if lemma in _THREAT_FAMILY and inner is not None and inner_type in INTENT_CODES:
        return ("THREATEN", INTENT_CODES[inner_type][1]) if inner_type not in COOPERATIVE else base.code, comp
    if base.code[0] == "REQUEST" and inner is not None and inner_type in REQUEST_CODES:
        leaves = APPEAL_CODES if base.code[1].startswith("02") else REQUEST_CODES
        return ("REQUEST", leaves[inner_type]), comp
    return base.code, comp


def _sentence_events(sent: Span, article: Article, actors: ArticleActors) -> list[Event]:
    events: list[Event] = []
    consumed: set[int] = set()  # complements already coded by their control verb
    for verb in sent:
        if verb.i in consumed:
            continue
        base = _base_trigger(verb)
        must = _must_request(verb)
        if base is None and must is None:
            continue
        if base is None:
            assert must is not None
            base = must
        code = base.code
        if verb.lemma_.casefold() in CONTROL_VERBS | {"fail"}:
            code, comp = _control_code(verb, base)
            if comp is not None:
                consumed.add(comp.i)
        elif verb.dep_ in ("xcomp", "ccomp") and _controls(verb.head):
            continue  # coded by the control verb
        modality, negated = _modality(verb)
        if must is not None and base is must:
            modality = "asserted"
        else:
            code, negated, modality = _apply_modality(code, negated, modality)

        subject, passive = _subject(verb, actors)
        source = _actor(subject, actors)
        pronoun = subject is not None and subject.lower_ in _PRONOUNS
        if must is not None and base is must:
            source, targets = must_source(verb, actors), [t for t in (subject,) if t is not None]
            pronoun = False
        else:
            targets = _targets(verb, actors, passive)
        if source is None:
            continue
        # The first candidate that is an actor is the target; its conjuncts are targets too
        # ("defended Iraq and Libya"), other candidates are not ("King Abdullah" not "Jordan").
        target_actors: list[Actor] = []
        for tok in targets:
            actor = _actor(tok, actors)
            if actor is None or actor.id == source.id:
                continue
            target_actors.append(actor)
            for conj in tok.conjuncts:
                other = _actor(conj, actors)
                if other is not None and other.id not in {a.id for a in target_actors} | {source.id}:
                    target_actors.append(other)
            break
        if not target_actors and subject is not None:
            # "Moon and Kim agreed": reciprocal, the first conjunct acts on the second
            for conj in subject.conjuncts:
                actor = _actor(conj, actors)
                if actor is not None and actor.id != source.id:
                    target_actors.append(actor)
                    break
        if not target_actors:
            continue
        confidence = 0.55
        confidence += 0.1 if source.country or source.sector in ("IGO", "NGO") else 0.0
        confidence += 0.1 if target_actors[0].country or target_actors[0].sector in ("IGO", "NGO") else 0.0
        confidence += 0.1 if len(base.tokens) == 1 and code == base.code else 0.0
        confidence -= 0.15 if pronoun else 0.0
        confidence -= 0.1 if negated and code[0] != "REJECT" else 0.0
        trigger = " ".join(t.text for t in base.tokens)
        # spaCy keeps a trailing newline in the sentence; the evidence is the sentence itself.
        evidence = sent.text.rstrip()
        for target in target_actors[:3]:
            events.append(
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
            )
    return events


def _controls(head: Token) -> bool:
    """True when `head` is a control verb that codes its complement itself."""
    lemma = head.lemma_.casefold()
    return lemma == "fail" or (lemma in CONTROL_VERBS and _base_trigger(head) is not None)


def _apply_modality(code: Code, negated: bool, modality: Modality) -> tuple[Code, bool, Modality]:
    """Intent turns cooperation into AGREE and force into THREATEN; refusal into REJECT."""
    kind, cameo = code
    if negated and kind in COOPERATIVE:
        return ("REJECT", REFUSAL_CODES.get(kind, "120")), True, modality
    if modality == "planned" and kind in INTENT_CODES:
        return INTENT_CODES[kind], negated, modality
    return code, negated, modality


def _must_request(verb: Token) -> _Trigger | None:
    """A reported 'X must/should do Y' is a demand on X ("said Libya must hand over ...")."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.casefold() not in SPEECH_VERBS | {"demand", "insist"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
        return None
    inner = _base_trigger(verb)
    cameo = REQUEST_CODES.get(inner.code[0], "100") if inner else "100"
    return _Trigger(("REQUEST", cameo), (verb,))


def must_source(verb: Token, actors: ArticleActors) -> Actor | None:
    """The speaker who says another actor must act: the subject of the verb of saying."""
    speaker = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _actor(speaker, actors, allow_pronoun=False)


def code_events(doc: Doc, article: Article, actors: ArticleActors) -> list[Event]:
    """PLOVER events of one article, in text order; both source and target are actors.

    `doc` is the parse of `article.body`, so token offsets are body offsets.
    """
    events: list[Event] = []
    for sent in doc.sents:
        best: dict[tuple[str, str, str], Event] = {}
        for event in _sentence_events(sent, article, actors):
            key = (event.type, event.source.id, event.target.id if event.target else "")
            if key not in best or event.confidence > best[key].confidence:
                best[key] = event
        events.extend(sorted(best.values(), key=lambda e: e.trigger_start))
    return events
