"""Events named by a noun ("riots against Israeli policies", "talks between X and Y", "a police
crackdown"): the noun's doer, its target and its modality, read from the noun phrase and the
verb it hangs on."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.actors import ArticleActors
from dateline.events.codes import self_contained
from dateline.events.emit import emit, police_raid
from dateline.events.groups import crowd, protest_crowd
from dateline.events.lexicon import (
    CAUSE_VERBS,
    COOPERATIVE,
    DISCUSSING_VERBS,
    HARM_VERBS,
    NOMINAL,
)
from dateline.events.modality import apply_modality, calls_off, governor_modality
from dateline.events.presupposed import assessed, danger
from dateline.events.sources import (
    PRONOUNS,
    actor_of,
    coordinated_pair,
    source_fallback,
    subject_of,
)
from dateline.events.targets import (
    RECIPROCAL,
    subtree_actor,
    target_actors_among,
)
from dateline.events.triggers import (
    Trigger,
    base_trigger,
    event_position,
    lemma_of,
    nominal_refine,
    peacekeeping,
)
from dateline.events.unasserted import wished
from dateline.events.unnamed import (
    UNNAMED_SECTOR,
    UNNAMED_TYPES,
    claimed_by,
    deed_doer,
)
from dateline.model import Actor, Article, Event

# Sectors of armed men, whose own side moves them (a peacekeeping force may be an IGO's).
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "IGO"})
# Acts of violence and coercion, which need no named target when a verb gives their doer.
_DONE_BY_SUBJECT = frozenset({"ASSAULT", "COERCE"})


def moved_force(noun: Token, actors: ArticleActors) -> Actor | None:
    """The armed force a noun of mobilisation says was moved or readied, as its doer.

    "a police deployment", "the army build-up": the force the noun phrase puts before the
    act moves itself. "a buildup of U.S. forces in Japan", "the deployment of 2,000
    soldiers": forces moved without a named sender are moved by their own side, for which
    they stand as the source, as in a passive ("2,000 soldiers were deployed").
    """
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            found = actors.actor_at(child)
            if found is not None and found.sector in ARMED_SECTORS:
                return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for moved in prep.children:
                found = actors.actor_at(moved) if moved.dep_ == "pobj" else None
                if found is not None and found.sector in ARMED_SECTORS:
                    return found
    return None


def _named_owner(noun: Token, actors: ArticleActors) -> bool:
    """True when the act noun's possessor is a named actor ("Turkey's detention of ..."): the
    doer is given as an owner, as background acts are; an act "by" someone is the news."""
    return any(c.dep_ == "poss" and actors.actor_at(c) is not None for c in noun.children)


# Verbs that link a subject to what it is.
_COPULAS = frozenset({"be", "seem", "appear", "remain", "become"})


def discussed(noun: Token) -> bool:
    """True for an act noun that is discussed rather than reported: the object of a
    preposition ("after the Soviet Union's invasion of Afghanistan", "in response to Turkey's
    detention of ...") or the subject of a copula or a verb of judging ("Turkey's attack on
    Afrin is a new phase", "Trump's threats should be seen as pushback"). What one is harmed
    in or by ("killed in Israel's strikes") is still reported."""
    head = noun.head
    if noun.dep_ == "pobj":
        verb = head.head
        return not (head.lower_ in ("in", "by") and verb.pos_ == "VERB" and lemma_of(verb) in HARM_VERBS)
    verb_lemma = lemma_of(head)
    if verb_lemma not in DISCUSSING_VERBS:
        return False
    if noun.dep_ == "attr":
        return True  # "one of the reasons was Miliband's refusal": the act is what something is
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # a copula discusses its subject when it says what the act is ("is a new phase"), not how
    # far it has got ("the withdrawal was complete", "talks are under way": reported)
    return verb_lemma not in _COPULAS or any(c.dep_ == "attr" for c in head.children)


def nominal_events(sent: Span, article: Article, actors: ArticleActors, used: set[int]) -> list[Event]:
    """Events named by a noun ("riots against Israeli policies", "talks between X and Y").

    The source is the noun's possessor or national adjective ("Palestinian riots"), or the
    subject of the verb it is the object of ("staged demonstrations"); the target is the
    actor after "against/with/between/on/to" or, failing that, anywhere under the noun.
    """
    out: list[Event] = []
    for noun in sent:
        if noun.i in used or noun.pos_ != "NOUN":
            continue
        code = NOMINAL.get(noun.lemma_.casefold())
        if code is None:
            continue
        code = nominal_refine(noun, code)
        # "IS claimed responsibility for the bombing": the claimant did it
        claimant = claimed_by(noun) if code is not None and code[0] == "ASSAULT" else None
        if code is None or (claimant is None and not event_position(noun)):
            continue
        if code[0] == "THREATEN" and danger(noun):
            continue  # "the threat posed by China", "faces the threat of ...": a danger, no threat made
        if assessed(noun):
            continue  # "any attack would be reckless", "an assault would lead to a catastrophe"
        if noun.dep_ == "dobj" and wished(noun.head):
            continue  # "Biden wants to rejoin the pact": a wish, as for a verb (`wished`)
        if code[0] in COOPERATIVE and noun.dep_ in ("dobj", "nsubjpass") and calls_off(noun.head):
            # "canceled a $66 billion agreement", "the talks were postponed": no cooperation
            # by the one who calls it off (calling off a strike is another matter: yielding)
            continue
        if code[0] == "MOBILIZE" and (
            peacekeeping(noun) or (noun.dep_ == "dobj" and peacekeeping(noun.head))
        ):
            code = ("AID", "074")  # "the deployment of troops on a peacekeeping mission"
        source: Actor | None = actor_of(claimant, actors) if claimant is not None else None
        pronoun = False
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ not in ("his", "her", "its", "their", "our", "my"):
                source = actors.actor_at(child)
                pronoun = source is None
        for prep in noun.children:
            # "a car bombing by the Islamic State group": the agent of the act
            if source is None and prep.dep_ == "prep" and prep.lower_ == "by":
                source = next((actors.actor_at(c) for c in prep.children if c.dep_ == "pobj"), None)
        if claimant is None and _named_owner(noun, actors) and discussed(noun):
            continue  # "after the Soviet Union's invasion of Afghanistan": the act is a topic
        own = actors.by_token.get(noun.i)
        if source is None and own is not None and own.name.casefold() != noun.text.casefold():
            source = own  # "Palestinian riots": the noun phrase itself carries the country
        pair: list[Token] = []
        # "fighting broke out between rebels and troops": the pair may hang on the verb
        hosts = [noun, noun.head] if noun.dep_ == "nsubj" else [noun]
        for prep in (p for host in hosts for p in host.children):
            if prep.dep_ == "prep" and prep.lower_ == "between" and not pair:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    pair = [pobj, *pobj.conjuncts]
        if source is None and len(pair) >= 2:
            source = actor_of(pair[0], actors)  # "talks between him and Putin": him is resolved
            pair = pair[1:]
        head = noun.head
        coordinated: tuple[Actor, Actor] | None = None
        lent = False  # the source is the subject of a verb that makes the noun its object
        if source is None and noun.dep_ in ("dobj", "pobj", "attr") and not pronoun:
            verb = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
            # a support verb lends its subject ("staged demonstrations"); a trigger verb does
            # not ("condemned the attack": the attacker is not the one who condemns)
            support = base_trigger(verb) is None
            caused = lemma_of(verb) in CAUSE_VERBS  # "the killing sparked protests": a cause, no doer
            if caused and code[0] == "PROTEST":
                source = crowd(verb, actors, noun)  # those who protest are the crowd of the place
            elif verb.pos_ in ("VERB", "AUX") and support and not caused:
                subject, passive = subject_of(verb, actors)
                if not passive:
                    source = actor_of(subject, actors)
                    # (one attends what others do: "attended the shooting of the film")
                    lent = noun.dep_ == "dobj" and source is not None and lemma_of(verb) != "attend"
                    coordinated = coordinated_pair(subject, actors)
                    if source is None and subject is not None and subject.lower_ not in PRONOUNS:
                        source = source_fallback(verb, subject, False, actors)
        if source is None and code[0] == "MOBILIZE" and not pronoun:
            source = moved_force(noun, actors)  # "a police deployment", "a buildup of U.S. forces"
        if source is None and code[0] == "PROTEST":
            source = protest_crowd(noun, actors)  # "a riot broke out in Kathmandu"
        if source is None and code[0] in UNNAMED_TYPES and not pronoun:
            source = deed_doer(noun, actors)  # "a police crackdown", "clashes erupted"
        if source is None:
            continue
        code = police_raid(code, (noun,), source)
        # "demands that Burundi's government grant ...": the subject of the clause
        clausal = [
            c for k in noun.children if k.dep_ in ("acl", "ccomp") for c in k.children if c.dep_ == "nsubj"
        ]
        candidates = (
            pair
            or clausal
            or [
                c
                for prep in noun.children
                if prep.dep_ == "prep"
                and prep.lower_ in ("against", "with", "on", "to", "toward", "towards", "by", "in", "into")
                for c in prep.children
                if c.dep_ == "pobj"
            ]
        )
        if not candidates and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            # "staged rallies in Gaza against the party's leader": the support verb's phrase
            candidates = [
                c
                for prep in noun.head.children
                if prep.dep_ == "prep" and prep.lower_ in ("against", "with", "toward", "towards")
                for c in prep.children
                if c.dep_ == "pobj"
            ]
        if source.sector == UNNAMED_SECTOR:
            # an act whose doer is unnamed is a report only of what it was done to, named
            # itself ("the attack on the convoy", "arrests of activists"), not an actor
            # somewhere inside a topic ("the attack on the government's policy")
            done_to = [
                c
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ in ("against", "on", "of")
                for c in prep.children
                if c.dep_ == "pobj"
            ]
            candidates = [c for c in pair or done_to if actors.actor_at(c) is not None]
        targets = target_actors_among(candidates, None, source, actors, code)
        if coordinated is not None and code[0] in RECIPROCAL and not pair:
            # "U.S. and Russian negotiators return for talks": one side with the other
            targets = [coordinated[1]]
        if not targets and source.sector != UNNAMED_SECTOR:
            found = subtree_actor(noun, actors, set(), source, code=code)
            targets = [found] if found is not None else []
        if not targets and noun.dep_ == "dobj" and code[0] == "PROTEST":
            # "staged demonstrations to demand reforms by Suharto's government": whom the
            # protest addresses is in its purpose clause
            for purpose in noun.head.children:
                if purpose.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in purpose.children):
                    found = subtree_actor(purpose, actors, set(), source)
                    targets = [found] if found is not None else []
                    break
        aimed = any(p.dep_ == "prep" and p.lower_ in ("on", "against") for p in noun.children)
        if (
            not targets
            and not self_contained(code)
            and not (lent and not aimed and code[0] in _DONE_BY_SUBJECT)
        ):
            # violence or coercion its doer "conducts", "makes" or "carries out" ("made 20
            # arrests", "conducted raids in Jenin") is reported whoever it was done to, as a
            # light verb with its trigger noun is (`codes.names_content`); one aimed at
            # something that is no actor is often a figure of speech ("made an assault on
            # the budget")
            continue
        trigger = Trigger(code, (noun,), noun)
        modality, negated = governor_modality(noun)
        code, negated, modality = apply_modality(code, negated, modality)
        out.extend(
            emit(
                sent,
                article,
                code,
                trigger,
                noun,
                source,
                targets,
                negated=negated,
                modality=modality,
                pronoun=False,
                nominal=True,
                # a claimed attack is what the claim is about: the claim is the sentence's report
                background=claimant is not None,
            )
        )
    return out
