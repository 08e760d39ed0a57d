"""Find the actors of one parsed article.

Every noun phrase head is described from its parse: the proper-name run that ends at
it, the title words and country words in front of it ("South Korea's Deputy Foreign
Minister Choi Jong-kun"), an apposition ("Noh Kyu-duk, ... envoy") and a prepositional
phrase ("director-general ... at Tokyo's foreign ministry"). spaCy's entity labels are
used as hints only: its small model often tags a Korean surname as ORG or GPE, so a
capitalised run is enough, and an in-article registry of full names resolves surnames
("Choi") and role nouns ("his Japanese counterpart") in a second pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import pycountry
from spacy.tokens import Doc, Span, Token

from dateline.actors.lexicon import (
    ACT_NOUNS,
    COLLECTIVES,
    COMPASS_WORDS,
    COUNTRY_PREPS,
    GENERAL_OFFICES,
    GENERIC_ROLES,
    GROUP_MODIFIERS,
    GROUP_NOUNS,
    GROUPS,
    MULTINATIONAL_WORDS,
    NAME_PARTICLES,
    NOT_ACTORS,
    ORG_HEAD_SECTORS,
    OWNER_WORDS,
    PERSON_ROLES,
    RELATION_NOUNS,
    SECTOR_NOUNS,
    TITLE_WORDS,
)
from dateline.actors.officeholders import Office, offices
from dateline.actors.overrides import Overrides, override_for
from dateline.actors.registry import Registry, lookup_name, lookup_part
from dateline.model import Actor, Article, Mention, name_key, without_accents
from dateline.place.countries import country_name, locate
from dateline.place.countries import lookup as _exact_lookup

# Dependency labels that glue a token into the name it modifies.
_NAME_DEPS = frozenset({"compound", "flat", "nmod"})
# Entity labels that are never actors.
_NON_ACTOR_ENTS = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "LANGUAGE",
        "PRODUCT",
    }
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"})
# A named person's own prepositional phrase gives a country only by origin ("of", "from").
_PERSON_PREPS = frozenset({"of", "from"})


@dataclass(frozen=True)
class ArticleActors:
    """The actor mentions of one article, and a map from parse tokens to actors."""

    mentions: tuple[Mention, ...]
    by_token: Mapping[int, Actor] = field(default_factory=dict, repr=False, compare=False)

    def actor_at(self, item: Token | Span) -> Actor | None:
        """The actor that a token (or a span's root) belongs to, or None.

        A token inside a name ("Noh" in "Noh Kyu-duk") climbs to the head of its name.
        """
        token = item.root if isinstance(item, Span) else item
        seen = 0
        while seen < 6:
            actor = self.by_token.get(token.i)
            if actor is not None:
                return actor
            if token.dep_ not in _NAME_DEPS and not (token.dep_ == "punct" and token.tag_ == "HYPH"):
                return None
            if token.head.i == token.i:
                return None
            token = token.head
            seen += 1
        return None


@dataclass
class _Draft:
    """What one noun-phrase head says about its actor before coreference."""

    head: Token
    start: int  # token span of the mention
    end: int
    kind: str  # person | country | group | org | role
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    resolved: Actor | None = None


# ---------------------------------------------------------------- countries


@cache
def _one_word_countries() -> dict[str, str]:
    """Single-word country names (lower-cased) -> ISO3, the targets of spelling repair."""
    out: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and value.isalpha():
                out[value.casefold()] = country.alpha_3
    return out


@cache
def _repair_targets() -> dict[str, tuple[str, ...]]:
    """First letter -> the single-word country names (lower-cased) that start with it."""
    out: dict[str, list[str]] = {}
    for key in _one_word_countries():
        out.setdefault(key[0], []).append(key)
    return {first: tuple(keys) for first, keys in out.items()}


def _may_repair(folded: str) -> bool:
    """True when some country name of the same first letter is close enough to `folded`.

    The repair keeps only same-first-letter matches, so when none of those passes
    `difflib.get_close_matches`'s own tests (the same three, in its order and orientation)
    the full search over every name would find nothing usable and is skipped.
    """
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(folded)
    for target in _repair_targets().get(folded[:1], ()):
        matcher.set_seq1(target)
        if matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9:
            return True
    return False


# Asked for every capitalised name of every article: bounded, as news names are open-ended
# (unbounded, it grew with every name a long ingest had seen).
@lru_cache(maxsize=1 << 16)
def lookup(name: str) -> tuple[str, str] | None:
    """Country lookup that also forgives a one-letter slip in a long country name.

    Wire copy misspells country names ("Afganistan", "Quatar"); a capitalised word of six
    letters or more, unknown as it stands, that is one edit from a single-word country name
    (same first letter, similarity >= 0.9) is taken as that country.
    """
    hit = _exact_lookup(name)
    first, _, rest = name.partition(" ")
    if hit is None and rest and first.casefold() in COMPASS_WORDS:
        # "Western Cambodia": a region named by compass and country is in that country
        # (a name that is itself a country, "Western Sahara", was found above)
        found = _exact_lookup(rest)
        return (found[0], "country") if found is not None and found[1] == "country" else None
    if hit is not None or len(name) < 6 or not name.isalpha() or not name[0].isupper():
        return hit
    if not _may_repair(name.casefold()) or len(name[0].casefold()) != 1:
        return None  # no candidate: get_close_matches would find none that passes below
    names = _one_word_countries()
    close = difflib.get_close_matches(name.casefold(), names, n=2, cutoff=0.9)
    close = [c for c in close if c[0] == name[0].casefold()]
    if len(close) != 1:
        return None  # no match, or two equally close: no guess
    return names[close[0]], "country"


# ---------------------------------------------------------------- officeholders


# Countries whose names put the family name first, as English-language news keeps it.
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "MNG", "KHM"})


_Held = tuple[str, str | None, str, str]  # (person, country, sector, title)


@cache
def _office_index() -> tuple[dict[str, tuple[Office, ...]], dict[str, set[str]]]:
    """(full or alias name -> the person's terms, surname -> persons)."""
    full: dict[str, list[Office]] = {}
    parts: dict[str, set[str]] = {}
    for office in offices():
        for name in office.names:
            full.setdefault(without_accents(name).casefold(), []).append(office)
            words = re.findall(r"[A-Za-z]+", without_accents(name))
            if len(words) >= 2:
                # News names a person by surname: the last word, or the first where the
                # family name comes first (Xi Jinping, Moon Jae-in). A given name alone
                # ("Mr. Ahmed", "Ali") is someone else far more often than the officeholder.
                first = office.country in _FAMILY_NAME_FIRST
                for word in (words[0], words[-1]) if first else (words[-1],):
                    parts.setdefault(word.casefold(), set()).add(office.person)
    return {name: tuple(terms) for name, terms in full.items()}, parts


def _office(name: str, on: str | None = None) -> _Held | None:
    """The office a named officeholder held on the date `on` (ISO; None: undated).

    One person holds several offices in turn, of other sectors or bodies (a defence
    minister who becomes President of the European Commission): a dated article takes
    the term that held on its day, or the nearest one; an undated text the term listed first.
    """
    terms = _office_index()[0].get(without_accents(name).casefold())
    if not terms and "." in name:
        # a middle initial is often left out: "Donald J. Trump" is "Donald Trump"
        terms = _office_index()[0].get(re.sub(r"\s[A-Z]\.(?=\s)", "", without_accents(name)).casefold())
    words = without_accents(name).split()
    if not terms and len(words) == 2:
        # East Asian names are written in either order ("Kishida Fumio", "Fumio Kishida")
        reversed_terms = _office_index()[0].get(f"{words[1]} {words[0]}".casefold(), ())
        terms = tuple(t for t in reversed_terms if t.country in _FAMILY_NAME_FIRST | {"JPN"})
    if not terms:
        return None
    day = _as_day(on)
    best = terms[0]
    if day is not None and len(terms) > 1:
        best = min(terms, key=lambda term: _days_outside(term, day))
    return best.person, best.country, best.sector, best.title


def _as_day(on: str | None) -> dt.date | None:
    """An ISO date (or its year-month / year prefix) as a day; None when unreadable."""
    if not on:
        return None
    parts = on[:10].split("-")
    try:
        return dt.date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        )
    except (ValueError, IndexError):
        return None


def _days_outside(term: Office, day: dt.date) -> int:
    """How many days `day` lies outside a term (0 inside it)."""
    if day < term.start:
        return (term.start - day).days
    if term.end is not None and day >= term.end:
        return (day - term.end).days + 1
    return 0


@cache
def _surnames() -> dict[str, set[str]]:
    """Surname (the last word of an officeholder's name) -> the persons who bear it."""
    out: dict[str, set[str]] = {}
    for office in offices():
        words = re.findall(r"[A-Za-z]+", office.person)
        if len(words) >= 2:
            out.setdefault(words[-1].casefold(), set()).add(office.person)
    return out


def _officeholder_surname(token: Token) -> bool:
    """True for a capitalised word that is the surname of exactly one officeholder ("Trump").

    News names heads of state and ministers by surname alone; the tagger often reads a
    sentence-initial surname as a common noun.
    """
    return _is_cap(token) and len(_surnames().get(token.lower_, ())) == 1


# ---------------------------------------------------------------- phrase analysis


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper()


def _name_run(head: Token) -> list[Token]:
    """The capitalised run of tokens ending at `head` inside its phrase.

    Hyphenated name parts ("Jong-un", "President-elect") are kept; "'s" ends the run.
    """
    if not (_is_cap(head) or _after_hyphen(head)):
        return []
    run = [head]
    i = head.i - 1
    doc = head.doc
    while i >= 0:
        tok = doc[i]
        if tok.tag_ == "POS" or tok.text in ("'s", "’s") or "\n" in tok.text_with_ws:
            break  # a name never runs across a line break (a headline above, a paragraph)
        if not _within(tok, head):
            break
        if _is_cap(tok) or tok.tag_ == "HYPH" or tok.text == "-" or _after_hyphen(tok) or tok.lower_ == "of":
            run.insert(0, tok)
            i -= 1
            continue
        if _name_particle(tok, run[0]):
            run.insert(0, tok)  # "Osama bin Laden", "Nawfal al-Akoub", "Lula da Silva"
            i -= 1
            continue
        break
    while run and (run[0].lower_ in ("of", "the", "a", "an") or run[0].text == "-"):
        run.pop(0)
    return run


def _name_particle(token: Token, after: Token) -> bool:
    """True for a lower-case particle inside a personal name ("bin", "al-", "da", "von").

    Arabic, Iberian, Dutch and German names keep such words in lower case between the
    capitalised parts; "al-" and "el-" are joined to the next part by a hyphen.
    """
    if token.lower_ not in NAME_PARTICLES or token.is_sent_start:
        return False
    if after.text == "-" and not token.whitespace_:
        return token.lower_ in ("al", "el")  # "al-Akoub"
    doc = token.doc
    # between two capitalised words: "Osama bin Laden", "Ursula von der Leyen"
    return (
        _is_cap(after)
        and token.i > 0
        and (_is_cap(doc[token.i - 1]) or doc[token.i - 1].lower_ in NAME_PARTICLES)
    )


def _after_hyphen(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_


def _within(token: Token, head: Token) -> bool:
    """True when `token` hangs (transitively) under `head`."""
    node = token
    for _ in range(8):
        if node.i == head.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _bare_name(run: list[Token]) -> list[Token]:
    """The run without leading title and country words.

    'Deputy Foreign Minister Choi Jong-kun' -> 'Choi Jong-kun'.
    """
    cut = 0
    for k, tok in enumerate(run):
        if tok.text == "-" or (_after_hyphen(tok) and tok.lower_ not in TITLE_WORDS):
            continue  # inside a hyphenated word: "Jong-un" (but "Attorney-General" is a title)
        if tok.lower_.strip(".") in TITLE_WORDS or _country_token(tok):
            cut = k + 1
            # "President-elect": the hyphenated tail belongs to the title
            while cut < len(run) and (run[cut].text == "-" or _after_hyphen(run[cut])):
                cut += 1
    bare = run[cut:]
    while bare and bare[0].text == "-":
        bare = bare[1:]
    return bare


def _country_token(tok: Token) -> bool:
    """A single token that names a country by itself or starts a multiword one."""
    if tok.ent_type_ == "PERSON":
        return False
    return lookup(tok.text) is not None or tok.lower_ in {"north", "south", "east", "west", "s.", "n."}


# The text of the doc being resolved. spaCy rebuilds `Doc.text` (and every span's text)
# from its tokens on each access, and the phrase rules ask for span texts tens of thousands
# of times per article; a slice of the doc's text is the same string, far cheaper.
# One slot, keyed by the doc itself (a strong reference, so the identity cannot be reused).
_doc_text: tuple[Doc, str] | None = None


def _text_of(doc: Doc) -> str:
    """`doc.text`, built once per doc."""
    global _doc_text
    slot = _doc_text  # read once: another thread may refill the slot meanwhile
    # the slot holds the doc itself, so no other object can share its id meanwhile
    if slot is None or id(slot[0]) != id(doc):
        slot = _doc_text = (doc, doc.text)
    return slot[1]


def _remember_text(doc: Doc, text: str) -> None:
    """Record `text` (known to equal `doc.text`) as the doc's text, sparing its rebuild."""
    global _doc_text
    _doc_text = (doc, text)


def _span_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens `start` to `end` (exclusive) of `doc`, as `doc[start:end].text` gives it."""
    last = doc[end - 1]
    return _text_of(doc)[doc[start].idx : last.idx + len(last.text)]


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    first, last = tokens[0], tokens[-1]
    return _text_of(first.doc)[first.idx : last.idx + len(last.text)]


def _countries_in(tokens: Iterable[Token]) -> list[tuple[str, str]]:
    """Countries named in a set of tokens, as (ISO3, kind), longest match first, in order."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    found: list[tuple[str, str]] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        # NER calls "Jordan" a person, but "Jordan's King" is the country
        # ... and "the Ugandan government": a demonym before a common noun is no person
        person = (
            tok.ent_type_ == "PERSON"
            and not (tok.dep_ == "poss" or _next_is_possessive(tok))
            and not (tok.head.pos_ == "NOUN" and not _is_cap(tok.head) and tok.head.i == tok.i + 1)
        )
        if not _is_cap(tok) or person or tok.tag_ == "POS":
            k += 1
            continue
        for n in (4, 3, 2, 1):
            window = toks[k : k + n]
            if len(window) < n or window[-1].i - window[0].i != n - 1:
                continue
            text = _text(window)
            hit = lookup(text)
            if hit:
                found.append(hit)
                k += n
                break
        else:
            k += 1
    return found


def _next_is_possessive(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS"


# a pure function of the name, asked again for every window of every phrase (bounded:
# news is open-ended)
@lru_cache(maxsize=1 << 16)
def _group_key(name: str) -> str:
    """The GROUPS key of a name: case-folded, dots and hyphens as spaces ("al-Qaeda" -> "al qaeda")."""
    return re.sub(r"\s+", " ", re.sub(r"[.\-]", " ", name).casefold()).strip()


def _name_start(tok: Token) -> bool:
    """True for a word that can start an organisation's name.

    Arabic names keep a lower-case article: "al-Qaeda", "al-Shabaab", "el-Nusra".
    """
    if _is_cap(tok):
        return True
    doc = tok.doc
    return tok.lower_ in ("al", "el") and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"


def _groups_in(tokens: list[Token]) -> tuple[str, tuple[str | None, str]] | None:
    """A known organisation named by a contiguous stretch of `tokens`, longest first."""
    toks = sorted(tokens, key=lambda t: t.i)
    # each token's index and whether it can start a name, read once rather than per window
    index = [t.i for t in toks]
    starts = [_name_start(t) for t in toks]
    if not any(starts):
        return None
    for n in (5, 4, 3, 2, 1):
        for k in range(0, len(toks) - n + 1):
            if index[k + n - 1] - index[k] != n - 1 or not starts[k]:
                continue
            window = toks[k : k + n]
            text = _text(window)
            key = _group_key(text)
            if key in GROUPS and (n > 1 or key not in {"who", "au", "ec", "un", "ira"} or window[0].is_upper):
                return text, GROUPS[key]
    return None


def _group_rightward(head: Token, first: Token) -> tuple[str, tuple[str | None, str], int] | None:
    """A known organisation whose name starts at `first` and runs right under `head`.

    Names with lower-case words ("Physicians for Human Rights", "Doctors Without
    Borders", "Save the Children") are parsed as a noun with a prepositional phrase, so
    the name run ending at the head misses them. Returns (name, group, end token index).
    """
    if not _name_start(first):
        return None  # every window starts at `first`
    doc = head.doc
    last = min(head.right_edge.i, first.i + 9)
    for end in range(last, first.i, -1):
        if not _is_cap(doc[end]):
            continue
        text = _span_text(doc, first.i, end + 1)
        key = _group_key(text)
        if key in GROUPS:
            return text, GROUPS[key], end + 1
    return None


def _left_part(head: Token) -> list[Token]:
    return [t for child in head.lefts for t in child.subtree]


def _prep_parts(head: Token, preps: frozenset[str] = COUNTRY_PREPS) -> list[Token]:
    """Tokens of short prepositional phrases hanging on `head` ("of Morocco", "at Tokyo's ministry")."""
    out: list[Token] = []
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.append(pobj)
                    out.extend(_left_part(pobj))
    return out


def _ethnic_home(head: Token, origin: str) -> str:
    """The country an "ethnic" group lives in; `origin` is the country its demonym names.

    Saying "ethnic Turks" or "ethnic Albanian guerrillas" marks a people apart from the
    state its name recalls: they are that people in another country. The place a clause
    on the phrase names ("operating in Macedonia") is that country; failing it, the
    nearest other country the sentence names.
    """
    if not any(t.lower_ == "ethnic" for t in _left_part(head)):
        return origin
    for clause in head.children:
        if clause.dep_ in ("acl", "relcl"):
            home = [
                c for c in _countries_in(_prep_parts(clause, frozenset({"in", "inside"}))) if c[0] != origin
            ]
            if home:
                return home[0][0]
    others: list[tuple[int, str]] = []
    for tok in head.sent:
        if _is_cap(tok) and tok.i != head.i and tok not in _left_part(head):
            found = lookup(tok.text)
            if found is not None and found[0] != origin and found[1] != "demonym":
                others.append((abs(tok.i - head.i), found[0]))
    return min(others)[1] if others else origin


# Sectors of armed bodies that name whose forces a "forces" phrase means.
_ARMED_BODIES = frozenset({"REB", "COP", "UAF", "SPY"})

# Sectors of the state; their people act abroad as often as at home.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "IGO", "NGO"})


def _where_in_sentence(head: Token) -> str | None:
    """The country of the place the sentence names with "in" ("... prisoners in Iraq").

    People outside the state (civilians, rebels, kidnappers, strikers) are where they
    are: a bare "hostage-takers" in a sentence set "in Iraq" are Iraq's. The place
    nearest the role noun wins.
    """
    for pobj in _prep_parts(head, frozenset({"from"})):
        # "a missionary from Calgary" says where the person comes from
        place = locate(pobj.text) if _is_cap(pobj) and pobj.dep_ == "pobj" else None
        if place is not None:
            return place[1]
    places: list[tuple[int, str]] = []
    for tok in head.sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "inside") and _is_cap(tok):
            found = _countries_in([*_left_part(tok), tok])
            if found:
                places.append((abs(tok.i - head.i), found[0][0]))
    return min(places)[1] if places else None


def _appos(head: Token) -> Token | None:
    return next((c for c in head.rights if c.dep_ == "appos"), None)


def _sector_of(tokens: Iterable[Token]) -> str | None:
    """The sector of the rightmost role/sector word among tokens (the one nearest the head)."""
    tokens = list(tokens)
    sector = None
    for tok in sorted(tokens, key=lambda t: t.i):
        lemma = tok.lemma_.casefold()
        if lemma == "general" and _after_office(tok):
            sector = "GOV"  # "Attorney General": a civilian office, not a rank
        elif lemma in SECTOR_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            sector = SECTOR_NOUNS[lemma]
        elif tok.lower_ in SECTOR_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            sector = SECTOR_NOUNS[tok.lower_]
    return sector


def _after_office(token: Token) -> bool:
    """True for "General" right after an office word ("Attorney General", "Secretary-General")."""
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.text == "-" and before.i > 0:
        before = before.nbor(-1)
    return before is not None and before.lower_ in GENERAL_OFFICES


def _pick_country(found: list[tuple[str, str]]) -> str | None:
    return found[0][0] if found else None


def _officeholder_country(tokens: list[Token]) -> str | None:
    """The country of the one officeholder a name modifier names ("the Bush administration")."""
    countries: set[str | None] = set()
    for tok in tokens:
        if not _is_cap(tok):
            continue
        for person in _office_index()[1].get(without_accents(tok.lower_), set()):
            office = _office(person)
            if office is not None:
                countries.add(office[1])
    return next(iter(countries)) if len(countries) == 1 else None


def _country_before_title(run: list[Token]) -> str | None:
    """The country named right before a titled name ("Kosovo Prime Minister Albin Kurti").

    A country word in front of a title is the title holder's country, even where the
    parser hangs it elsewhere (as a conjunct of the name before: "Vucic and Kosovo").
    """
    first = run[0]
    if first.i == 0 or first.lower_.strip(".") not in TITLE_WORDS:
        return None
    before = first.doc[first.i - 1]
    if not _is_cap(before) or before.whitespace_ == "":
        return None
    found = lookup(before.text)
    return found[0] if found is not None and found[1] in ("country", "demonym") else None


def _people_named(head: Token) -> bool:
    """True when a modifier of `head` names a people or region, not a country ("Tigrayan")."""
    return any(
        tok.dep_ in ("amod", "compound")
        and tok.ent_type_ == "NORP"
        and _is_cap(tok)
        and lookup(tok.text) is None
        and tok.lemma_.casefold() not in SECTOR_NOUNS
        for tok in head.lefts
    )


def _act_noun(head: Token) -> bool:
    """True for a noun that names an act, not a party to it, where the party is named
    apart or not at all: "Russia's invasion" (Russia is the actor), "joint military
    exercises" (no one). "An Armenian proposal" names its party by the adjective alone, so
    the phrase stands for Armenia."""
    if head.lemma_.casefold() not in ACT_NOUNS:
        return False
    if any(child.dep_ == "poss" for child in head.children):
        return True
    return not _countries_in(_left_part(head))


def _is_person_like(bare: list[Token], run: list[Token]) -> bool:
    words = [t for t in bare if t.text != "-"]
    if not words:
        return False
    if any(t.ent_type_ == "PERSON" for t in words):
        return True
    if _office(_text(bare)):
        return True
    if len(words) == 1 and _officeholder_surname(words[0]):
        return True
    # A titled capitalised name ("Minister Dubem Oniya") is a person even when NER missed it.
    titled = len(run) > len(bare) and any(
        t.lower_.strip(".") in TITLE_WORDS for t in run[: len(run) - len(bare)]
    )
    return titled and all(t.pos_ == "PROPN" or _after_hyphen(t) for t in words) and len(words) >= 2


def _sector_group(head: Token) -> _Draft | None:
    """An unnamed group whose modifier gives its sector: "the main Hutu rebel group" (REB),
    "a Kenyan human rights group" (KEN NGO), "militant networks" (REB).

    A known organisation in front ("the Islamic State group") is left to the name rules.
    """
    if head.lemma_.casefold() not in GROUP_NOUNS:
        return None
    left = _left_part(head)
    if _groups_in([t for t in left if t.dep_ in _NAME_DEPS]) is not None:
        return None
    appos = _appos(head)
    if appos is not None and _is_cap(appos):
        named = _describe(appos)
        if named is not None and named.kind == "group":
            return None  # "the militant group Hamas": the name says more than the noun
    sector = None
    for tok in sorted(left, key=lambda t: t.i):
        if tok.head.i != head.i or tok.dep_ not in ("compound", "amod", "nmod"):
            continue
        word = tok.lower_
        found = GROUP_MODIFIERS.get(word) or SECTOR_NOUNS.get(tok.lemma_.casefold()) or SECTOR_NOUNS.get(word)
        if found is not None and found != "GOV":
            sector = found  # the modifier nearest the head decides ("armed opposition group")
    if sector is None:
        return None
    country = _pick_country(_countries_in(left)) or _pick_country(
        _countries_in(_prep_parts(head, frozenset({"of", "in", "from"})))
    )
    start = min([t.i for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head.i])
    name = _text([t for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head])
    return _Draft(head, start, head.i + 1, "role", name, country, sector)


def _describe(head: Token) -> _Draft | None:
    """Describe the actor headed by `head`, or None when the phrase is no actor."""
    # this runs on nearly every token, most of which the first tests turn away: read the
    # token's attributes once (each read builds a Python string from spaCy's store)
    head_lemma = head.lemma_.casefold()
    head_pos = head.pos_
    if head_lemma in COLLECTIVES or head_pos == "NUM":
        # "a group of Moroccan diplomats", "thousands of Nigerians": the actor is the members
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                inner = _describe(pobj) if pobj is not None else None
                if inner is not None:
                    inner.start = min(inner.start, head.i)
                    inner.head = head
                    return inner
        grouped = _sector_group(head)
        if grouped is not None:
            return grouped
        # "the Islamic State group": a known organisation named in front of the collective
        if head_pos == "NUM" or _groups_in([t for t in _left_part(head) if t.dep_ in _NAME_DEPS]) is None:
            return None
    elif head_lemma in GROUP_NOUNS and not _is_cap(head):
        grouped = _sector_group(head)
        if grouped is not None:
            return grouped
    if (
        head_pos not in ("NOUN", "PROPN")
        and not (_is_cap(head) and head.tag_.startswith("NN"))
        # an all-capital acronym is a name whatever the tagger made of it ("USAID provided")
        and not (head.is_upper and head.is_alpha and len(head) > 1)
    ):
        return None
    if head.ent_type_ in _NON_ACTOR_ENTS or head.lower_ in _PRONOUNS:
        return None
    if head.lower_ in NOT_ACTORS and not _is_cap(head):
        return None
    run = _name_run(head)
    left = _own_left(head)
    appos = _appos(head)
    appos_part: list[Token] = []
    if appos is not None:
        appos_part = [appos, *_left_part(appos), *_prep_parts(appos)]
    preps = _prep_parts(head)
    start = min([t.i for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head.i])
    run_text = _text(run)

    # 1. a known organisation anywhere in the phrase's name or modifiers
    spelled = _group_rightward(head, run[0] if run else head)
    if spelled is not None and spelled[2] > head.i + 1:
        gname, (gcountry, gsector), end = spelled
        return _Draft(head, min(start, (run or [head])[0].i), end, "group", gname, gcountry, gsector)
    group = _groups_in(run) or _groups_in(
        [t for t in left if t.dep_ in _NAME_DEPS or t.dep_ == "poss" or t.tag_ == "HYPH"] + [head]
    )
    if group is None and head.lemma_.casefold() in RELATION_NOUNS:
        # "its European common market partners", "NATO allies": the members of a body
        # ("European" and "common" hang on the noun as adjectives) act as the body
        group = _groups_in([t for t in left if t.dep_ in (*_NAME_DEPS, "amod")])
    if group is not None and (head in run or head.lemma_.casefold() in SECTOR_NOUNS or not run):
        gname, (gcountry, gsector) = group
        # "a Hamas official", "a Taliban commander": a generic role keeps the group's sector
        own = None if head.lemma_.casefold() in GENERIC_ROLES else _sector_of([head])
        sector: str | None = gsector if gsector in ("IGO", "NGO") else (own or gsector)
        if gsector in _ARMED_BODIES and own == "MIL":
            sector = gsector  # "Houthi forces", "Hezbollah fighters": the group's own armed men
        name = run_text if head in run and len(run_text) > len(gname) else gname
        bare = _bare_name(run) if head in run else []
        titled = len(bare) < len(run) and len([t for t in bare if t.text != "-"]) >= 2
        if titled and gname not in _text(bare) and _is_person_like(bare, run):
            # "UN Secretary-General Antonio Guterres", "Hamas leader Ismail Haniyeh": a
            # titled person of the organisation, who acts for it
            return _Draft(
                head,
                start,
                head.i + 1,
                "person",
                _text(bare),
                gcountry,
                gsector,
                _text(run[: len(run) - len(bare)]),
            )
        return _Draft(head, start, head.i + 1, "group", name, gcountry, sector)

    # 2. the head names a country or capital itself ("South Korea", "Seoul", "Palestinians")
    if run:
        hit = lookup(run_text) or lookup(_text(_bare_name(run)) or run_text)
        if hit is None and head.ent_type_ in ("GPE", "NORP", ""):
            hit = lookup(head.text)
        # "Democratic People's Republic of Korea": a name with a possessive inside
        whole = head.doc[head.left_edge.i : head.i + 1]
        while len(whole) > 1 and whole[0].dep_ == "det":
            whole = whole[1:]
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if "'s" in whole.text and whole[0].is_title and of is not None:
            longer = head.doc[whole.start : of.right_edge.i + 1]
            found = lookup(longer.text)
            if found is not None:  # the longer name wins over "Republic of Korea"
                hit, run, run_text = found, list(whole), whole.text
        if hit is None and "'s" in whole.text and whole[0].is_title:
            hit = lookup(whole.text)
            if hit is not None:
                run = list(whole)
                run_text = whole.text
        if hit is not None and (head.ent_type_ != "PERSON" or hit[1] != "capital"):
            iso3, kind = hit
            sector = "GOV" if kind == "capital" else None
            if kind == "demonym" and head.tag_ in ("NNS", "NNPS"):
                # "ethnic Albanians in south Serbia": a people is coded by where it lives
                home = _countries_in(_prep_parts(head, frozenset({"in", "of"})))
                iso3 = home[0][0] if home else _ethnic_home(head, iso3)
            # "US", "U.S." and "the United States" are one actor: an abbreviated country
            # takes its common name (full names keep their words: "Britain", "Soviet Union")
            abbreviated = len(run_text) <= 6 and run_text.replace(".", "").isupper()
            name = country_name(iso3) if kind == "country" and abbreviated else run_text
            return _Draft(head, run[0].i, head.i + 1, "country", name, iso3, sector)
        if hit is None and head.tag_ in ("NNS", "NNPS") and (lookup(head.text) or ("", ""))[1] == "demonym":
            # "Bosnian Serbs": the people of one country living in another, coded by the latter
            home = [c for c in _countries_in([t for t in run if t.i != head.i]) if c[1] == "demonym"]
            # the tagger may read "Bosnian Serbs" as a person's name: look the words up alone
            home = home or [
                found
                for t in run
                if t.i != head.i and (found := lookup(t.text)) is not None and found[1] == "demonym"
            ]
            if home:
                return _Draft(head, run[0].i, head.i + 1, "country", run_text, home[0][0], None)
        # after "in", a name the tagger took for an organisation is as often a town
        # ("thwarted in Khanty-Mansiysk"): the preposition says place
        located = (
            head.dep_ == "pobj"
            and head.head.lower_ in ("in", "near", "outside")
            and head.ent_type_ != "PERSON"
        )
        if (head.ent_type_ == "GPE" or located) and _groups_in(run) is None:
            # a town or region the gazetteer knows ("Jericho", "Mosul"): news codes the
            # place of an attack or protest as an actor of its country
            place = locate(_text(_bare_name(run)) or run_text)
            if place is not None:
                return _Draft(head, run[0].i, head.i + 1, "country", run_text, place[1], None)
    elif head.pos_ == "NOUN" and head.tag_ == "NNS":
        hit = lookup(head.text)  # "the Palestinians" in lower-case parse noise
        if hit and hit[1] == "demonym" and _is_cap(head):
            return _Draft(head, head.i, head.i + 1, "country", head.text, hit[0], None)

    context_countries = _countries_in(
        [t for t in left if t not in run] + [t for t in run if t not in _bare_name(run)]
    )
    lemma = head.lemma_.casefold()

    # 3. a person's name, possibly with title and country in front
    bare = _bare_name(run)
    if bare and head in bare and _is_person_like(bare, run):
        prefix = [t for t in run if t not in bare] + left
        # "King Hassan of Morocco" is of Morocco; "Biegun in Seoul" is only there
        own_preps = _prep_parts(head, _PERSON_PREPS)
        # the country in the person's own title is nearer than any word further left
        # ("Netanyahu and UAE Crown Prince Mohammed bin Zayed" is of the UAE)
        country = (
            _pick_country(_countries_in([t for t in run if t not in bare]))
            or _pick_country(context_countries)
            or _pick_country(_countries_in(appos_part + own_preps))
            or _country_before_title(run)
        )
        sector = _sector_of(prefix) or _sector_of(appos_part)
        title = _text([t for t in run if t not in bare]) or None
        start = min(start, run[0].i)
        if appos is not None and appos.lemma_.casefold() in SECTOR_NOUNS and title is None:
            title = _text([t for t in _left_part(appos) if t.dep_ != "det"] + [appos]) or None
        return _Draft(head, start, head.i + 1, "person", _text(bare), country, sector, title)

    # A sentence-initial capital hides a plural role noun from the tagger ("Rebels attacked").
    if head.is_sent_start and head.pos_ == "PROPN" and lemma not in SECTOR_NOUNS:
        singular = head.lower_[:-1] if head.lower_.endswith("s") else head.lower_
        if singular in SECTOR_NOUNS and len(run) == 1:
            lemma = singular
    # a hyphenated role noun is split by the tokenizer: "hostage - takers", "asylum - seekers"
    if _after_hyphen(head) and head.i >= 2 and not head.doc[head.i - 2].whitespace_:
        joined = f"{head.doc[head.i - 2].lower_}-{lemma}"
        lemma = joined if joined in SECTOR_NOUNS else lemma
    # 4. a role or sector noun ("envoy", "the government", "Israeli troops")
    if lemma in SECTOR_NOUNS or (head.lower_ in SECTOR_NOUNS and head.pos_ == "NOUN"):
        sector = SECTOR_NOUNS.get(lemma) or SECTOR_NOUNS[head.lower_]
        if lemma == "general" and _after_office(head):
            sector = "GOV"  # "the US Attorney General": a civilian office, not a rank
        if lemma in GENERIC_ROLES:
            # "opposition leaders", "rebel commanders", "party officials": the body they
            # speak or act for gives the sector, not the generic role word
            for tok in sorted(left, key=lambda t: t.i):
                body = SECTOR_NOUNS.get(tok.lemma_.casefold()) or SECTOR_NOUNS.get(tok.lower_)
                # "security officials" are the state's, not police
                if tok.lower_ == "security":
                    continue
                if tok.head.i == head.i and tok.dep_ in ("compound", "amod", "nmod") and body:
                    sector = body if body != "GOV" else sector
        elif lemma in ("force", "troop", "unit"):
            # "rebel forces", "militia units", "police troops": armed men of that body
            for tok in left:
                body = SECTOR_NOUNS.get(tok.lemma_.casefold())
                # ("security forces" keep the armed forces' sector, as before)
                armed = body in _ARMED_BODIES and tok.lower_ != "security"
                if tok.head.i == head.i and tok.dep_ in ("compound", "amod") and armed:
                    sector = body
        if sector == "CVL" and any(t.lower_ == "armed" and t.head.i == head.i for t in left):
            sector = "REB"  # "armed men", "armed youths": an armed group whose name is not given
        country = (
            _pick_country(context_countries)
            or _pick_country(_countries_in(preps))
            or _officeholder_country([t for t in left if t.dep_ in ("compound", "poss")])
        )
        if (
            sector == "MIL"
            and country is None
            and lemma in ("force", "troop", "unit")
            and _people_named(head)
        ):
            # "Tigrayan forces", "Kurdish forces": named by a people, not by a state, an
            # armed force is not a state's military
            sector = "REB"
        if sector == "MIL" and not context_countries and any(t.lower_ in MULTINATIONAL_WORDS for t in left):
            # "a regional peacekeeping force", "the multinational force": several states' troops
            country, sector = None, "IGO"
        name_tokens = [t for t in left if t.dep_ != "det" and t.tag_ != "PRP$" and t.tag_ != "POS"]
        name = _text(sorted({*name_tokens, head}, key=lambda t: t.i)) if name_tokens else head.text
        if country is not None and not _prep_parts(head, frozenset({"in", "of"})):
            country = _ethnic_home(head, country)  # "ethnic Albanian guerrillas operating in Macedonia"
        if country is None and sector not in _STATE_SECTORS:
            country = _where_in_sentence(head)
        draft = _Draft(head, start, head.i + 1, "role", name, country, sector, head.text)
        # "South Korea's new chief nuclear envoy, Noh Kyu-duk": the apposed name is the person
        if appos is not None:
            inner = _describe(appos)
            if inner is not None and inner.kind == "person":
                inner.country = inner.country or country
                inner.sector = inner.sector or sector
                inner_left = [t for t in left if t.dep_ != "det" and t.tag_ != "PRP$"]  # not "his"
                inner.title = inner.title or _text([*inner_left, head])
                inner.start, inner.end = start, appos.i + 1
                inner.head = head
                return inner
        return draft

    # 5. a thing or group of a country: "Iraqi towns", "German goods"; a post or vehicle of
    # an armed or state body carries its sector ("a police station", "army positions")
    if head.pos_ == "NOUN" and head.lower_ not in NOT_ACTORS and not run and not _act_noun(head):
        owners = [
            t
            for t in left
            if t.head.i == head.i and t.dep_ in ("compound", "amod") and t.lemma_.casefold() in OWNER_WORDS
        ]
        sector = SECTOR_NOUNS[owners[-1].lemma_.casefold()] if owners else None
        country = _pick_country(context_countries)
        if head.lemma_.casefold() in RELATION_NOUNS:
            # "Israel's militia ally in southern Lebanon": an ally is not of its patron's country
            patron = {t.i for c in head.lefts if c.dep_ == "poss" for t in c.subtree}
            country = _pick_country(_countries_in([t for t in left if t.i not in patron]))
        if sector is not None and country is None:
            country = _pick_country(_countries_in(_prep_parts(head, frozenset({"of", "in"}))))
        if country is not None or sector is not None:
            name = _text([t for t in left if t.dep_ != "det" and t.tag_ != "PRP$"] + [head])
            return _Draft(head, start, head.i + 1, "thing", name, country, sector)

    # 6. another proper name (an organisation or an unknown name)
    if (
        run
        and head.pos_ == "PROPN"
        and head.lower_ not in NOT_ACTORS
        and head.ent_type_ in ("ORG", "PERSON", "NORP", "GPE", "FAC", "")
    ):
        words = [t for t in bare if t.text != "-"]
        if not words:
            return None
        country = _pick_country(context_countries) or _pick_country(_countries_in(appos_part + preps))
        kind = "person" if head.ent_type_ == "PERSON" else "org"
        sector = _sector_of(run + appos_part) if kind == "org" else _sector_of(run[: len(run) - len(bare)])
        if kind == "org" and sector is None:
            sector = ORG_HEAD_SECTORS.get(head.lower_)  # "the Third World Water Forum"
        name = _text(bare) if kind == "person" else _org_name(run)
        return _Draft(head, run[0].i, head.i + 1, kind, name, country, sector)
    return None


def _org_name(run: list[Token]) -> str:
    """An organisation's own name: its run without the country words in front.

    Title words are an organisation's own words ("the Iraqi Supreme Judicial Council" is
    the "Supreme Judicial Council", "The Federal Foreign Office" is not "Office"); only a
    leading country or demonym says whose it is. A role noun followed by more words is a
    person's title whatever the tagger says ("Agriculture Minister Gaymard" is "Gaymard").
    """
    k = 0
    while k < len(run) - 1 and (_country_token(run[k]) or run[k].text == "-"):
        k += 1
    for j in range(len(run) - 2, k - 1, -1):
        word = run[j].lower_.strip(".")
        if word in TITLE_WORDS and word in SECTOR_NOUNS:
            # "Agriculture Minister Gaymard": a role noun before a name titles a person
            return _text(run[j + 1 :])
    return _text(run[k:])


# ---------------------------------------------------------------- article pass


def _heads(doc: Doc) -> Iterable[Token]:
    for tok in doc:
        if (
            tok.dep_ in _NAME_DEPS
            and tok.head.i != tok.i
            and tok.head.i > tok.i
            and not _lost_possessive(tok)
            and not _joined_name(tok)
            and not _line_break_between(tok, tok.head)
        ):
            continue  # a modifier inside a longer name or phrase
        if tok.tag_ == "HYPH" or tok.dep_ == "punct":
            continue
        yield tok


def _line_break_between(first: Token, last: Token) -> bool:
    """True when a line break separates two tokens (the first before the last)."""
    return any("\n" in first.doc[i].text_with_ws for i in range(first.i, last.i))


def _joined_name(tok: Token) -> bool:
    """A person's name joined by "and" to the name the parser hangs it on: "Prime
    Minister Netanyahu and UAE Crown Prince Mohammed bin Zayed" names two people."""
    return tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and any(c.dep_ == "cc" for c in tok.children)


def _own_left(head: Token) -> list[Token]:
    """The words in front of `head` that belong to its own phrase, on its own line.

    A person's name joined by "and" and hung on this head by the parser heads a phrase
    of its own (see `_joined_name`): it and the words before it are left out.
    """
    left = _left_part(head)
    # a phrase never runs across a line break: what stands on an earlier line (a
    # headline the parser joined to the first sentence) is not part of it
    cut = max((t.i for t in left if "\n" in t.text_with_ws), default=-1)
    joined = [t.i for t in left if t.dep_ == "cc" and _joined_name(t.head)]
    cut = max([cut, *joined])
    return left if cut < 0 else [t for t in left if t.i > cut]


def _lost_possessive(tok: Token) -> bool:
    """A plural role noun right before the noun it modifies: a possessive whose apostrophe
    was lost in the paste ("meet hostage-takers demands", "the rebels offer").

    English makes a noun modifier singular ("rebel demands"); a plural one is an owner.
    """
    if tok.tag_ != "NNS" or tok.dep_ != "compound" or tok.head.i != tok.i + 1:
        return False
    # the tagger may call the owned noun a verb ("demands"); its role in the clause says noun
    if tok.head.pos_ != "NOUN" and tok.head.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj"):
        return False
    lemma = tok.lemma_.casefold()
    if _after_hyphen(tok) and tok.i >= 2:
        lemma = f"{tok.doc[tok.i - 2].lower_}-{lemma}"
    return lemma in SECTOR_NOUNS and lemma not in GENERIC_ROLES


def _person_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z']*", without_accents(name)) if w[0].isupper()]


def find_actors(
    doc: Doc,
    article: Article,
    registry: Registry | None = None,
    overrides: Overrides | None = None,
) -> ArticleActors:
    """The actors mentioned in one article (`doc` is the parse of `article.body`).

    What the article itself says (titles, appositions, country words) comes first, then
    the officeholder table, then `registry` (what earlier articles said about a bare name,
    see `dateline.actors.registry`). `overrides` (the user's file, see
    `dateline.actors.overrides`) wins over all of them.
    """
    on = article.date
    # `doc` is the parse of the body, so the body is its text: spare spaCy rebuilding it
    # (a cheap check that the two belong together; failing it, the doc's own text is built)
    body = article.body
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(body):
        _remember_text(doc, body)
    text = _text_of(doc)
    found: list[_Draft] = []
    for head in _heads(doc):
        draft = _describe(head)
        if draft is not None:
            found.append(draft)
    # A phrase inside a longer actor phrase ("State" in "Secretary of State Stephen Biegun",
    # the apposed "Noh Kyu-duk") is not a mention of its own; a possessive ("South Korea's
    # foreign ministry") is, since it names a second actor.
    # Each head gives at most one draft, so `drafts` only grows: the tokens its phrases
    # cover can be kept as a set rather than scanning every kept draft for every draft.
    drafts: dict[int, _Draft] = {}
    covered: set[int] = set()
    for draft in sorted(found, key=lambda d: d.start - d.end):
        if draft.head.i in covered and draft.head.dep_ != "poss":
            continue
        drafts[draft.head.i] = draft
        covered.update(range(draft.start, draft.end))

    # Registry of full person names; all mentions of one person share the merged actor.
    persons: dict[str, Actor] = {}
    for draft in drafts.values():
        if draft.kind != "person" or len(_person_words(draft.name)) < 2:
            continue
        office = _office(draft.name, on)
        name = office[0] if office else draft.name
        # "Vučić" and "Vucic" in one article are one person, named as first written
        known = persons.get(name_key(name))
        learned = None if office else lookup_name(registry, name, on)
        persons[name_key(name)] = Actor(
            name=known.name if known else name,
            # the officeholder table is a fact about the person; a country read off the
            # words around a name ("Putin, a Turkish presidential source") may be a neighbour's
            country=(office[1] if office else None)
            or (known.country if known else None)
            or draft.country
            or (learned.country if learned else None),
            sector=(known.sector if known else None)
            or draft.sector
            or (office[2] if office else None)
            or (learned.sector if learned else None),
            title=(known.title if known else None)
            or draft.title
            or (office[3] if office else None)
            or (learned.title if learned else None),
        )
    # An officeholder named by surname alone ("Putin") is as much a person of the article
    # as one named in full: "his Russian counterpart" may stand for him.
    for draft in drafts.values():
        words = _person_words(draft.name)
        if draft.kind not in ("person", "org") or len(words) != 1:
            continue
        holders = _office_index()[1].get(words[0].casefold(), set())
        if len(holders) != 1 or any(words[0] in _person_words(p.name) for p in persons.values()):
            continue
        office = _office(next(iter(holders)), on)
        if office is not None and draft.country in (None, office[1]):
            persons.setdefault(name_key(office[0]), Actor(office[0], office[1], office[2], office[3]))
    by_word: dict[str, set[str]] = {}
    for name, person in persons.items():
        for word in _person_words(person.name):
            by_word.setdefault(word.casefold(), set()).add(name)

    by_token: dict[int, Actor] = {}
    mentions: list[Mention] = []
    for i, draft in sorted(drafts.items()):
        mention_text = text[doc[draft.start].idx : doc[draft.end - 1].idx + len(doc[draft.end - 1].text)]
        actor = override_for(overrides, draft.name, mention_text) or _resolve(
            draft, persons, by_word, registry, on
        )
        if actor is None:
            continue
        by_token[i] = actor
        start, end = _phrase_extent(draft)
        first, last = doc[start], doc[end - 1]
        mentions.append(
            Mention(first.idx, last.idx + len(last.text), text[first.idx : last.idx + len(last.text)], actor)
        )
        appos = _appos(draft.head)
        if appos is not None and appos.i not in drafts and draft.kind == "person":
            by_token[appos.i] = actor
    # An apposition names the same actor as its anchor ("Takehiro Funakoshi, the new director-general").
    for i, draft in drafts.items():
        appos = _appos(draft.head)
        if appos is not None and i in by_token and draft.kind == "person":
            by_token[appos.i] = by_token[i]
    # "Israeli and Palestinian negotiators" are two actors: the phrase is coded with the
    # first country; each further coordinated country word maps to its own actor.
    for i, draft in drafts.items():
        if draft.kind == "role" and i in by_token:
            for token, partner in _coordinated_partners(draft.head, by_token[i]):
                by_token.setdefault(token, partner)
    return _with_overrides(_with_context_country(tuple(mentions), by_token), overrides)


# Words in front of a noun phrase that belong to the phrase but not to the actor's name:
# articles, demonstratives, possessive pronouns, "all" ("the Chinese government", "his
# counterpart").
_PHRASE_OPENERS = frozenset({"det", "predet", "poss"})
# Modifiers after the head that belong to the phrase: "police in the Gaza Strip".
_PHRASE_TAILS = frozenset({"prep"})


def _phrase_extent(draft: _Draft) -> tuple[int, int]:
    """The token span of the whole noun phrase a draft names (its mention in the text).

    A mention is the noun phrase that refers to the actor: it takes the article or
    possessive pronoun in front of the name ("the Chinese government", "his counterpart")
    and the prepositional phrases right after its head ("police in the Gaza Strip"); the
    actor's name does not. A place named inside the phrase stays a mention of its own.
    """
    start = draft.start
    doc = draft.head.doc
    while start > 0:
        before = doc[start - 1]
        opener = before.dep_ in _PHRASE_OPENERS and before.tag_ in ("DT", "PDT", "PRP$")
        if not (opener and before.head.i == draft.head.i):
            break
        start -= 1
    end = draft.end
    for child in draft.head.rights:
        if child.i != end:
            break
        if child.dep_ in _PHRASE_TAILS:
            end = child.right_edge.i + 1
    return start, end


def _coordinated_partners(head: Token, actor: Actor) -> list[tuple[int, Actor]]:
    """(token index, actor) for each further country in "U.S. and Russian negotiators".

    The country words are conjoined modifiers of the role noun; each one names the same
    kind of actor (same sector and title) of another country.
    """
    out: list[tuple[int, Actor]] = []
    for child in head.lefts:
        if child.dep_ not in ("amod", "nmod", "compound"):
            continue
        for conj in child.conjuncts:
            if conj.i > head.i or conj.i < child.i:
                continue
            hit = lookup(conj.text)
            if hit is None or hit[1] == "capital" or hit[0] == actor.country:
                continue
            name = f"{conj.text} {head.text}"
            out.append((conj.i, Actor(name, hit[0], actor.sector, actor.title)))
    return out


def _with_overrides(found: ArticleActors, overrides: Overrides | None) -> ArticleActors:
    """Every actor the user's overrides file names, as the file says (after coreference)."""
    if not overrides:
        return found

    def swap(actor: Actor) -> Actor:
        return override_for(overrides, actor.name) or actor

    return ArticleActors(
        mentions=tuple(replace(m, actor=swap(m.actor)) for m in found.mentions),
        by_token={i: swap(a) for i, a in found.by_token.items()},
    )


def _with_context_country(mentions: tuple[Mention, ...], by_token: dict[int, Actor]) -> ArticleActors:
    """Give actors with a role but no country the article's main country.

    News names the foreign side of a story and leaves its own side bare: "President
    Laurent Gbagbo extended the curfew in Abidjan", "rebels demanded ...". A role actor
    (official, rebels, police, students) with no country of its own is taken to belong
    to the country the article mentions most (the first one on a tie). International
    and non-governmental organisations keep no country.
    """
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.actor.country:
            counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
    if not counts:
        return ArticleActors(mentions=mentions, by_token=by_token)
    main = max(counts, key=counts.__getitem__)  # the first of the most frequent
    replaced: dict[str, Actor] = {}

    def fill(actor: Actor) -> Actor:
        if actor.country or not actor.sector or actor.sector in ("IGO", "NGO"):
            return actor
        if GROUPS.get(_group_key(actor.name)) == (None, "REB"):
            return actor  # a movement with no home country (al-Qaeda, Islamic State) keeps none
        if actor.id not in replaced:
            replaced[actor.id] = replace(actor, country=main)
        return replaced[actor.id]

    return ArticleActors(
        mentions=tuple(replace(m, actor=fill(m.actor)) for m in mentions),
        by_token={i: fill(a) for i, a in by_token.items()},
    )


def _resolve(
    draft: _Draft,
    persons: dict[str, Actor],
    by_word: dict[str, set[str]],
    registry: Registry | None = None,
    on: str | None = None,
) -> Actor | None:
    """The final actor for a draft: coreference for surnames and role nouns, merged persons."""
    words = _person_words(draft.name)
    if draft.kind in ("person", "org") and words:
        if len(words) >= 2 and draft.kind == "person":
            office = _office(draft.name, on)
            return persons.get(name_key(office[0] if office else draft.name))
        # a surname or given name alone: the one person of that name in the article
        matches = by_word.get(words[0].casefold(), set())
        if len(matches) > 1:
            # several people in the article share the word: the one officeholder of that
            # surname among them is meant ("Putin" beside a misread "Putin Meet Face")
            holders = {name_key(p) for p in _office_index()[1].get(words[0].casefold(), set())}
            matches = matches & holders or matches
        if len(matches) == 1:
            return persons[next(iter(matches))]
        if not matches:
            candidates = _office_index()[1].get(words[0].casefold(), set())
            if len(candidates) == 1:
                person = next(iter(candidates))
                office = _office(person, on)
                # a name part of an officeholder of another country is someone else ("King
                # Hassan of Morocco" is not Hassan Rouhani)
                if office and draft.country in (None, office[1]):
                    return Actor(person, draft.country or office[1], draft.sector or office[2], office[3])
            if not candidates and draft.kind == "person" and len(words) == 1:
                # a surname the corpus has learned for exactly one person
                learned = lookup_part(registry, words[0], on)
                if learned is not None and draft.country in (None, learned.country):
                    return learned
    if draft.kind == "org" and draft.country is None and draft.sector is None:
        learned = lookup_name(registry, draft.name, on)
        if learned is not None:
            return learned  # an organisation earlier articles described
    if draft.kind == "role" and draft.head.lemma_.casefold() in PERSON_ROLES and draft.country:
        # "his Japanese counterpart": the one named official of that country in the article
        same = [
            a for a in persons.values() if a.country == draft.country and a.sector in ("GOV", draft.sector)
        ]
        if len(same) == 1:
            return same[0]
    if (
        draft.kind == "org"
        and draft.country is None
        and draft.sector is None
        and draft.head.ent_type_ not in ("ORG", "NORP")
        and not _named_party(draft.head)
    ):
        return None  # an unknown capitalised word is too weak to be an actor
    if draft.kind == "person" and draft.country is None and draft.sector is None:
        return Actor(draft.name, None, None, draft.title)
    return Actor(draft.name, draft.country, draft.sector, draft.title)


# Clause roles of a noun that does or undergoes the verb's act.
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _named_party(head: Token) -> bool:
    """True for a proper name that is the subject or object of a verb ("Malloy says",
    "accused Gulen of"): someone who acts or is acted on, a person or a body.

    A capitalised word elsewhere may be a place, a product or a title of a work; as the
    doer or the undergoer of a verb, an unknown name is an actor. A sentence's first word
    is capitalised whatever it is, so it counts only when the tagger calls it a name; a
    plural name ("the two Koreas") stands for several parties, not for one.
    """
    if head.tag_ != "NNP" or head.dep_ not in _PARTY_DEPS:
        return False
    return head.head.pos_ == "VERB" and head.ent_type_ in ("", "PERSON", "ORG", "NORP", "GPE")


def with_country(actor: Actor, country: str | None) -> Actor:
    """A copy of `actor` with a country filled in when it has none."""
    return actor if actor.country or not country else replace(actor, country=country)
