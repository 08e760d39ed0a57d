"""Who acts: the source actor of a trigger.

The source is the trigger's subject (the agent of a passive), inherited along joined and
controlled verbs; a pronoun inside reported speech is the speaker, "he" or "she" elsewhere
the person named last ("the two leaders" or "both sides" are the pair named before:
`groups.pair_of`). When the subject names no actor, an actor inside it or the place of a
passive act stands in. A sentence's dateline ("KABUL (AP) --") is never a source.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.actors import ArticleActors
from dateline.actors.lexicon import DASHES
from dateline.events.lexicon import (
    SPEECH_VERBS,
)
from dateline.events.triggers import base_trigger
from dateline.model import Actor
from dateline.time.values import MONTHS

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "him"})
# Pronouns of one person: outside reported speech they refer to the person last named.
_PERSONAL = frozenset({"he", "she", "him", "her"})
# Prepositions of where something happens ("on" also aims: "sanctions on Russia").
WHERE_PREPS = frozenset({"in", "at", "inside", "during"})
_RELATIVES = frozenset({"who", "which", "that"})
_DOCUMENTS = frozenset(
    {
        *("statement", "report", "letter", "message", "resolution", "communique", "declaration", "note"),
        # laws and orders: who passes "a law recognising X" recognises X
        *("law", "bill", "decree", "legislation", "order", "measure"),
    }
)

# Prepositions whose gerund has the subject of the clause it hangs on, whatever that
# clause's object: "attacked the town after killing three soldiers" (English leaves the
# subject of such a gerund unsaid only when it is the main clause's).
_SUBJECT_PREPS = frozenset(
    {"after", "before", "while", "since", "upon", "by", "without", "despite", "through"}
)
# Adjectives of a verdict whose "of" gerund is the judged one's act: "guilty of violating".
_VERDICTS = frozenset({"guilty"})


def _resolve_pronoun(token: Token, actors: ArticleActors) -> Actor | None:
    """A pronoun subject inside reported speech is the speaker ("Japan said it had halted ...")."""
    node = token.head
    for _ in range(6):
        if node.lemma_.casefold() in SPEECH_VERBS:
            speaker = node
            # "rejected the plan, and said they opposed ...": a joined verb without a subject
            # of its own shares the first verb's
            while speaker.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in speaker.children
            ):
                speaker = speaker.head
            subject = next((c for c in speaker.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return actor_of(subject, actors, allow_pronoun=False) if subject is not None else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def actor_of(token: Token | None, actors: ArticleActors, allow_pronoun: bool = True) -> Actor | None:
    if token is None:
        return None
    if token.lower_ in _RELATIVES and token.head.dep_ == "relcl":
        token = token.head.head  # "Biegun, who helped ..." -> Biegun
    if token.lower_ in PRONOUNS or (token.lower_ == "her" and token.dep_ in ("pobj", "dobj")):
        if not allow_pronoun:
            return None
        found = _resolve_pronoun(token, actors)
        if found is None and token.lower_ in _PERSONAL:
            found = _last_person(token, actors)
        return found
    return actors.actor_at(token)


def resident(source: Actor, subject: Token | None, verb: Token, actors: ArticleActors) -> Actor:
    """An ethnic group is coded by the country it lives in, where the sentence says so.

    "ethnic Albanians demonstrated in Serbia" are Serbia's Albanians: the demonym names
    the group, the place of the act names their state.
    """
    # "ethnic Albanians", "hundreds of ethnic Albanians"
    ethnic = subject is not None and any(
        t.lower_ == "ethnic" and subject.i in (t.head.i, t.head.head.head.i) for t in subject.subtree
    )
    if subject is None or not ethnic:
        return source
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "inside", "across", "throughout"):
            for pobj in prep.children:
                place = actors.actor_at(pobj) if pobj.dep_ == "pobj" else None
                if place is not None and place.country and place.sector is None:
                    return replace(source, country=place.country)
    return source


def person_like(actor: Actor) -> bool:
    """An actor that can be "he" or "she": a named official, not a country or an office.

    A role phrase in the plural ("EU officials", "Chinese diplomats", named by its own
    role word) is a group, never one person taken up by "he" or "the two leaders".
    """
    if actor.sector is None or actor.title is None or not actor.name[:1].isupper():
        return False
    role = actor.title.casefold().split()[-1]
    plural = role.endswith("s") and not role.endswith(("ss", "us"))
    return not (plural and actor.name.casefold().endswith(role))


def _last_person(token: Token, actors: ArticleActors) -> Actor | None:
    """The person named last before `token` in the article ("Biden ... He met Putin")."""
    before = [m.actor for m in actors.mentions if m.end <= token.idx and person_like(m.actor)]
    return before[-1] if before else None


def coordinated_pair(token: Token | None, actors: ArticleActors) -> tuple[Actor, Actor] | None:
    """The two actors of "Israeli and Palestinian negotiators": the phrase and its second country.

    The actors stage maps each further conjoined country word of a role phrase to an actor
    of its own; the phrase itself is the first.
    """
    if token is None:
        return None
    first = actors.by_token.get(token.i)
    if first is None:
        return None
    for child in token.lefts:
        if child.dep_ in ("amod", "nmod", "compound"):
            for conj in child.conjuncts:
                second = actors.by_token.get(conj.i)
                if second is not None and second.id != first.id and conj.i < token.i:
                    return first, second
    # "the envoys of Japan and South Korea", "representatives from Russia and Ukraine": the
    # role phrase is the first's, the second country named beside it is the other side
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for conj in pobj.conjuncts:
                    second = actors.by_token.get(conj.i)
                    if second is not None and second.country and second.country != first.country:
                        return first, second
    return None


# What ends a dateline: "KABUL --", "THE HAGUE, Netherlands -", "WASHINGTON (AP) :".
_DATELINE_ENDS = DASHES | {":"}


def dateline_end(sent: Span) -> int:
    """The first token after a dateline that opens the sentence, or the sentence's start.

    "MOGADISHU, Somalia -- A U.S. airstrike has killed ..." was filed in Mogadishu: the
    place names where the report comes from, never who acted or was acted on, but the
    parser often reads it as the subject. A dateline is a run of names (the first one in
    capitals) with an optional ", Country" and "(Agency)", closed by a dash or colon.
    """
    first = next((t for t in sent if t.is_alpha), None)
    if first is None or first.i != sent.start and sent[0].text not in ('"', "'"):
        return sent.start
    if not (first.is_upper and len(first.text) >= 3):
        return _dated_dateline_end(sent, first)
    doc = sent.doc
    for tok in sent[: min(len(sent), 12)]:
        # "(AP)" or "(Xinhua) --" closes with the agency; the tokenizer may glue "):" together
        closing = tok.text.startswith(")")
        if tok.text.lstrip(")") in _DATELINE_ENDS or closing:
            end = tok.i + 1
            while end < sent.end and doc[end].text in _DATELINE_ENDS | {'"', "'"}:
                end += 1
            if (
                closing
                and tok.text == ")"
                and not (end < sent.end and (doc[end].is_title or doc[end].is_upper))
            ):
                return sent.start
            return end
        if not (tok.pos_ == "PROPN" or tok.text in (",", "(") or tok.is_upper):
            return sent.start
    return sent.start


def _dated_dateline_end(sent: Span, first: Token) -> int:
    """After "Doha, Feb 29:" or "Kabul, March 3 --": a place and the filing date, set off by
    a colon or dash at the sentence's start, is a dateline however the place is cased."""
    doc = sent.doc
    i = first.i
    while i < sent.end and doc[i].is_title and doc[i].is_alpha and i - first.i < 3:
        i += 1
    if i == first.i or i + 3 >= sent.end or doc[i].text != ",":
        return sent.start
    month, day, close = doc[i + 1], doc[i + 2], doc[i + 3]
    if month.lower_.rstrip(".") not in MONTHS or not day.like_num:
        return sent.start
    if close.text not in _DATELINE_ENDS:
        return sent.start
    return close.i + 1


def _past_dateline(subject: Token, node: Token) -> Token:
    """The subject that a dateline stands in for: another subject of the verb, or the
    phrase the parser hung on the dateline ("THE HAGUE, Netherlands -- A prosecutor")."""
    end = dateline_end(subject.sent)
    if subject.i >= end:
        return subject
    other = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i >= end), None)
    if other is None:
        other = next(
            (t for t in subject.subtree if t.i >= end and t.head.i < end and t.pos_ in ("NOUN", "PROPN")),
            None,
        )
    return other if other is not None else subject


def subject_of(verb: Token, actors: ArticleActors) -> tuple[Token | None, bool]:
    """The subject token of a verb and whether the verb is passive; inherited along xcomp/conj."""
    subject, passive = _subject_of(verb, actors)
    # a dateline's last name is in capitals ("KABUL", "THE HAGUE, Netherlands") or is a
    # place before the filing date ("Doha, Feb 29:"): only then look
    if (
        subject is not None
        and not passive
        and (subject.is_upper or subject.is_title)
        and subject.i < dateline_end(subject.sent)
    ):
        subject = _past_dateline(subject, subject.head)
    return subject, passive


def _subject_of(verb: Token, actors: ArticleActors) -> tuple[Token | None, bool]:
    node = verb
    below: Token | None = None  # the clause the search climbed from
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
        if passive and below is not None and below.dep_ == "xcomp" and below.head.i == node.i:
            # "the parties were set (expected, asked, forced) to meet": who is said to be
            # meant to act is the one who acts in the infinitive
            raised = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:
                return raised, False
        if passive and node.i != verb.i and verb.dep_ == "conj" and verb.head.i == node.i:
            # "was indicted by the court and will resign": the active conjunct shares the
            # passive verb's grammatical subject, not its agent
            shared = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            if shared is not None:
                return shared, False
        if passive:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return pobj, True
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is None:
            # the parser sometimes hangs the subject on the auxiliary ("France have opposed")
            subject = next(
                (g for c in node.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"), None
            )
        if subject is None:
            # a mis-tagged name before the verb ("USAID/ADV provided ..."): its subject
            subject = next(
                (
                    c
                    for c in node.children
                    if c.dep_ in ("advmod", "npadvmod", "dep") and c.i < node.i and actors.actor_at(c)
                ),
                None,
            )
        if subject is None:
            subject = _swallowed_subject(node, actors)
        if subject is not None:
            return subject, False
        if (
            node.dep_ == "acl"
            and node.head.lemma_.casefold() in _DOCUMENTS
            and node.head.dep_ == "dobj"
            and node.head.head.lemma_.casefold() not in SPEECH_VERBS | {"cite", "read", "see"}
        ):
            # "issued a statement urging ...": the one who issued it speaks
            node = node.head.head
            continue
        if node.dep_ in ("acl", "relcl") and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN"):
            # The noun a clause hangs on: the parser's "The Iraqi air force [carried out
            # strikes]" (a main clause read as a modifier) or "troops [firing] on crowds".
            # A bare participle ("the man arrested by police") is passive: its noun is acted on.
            # ("aid groups donated and delivered goods": the object of a joined verb counts)
            objects = [c for v in (node, *node.conjuncts) for c in v.children if c.dep_ == "dobj"]
            # ... unless the noun is the root of a sentence with no other verb: "Around 200
            # people protested in Lagos" is a main clause the parser read as a modifier
            main_clause = node.head.dep_ == "ROOT" and node.dep_ == "acl"
            if node.tag_ == "VBN" and node.dep_ == "acl" and not objects and not main_clause:
                agent = next((c for c in node.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                return pobj, True
            return node.head, False
        if node.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and node.head.i != node.i:
            below = node
            node = node.head
            governor = node.head
            if node.dep_ == "prep" and node.pos_ == "ADP" and governor.lemma_.casefold() in _VERDICTS:
                # "India and Pakistan were guilty of violating the ceasefire", "was found
                # guilty of murdering": the one judged guilty did it
                clause = governor.head if governor.dep_ in ("acomp", "oprd", "xcomp") else governor
                judged = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if judged is not None:
                    return judged, False
            if (
                node.dep_ == "prep"
                and node.pos_ == "ADP"
                and governor.pos_ in ("VERB", "AUX")
                and (
                    node.lower_ in _SUBJECT_PREPS
                    or (
                        not any(c.dep_ == "dobj" for c in governor.children)
                        and base_trigger(governor) is None
                    )
                )
            ):
                # "resorted to throwing stones": a gerund after a preposition has the
                # subject of the verb the preposition hangs on ("accused China of
                # violating" has its object's; "called for ending" is only the call's content);
                # after a preposition of time or means always ("attacked the town after
                # killing three soldiers", "ended the strike by signing a deal")
                node = governor
            continue
        break
    return None, False


def titled(subject: Token | None, source: Actor | None, actors: ArticleActors) -> Actor | None:
    """The office before a bare name: "Qatar's emir, Sheikh Hamad, launched ..." is the emir.

    The parser often leaves the title phrase as a loose dependent of the verb rather
    than an apposition; a name with no country or sector takes the titled actor that
    stands right before it, across the comma.
    """
    if subject is None or source is None or source.country or source.sector:
        return source
    edge = subject.left_edge.i
    if edge < 2 or subject.doc[edge - 1].text != ",":
        return source
    title = subject.doc[edge - 2]
    if title.head.i not in (subject.i, subject.head.i):
        return source  # "In Doha, Hamad said": a phrase of the clause, not of the name
    found = actors.actor_at(title)
    if found is None or found.sector is None or title.pos_ not in ("NOUN", "PROPN"):
        return source
    return found


def _swallowed_subject(verb: Token, actors: ArticleActors) -> Token | None:
    """A subject the parser joined to a fronted phrase: "With the signing of a memorandum,
    the government and the rebels have agreed ..." reads "government" as a conjunct of
    "memorandum". The conjunct that starts after the comma and ends right before the verb
    is the subject.
    """
    if not any(c.dep_ == "prep" and c.i < verb.i for c in verb.children):
        return None
    first = min([c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i] + [verb.i])
    if first == 0:
        return None
    tok = verb.doc[first - 1]
    for _ in range(6):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return None
        edge = tok.left_edge.i
        if edge > 0 and verb.doc[edge - 1].text == "," and actors.actor_at(tok) is not None:
            return tok
        tok = tok.head
    return None


# Where the unnamed doer of a passive is known by the place it acts in ("arrested in Lebanon").
_PASSIVE_PLACES = ("by", "in", "at", "outside", "near", "inside")
# Acts that send someone out of a state, which the state does ("expelled from Slovakia").
_SENT_OUT = frozenset({"expel", "deport"})


def source_fallback(verb: Token, subject: Token | None, passive: bool, actors: ArticleActors) -> Actor | None:
    """A source when the subject is no actor: an actor inside it, or the place of a passive.

    "Doctors from two American aid groups donated ..." -> the aid groups; "a missionary was
    arrested in Lebanon" -> Lebanon (news names the state by the place where it acts).
    """
    if subject is not None:
        # the verb's own phrase is no part of its doer, however deep it hangs in the subject: in
        # "an attempt to assassinate the governor", the governor is the one attacked; in "the start
        # of talks, to take place on Saturday, and called on the army", the army called on
        inside = {t.i for t in verb.subtree} if verb.i > subject.i and subject in verb.ancestors else set()
        own = inside if verb.head.i == subject.i else set()  # the verb hangs on the subject itself
        for tok in sorted(subject.subtree, key=lambda t: (abs(t.i - subject.i), t.i)):
            actor = actors.by_token.get(tok.i) if tok.i not in inside else None
            if actor is not None:
                return actor
        if own and subject.dep_ == "nsubjpass" and subject.head.i != subject.i:
            # "an attempt to kill X was foiled in Y": the unnamed doer is known by the place
            return source_fallback(subject.head, None, True, actors)
        owner = own and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in subject.children
        )
        if owner and subject.dep_ in ("dobj", "pobj"):
            # "X reiterated its commitment to support Y", "X stepped up its campaign to
            # retake Z": the owner of the intent is the subject of the clause it stands in
            governor = subject.head.head if subject.dep_ == "pobj" else subject.head
            if base_trigger(governor) is not None:
                return None  # "supports its decision to expel": whose decision is open
            clause_subject, clause_passive = subject_of(governor, actors)
            if not clause_passive and clause_subject is not None and clause_subject.i not in own:
                return actor_of(clause_subject, actors)
    if not passive:
        return None
    target_side = {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
    # "was expelled from Slovakia", "was deported from Britain": the state one is sent out of sends
    places = (*_PASSIVE_PLACES, "from") if verb.lemma_.casefold() in _SENT_OUT else _PASSIVE_PLACES
    # "was put under investigation in Italy": the place may hang on the state's act noun
    under = [g for c in verb.children if c.lower_ == "under" for p in c.children for g in p.children]
    for child in [*verb.children, *under]:
        if child.dep_ in ("agent", "prep") and child.lower_ in places:
            for tok in child.subtree:
                actor = actors.by_token.get(tok.i)
                # out of a state, not a stadium or a party ("expelled from the party")
                state = child.lower_ != "from" or tok.ent_type_ == "GPE"
                if actor is not None and tok.i not in target_side and state:
                    return actor
    return None


def must_source(verb: Token, actors: ArticleActors) -> Actor | None:
    """The speaker who says another actor must act: the subject of the verb of saying."""
    speaker = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actor_of(speaker, actors, allow_pronoun=False)
