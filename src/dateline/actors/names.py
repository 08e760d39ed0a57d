"""Reading names off the parse: capitalised runs, title words stripped, and the countries
and known groups a span of tokens names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Token

from dateline.actors.country_names import lookup, region_country
from dateline.actors.incumbents import surname_bearers
from dateline.actors.lexicon import (
    CONTINENT_DEMONYMS,
    COUNTRY_PREPS,
    GROUPS,
    LEANING_WORDS,
    NAME_PARTICLES,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WIRE_AGENCIES,
)
from dateline.model import without_accents

# Dependency labels that glue a token into the name it modifies.
NAME_DEPS = frozenset({"compound", "flat", "nmod"})


def officeholder_surname(token: Token) -> bool:
    """True for a capitalised word that names an officeholder alone ("Trump", "Abiy").

    News names heads of state and ministers by surname alone; the tagger often reads a
    sentence-initial surname as a common noun.
    """
    return is_cap(token) and without_accents(token.lower_) in surname_bearers()


def title_word(token: Token) -> str:
    """The title word a token stands for: "Gen." -> "general", "Sgt" -> "sergeant"; any
    other word lower-case without its dots ("Minister" -> "minister")."""
    lower = token.lower_
    return TITLE_ABBREVIATIONS.get(lower) or lower.strip(".")


def is_title(token: Token) -> bool:
    """True for a word of a title in front of a name, written in full or abbreviated."""
    lower = token.lower_
    return lower in TITLE_ABBREVIATIONS or lower.strip(".") in TITLE_WORDS


def is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper()


def leaning_words(tokens: Iterable[Token]) -> set[int]:
    """Indices of the words among `tokens` that name an actor's patron or the side it leans
    to: "US" in "US-backed Kurdish fighters", "Russian" in "pro-Russian separatists".

    Such a country or body is not the actor's own (`LEANING_WORDS` says which words make
    it so); a conjoined patron ("Russian and Iran-backed forces") is one too. Only words
    among `tokens` are returned: the phrase's own modifiers.
    """
    toks = {t.i: t for t in tokens}
    out: set[int] = set()
    for tok in toks.values():
        parts = tok.lower_.split("-")
        if len(parts) > 1 and (
            LEANING_WORDS.get(parts[-1]) == "after" or LEANING_WORDS.get(parts[0]) == "before"
        ):
            out.add(tok.i)  # one token as the tokenizer left it: "U.S.-backed", "pro-Assad"
            continue
        if tok.text != "-" or tok.whitespace_ or tok.i == 0 or tok.i + 1 >= len(tok.doc):
            continue
        doc = tok.doc
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        if before.whitespace_:
            continue  # a dash set off by spaces is no hyphen
        if LEANING_WORDS.get(after.lower_) == "after":
            j = tok.i - 1
            while j in toks and (is_cap(doc[j]) or (doc[j].lower_ in ("and", "or", ",") and j - 1 in toks)):
                if is_cap(doc[j]):
                    out.add(j)
                elif lookup(doc[j - 1].text) is None:
                    break  # "and" joins two patrons only when a country word stands before it
                j -= 1
        elif LEANING_WORDS.get(before.lower_) == "before":
            j = tok.i + 1
            while j in toks and is_cap(doc[j]):
                out.add(j)
                j += 1
    return out


def name_run(head: Token) -> list[Token]:
    """The capitalised run of tokens ending at `head` inside its phrase.

    Hyphenated name parts ("Jong-un", "President-elect") are kept; "'s" ends the run.
    """
    if not (is_cap(head) or after_hyphen(head)):
        return []
    run = [head]
    i = head.i - 1
    doc = head.doc
    while i >= 0:
        tok = doc[i]
        if tok.tag_ == "POS" or tok.text in ("'s", "’s") or "\n" in tok.text_with_ws:
            break  # a name never runs across a line break (a headline above, a paragraph)
        if tok.lower_ in WIRE_AGENCIES:
            break  # "KAZINFORM North Korea fired": the agency's credit line is no part of the name
        if not _within(tok, head):
            if run[0].i == i + 1 and tok.lower_ in TITLE_ABBREVIATIONS and is_cap(tok) and tok.whitespace_:
                # an abbreviated title right before a name is its title, wherever the parser
                # hung it ("Capt." as an adverb of the verb)
                run.insert(0, tok)
                i -= 1
                continue
            break
        if is_cap(tok) or tok.tag_ == "HYPH" or tok.text == "-" or after_hyphen(tok) or tok.lower_ == "of":
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
        is_cap(after)
        and token.i > 0
        and (is_cap(doc[token.i - 1]) or doc[token.i - 1].lower_ in NAME_PARTICLES)
    )


def after_hyphen(token: Token) -> bool:
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


def bare_name(run: list[Token]) -> list[Token]:
    """The run without leading title and country words.

    'Deputy Foreign Minister Choi Jong-kun' -> 'Choi Jong-kun'.
    """
    cut = 0
    for k, tok in enumerate(run):
        if tok.text == "-" or (after_hyphen(tok) and tok.lower_ not in TITLE_WORDS):
            continue  # inside a hyphenated word: "Jong-un" (but "Attorney-General" is a title)
        if is_title(tok) or country_token(tok):
            cut = k + 1
            # "President-elect": the hyphenated tail belongs to the title
            while cut < len(run) and (run[cut].text == "-" or after_hyphen(run[cut])):
                cut += 1
    bare = run[cut:]
    while bare and bare[0].text == "-":
        bare = bare[1:]
    return bare


def country_token(tok: Token) -> bool:
    """A single token that names a country by itself or starts a multiword one."""
    if tok.ent_type_ == "PERSON":
        return False
    return lookup(tok.text) is not None or tok.lower_ in {"north", "south", "east", "west", "s.", "n."}


# The text of the doc being resolved. spaCy rebuilds `Doc.text` (and every span's text)
# from its tokens on each access, and the phrase rules ask for span texts tens of thousands
# of times per article; a slice of the doc's text is the same string, far cheaper.
# One slot, keyed by the doc itself (a strong reference, so the identity cannot be reused).
_doc_text: tuple[Doc, str] | None = None


def text_of(doc: Doc) -> str:
    """`doc.text`, built once per doc."""
    global _doc_text
    slot = _doc_text  # read once: another thread may refill the slot meanwhile
    # the slot holds the doc itself, so no other object can share its id meanwhile
    if slot is None or id(slot[0]) != id(doc):
        slot = _doc_text = (doc, doc.text)
    return slot[1]


def remember_text(doc: Doc, text: str) -> None:
    """Record `text` (known to equal `doc.text`) as the doc's text, sparing its rebuild."""
    global _doc_text
    _doc_text = (doc, text)


def _span_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens `start` to `end` (exclusive) of `doc`, as `doc[start:end].text` gives it."""
    last = doc[end - 1]
    return text_of(doc)[doc[start].idx : last.idx + len(last.text)]


def tokens_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    first, last = tokens[0], tokens[-1]
    return text_of(first.doc)[first.idx : last.idx + len(last.text)]


def countries_in(tokens: Iterable[Token]) -> list[tuple[str, str]]:
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
            and not (tok.head.pos_ == "NOUN" and not is_cap(tok.head) and tok.head.i == tok.i + 1)
            # ... nor one the parser reads as an adjective of a common noun ("Bangladeshi
            # peacekeeping troops")
            and not (tok.pos_ == "ADJ" and tok.dep_ == "amod" and not is_cap(tok.head))
        )
        if not is_cap(tok) or person or tok.tag_ == "POS":
            k += 1
            continue
        pair = toks[k : k + 2]
        if len(pair) == 2 and pair[1].i == tok.i + 1:
            words = f"{pair[0].lower_} {pair[1].lower_.removesuffix('s')}"
            if words in CONTINENT_DEMONYMS:
                k += 2  # "the South American nation": a continent's part, not the United States
                continue
        for n in (4, 3, 2, 1):
            window = toks[k : k + n]
            if len(window) < n or window[-1].i - window[0].i != n - 1:
                continue
            text = tokens_text(window)
            hit = lookup(text)
            if hit:
                found.append(hit)
                k += n
                break
        else:
            k += 1
    return found


def region_in(tokens: Iterable[Token]) -> str | None:
    """The country of the first region (province, state, territory) a run of capitalised
    tokens names ("Uttar Pradesh Chief Minister", "the Michigan Department"), longest first."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    for k in range(len(toks)):
        for n in (3, 2, 1):
            window = toks[k : k + n]
            if len(window) < n or window[-1].i - window[0].i != n - 1 or not all(is_cap(t) for t in window):
                continue
            found = region_country(tokens_text(window))
            if found is not None:
                return found
    return None


def _next_is_possessive(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS"


# a pure function of the name, asked again for every window of every phrase (bounded:
# news is open-ended)
@lru_cache(maxsize=1 << 16)
def group_key(name: str) -> str:
    """The GROUPS key of a name: case-folded, dots and hyphens as spaces ("al-Qaeda" -> "al qaeda")."""
    return re.sub(r"\s+", " ", re.sub(r"[.\-]", " ", name).casefold()).strip()


def _name_start(tok: Token) -> bool:
    """True for a word that can start an organisation's name.

    Arabic names keep a lower-case article: "al-Qaeda", "al-Shabaab", "el-Nusra".
    """
    if is_cap(tok):
        return True
    doc = tok.doc
    return tok.lower_ in ("al", "el") and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"


def groups_in(tokens: list[Token]) -> tuple[str, tuple[str | None, str]] | None:
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
            text = tokens_text(window)
            key = group_key(text)
            if key in GROUPS and (n > 1 or key not in {"who", "au", "ec", "un", "ira"} or window[0].is_upper):
                return text, GROUPS[key]
    return None


def group_rightward(head: Token, first: Token) -> tuple[str, tuple[str | None, str], int] | None:
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
        if not is_cap(doc[end]):
            continue
        text = _span_text(doc, first.i, end + 1)
        key = group_key(text)
        if key in GROUPS:
            return text, GROUPS[key], end + 1
    return None


def left_part(head: Token) -> list[Token]:
    return [t for child in head.lefts for t in child.subtree]


def prep_parts(head: Token, preps: frozenset[str] = COUNTRY_PREPS) -> list[Token]:
    """Tokens of short prepositional phrases hanging on `head` ("of Morocco", "at Tokyo's ministry")."""
    out: list[Token] = []
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.append(pobj)
                    out.extend(left_part(pobj))
    return out
