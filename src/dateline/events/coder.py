"""Code PLOVER events from dependency parses: trigger, source, target, negation, modality.

One pass over the verbs of each sentence. A verb is a trigger by its lemma ("accused"),
or as a light verb with a trigger noun ("held talks", "imposed a curfew"). The source is
its subject (the agent of a passive), the target its object or the object of "with/to/
against ..."; "X and Y met" is X -> Y. Control verbs ("refused to meet", "threatened to
shell", "asked X to ...") take their complement as content; intention ("will meet", "plans
to visit") marks an event as planned, and planned cooperation is coded as AGREE, planned
force as THREATEN, as PLOVER does. Verbs of saying are not events: the clause they report
is, and its pronoun subject ("it") is the speaker.

The jobs are split by module, in the order the data flows: `triggers` (what a verb or
noun names), `modality` (whether its clause reports an act, and how), `roles` (source
and target actors) and `codes` (the final type and CAMEO leaf). This module walks the
sentences, runs those steps for each trigger and applies the rules that need all of them at
once (a crowd's violence is a riot; police closing a road is no protest); `nouns` does the
same for acts named by a noun, and `emit` turns a coded trigger into its event records.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, LEMMA, POS
from spacy.tokens import Doc, Span, Token

from dateline.actors import ArticleActors
from dateline.events.background import (
    background_clause,
    characterising,
    description,
    permitted_effect,
    purpose_of_event,
)
from dateline.events.codes import (
    civil_deployment,
    control_code,
    names_content,
    recorded,
    remembered,
    self_contained,
    verbal_refine,
)
from dateline.events.emit import emit, police_raid
from dateline.events.groups import crowd_source, gathering_trigger, labour_strike, pair_of
from dateline.events.lexicon import (
    CONTROL_VERBS,
    COOPERATIVE,
    EXPELLED_BODIES,
    HELD_GROUND,
    NOMINAL,
)
from dateline.events.modality import abandoned, apply_modality, considered, inability, modality_of, prepares
from dateline.events.nouns import ARMED_SECTORS, nominal_events
from dateline.events.presupposed import identifying_clause, interrogative, told_before
from dateline.events.role_model import RoleModel, assign_targets, shipped_role_model
from dateline.events.sources import (
    PRONOUNS,
    actor_of,
    must_source,
    resident,
    source_fallback,
    subject_of,
    titled,
)
from dateline.events.stance import assent_to_a_view, done_to_oneself, standing_relation
from dateline.events.targets import (
    ADDRESSED_TYPES,
    SETTING_PREPS,
    against_act,
    between_parties,
    excluded_tokens,
    home_visit,
    joint_act,
    own_forces,
    partners,
    subtree_actor,
    target_actors_among,
    target_candidates,
)
from dateline.events.triggers import (
    NO_TRIGGER,
    Trigger,
    base_trigger,
    complement,
    controls,
    cyber_act,
    lemma_of,
    must_request,
    noun_group,
    peacekeeping,
    ruled_out,
)
from dateline.events.unasserted import (
    anonymity_asked,
    attempted,
    claimed,
    conditional,
    content_of_noun,
    counterfactual,
    demanded_of_party,
    done_by_an_act,
    embedded_question,
    excessive,
    forecast,
    framing_speech,
    held_view,
    hypothetical,
    own_obligation,
    press_invitation,
    question,
    speculative,
    unasserted_means,
    warning_of_a_state,
    wish_in_conditional,
    wished,
    without_partner,
)
from dateline.events.unnamed import (
    UNNAMED_SECTOR,
    UNNAMED_TYPES,
    attack_agent,
    casualty_trigger,
    count_word,
    death_in_attack,
    death_trigger,
    fought_side,
    telegraphic_patient,
    undergoes,
    unnamed_agent,
)
from dateline.model import Actor, Article, Event

_STATE_FORCE = frozenset({"GOV", "MIL", "COP", "SPY"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
# Civilians and refugees: people, not a party (expelled, they are forced out; received, no guests).
_PEOPLE = frozenset({"CVL", "REF"})
# Who makes a visit by arriving: envoys of a state, a body or a party. Others arriving somewhere
# (migrants, refugees, fighters, a family) move there; a visit is made to a host on a mission.
_ENVOYS = frozenset({"GOV", "IGO", "NGO", "LEG", "JUD", "OPP", "PTY", "BUS"})

# Types whose target must be an argument of the verb: a resignation or a ceasefire has no
# target by default, and an actor elsewhere in the sentence is usually someone else's.
_OWN_ARGUMENTS_ONLY = frozenset({"RETREAT"})

# Trigger-noun groups whose noun is what the act is done to, not the act: its target.
_PATIENT_GROUPS = frozenset({"media"})
# Crowds whose violence is a riot (CAMEO 145), not an armed attack.
_CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "marcher"})

# Verbs that move people or things somewhere: their object is what moves.
_MOVE_VERBS = frozenset(
    {"send", "deploy", "dispatch", "withdraw", "pull", "move", "transfer", "station", "airlift", "fly"}
)


def _own_claim(verb: Token, claim: Token, actors: ArticleActors) -> bool:
    """True when a claimant claims its own act or its own side's ("the Houthis claimed that they
    had attacked the airport", "Trump claimed the US military is hitting Isis harder"): a claim
    of responsibility or of one's own deeds tells the act, as a party's own report of it does."""
    subject, passive = subject_of(verb, actors)
    if subject is None or passive:
        return False
    if subject.lower_ in PRONOUNS:
        return True  # "claimed that they had attacked": the claimant itself
    by = [
        c for c in claim.children if c.dep_ in (("poss", "compound") if claim.pos_ == "NOUN" else ("nsubj",))
    ]
    claimant = actor_of(by[0], actors) if by else None
    doer = actor_of(subject, actors)
    if claimant is None or doer is None:
        return False
    same = claimant.name.casefold() == doer.name.casefold()
    return same or (claimant.country is not None and claimant.country == doer.country)


def _own_clause(verb: Token) -> list[Token]:
    """The words of a verb's clause and the clauses it governs, without relative clauses on its
    nouns: in "tried to buy time from the members who were threatening them" what the members
    were doing is told of them, not part of what was tried."""
    words: list[Token] = []
    stack = [verb]
    while stack:
        word = stack.pop()
        words.append(word)
        stack.extend(c for c in word.children if c.dep_ != "relcl")
    return words


def _named_act(verb: Token) -> Trigger | None:
    """The act a verb names by itself, its object, or what it failed to do, or a casualty or
    gathering it tells; None for most verbs."""
    base = base_trigger(verb)
    if base is None and verb.lemma_.casefold() == "fail":
        # "failed to reach agreement": the failed act, refused (coded by control_code)
        comp = complement(verb)
        inner = base_trigger(comp) if comp is not None else None
        if inner is not None and inner.code[0] in COOPERATIVE:
            base = Trigger(inner.code, (verb, *inner.tokens[1:]), inner.noun)
    if base is None:
        # "the blast left 11 people dead", "residents gathered to demand ..."
        base = casualty_trigger(verb) or death_trigger(verb) or gathering_trigger(verb)
    return base


def _sentence_events(sent: Span, article: Article, actors: ArticleActors) -> list[Event]:
    events: list[Event] = []
    consumed: set[int] = set()  # complements already coded by their control verb
    used: set[int] = set()  # trigger nouns already coded with their verb
    for verb in sent:
        if verb.i in consumed:
            continue
        # Most tokens can trigger nothing: `base_trigger` takes only verbs (and a noun at
        # the root), the "fail to" rule a form of "fail", and `must_request` and
        # `ruled_out` only a clausal complement. Skipping the rest before the (pure)
        # checks below saves most of the loop's time and changes no result.
        pos = verb.pos_
        if (
            pos not in ("VERB", "AUX")
            and not (pos == "NOUN" and verb.dep_ == "ROOT")
            and verb.dep_ != "ccomp"
            and verb.lemma_.casefold() != "fail"
        ):
            continue
        # What the verb names (below) is read first: most verbs name nothing, and for them
        # the checks that turn a verb away change nothing, except that an attempt still marks
        # the words of what is tried (`attempted`). Every check is pure, so reading the
        # trigger first and skipping the checks for such verbs gives the same events.
        base = _named_act(verb)
        must = must_request(verb)
        ruled = ruled_out(verb) if must is None else None
        if base is None and must is None and ruled is None and attempted(verb) is None:
            continue
        if hypothetical(verb):
            continue  # "... unless the rebels agree to a ceasefire": a condition, no event
        if description(verb):
            continue  # "a man accused of theft", "the countries invited to the summit"
        if embedded_question(verb):
            continue  # "unclear whether the two leaders will meet": a question, not a report
        if excessive(verb):
            continue  # "the deal was too weak to prevent Iran from ...": not done
        if permitted_effect(verb):
            continue  # "..., allowing elections to be held": an effect of the clause, no concession
        if purpose_of_event(verb):
            continue  # "provided 6 million euros to support refugees": the aid is the event
        if counterfactual(verb):
            continue  # "would have complained bitterly if ...": what was not done
        if characterising(verb) and not _crowd_of(verb.head):
            # "the PKK, which has fought Turkey for 40 years": who the PKK is; but a crowd is
            # what it is doing ("demonstrators protesting election results"): that is its act
            continue
        if wished(verb) or content_of_noun(verb) or wish_in_conditional(verb):
            continue  # "hopes Japan will persuade ...", "a plea to the Taliban to talk": no event
        claim = claimed(verb)
        if claim is not None and not _own_claim(verb, claim, actors):
            continue  # "disputes the UK claim that the OPCW backed its analysis": no act
        if abandoned(verb):
            continue  # "had planned to strike but held off": a plan that did not happen
        if question(verb) or interrogative(verb):
            continue  # "asked whether they would meet", "Will Turkey attack?": questions, no act
        if identifying_clause(verb) and told_before(verb):
            continue  # "the attorney general who sued the foundation is ...": given, who is meant
        if warning_of_a_state(verb):
            continue  # "warned that millions face famine": a comment, not a threat
        if press_invitation(verb):
            continue  # "invited media to a briefing": a notice, not a request
        if anonymity_asked(verb):
            continue  # "who asked not to be named": a term of the interview, not a request
        tried = attempted(verb)
        if tried is not None:
            # "sought to end the war": an attempt, neither a request nor the act itself
            consumed.update(t.i for t in _own_clause(tried) if t.pos_ in ("VERB", "AUX"))
            continue
        if must is not None and (own_obligation(verb) or not demanded_of_party(verb)):
            # "we must help her", "I should have reminded them": no demand on another; "it
            # must be said", "society should be strong enough": no party to demand of
            continue
        must = must or ruled
        if base is None and must is None:
            continue
        if must is None and (speculative(verb) or forecast(verb)):
            continue  # "China might impose sanctions", "believes China will invade": no act
        if must is None and held_view(verb):
            continue  # "claimed that Sweden allows PKK members to operate": a view, no act
        if must is None and unasserted_means(verb):
            continue  # "can make a start by withdrawing the invitation": only possible
        if must is not None:
            base = must  # a reported "X must do Y" is a demand on X, whatever Y is
        assert base is not None
        if recorded(verb):
            continue  # "was captured on video taunting ...": filmed, not taken
        if remembered(verb):
            continue  # "recalls sister Rose", "recalled the day": remembered, no envoy called home
        used.update(t.i for t in base.tokens)
        # "halt fighting": the stopped act is part of this trigger, not an event of its own
        consumed.update(t.i for t in base.tokens[1:] if t.pos_ in ("VERB", "AUX"))
        code = base.code
        if lemma_of(verb) in CONTROL_VERBS | {"fail"}:
            code, comp = control_code(verb, base)
            if comp is not None:
                consumed.add(comp.i)
                inner = base_trigger(comp)
                if inner is not None:  # "agreed to halt fighting": "fighting" is inside the act
                    consumed.update(t.i for t in inner.tokens[1:] if t.pos_ in ("VERB", "AUX"))
                # "agreed to lift sanctions and provide guarantees": both are what was agreed
                consumed.update(c.i for c in comp.conjuncts if c.i > comp.i)
                # "urged Britain to do more to support the Kurds": the aim is asked for too
                consumed.update(_content_verbs(comp))
        elif verb.dep_ in ("xcomp", "ccomp") and controls(verb.head):
            continue  # coded by the control verb
        modality, negated = modality_of(verb)
        if negated and (code[0] == "REJECT" or inability(verb)):
            continue  # "did not deny the report", "could not provide details": no act at all
        if must is not None and base is must:
            modality = "asserted"
        else:
            code, negated, modality = apply_modality(code, negated, modality)
            if modality == "planned" and considered(verb):
                code = (code[0], "014")  # "is considering sending aid": a policy option weighed
        if negated and code[0] != "REJECT":
            continue  # "did not condemn", "would never attack": no act; refusals are REJECT above
        if done_to_oneself(verb, code[0]):
            continue  # "shot himself to avoid capture": no other party
        if standing_relation(verb, code[0]):
            continue  # "has long backed the SDF", "have supported the Kurds since 2014": a relation
        if assent_to_a_view(verb, code[0]):
            continue  # "the cabinet agreed that the regime has a record of ...": an opinion
        if done_by_an_act(verb, code[0]):
            continue  # "China's actions threaten the order": what a doing amounts to, no act

        subject, passive = subject_of(verb, actors)
        if undergoes(verb):
            subject, passive = None, True  # "a convoy came under fire": the subject suffers the act
        dead: list[Token] = []
        if code[0] == "ASSAULT" and not undergoes(verb) and death_in_attack(verb) is not None:
            # "two civilians died in an air raid (by X)": the dead suffer the act, as in a passive
            dead = [c for c in verb.children if c.dep_ == "nsubj"]
            subject, passive = attack_agent(verb), True
        # "Three police officers wounded in grenade attack": a headline's passive without "were"
        patient = telegraphic_patient(verb) if code[0] in UNNAMED_TYPES else None
        if patient is not None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = (
                next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            )
            passive = True
        unnamed: tuple[Actor, Actor | None] | None = None  # (doer, victim) of an act left without a doer
        source = titled(subject, actor_of(subject, actors), actors)
        pronoun = subject is not None and subject.lower_ in PRONOUNS
        # "the two sides agreed", "the parties met": the parties named together before
        pair = None if passive else pair_of(subject, actors, joint_act(code))
        if pair is not None:
            source = pair[0]
        if must is not None and base is must:
            source, targets = must_source(verb, actors), [t for t in (subject,) if t is not None]
            if must.code[0] == "REJECT" and subject is not None:
                # "lifting the sanctions on Burma is out of the question": who the ruled-out
                # act concerns, nearest the act first
                act_at = subject.i
                targets += sorted(subject.subtree, key=lambda t: abs(t.i - act_at))
            pronoun = False
        else:
            targets = [*dead, *target_candidates(verb, actors, passive)]
            # "a missionary was arrested in Lebanon": the state where one is arrested arrests;
            # "three journalists were abducted near Mosul": the place does not abduct
            attacked_at = passive and subject is None and code[0] == "ASSAULT"
            # "talks between Russia and Ukraine were held in Istanbul": the parties the act
            # noun names hold it, one with the other (the place holds no talks)
            parties = between_parties(verb, actors) if passive and subject is None and source is None else []
            if parties:
                source = parties[0][1]
                targets = [parties[1][0], *targets]
            # an addressed act (a meeting, an agreement) has no doer known by its place
            addressed = code[0] in ADDRESSED_TYPES
            if source is None and not pronoun and not attacked_at:
                source = source_fallback(verb, subject, passive and not addressed, actors)
            if source is None and attacked_at:
                source = fought_side(verb, actors)  # "killed in a clash with Chinese troops"
            own_side = code[1].startswith("087") or code[0] == "MOBILIZE"
            if source is None and passive and subject is None and own_side:
                # "the guerrillas have been demobilized", "2,000 Russian soldiers were deployed
                # to Armenia": armed men stood down (CAMEO 087) or sent without a named sender
                # are moved by their own side, for which they stand as the source
                stood_down = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                found = actor_of(stood_down, actors, allow_pronoun=False)
                if stood_down is not None and found is None and count_word(stood_down):
                    # "hundreds of Marines, sailors and soldiers were deployed": the men counted
                    # (a count only: "where eight typhoon and six tornado bombers are
                    # stationed" describes a base)
                    counted = [
                        *(
                            o
                            for p in stood_down.children
                            if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children
                            if o.dep_ == "pobj"
                        ),
                        *stood_down.conjuncts,
                    ]
                    found = next(
                        (
                            a
                            for c in counted
                            if (a := actors.actor_at(c)) is not None and a.sector in ARMED_SECTORS
                        ),
                        None,
                    )
                if stood_down is not None and found is not None and found.sector in ARMED_SECTORS:
                    source, subject = found, stood_down
                    targets = [t for t in targets if t.i != stood_down.i]
            if source is None and not pronoun:
                # "three protesters were arrested", "a car bomb killed 12": a doer left unnamed
                unnamed = unnamed_agent(verb, subject, passive, code, actors, patient)
                if unnamed is not None:
                    source = unnamed[0]
            if source is None and not pronoun and not passive:
                source = crowd_source(verb, subject, code, actors)  # "thousands took to the streets"
        if source is None:
            continue
        jointly = pair is not None or (
            subject is not None and (subject.conjuncts or subject.tag_ in ("NNS", "NNPS"))
        )
        if lemma_of(verb) in ("speak", "talk") and not jointly and without_partner(verb):
            continue  # "Speaking at a news conference", "spoke to reporters": a statement
        code = labour_strike(verb, code, source)  # "teachers have been striking since Monday"
        # the trigger noun of a light verb is the act, not its target ("withdraw its troops")
        act = {
            t.i
            for n in base.tokens[1:]
            if noun_group(n) not in _PATIENT_GROUPS  # "closed two newspapers": they are the target
            for t in (n, *n.conjuncts, *_measure_of(n))
        }  # "artillery and rocket fire"; "a state of emergency": the state is the act's
        targets = [t for t in targets if t.i not in act]
        # "declared a state of emergency": the state is the act's measure, found nowhere as its target
        measures = {t.i for n in base.tokens[1:] for t in _measure_of(n)}
        if lemma_of(verb) in _MOVE_VERBS and any(
            c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into", "from", "toward", "towards")
            for c in verb.children
        ):
            # "withdrew its peacekeepers from Djibouti", "deployed doctors to Sierra Leone":
            # what is moved is not the target; where it goes or leaves is
            moved = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
            targets = [t for t in targets if t.i not in moved] + [t for t in targets if t.i in moved]
        own: set[int] = set()
        if lemma_of(verb) in _MOVE_VERBS:
            # "will withdraw all its forces": one's own troops are what moves, not a target
            own = {
                t.i
                for c in verb.children
                if c.dep_ == "dobj" and (a := actor_of(c, actors)) is not None and a.country == source.country
                for t in c.subtree
            }
            targets = [t for t in targets if t.i not in own]
        if code[0] in _OWN_ARGUMENTS_ONLY:
            # "declared a ceasefire in south Lebanon", "surrendered in Soroti": a setting
            targets = [
                t
                for t in targets
                if not (
                    t.dep_ == "pobj"
                    and t.head.lower_ in SETTING_PREPS
                    and t.head.head.i in {b.i for b in base.tokens}  # the verb or its trigger noun
                )
            ]
        if code[0] in _HOSTILE or code[0] == "ACCUSE":
            # "filed a complaint with the WTO against Japan": a hostile act or an accusation
            # is aimed at whom "against" names; "with" says where it is lodged or with whom
            aimed = [
                a
                for t in targets
                for a in (t, *(g for p in t.children if p.dep_ == "prep" for g in p.children))
                if against_act(a)
            ]
            targets = [*aimed, *(t for t in targets if t.i not in {a.i for a in aimed})]
        # "A and B failed to reach agreement": the failed act was still a joint one
        joint_code = base.code if lemma_of(verb) == "fail" else code
        target_actors = target_actors_among(targets, subject, source, actors, joint_code)
        if code[0] == "MOBILIZE":
            # "Britain mobilized army reservists": the forces moved are the source's own
            target_actors = [a for a in target_actors if not own_forces(a, source)]
        if pair is not None and joint_act(joint_code) and not any(a.id == pair[1].id for a in target_actors):
            target_actors = [pair[1]]  # "the two leaders met": one with the other
        if unnamed is not None:
            # an unnamed doer is coded only for what was done to someone the verb names
            # ("two of their vehicles were hit": no one named was hit); a passive's is its subject
            target_actors = [unnamed[1]] if unnamed[1] is not None else target_actors
            if not target_actors and not (code[0] == "COERCE" and cyber_act(base.tokens)):
                # (an attack on computers is reported whoever owns them: `triggers.cyber_act`)
                continue
        if not target_actors and not (must is not None and base is must):
            # No target in the verb's own arguments: an actor elsewhere under the verb
            # ("fired shells at targets in Jericho", "sanctions against Nigeria").
            found = None
            # an intent to yield ("agreed to resign without returning to X") has no target
            own_only = code[0] in _OWN_ARGUMENTS_ONLY or code[1] == "035"
            if not own_only:
                # nor there ("withdrew the United States from the deal": what moved is one's own)
                found = subtree_actor(
                    verb,
                    actors,
                    excluded_tokens(verb, subject) | measures | own,
                    source,
                    code[0] in _HOSTILE,
                    code,
                )
            node = verb
            for _ in range(3):
                if (
                    found is not None
                    or own_only
                    or node.dep_ not in ("advcl", "conj", "xcomp")
                    or node.head.pos_ != "VERB"
                ):
                    break
                # "opened fire to disperse demonstrators, killing one and arresting 12"
                node = node.head
                found = subtree_actor(
                    node, actors, excluded_tokens(node, subject) | measures, source, code[0] in _HOSTILE, code
                )
            if found is not None:
                target_actors = [found]
        target_actors = [a for a in target_actors if not home_visit(a, source, code, verb, actors)]
        if framing_speech(verb) and not any(_party(a) for a in target_actors):
            continue  # "Speaking to the Guardian, she said": an interview frames a statement
        code = verbal_refine(verb, code, target_actors)
        rioting = (
            verb.dep_ in ("advcl", "conj") and (base_trigger(verb.head) or NO_TRIGGER).code[0] == "PROTEST"
        )
        if code[0] == "ASSAULT" and rioting:
            code = ("PROTEST", "145")  # "rioted, setting fire to mattresses": how they rioted
        elif _crowd_of(subject):  # the agent of a passive too
            # protesters who fight, burn or occupy riot or sit in (CAMEO 145, 141)
            if code[0] == "ASSAULT":
                code = ("PROTEST", "145")
            elif code[1].startswith(("171", "192")):
                code = ("PROTEST", "141")
        source = resident(source, subject, verb, actors)
        code = police_raid(code, base.tokens, source)
        if code[1] == "144" and source.sector in _STATE_FORCE:
            continue  # police closing a road enforce order; only others block roads in protest
        if not target_actors and not self_contained(code) and not names_content(verb, base, code):
            continue
        if code == ("SANCTION", "166") and target_actors and target_actors[0].sector in _PEOPLE:
            code = ("ASSAULT", "201")  # forcing people from their homes is mass expulsion
        elif code == ("SANCTION", "166") and _expels_individual(verb):
            code = ("COERCE", "174")  # "expelled a human rights activist": a deportation
        if (code[0] == "MOBILIZE" or code == ("CONSULT", "042")) and peacekeeping(verb):
            code = ("AID", "074")  # troops sent or arriving to keep the peace protect
        elif code == ("CONSULT", "042") and lemma_of(verb) == "arrive" and source.sector not in _ENVOYS:
            continue  # "13,700 children arrived in Italy by sea", "militants who arrived": no visit
        if code[0] == "SUPPORT" and lemma_of(verb) == "defend" and _holds_ground(verb, source):
            continue  # "defended the city of Kobane", "the area is defended by fighters": fighting
        if code == ("CONSULT", "043") and lemma_of(verb) == "receive" and not _receives_party(verb, actors):
            continue  # "received medical treatment", "stopped receiving refugees": no one hosted
        elif code[0] == "MOBILIZE" and civil_deployment(verb):
            code = ("AID", "070")  # "deployed rescue teams", "sent doctors": help, not force
        if code[0] == "THREATEN" and prepares(verb):
            code = ("MOBILIZE", "152")  # "prepared to resume shelling": a raised military alert
        if (modality == "planned" or code[0] == "THREATEN") and code[0] != "REQUEST" and conditional(verb):
            # "will withdraw its force unless ..." states a condition: a threat (CAMEO 13)
            code = ("THREATEN", code[1] if code[0] == "THREATEN" else "130")
        # "Moon and Kim agreed", "the two leaders met": a joint act is each one's act with
        # the other, so the partner is a source too (CAMEO's one event per party of a dyad)
        joined = {pair[1].id} if pair is not None else partners(subject, actors)
        mutual = [a for a in target_actors if a.id in joined] if joint_act(joint_code) else []
        for doer, done_to in [(source, target_actors), *((a, [source]) for a in mutual[:1])]:
            events.extend(
                emit(
                    sent,
                    article,
                    code,
                    base,
                    verb,
                    doer,
                    done_to,
                    negated=negated,
                    modality=modality,
                    pronoun=pronoun,
                    background=background_clause(verb),
                )
            )
    events.extend(nominal_events(sent, article, actors, used))
    return events


def _content_verbs(comp: Token) -> list[int]:
    """The verbs inside a control verb's complement ("urged Britain to do more to support the
    Kurds", "the UK is urged to move rapidly to help the families"): all are what is asked,
    refused or promised, none an act of its own. Not a relative clause on a noun in it, which
    tells of someone ("urged Iran to free the sailors who ...")."""
    found: list[int] = []
    stack = [comp]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "relcl":
                continue
            if child.pos_ in ("VERB", "AUX"):
                found.append(child.i)
            stack.append(child)
    return found


def _holds_ground(verb: Token, source: Actor) -> bool:
    """True when "defend" is fighting for ground: armed men defending, or a city, territory,
    area or airspace defended. Speaking up for a decision, a policy or a country ("Trump
    defended Russia over claims") is PLOVER SUPPORT; holding ground by force is not."""
    if source.sector in ("MIL", "REB", "UAF"):
        return True
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.lemma_.casefold() in HELD_GROUND for h in held for t in (h, *h.conjuncts))


def _receives_party(verb: Token, actors: ArticleActors) -> bool:
    """True when "received" hosts someone: a party ("received the Japanese foreign minister",
    "received him") or a visit. Receiving a thing ("medical treatment", "assistance", "a
    gift", "security briefings") or taking in refugees hosts no one: a consultation (CAMEO
    043) is between parties."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for item in (obj, *obj.conjuncts):
            lemma = item.lemma_.casefold()
            if lemma == "call" or (lemma in NOMINAL and NOMINAL[lemma][0] == "CONSULT"):
                return True  # "received a visit", "received a phone call from Putin"
            if item.pos_ == "PRON" and item.lower_ in ("him", "her"):
                return True
            found = actor_of(item, actors, allow_pronoun=False)
            if found is not None and found.sector not in _PEOPLE and found.sector != UNNAMED_SECTOR:
                return True
    return False


def _expels_individual(verb: Token) -> bool:
    """True when "expel" names a person deported, not an envoy or body sent away in a cut of
    relations, nor someone expelled from a party: "expelled a human rights activist", "a British
    journalist was expelled from Zimbabwe", "expelled Nadezhda Tolokonnikova"."""
    if lemma_of(verb) != "expel":
        return False
    expelled = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    left = [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    words = [
        w
        for n in (*expelled, *left)
        for w in (n, *n.children)
        if w.dep_ in ("dobj", "nsubjpass", "pobj", "compound")
    ]
    if not expelled or any(w.lemma_.casefold() in EXPELLED_BODIES for w in words):
        return False
    return all(n.pos_ in ("NOUN", "PROPN") and n.ent_type_ not in ("ORG", "GPE", "NORP") for n in expelled)


def _measure_of(noun: Token) -> tuple[Token, ...]:
    """The noun an act noun is the "of" phrase of ("a state of emergency", "a round of
    talks", "hundreds of troops"): part of the act's words, never its target."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM"):
        return (noun.head.head,)
    return ()


def _party(actor: Actor) -> bool:
    """True for an actor one consults: of a known state, or an international body or NGO; not
    the press ("the Guardian", "BBC News"), whom one speaks to in an interview."""
    return actor.sector != "MED" and (actor.country is not None or actor.sector in ("IGO", "NGO"))


def _crowd_of(subject: Token | None) -> bool:
    """True when the subject is protesters, or a count of them ("thousands of protesters")."""
    if subject is None:
        return False
    members = [
        pobj
        for prep in subject.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return any(t.lemma_.casefold() in _CROWDS for t in (subject, *members))


def rule_events(
    doc: Doc,
    article: Article,
    actors: ArticleActors,
    *,
    learned_roles: bool = True,
    ranker: RoleModel | None = None,
) -> list[Event]:
    """The rule coder's PLOVER events of one article, in text order; both source and target are actors.

    `doc` is the parse of `article.body`, so token offsets are body offsets. With
    `learned_roles`, a target ranker (`role_model`) reviews each event's target: `ranker`,
    or by default the shipped one (cross-fitted measurement passes one fitted without the text).
    """
    ranker = (ranker or shipped_role_model()) if learned_roles else None
    events: list[Event] = []
    # A sentence the pipeline left unparsed (`dateline.nlp.parse_events`) has no part of
    # speech, dependency or lemma on any token: `_sentence_events` would turn every token
    # away, so it is skipped without building its tokens.
    annotated: Any = doc.to_array([POS, DEP, LEMMA]).any(axis=1) if len(doc) else None
    for sent in doc.sents:
        if annotated is not None and not annotated[sent.start : sent.end].any():
            continue
        best: dict[tuple[str, str, str], Event] = {}
        found = _sentence_events(sent, article, actors)
        if ranker is not None:
            found = assign_targets(sent, found, actors, ranker)
        for event in found:
            key = (event.type, event.source.id, event.target.id if event.target else "")
            if key not in best or event.confidence > best[key].confidence:
                best[key] = event
        events.extend(sorted(best.values(), key=lambda e: e.trigger_start))
    return events
