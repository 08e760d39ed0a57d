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

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dateline.actors import ArticleActors
from dateline.events.lexicon import (
    APPEAL_CODES,
    COMMENT_ADJECTIVES,
    COMMENT_CODES,
    CONSIDER_VERBS,
    CONTENT_NOUNS,
    CONTROL_VERBS,
    COOPERATIVE,
    FUTURE_AUX,
    INTENT_CODES,
    INTENT_VERBS,
    LIGHT,
    LIGHT_VERBS,
    MEDIA_WORDS,
    NEEDS_OBJECT,
    NO_RECIPIENT,
    NOMINAL,
    NOUN_GROUPS,
    PHRASAL_VERBS,
    REFORM_NOUNS,
    REFUSAL_CODES,
    REQUEST_CODES,
    SELF_CONTAINED,
    SELF_CONTAINED_CODES,
    SPEECH_VERBS,
    VERBS,
    WISH_VERBS,
    Code,
)
from dateline.model import Actor, Article, Event, Modality

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
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "him"})
# Pronouns of one person: outside reported speech they refer to the person last named.
_PERSONAL = frozenset({"he", "she", "him", "her"})
# "the two leaders", "both sides": a pair named earlier in the article (people, or states).
_PAIR_PEOPLE = frozenset({"leader", "president", "minister", "head", "counterpart"})
_PAIR_NOUNS = frozenset(
    {"leader", "president", "side", "minister", "head", "counterpart", "country", "nation", "government"}
)
# Prepositions that give where or when something happened rather than to whom.
_SETTING_PREPS = frozenset({"in", "at", "on", "during", "inside"})
# Prepositions that aim a hostile act at its target ("fire against", "rockets at").
_AIM_PREPS = frozenset({"against", "at", "on", "upon", "toward", "towards"})
_STATE_FORCE = frozenset({"GOV", "MIL", "COP", "SPY"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
_RELATIVES = frozenset({"who", "which", "that"})
_PHONE_WORDS = frozenset({"phone", "telephone", "call", "video"})
_DEAL_WORDS = frozenset({"declaration", "accord", "treaty", "agreement", "pact", "memorandum"})
_AGREE_FAMILY = frozenset({"agree", "offer", "promise", "pledge", "vow", "accept"})
_REJECT_FAMILY = frozenset({"refuse", "decline", "reject", "fail", "deny"})
_THREAT_FAMILY = frozenset({"threaten", "warn"})
# Commitments that, made about force or punishment, announce it: a threat, not an agreement.
_VOWS = frozenset({"vow", "pledge", "promise"})
# Heads whose "of" phrase names the thing: "25,000 tons of aid", "a state of emergency".
_OF_HEADS = frozenset(
    {
        "ton",
        "tonne",
        "worth",
        "million",
        "billion",
        "thousand",
        "shipment",
        "consignment",
        "package",
        "lot",
        "state",
        # parts and groups: "some of the military equipment", "a round of joint exercises"
        "some",
        "part",
        "batch",
        "team",
        "round",
        "series",
        "number",
        "range",
        "variety",
    }
)
_STATE_VERBS = frozenset({"go", "be", "remain", "stay", "put", "place", "keep"})
_CHARGES = frozenset(
    {"charge", "accusation", "allegation", "claim", "report", "involvement", "responsibility", "wrongdoing"}
)
# What an appeal asks for when it is a call to punish someone.
_PUNISHMENTS = frozenset({"sanction", "punishment", "prosecution", "boycott", "embargo", "expulsion"})
_DENIALS = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "spurn"})
_DEMANDS = frozenset({"demand", "condition", "term", "ultimatum"})
_REFUGEES = frozenset({"refugee", "migrant", "asylum", "evacuee"})
_DOCUMENTS = frozenset(
    {
        *("statement", "report", "letter", "message", "resolution", "communique", "declaration", "note"),
        # laws and orders: who passes "a law recognising X" recognises X
        *("law", "bill", "decree", "legislation", "order", "measure"),
    }
)
_PEOPLE = frozenset({"CVL", "REF"})
_HELP_VERBS = frozenset({"help", "assist", "aid"})
# Types whose target must be an argument of the verb: a resignation or a ceasefire has no
# target by default, and an actor elsewhere in the sentence is usually someone else's.
_OWN_ARGUMENTS_ONLY = frozenset({"RETREAT"})
# Types that "X and Y did" codes as X with Y: meetings, agreements, joint work.
_RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
# Visits: the place one goes to is the host, so a place there is a target, not a setting.
_VISIT_CODES = frozenset({"042", "043"})
# Prepositions that name the channel of a statement ("warned on Twitter", "said in an interview").
_MEDIUM_PREPS = frozenset({"on", "via", "through", "in", "during", "over"})
# Nouns whose clause is what someone expects, hopes or fears ("concerns that the Kurds
# will release them", "hopes he will share intelligence"): not a report of it.
_EXPECTATION_NOUNS = frozenset(
    {"hope", "fear", "concern", "worry", "expectation", "speculation", "possibility", "risk", "prospect"}
)
# Modals of ability: "could not provide details" is inability, not a refusal.
_ABILITY = frozenset({"can", "could", "ca"})
# Subordinators of a clause that reports a different happening ("resigned as the
# opposition threatened ..."); an actor inside it is not the trigger's target.
_OTHER_CLAUSE_MARKS = frozenset({"as", "while", "after", "before", "when", "since", "because", "until"})


# Forms the small English model lemmatises wrongly ("hoped" -> "hop").
_LEMMA_FIXES = {"hoped": "hope", "hoping": "hope", "hopes": "hope"}


def _lemma(token: Token) -> str:
    """The token's lemma, lower-cased, with the model's known mistakes corrected."""
    return _LEMMA_FIXES.get(token.lower_) or token.lemma_.casefold()


@dataclass(frozen=True)
class _Trigger:
    code: Code
    tokens: tuple[Token, ...]  # the verb, and the trigger noun of a light verb
    noun: Token | None = None


def _base_trigger(verb: Token) -> _Trigger | None:
    """The event a verb names by itself and its object noun, before control and modality."""
    if verb.pos_ not in ("VERB", "AUX") and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT"):
        return None
    lemma = _lemma(verb)
    # spaCy finds a token's children by scanning its whole subtree (the sentence, for a
    # main verb) on every access; the rules below ask for them many times
    children = list(verb.children)
    nouns = [c for c in children if c.dep_ in ("dobj", "attr", "nsubjpass")]
    # "provided 25,000 tons of food aid": the measure's "of" phrase names the thing
    nouns.extend(
        pobj
        for n in list(nouns)
        if n.lemma_.casefold() in _OF_HEADS
        for prep in n.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    )
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on", "in", "upon", "for", "under"):
            nouns.extend(c for c in prep.children if c.dep_ == "pobj")
    # "mediation efforts", "artillery and rocket fire": a compound or conjunct names the act
    nouns = [
        *nouns,
        *(c for n in nouns for c in (*n.conjuncts, *n.children) if c.dep_ in ("compound", "conj")),
    ]
    # "withdrew from the talks", "pulled out of the treaty", "took them into custody": these
    # nouns count only with the verbs listed with them (no light-verb default: "emerged
    # from talks" is no event)
    left = [
        pobj
        for prep in (*children, *(g for c in children if c.lower_ == "out" for g in c.children))
        if prep.dep_ == "prep"
        and (prep.lower_ in ("from", "into") or (prep.lower_ == "of" and prep.head.lower_ == "out"))
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for noun in [*nouns, *left]:
        group = _noun_group(noun)
        if group is None or not _sense_fits(noun, group):
            continue
        code = LIGHT.get((lemma, group))
        if code is None and lemma in LIGHT_VERBS and noun not in left:
            code = LIGHT.get(("*", group))
        if code is not None and group == "operation" and _peacekeeping(noun):
            code = ("AID", "074")  # "participate in peacekeeping operations"
        if code is not None and group == "attack":
            code = _attack_sense(noun, code)
        if code is not None:
            return _Trigger(_refine(verb, code), (verb, noun), noun)
    if lemma in ("meet", "satisfy", "fulfil", "fulfill") and any(
        c.dep_ == "dobj" and c.lemma_.casefold() in _TERMS for c in children
    ):
        # "meet demands" yields to them; "meet targets" is no meeting at all
        demand = any(c.dep_ == "dobj" and c.lemma_.casefold() in _DEMANDS for c in children)
        return _Trigger(("CONCEDE", "080"), (verb,)) if demand else None
    if lemma in ("stop", "halt", "down", "lay") and any(
        c.dep_ == "dobj"
        and c.lemma_.casefold() in ("work", "tool")
        and not any(p.dep_ == "poss" for p in c.children)
        for c in children
    ):
        # "workers stopped work", "downed tools": a strike (CAMEO 143), not a halt in fighting
        return _Trigger(("PROTEST", "143"), (verb,))
    if lemma in _STOP_VERBS:
        # "agreed to halt fighting", "ended hostilities": de-escalation (CAMEO 087)
        for child in children:
            if child.dep_ in ("dobj", "xcomp") and (
                VERBS.get(_lemma(child), ("", ""))[0] == "ASSAULT"
                or NOUN_GROUPS.get(child.lemma_.casefold()) == "attack"
            ):
                return _Trigger(("RETREAT", "087"), (verb, child), child)
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    loose = any(c.lower_ in ("free", "go", "loose") for c in children)
    if lemma in ("let", "set") and (loose or (after is not None and after.lower_ in ("free", "loose"))):
        return _Trigger(("RETREAT", "0841"), (verb,))  # "let free the activists", "set them free"
    if lemma == "set" and any(
        (prep.lower_ == "on" and any(c.lower_ == "fire" for c in prep.children))
        or (prep.dep_ == "dobj" and prep.lower_ == "fire")
        for prep in children
    ):
        return _Trigger(("ASSAULT", "1712"), (verb,))  # "set the station on fire", "set fire to": arson
    if lemma == "find" and any(c.lower_ == "guilty" for c in children):
        return _Trigger(VERBS["convict"], (verb,))  # "found him guilty": a conviction
    if lemma == "take" and any(
        prep.lower_ == "to" and any(c.lemma_.casefold() == "street" for c in prep.children)
        for prep in children
    ):
        return _Trigger(("PROTEST", "141"), (verb,))  # "took to the streets": a demonstration
    if lemma == "be":
        # "said it is skeptical of ...": a comment (CAMEO 012/013)
        for child in children:
            comment = COMMENT_ADJECTIVES.get(child.lower_) if child.dep_ == "acomp" else None
            if comment is not None:
                return _Trigger(comment, (verb, child), child)
    particles = {c.lower_ for c in children if c.dep_ == "prt"}
    meeting = any(
        NOUN_GROUPS.get(c.lemma_.casefold()) in ("talks", "visit") for c in children if c.dep_ == "dobj"
    )
    if lemma == "call" and "off" in particles and meeting:
        return _Trigger(("REJECT", "125"), (verb,))  # "called off talks": refuses to meet
    if lemma == "call" and "off" in particles:
        return _Trigger(("CONCEDE", "082"), (verb,))  # "called off a strike": eases dissent
    if lemma == "call":  # "called for", "called on" ask; "called" alone may be a phone call
        preps = {c.lower_ for c in children if c.dep_ == "prep"}
        has_object = any(c.dep_ in ("dobj", "oprd") for c in children)
        # "called on X to": an appeal; "called X on Wednesday": a time, not an appeal
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        on_someone = (
            after is not None
            and after.lower_ in ("on", "upon")
            and not any(c.ent_type_ in ("DATE", "TIME") for c in after.children)
        )
        if "for" in preps or on_someone:
            return _Trigger(("REQUEST", "020"), (verb,))
        if any(t.lower_ in _PHONE_WORDS - {"call"} for t in verb.subtree):
            return _Trigger(("CONSULT", "041"), (verb,))
        purpose = any(
            c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in children
        )
        if has_object and purpose:
            return _Trigger(("CONSULT", "041"), (verb,))  # "called Erdogan to apologise": a phone call
        return None
    if lemma == "push":  # "pushed for reforms", "pushed Congress to act"; not "pushed back"
        preps = {c.lower_ for c in children if c.dep_ == "prep"}
        pushes = "for" in preps or (any(c.dep_ == "dobj" for c in children) and _complement(verb) is not None)
        # pushing hard for something is a demand (CAMEO 10); plain pushing, an appeal (02)
        hard = any(c.dep_ == "advmod" and c.lower_ in ("hard", "strongly") for c in children)
        pressed: Code = ("REQUEST", "100" if hard else "020")
        return _Trigger(pressed, (verb,)) if pushes and not particles else None
    if lemma == "hand" and "over" in particles:
        return _Trigger(("RETREAT", "0841"), (verb,))
    # "forced the agency out of the country": the parser often reads "out" as a preposition
    outs = particles | {c.lower_ for c in children if c.dep_ in ("prep", "advmod") and c.lower_ == "out"}
    if lemma == "force" and "out" in outs:
        return _Trigger(("SANCTION", "166"), (verb,))  # "forced the UN agency out": expel
    if lemma == "lay" and "down" in particles:
        return _Trigger(("RETREAT", "0873"), (verb,))  # "lay down arms": demobilise
    if lemma == "back" and "down" in particles:
        return _Trigger(("CONCEDE", "080"), (verb,))  # "backed down": yields
    # the parser tags "stepped down" or "pulled back" as a particle or an adverb
    adverbs = particles | {c.lower_ for c in children if c.dep_ == "advmod"}
    phrasal = next((PHRASAL_VERBS[(lemma, p)] for p in sorted(adverbs) if (lemma, p) in PHRASAL_VERBS), None)
    if phrasal is not None:
        return _Trigger(phrasal, (verb,))  # "stepped down", "cracked down", "pulled out"
    if lemma == "arrive":
        # a visit ("arrived in Amman on a visit"); peacekeepers arriving are protection (074)
        subject_words = {t.lemma_.casefold() for c in children if c.dep_ == "nsubj" for t in c.subtree}
        if any(w.startswith("peacekeep") for w in subject_words):
            return _Trigger(("AID", "074"), (verb,))
        return _Trigger(("CONSULT", "042"), (verb,))
    if lemma in _HELP_VERBS and not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in children):
        return None  # "helped lead efforts to ...": a share in some act, not aid to anyone
    if lemma in NEEDS_OBJECT and not any(c.dep_ in ("dobj", "nsubjpass") for c in children):
        return None  # "return to Geneva", "fire at": the bare verb is too vague to code
    code = VERBS.get(lemma)
    if code is None:
        return None
    return _Trigger(_refine(verb, code), (verb,))


# Modifiers that make an attack a cyber attack (PLOVER COERCE `cyber`).
_CYBER = frozenset({"cyber", "ddos", "ransomware", "malware", "hacking", "phishing", "hacker"})
# Modifiers of a strike that make it a work stoppage (CAMEO 143).
_LABOUR_STRIKE = frozenset(
    {"general", "nationwide", "national", "labor", "labour", "union", "workers", "indefinite", "wildcat"}
)
_NO_TRIGGER = _Trigger(("", ""), ())
# Trigger-noun groups whose noun is what the act is done to, not the act: its target.
_PATIENT_GROUPS = frozenset({"media"})
# Crowds whose violence is a riot (CAMEO 145), not an armed attack.
_CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "mob", "marcher"})


def _noun_group(noun: Token) -> str | None:
    """The trigger-noun group of a noun; "martial law" is a state of emergency (CAMEO 1724)."""
    lemma = noun.lemma_.casefold()
    if lemma == "law" and any(c.lower_ == "martial" for c in noun.children):
        return "emergency"
    return NOUN_GROUPS.get(lemma)


def _attack_sense(noun: Token, code: Code) -> Code:
    """An attack noun's sense by its modifiers: a cyber attack coerces, a hunger strike protests."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & _CYBER or noun.lower_.startswith("cyber"):
        return ("COERCE", "170")
    if noun.lemma_.casefold() == "strike":
        if "hunger" in mods:
            return ("PROTEST", "142")
        if mods & _LABOUR_STRIKE:
            return ("PROTEST", "143")
    return code


# Verbs that move people or things somewhere: their object is what moves.
_MOVE_VERBS = frozenset(
    {"send", "deploy", "dispatch", "withdraw", "pull", "move", "transfer", "station", "airlift", "fly"}
)
# What one meets without meeting anyone: demands, targets, deadlines.
_TERMS = _DEMANDS | frozenset(
    {
        *("requirement", "deadline", "need", "target"),
        *("expectation", "criterion", "obligation", "standard", "goal", "commitment", "cost"),
    }
)
# Verbs of stopping: stopping an attack is de-escalation.
_STOP_VERBS = frozenset({"halt", "stop", "end", "cease", "suspend", "stem"})
# What a non-military deployment sends: rescuers, doctors, observers (help, not force).
_CIVIL_TEAMS = frozenset(
    {
        "doctor",
        "medic",
        "nurse",
        "rescuer",
        "expert",
        "worker",
        "volunteer",
        "observer",
        "monitor",
        "inspector",
    }
)

# Modifiers that make an exercise military and joint, or an operation an attack.
_EXERCISE_MODS = frozenset({"joint", "military", "naval", "war", "combined", "air", "army"})
_OPERATION_MODS = frozenset(
    {"military", "offensive", "ground", "air", "counterterrorism", "counter-terrorism", "combat"}
)


def _sense_fits(noun: Token, group: str) -> bool:
    """True when the noun has the sense its group codes: a *military* exercise, an *offensive* operation."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if group == "exercise":
        return bool(mods & _EXERCISE_MODS)
    if group == "venture":
        return "joint" in mods  # a joint venture, not any venture
    if group == "operation":
        return (
            bool(mods & _OPERATION_MODS)
            or _peacekeeping(noun)
            or any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children)
        )
    return True


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


def _inability(verb: Token) -> bool:
    """True when a negated verb says someone could not do it, which is not refusing to."""
    return any(c.dep_ == "aux" and c.lower_ in _ABILITY for c in verb.children) or any(
        c.dep_ == "acomp" and c.lower_ == "unable" for c in verb.head.children
    )


def _is_negated(verb: Token) -> bool:
    near = (c for c in verb.children if c.i < verb.i + 3)
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in near)


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
            return _actor(subject, actors, allow_pronoun=False) if subject is not None else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _actor(token: Token | None, actors: ArticleActors, allow_pronoun: bool = True) -> Actor | None:
    if token is None:
        return None
    if token.lower_ in _RELATIVES and token.head.dep_ == "relcl":
        token = token.head.head  # "Biegun, who helped ..." -> Biegun
    if token.lower_ in _PRONOUNS or (token.lower_ == "her" and token.dep_ in ("pobj", "dobj")):
        if not allow_pronoun:
            return None
        found = _resolve_pronoun(token, actors)
        if found is None and token.lower_ in _PERSONAL:
            found = _last_person(token, actors)
        return found
    return actors.actor_at(token)


def _resident(source: Actor, subject: Token | None, verb: Token, actors: ArticleActors) -> Actor:
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


def _person_like(actor: Actor) -> bool:
    """An actor that can be "he" or "she": a named official, not a country or an office."""
    return actor.sector is not None and actor.title is not None and actor.name[:1].isupper()


def _last_person(token: Token, actors: ArticleActors) -> Actor | None:
    """The person named last before `token` in the article ("Biden ... He met Putin")."""
    before = [m.actor for m in actors.mentions if m.end <= token.idx and _person_like(m.actor)]
    return before[-1] if before else None


def _coordinated_pair(token: Token | None, actors: ArticleActors) -> tuple[Actor, Actor] | None:
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
    # "the envoys of Japan and South Korea": the role phrase is the first's, the second
    # country named beside it is the other side
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for conj in pobj.conjuncts:
                    second = actors.by_token.get(conj.i)
                    if second is not None and second.country and second.country != first.country:
                        return first, second
    return None


def _pair(token: Token | None, actors: ArticleActors) -> tuple[Actor, Actor] | None:
    """The two actors "the two leaders" or "both sides" refers to: the last two named before it.

    "Israeli and Palestinian negotiators" is a pair too, named by the phrase itself.
    """
    if token is None:
        return None
    coordinated = _coordinated_pair(token, actors)
    if coordinated is not None:
        return coordinated
    limit = token.left_edge.idx  # only actors named before the phrase itself
    # "the foreign ministers of both nations": the pair is the nations'
    of_pair = next(
        (
            c
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for c in prep.children
            if c.dep_ == "pobj" and c.lemma_.casefold() in _PAIR_NOUNS - _PAIR_PEOPLE
        ),
        None,
    )
    token = of_pair or token
    if token.lemma_.casefold() not in _PAIR_NOUNS:
        return None
    if not any(c.lower_ in ("two", "both") for c in token.children if c.dep_ in ("nummod", "det", "predet")):
        return None
    people = token.lemma_.casefold() in _PAIR_PEOPLE
    seen: list[Actor] = []
    for mention in reversed(actors.mentions):
        if mention.end > limit:
            continue
        actor = mention.actor
        fits = _person_like(actor) if people else bool(actor.country or actor.sector)
        new = all(actor.id != a.id for a in seen)
        # two actors of one country are not "both sides"
        if fits and new and (not seen or actor.country != seen[0].country or actor.country is None):
            seen.append(actor)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


def _subject(verb: Token, actors: ArticleActors) -> tuple[Token | None, bool]:
    """The subject token of a verb and whether the verb is passive; inherited along xcomp/conj."""
    node = verb
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
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
            node = node.head
            governor = node.head
            if (
                node.dep_ == "prep"
                and node.pos_ == "ADP"
                and governor.pos_ in ("VERB", "AUX")
                and not any(c.dep_ == "dobj" for c in governor.children)
                and _base_trigger(governor) is None
            ):
                # "resorted to throwing stones": a gerund after a preposition has the
                # subject of the verb the preposition hangs on ("accused China of
                # violating" has its object's; "called for ending" is only the call's content)
                node = governor
            continue
        break
    return None, False


def _titled(subject: Token | None, source: Actor | None, actors: ArticleActors) -> Actor | None:
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


def _targets(verb: Token, actors: ArticleActors, passive: bool) -> list[Token]:
    """Candidate target tokens of a verb, best first."""
    out: list[Token] = []
    if passive:
        out.extend(c for c in verb.children if c.dep_ == "nsubjpass")
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children):
            out.append(verb.head)  # "the man arrested by police": the noun is the target
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            out.append(child)
            # "the withdrawal of Serbian forces", "Turkey's efforts" ("rebels demands": a
            # possessive whose apostrophe the paste lost)
            out.extend(
                c
                for c in child.children
                if c.dep_ == "poss" or (c.dep_ == "compound" and c.tag_ == "NNS" and c.i == child.i - 1)
            )
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            # "support for Seoul's efforts": the possessor is the target
                            out.extend([pobj, *(c for c in pobj.children if c.dep_ == "poss")])
    for name in _TARGET_PREPS:
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ == name:
                out.extend(c for c in prep.children if c.dep_ == "pobj")
    comp = _complement(verb)
    if comp is not None:
        subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and _lemma(verb) in CONTROL_VERBS:
            out.append(subject)  # "demanded that the US cancel ..."
        out.extend(_targets(comp, actors, False))
    if not passive and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        # "donated and delivered goods to the school": a first verb without an object shares
        # the object (and its recipient) of the verb it is joined to
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and any(c.dep_ == "dobj" for c in conj.children):
                out.extend(_targets(conj, actors, False))
    return out


def _modality(verb: Token) -> tuple[Modality, bool]:
    """(modality, negated) from auxiliaries and intention verbs above the trigger."""
    planned = _is_future(verb)
    negated = _is_negated(verb)
    node = verb
    shares_subject = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and shares_subject:
        # "would give Nigeria assistance and provide spare parts": the second verb shares
        # the first one's modal (not its negation, whose scope English leaves open)
        planned = planned or _is_future(verb.head)
        node = verb.head
    for _ in range(3):
        if node.dep_ not in ("xcomp",) or node.head.i == node.i:
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
    lemma = _lemma(verb)
    comp = _complement(verb)
    inner = _base_trigger(comp) if comp is not None else None
    inner_type = inner.code[0] if inner else None
    if lemma in _REJECT_FAMILY:
        if lemma == "fail" and inner is None:
            return base.code, comp
        return ("REJECT", REFUSAL_CODES.get(inner_type or "", "120")), comp
    if lemma == "agree" and comp is not None and comp.dep_ == "ccomp":
        return ("AGREE", "019"), comp  # "agreed that there was an urgent need": accord
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    # "agree with the recommendation": concurring on an issue, no commitment (CAMEO 019)
    concur = "with" in preps and not preps & {"on", "to", "upon"}
    if lemma == "agree" and comp is None and concur and not any(c.dep_ == "dobj" for c in verb.children):
        return ("AGREE", "019"), comp
    if lemma in _AGREE_FAMILY and inner is not None:
        if inner_type in INTENT_CODES and inner_type in COOPERATIVE:
            return INTENT_CODES[inner_type], comp
        if lemma in _VOWS and inner_type in INTENT_CODES:
            return INTENT_CODES[inner_type], comp  # "vowed to crush the rebels": a threat (CAMEO 13)
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
    used: set[int] = set()  # trigger nouns already coded with their verb
    for verb in sent:
        if verb.i in consumed:
            continue
        # Most tokens can trigger nothing: `_base_trigger` takes only verbs (and a noun at
        # the root), the "fail to" rule a form of "fail", and `_must_request` and
        # `_ruled_out` only a clausal complement. Skipping the rest before the (pure)
        # checks below saves most of the loop's time and changes no result.
        pos = verb.pos_
        if (
            pos not in ("VERB", "AUX")
            and not (pos == "NOUN" and verb.dep_ == "ROOT")
            and verb.dep_ != "ccomp"
            and verb.lemma_.casefold() != "fail"
        ):
            continue
        if _hypothetical(verb):
            continue  # "... unless the rebels agree to a ceasefire": a condition, no event
        if _description(verb):
            continue  # "a man accused of theft", "the countries invited to the summit"
        if _question(verb):
            continue  # "unclear whether the two leaders will meet": a question, not a report
        if _purpose_of_event(verb):
            continue  # "provided 6 million euros to support refugees": the aid is the event
        if _wished(verb) or _content_of_noun(verb):
            continue  # "hopes Japan will persuade ...", "a plea to the Taliban to talk": no event
        base = _base_trigger(verb)
        if base is None and verb.lemma_.casefold() == "fail":
            # "failed to reach agreement": the failed act, refused (coded by _control_code)
            comp = _complement(verb)
            inner = _base_trigger(comp) if comp is not None else None
            if inner is not None and inner.code[0] in COOPERATIVE:
                base = _Trigger(inner.code, (verb, *inner.tokens[1:]), inner.noun)
        must = _must_request(verb) or _ruled_out(verb)
        if base is None and must is None:
            continue
        if must is not None:
            base = must  # a reported "X must do Y" is a demand on X, whatever Y is
        assert base is not None
        used.update(t.i for t in base.tokens)
        # "halt fighting": the stopped act is part of this trigger, not an event of its own
        consumed.update(t.i for t in base.tokens[1:] if t.pos_ in ("VERB", "AUX"))
        code = base.code
        if _lemma(verb) in CONTROL_VERBS | {"fail"}:
            code, comp = _control_code(verb, base)
            if comp is not None:
                consumed.add(comp.i)
                inner = _base_trigger(comp)
                if inner is not None:  # "agreed to halt fighting": "fighting" is inside the act
                    consumed.update(t.i for t in inner.tokens[1:] if t.pos_ in ("VERB", "AUX"))
                # "agreed to lift sanctions and provide guarantees": both are what was agreed
                consumed.update(c.i for c in comp.conjuncts if c.i > comp.i)
        elif verb.dep_ in ("xcomp", "ccomp") and _controls(verb.head):
            continue  # coded by the control verb
        modality, negated = _modality(verb)
        if negated and (code[0] == "REJECT" or _inability(verb)):
            continue  # "did not deny the report", "could not provide details": no act at all
        if must is not None and base is must:
            modality = "asserted"
        else:
            code, negated, modality = _apply_modality(code, negated, modality)
            if modality == "planned" and _considered(verb):
                code = (code[0], "014")  # "is considering sending aid": a policy option weighed

        subject, passive = _subject(verb, actors)
        source = _titled(subject, _actor(subject, actors), actors)
        pronoun = subject is not None and subject.lower_ in _PRONOUNS
        pair = None if passive else _pair(subject, actors)
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
            targets = _targets(verb, actors, passive)
            if source is None and not pronoun:
                source = _source_fallback(verb, subject, passive, actors)
            if source is None and passive and code[1].startswith("087") and subject is None:
                # "the guerrillas have been demobilized": armed men stood down (CAMEO 087)
                # are their own side's act; the one who stands down is the source
                stood_down = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                found = _actor(stood_down, actors, allow_pronoun=False)
                if stood_down is not None and found is not None and found.sector in ("MIL", "REB", "UAF"):
                    source, subject = found, stood_down
                    targets = [t for t in targets if t.i != stood_down.i]
        if source is None:
            continue
        # the trigger noun of a light verb is the act, not its target ("withdraw its troops")
        act = {
            t.i
            for n in base.tokens[1:]
            if _noun_group(n) not in _PATIENT_GROUPS  # "closed two newspapers": they are the target
            for t in (n, *n.conjuncts)
        }  # "artillery and rocket fire"
        targets = [t for t in targets if t.i not in act]
        if _lemma(verb) in _MOVE_VERBS and any(
            c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into", "from", "toward", "towards")
            for c in verb.children
        ):
            # "withdrew its peacekeepers from Djibouti", "deployed doctors to Sierra Leone":
            # what is moved is not the target; where it goes or leaves is
            moved = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
            targets = [t for t in targets if t.i not in moved] + [t for t in targets if t.i in moved]
        if _lemma(verb) in _MOVE_VERBS:
            # "will withdraw all its forces": one's own troops are what moves, not a target
            own = {
                t.i
                for c in verb.children
                if c.dep_ == "dobj" and (a := _actor(c, actors)) is not None and a.country == source.country
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
                    and t.head.lower_ in _SETTING_PREPS
                    and t.head.head.i in {b.i for b in base.tokens}  # the verb or its trigger noun
                )
            ]
        target_actors = _target_actors(targets, subject, source, actors, code)
        if code[0] == "MOBILIZE":
            # "Britain mobilized army reservists": the forces moved are the source's own
            target_actors = [a for a in target_actors if not _own_forces(a, source)]
        if pair is not None and code[0] in _RECIPROCAL and not any(a.id == pair[1].id for a in target_actors):
            target_actors = [pair[1]]  # "the two leaders met": one with the other
        if not target_actors and not (must is not None and base is must):
            # No target in the verb's own arguments: an actor elsewhere under the verb
            # ("fired shells at targets in Jericho", "sanctions against Nigeria").
            found = None
            # an intent to yield ("agreed to resign without returning to X") has no target
            own_only = code[0] in _OWN_ARGUMENTS_ONLY or code[1] == "035"
            if not own_only:
                found = _subtree_actor(verb, actors, _excluded(verb, subject), source, code[0] in _HOSTILE)
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
                found = _subtree_actor(node, actors, _excluded(node, subject), source, code[0] in _HOSTILE)
            if found is not None:
                target_actors = [found]
        code = _verbal_refine(verb, code, target_actors)
        rioting = (
            verb.dep_ in ("advcl", "conj") and (_base_trigger(verb.head) or _NO_TRIGGER).code[0] == "PROTEST"
        )
        if code[0] == "ASSAULT" and rioting:
            code = ("PROTEST", "145")  # "rioted, setting fire to mattresses": how they rioted
        elif subject is not None and subject.lemma_.casefold() in _CROWDS:  # the agent of a passive too
            # protesters who fight, burn or occupy riot or sit in (CAMEO 145, 141)
            if code[0] == "ASSAULT":
                code = ("PROTEST", "145")
            elif code[1].startswith(("171", "192")):
                code = ("PROTEST", "141")
        source = _resident(source, subject, verb, actors)
        if code[1] == "144" and source.sector in _STATE_FORCE:
            continue  # police closing a road enforce order; only others block roads in protest
        if not target_actors and not _self_contained(code) and not _names_content(verb, base, code):
            continue
        if code == ("SANCTION", "166") and target_actors and target_actors[0].sector in _PEOPLE:
            code = ("ASSAULT", "201")  # forcing people from their homes is mass expulsion
        if (code[0] == "MOBILIZE" or code == ("CONSULT", "042")) and _peacekeeping(verb):
            code = ("AID", "074")  # troops sent or arriving to keep the peace protect
        elif code[0] == "MOBILIZE" and _civil_deployment(verb):
            code = ("AID", "070")  # "deployed rescue teams", "sent doctors": help, not force
        if code[0] == "THREATEN" and _prepares(verb):
            code = ("MOBILIZE", "152")  # "prepared to resume shelling": a raised military alert
        if (modality == "planned" or code[0] == "THREATEN") and code[0] != "REQUEST" and _conditional(verb):
            # "will withdraw its force unless ..." states a condition: a threat (CAMEO 13)
            code = ("THREATEN", code[1] if code[0] == "THREATEN" else "130")
        events.extend(
            _emit(
                sent,
                article,
                code,
                base,
                verb,
                source,
                target_actors,
                negated=negated,
                modality=modality,
                pronoun=pronoun,
                background=_background(verb),
            )
        )
    events.extend(_nominal_events(sent, article, actors, used))
    return events


def _emit(
    sent: Span,
    article: Article,
    code: Code,
    base: _Trigger,
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


def _target_actors(
    targets: list[Token],
    subject: Token | None,
    source: Actor,
    actors: ArticleActors,
    code: Code | None = None,
) -> list[Actor]:
    """The first candidate that is an actor, with its conjuncts; else a reciprocal co-subject.

    Conjuncts of the target are targets too ("defended Iraq and Libya"), other candidates
    are not ("King Abdullah", not "Jordan"). "Moon and Kim agreed" is reciprocal: the first
    conjunct acts on the second.
    """
    out: list[Actor] = []
    # "Ruto and Abiy arrived in Nairobi": co-subjects act on each other only in joint acts
    # (meeting, agreeing, working together), not when they travel or attack side by side
    joint = code is None or (code[0] in _RECIPROCAL and code[1] not in _VISIT_CODES)
    co_tokens = _co_subjects(subject) if joint else []
    co_subjects = [a for a in (_actor(c, actors) for c in co_tokens) if a]
    for tok in targets:
        if _medium(tok):
            continue
        actor = _actor(tok, actors)
        if actor is None and tok.pos_ == "NOUN":
            # "a camp for Congolese refugees", "a village in western Cambodia": the people or
            # place the thing belongs to
            actor = next(
                (
                    found
                    for prep in tok.children
                    if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "in")
                    for pobj in prep.children
                    if pobj.dep_ == "pobj" and (found := _actor(pobj, actors)) is not None
                ),
                None,
            )
        if actor is None or actor.id == source.id:
            continue
        if co_subjects and tok.dep_ == "pobj" and tok.head.lower_ in _SETTING_PREPS:
            # "Biden and Putin met in Geneva": the place is the setting, the co-subject the target
            continue
        out.append(actor)
        for conj in tok.conjuncts:
            other = _actor(conj, actors)
            if other is not None and other.id not in {a.id for a in out} | {source.id}:
                out.append(other)
        break
    if not out and subject is not None:
        for conj in co_tokens:
            actor = _actor(conj, actors)
            if actor is not None and actor.id != source.id:
                out.append(actor)
                break
    return out


def _medium(token: Token) -> bool:
    """True for the channel of a statement: "warned on Twitter", "said in an interview"."""
    return (
        token.dep_ == "pobj" and token.head.lower_ in _MEDIUM_PREPS and token.lemma_.casefold() in MEDIA_WORDS
    )


def _co_subjects(subject: Token | None) -> list[Token]:
    """The other subjects of a verb: conjuncts ("Moon and Kim"), or a headline's comma list.

    Headlines join subjects with a comma ("Biden, Putin meet in Geneva"), which the parser
    reads as a second subject or a loose dependent before the verb.
    """
    if subject is None:
        return []
    # the later conjuncts: a subject read out of a fronted phrase has earlier ones that are not
    out = [c for c in subject.conjuncts if c.i > subject.i]
    head = subject.head
    if subject.dep_ in ("nsubj", "nsubjpass") and head.i != subject.i:
        out.extend(
            c
            for c in head.children
            if c.i != subject.i
            and c.dep_ in ("nsubj", "dep")
            and c.i < head.i
            and c.pos_ in ("PROPN", "NOUN")
        )
    return out


def _excluded(verb: Token, subject: Token | None) -> set[int]:
    """Tokens under `verb` that cannot hold its target: the subject, reported-speech frames, sources."""
    out: set[int] = set()
    if subject is not None:
        out.update(t.i for t in subject.subtree)
    # "established ties with and opened an embassy in Tehran": a preposition left without its
    # object shares the joined clause's, so that clause stays open to the search
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    dangling = any(
        c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for h in heads
        for c in h.children
    )
    for child in verb.children:
        frame = child.dep_ in ("parataxis", "ccomp", "advcl") and child.lemma_.casefold() in SPEECH_VERBS
        # "... resigned as the opposition threatened to storm his residence"
        other = (
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _OTHER_CLAUSE_MARKS for c in child.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        )
        # "the Cabinet met Sunday and decided to bar Hamas": a joined clause is another act
        joined = child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and not dangling
        frame = frame or other or joined
        according = child.dep_ == "prep" and child.lower_ in ("according", "per")
        if frame or according or child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            out.update(t.i for t in child.subtree)
    # "a hearing into techniques used against detainees": whom a thing was used against
    # is the object of that other act, not of this verb; its doer ("crimes committed by
    # Croat forces", "a bill signed by the minister") may well be, so the agent stays
    for tok in verb.subtree:
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i != verb.i and tok.head.dep_ == "pobj":
            doer = {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}
            out.update(t.i for t in tok.subtree if t.i not in doer)
    return out


def _own_forces(actor: Actor, source: Actor) -> bool:
    """True when `actor` is the armed forces of the source's own country."""
    return actor.country is not None and actor.country == source.country and actor.sector in ("MIL", "COP")


def _subtree_actor(
    verb: Token, actors: ArticleActors, excluded: set[int], source: Actor, aimed: bool = False
) -> Actor | None:
    """The nearest actor under `verb`, after it first, that is not the source.

    With `aimed` (a hostile act), an actor in a phrase that says where the act is aimed
    ("fired artillery against guerrilla camps", "rockets at Sderot") comes first: the
    object of such a verb is often the weapon, not the target.
    """
    after: list[Token] = []
    before: list[Token] = []
    for tok in verb.subtree:
        if tok.i in excluded or tok.i == verb.i:
            continue
        (after if tok.i > verb.i else before).append(tok)
    if aimed:
        aimed_at = {
            t.i
            for prep in verb.subtree
            if prep.dep_ == "prep" and prep.lower_ in _AIM_PREPS and prep.i not in excluded
            for t in prep.subtree
        }
        for tok in after:
            actor = actors.by_token.get(tok.i) if tok.i in aimed_at else None
            if actor is not None and actor.id != source.id and tok.lower_ not in _PRONOUNS:
                return actor
    for tok in [*after, *reversed(before)]:
        actor = actors.by_token.get(tok.i)
        if actor is not None and actor.id != source.id and tok.lower_ not in _PRONOUNS:
            return actor
    return None


def _source_fallback(
    verb: Token, subject: Token | None, passive: bool, actors: ArticleActors
) -> Actor | None:
    """A source when the subject is no actor: an actor inside it, or the place of a passive.

    "Doctors from two American aid groups donated ..." -> the aid groups; "a missionary was
    arrested in Lebanon" -> Lebanon (news names the state by the place where it acts).
    """
    if subject is not None:
        # the verb's own phrase is no part of its doer: in "an attempt to assassinate the
        # governor", the governor is the one attacked
        own = {t.i for t in verb.subtree} if verb.i > subject.i and verb.head.i == subject.i else set()
        for tok in sorted(subject.subtree, key=lambda t: (abs(t.i - subject.i), t.i)):
            actor = actors.by_token.get(tok.i) if tok.i not in own else None
            if actor is not None:
                return actor
        if own and subject.dep_ == "nsubjpass" and subject.head.i != subject.i:
            # "an attempt to kill X was foiled in Y": the unnamed doer is known by the place
            return _source_fallback(subject.head, None, True, actors)
        owner = own and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in subject.children
        )
        if owner and subject.dep_ in ("dobj", "pobj"):
            # "X reiterated its commitment to support Y", "X stepped up its campaign to
            # retake Z": the owner of the intent is the subject of the clause it stands in
            governor = subject.head.head if subject.dep_ == "pobj" else subject.head
            if _base_trigger(governor) is not None:
                return None  # "supports its decision to expel": whose decision is open
            clause_subject, clause_passive = _subject(governor, actors)
            if not clause_passive and clause_subject is not None and clause_subject.i not in own:
                return _actor(clause_subject, actors)
    if not passive:
        return None
    target_side = {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
    # "was put under investigation in Italy": the place may hang on the state's act noun
    under = [g for c in verb.children if c.lower_ == "under" for p in c.children for g in p.children]
    for child in [*verb.children, *under]:
        if child.dep_ in ("agent", "prep") and child.lower_ in (
            "by",
            "in",
            "at",
            "outside",
            "near",
            "inside",
        ):
            for tok in child.subtree:
                actor = actors.by_token.get(tok.i)
                if actor is not None and tok.i not in target_side:
                    return actor
    return None


def _hypothetical(verb: Token) -> bool:
    """True inside an "if"/"unless" clause (a condition, not a report)."""
    node = verb
    for _ in range(4):
        if node.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in node.children
        ):
            return True
        if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _question(verb: Token) -> bool:
    """True inside an embedded question ("unclear whether the two leaders will meet")."""
    node = verb
    for _ in range(3):
        if any(m.dep_ == "mark" and m.lower_ == "whether" for m in node.children):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _description(verb: Token) -> bool:
    """True for a participle that describes a noun without saying who did it.

    "a man accused of theft", "the countries invited to the summit": what the noun went
    through is background to the sentence, not an act it reports. With its doer named
    ("the man arrested by police") it is an act.
    """
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ != "ROOT"
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _conditional(verb: Token) -> bool:
    """True when the clause sets a condition: "... unless Baghdad accepts", "... if Hamas runs"."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "advcl" and any(
                m.lower_ == "unless" for m in child.children if m.dep_ == "mark"
            ):
                return True
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _nominal_events(sent: Span, article: Article, actors: ArticleActors, used: set[int]) -> list[Event]:
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
        if code is None or not _event_position(noun):
            continue
        code = _nominal_refine(noun, code)
        if code is None:
            continue
        if code[0] == "MOBILIZE" and (
            _peacekeeping(noun) or (noun.dep_ == "dobj" and _peacekeeping(noun.head))
        ):
            code = ("AID", "074")  # "the deployment of troops on a peacekeeping mission"
        source: Actor | None = None
        pronoun = False
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ not in ("his", "her", "its", "their", "our", "my"):
                source = actors.actor_at(child)
                pronoun = source is None
        for prep in noun.children:
            # "a car bombing by the Islamic State group": the agent of the act
            if source is None and prep.dep_ == "prep" and prep.lower_ == "by":
                source = next((actors.actor_at(c) for c in prep.children if c.dep_ == "pobj"), None)
        own = actors.by_token.get(noun.i)
        if source is None and own is not None and own.name.casefold() != noun.text.casefold():
            source = own  # "Palestinian riots": the noun phrase itself carries the country
        pair: list[Token] = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    pair = [pobj, *pobj.conjuncts]
        if source is None and len(pair) >= 2:
            source = _actor(pair[0], actors)  # "talks between him and Putin": him is resolved
            pair = pair[1:]
        head = noun.head
        coordinated: tuple[Actor, Actor] | None = None
        if source is None and noun.dep_ in ("dobj", "pobj", "attr") and not pronoun:
            verb = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
            # a support verb lends its subject ("staged demonstrations"); a trigger verb does
            # not ("condemned the attack": the attacker is not the one who condemns)
            support = _base_trigger(verb) is None
            if verb.pos_ in ("VERB", "AUX") and support:
                subject, passive = _subject(verb, actors)
                if not passive:
                    source = _actor(subject, actors)
                    coordinated = _coordinated_pair(subject, actors)
                    if source is None and subject is not None and subject.lower_ not in _PRONOUNS:
                        source = _source_fallback(verb, subject, False, actors)
        if source is None:
            continue
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
        targets = _target_actors(candidates, None, source, actors)
        if coordinated is not None and code[0] in _RECIPROCAL and not pair:
            # "U.S. and Russian negotiators return for talks": one side with the other
            targets = [coordinated[1]]
        if not targets:
            found = _subtree_actor(noun, actors, set(), source)
            targets = [found] if found is not None else []
        if not targets and noun.dep_ == "dobj" and code[0] == "PROTEST":
            # "staged demonstrations to demand reforms by Suharto's government": whom the
            # protest addresses is in its purpose clause
            for purpose in noun.head.children:
                if purpose.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in purpose.children):
                    found = _subtree_actor(purpose, actors, set(), source)
                    targets = [found] if found is not None else []
                    break
        if not targets and not _self_contained(code):
            continue
        trigger = _Trigger(code, (noun,), noun)
        modality, negated = _modality(noun.head) if noun.head.pos_ == "VERB" else ("asserted", False)
        code, negated, modality = _apply_modality(code, negated, modality)
        out.extend(
            _emit(
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
            )
        )
    return out


# Prepositions that say what an act is about or aimed at, not where or when it happened.
_CONTENT_PREPS = frozenset(
    {"against", "with", "to", "into", "over", "about", "of", "from", "toward", "towards"}
)


def _names_content(verb: Token, base: _Trigger, code: Code) -> bool:
    """True when an act that needs no recipient names what it is about.

    "launched an investigation", "rejected accusations of genocide", "will not lift the
    embargo" are events without a target; "complained loudly" is too vague to code.
    """
    if code[0] not in NO_RECIPIENT:
        return False
    if len(base.tokens) > 1:
        return True  # a light verb with its trigger noun
    return any(
        c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "dative")
        or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS)
        for c in verb.children
    )


def _self_contained(code: Code) -> bool:
    """True for events that need no target: by type, or by CAMEO code."""
    return code[0] in SELF_CONTAINED or code[1] in SELF_CONTAINED_CODES


def _event_position(noun: Token) -> bool:
    """True when a noun stands where a sentence reports an event, not a topic.

    "Palestinian riots continued", "staged rallies", "converged for a rally" report one;
    "exchanged views on ways for cooperation" only names a topic.
    """
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "ROOT", "appos"):
        return True
    if noun.dep_ == "conj":
        return _event_position(noun.head)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.casefold() in _STATE_VERBS:
        return True  # "went on strike", "remained on alert"
    return (
        noun.dep_ == "pobj"
        and head.lower_ in ("in", "during", "for", "at", "into", "with", "after")
        and head.head.pos_ in ("VERB", "AUX")
    )


def _nominal_refine(noun: Token, code: Code) -> Code | None:
    """Nouns whose sense their modifiers decide: a hunger strike, an air strike, a general strike."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    if noun.lemma_.casefold() == "release" and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    ):
        return None  # "a press release"; a freeing is "the release of" someone
    if noun.lemma_.casefold() in ("attack", "assault", "raid") and (mods & _CYBER):
        return ("COERCE", "170")  # "a cyber attack on the ministry's servers"
    if noun.lemma_.casefold() == "strike":
        if "hunger" in mods:
            return ("PROTEST", "142")
        if mods & {"air", "missile", "drone", "military", "rocket", "artillery", "nuclear"}:
            return ("ASSAULT", "195")
        return ("PROTEST", "143")
    return code


def _verbal_refine(verb: Token, code: Code, targets: list[Actor]) -> Code:
    """CAMEO leaves that the verb's object decides.

    Denying charges is CAMEO 016 (deny responsibility) and declining to comment CAMEO 011;
    both stay PLOVER REJECT, as the PLOVER manual suggests for 016. Accepting refugees is
    granting asylum (AID 075), not agreement.
    """
    lemma = _lemma(verb)
    objects = {c.lemma_.casefold() for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")}
    asked = objects | {
        c.lemma_.casefold()
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for c in prep.children
        if c.dep_ == "pobj"
    }
    if code[0] == "REQUEST" and asked & _PUNISHMENTS:
        return ("ACCUSE", "111")  # "called for sanctions against Nigeria": a condemnation
    if code[0] == "RETREAT" and lemma in ("withdraw", "pull") and _peacekeeping(verb):
        # the PLOVER manual: withdrawing military aid or other assistance is SANCTION
        return ("SANCTION", "162")
    if code[0] == "REQUEST" and code[1] in ("020", "100") and asked & REFORM_NOUNS:
        return ("REQUEST", "024" if code[1] == "020" else "104")  # "called for reform"
    if code[0] == "REJECT" and lemma in _DENIALS and objects & _CHARGES:
        return ("REJECT", "016")  # "rejected accusations that ...": deny responsibility
    if code == ("AGREE", "030") and lemma == "accept" and objects & _DEMANDS:
        return ("CONCEDE", "080")  # accepting demands is yielding to them
    if code[0] == "REJECT" and lemma in ("decline", "refuse") and "comment" in objects:
        return ("REJECT", "011")
    taken_in = {
        t.lemma_.casefold() for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
    }
    if (
        code[0] == "AGREE"
        and lemma == "accept"
        and (taken_in & _REFUGEES or (targets and targets[0].sector == "REF"))
    ):
        return ("AID", "075")
    return code


def _wished(verb: Token) -> bool:
    """True inside what someone hopes or fears ("said he hopes Japan will persuade Biden")."""
    node = verb
    for _ in range(4):
        if node.dep_ in ("acl", "ccomp") and node.head.lemma_.casefold() in _EXPECTATION_NOUNS:
            return True  # "with hopes he will share", "concerns that the Kurds will release"
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
        if _lemma(node) in WISH_VERBS:
            return True
    return False


def _content_of_noun(verb: Token) -> bool:
    """True for an infinitive that spells out a plea, offer or plan ("a plea to X to talk")."""
    return (
        verb.dep_ == "acl"
        and verb.head.lemma_.casefold() in CONTENT_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _considered(verb: Token) -> bool:
    """True when the act is an option being weighed ("is considering sending aid")."""
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.casefold() in CONSIDER_VERBS:
            return True
    return False


def _civil_deployment(verb: Token) -> bool:
    """True when what is deployed are civilians: rescue teams, doctors, election observers."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            words = {t.lemma_.casefold() for t in child.subtree}
            if child.lemma_.casefold() in _CIVIL_TEAMS or (
                child.lemma_.casefold() == "team" and not words & {"military", "army", "combat", "special"}
            ):
                return True
            if words & {"rescue", "medical", "relief", "humanitarian"} and child.lemma_.casefold() != "troop":
                return True
    return False


def _background(verb: Token) -> bool:
    """True for a trigger that describes rather than reports.

    A participle on a noun ("the coalition fighting the rebels", "citizens abducted by the
    state") or a clause of time ("hours after police fired on protesters") sets the scene
    for the sentence's own news.
    """
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
        return True
    if verb.dep_ in ("advcl", "pcomp"):
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        if verb.dep_ == "pcomp" or verb.head.dep_ == "prep":
            marks.add(verb.head.lower_)
        return bool(marks & {"after", "before", "since", "when", "while", "as"})
    return False


def _peacekeeping(verb: Token) -> bool:
    """True when troops go to keep the peace: a peacekeeping force or mission in the clause."""
    return any(t.lower_.startswith("peacekeep") for t in verb.subtree)


def _purpose_of_event(verb: Token) -> bool:
    """True for an infinitive of purpose under a verb that is itself an event trigger."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return _base_trigger(verb.head) is not None


def _prepares(verb: Token) -> bool:
    """True when force is announced by preparing for it ("prepared to resume shelling")."""
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.casefold() in ("prepare", "ready", "poise", "gear"):
            return True
    return False


def _controls(head: Token) -> bool:
    """True when `head` is a control verb that codes its complement itself."""
    lemma = _lemma(head)
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


def _ruled_out(verb: Token) -> _Trigger | None:
    """A reported "Y is out of the question" rules Y out: the speaker refuses it (CAMEO 120)."""
    if verb.lemma_ != "be" or verb.dep_ != "ccomp" or verb.head.lemma_.casefold() not in SPEECH_VERBS:
        return None
    for out in verb.children:
        if out.dep_ == "prep" and out.lower_ == "out":
            for of in out.children:
                for question in of.children if of.lower_ == "of" else ():
                    if question.lower_ == "question":
                        words = (verb, out, of, *question.lefts, question)  # "is out of the question"
                        return _Trigger(("REJECT", "120"), words)
    return None


def must_source(verb: Token, actors: ArticleActors) -> Actor | None:
    """The speaker who says another actor must act: the subject of the verb of saying."""
    speaker = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _actor(speaker, actors, allow_pronoun=False)


def rule_events(doc: Doc, article: Article, actors: ArticleActors) -> list[Event]:
    """The rule coder's PLOVER events of one article, in text order; both source and target are actors.

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
