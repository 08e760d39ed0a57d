"""Organisations, seats of government, sector words and token comparisons in actor finding."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dateline.actors.clues
import dateline.actors.names
import dateline.actors.phrases
import dateline.actors.resolve
import dateline.events.coder
import dateline.events.codes
import dateline.events.modality
import dateline.events.sources
import dateline.events.targets
import dateline.events.triggers
from dateline.actors import ArticleActors, find_actors
from dateline.model import Actor, Article


def _actors(nlp, body: str) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))


def _actor(actors: ArticleActors, text: str) -> Actor:
    # mentions nest ("a commander of Iran's militia ally"): the shortest one holding the text
    return min((m for m in actors.mentions if text in m.text), key=lambda m: len(m.text)).actor


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "sector"),
    [
        # seats of government stand for their government
        ("The Elysee rejected the proposal on Tuesday.", "Elysee", "FRA", "GOV"),
        ("The Blue House said talks would resume.", "Blue House", "KOR", "GOV"),
        ("Zhongnanhai has not commented on the visit.", "Zhongnanhai", "CHN", "GOV"),
        # national bodies that news names without their country
        ("The Knesset approved the budget on Monday.", "Knesset", "ISR", "LEG"),
        ("The Bundestag voted to send troops.", "Bundestag", "DEU", "LEG"),
        ("The Revolutionary Guards seized a tanker in the Gulf.", "Revolutionary Guards", "IRN", "MIL"),
    ],
)
def test_fixed_code_organisations(nlp, sentence: str, mention: str, country: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, sentence), mention)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("sentence", "name", "sector"),
    [
        ("Physicians for Human Rights accused the police of torture.", "Physicians for Human Rights", "NGO"),
        ("Doctors Without Borders criticised the army.", "Doctors Without Borders", "NGO"),
        (
            "The Organization for Security and Cooperation in Europe sent observers.",
            "Organization for Security and Cooperation in Europe",
            "IGO",
        ),
    ],
)
def test_organisation_names_with_lower_case_words(nlp, sentence: str, name: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, sentence)
    actor = _actor(actors, name)
    assert actor.name == name and actor.sector == sector and actor.country is None
    # the words inside the name are no actors of their own ("Human Rights", "Borders")
    assert not any(m.text in ("Human Rights", "Borders", "Europe") for m in actors.mentions)


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "sector"),
    [
        ("Palestinian youths threw stones at the checkpoint.", "Palestinian youths", "PSE", "CVL"),
        ("Somali pirates seized a cargo ship.", "Somali pirates", "SOM", "CRM"),
        ("Russian mercenaries guarded the mine.", "Russian mercenaries", "RUS", "UAF"),
        ("Turkish intelligence detained the suspect.", "Turkish intelligence", "TUR", "SPY"),
        ("Iraqi police arrested three men in Basra.", "Iraqi police", "IRQ", "COP"),
    ],
)
def test_demonym_and_sector_noun(nlp, sentence: str, mention: str, country: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, sentence), mention)
    assert (actor.country, actor.sector) == (country, sector)


def test_title_gives_a_religious_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, "Archbishop John Mensah called for calm."), "John Mensah")
    assert actor.name == "John Mensah" and actor.sector == "REL"


@pytest.mark.parametrize(
    "module",
    [
        dateline.actors.names,
        dateline.actors.clues,
        dateline.actors.phrases,
        dateline.actors.resolve,
        dateline.events.coder,
        dateline.events.triggers,
        dateline.events.sources,
        dateline.events.targets,
        dateline.events.modality,
        dateline.events.codes,
    ],
)
def test_tokens_are_never_compared_by_identity(module: object) -> None:
    """spaCy builds a new Token object on every access: `tok.head is tok` is never true.

    Token comparisons must use `==` or the index `.i`; `is` is kept for None, booleans
    and plain Python objects (named in ALLOWED).
    """
    allowed = {"base"}  # `base is must`: two references to one trigger object
    path = Path(str(getattr(module, "__file__", "")))
    tree = ast.parse(path.read_text("utf-8"))
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            identity = isinstance(op, (ast.Is, ast.IsNot))
            constant = isinstance(right, ast.Constant) or isinstance(left, ast.Constant)
            if identity and not constant and not (isinstance(left, ast.Name) and left.id in allowed):
                bad.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
            left = right
    assert not bad, bad


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "sector"),
    [
        ("The main Hutu rebel group in Burundi rejected the talks.", "rebel group", "BDI", "REB"),
        ("A Kenyan human rights group accused the police of killings.", "human rights group", "KEN", "NGO"),
        ("An opposition coalition in Serbia won the vote.", "opposition coalition", "SRB", "OPP"),
    ],
)
def test_unnamed_group_sector(nlp, sentence: str, mention: str, country: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, sentence), mention)
    assert (actor.country, actor.sector) == (country, sector)


def test_named_group_wins_over_its_common_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Israel barred candidates from the militant group Hamas.")
    assert not any(m.text.endswith("militant group") for m in actors.mentions)
    assert _actor(actors, "Hamas").country == "PSE"


def test_arabic_article_starts_a_known_name_and_keeps_it_stateless(nlp) -> None:  # type: ignore[no-untyped-def]
    # a movement with no home country is not given the country the article is about
    actors = _actors(nlp, "The al-Qaeda network claimed the attack on the embassy in Kenya.")
    actor = _actor(actors, "al-Qaeda")
    assert (actor.name, actor.country, actor.sector) == ("al-Qaeda", None, "REB")


def test_coordinated_countries_give_two_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Israeli and Palestinian negotiators met in Cairo on Monday.")
    body = doc.text
    actors = find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body))
    first, second = actors.actor_at(doc[3]), actors.actor_at(doc[2])
    assert first is not None and second is not None
    assert (first.country, first.sector) == ("ISR", "GOV")
    assert (second.country, second.sector) == ("PSE", "GOV")


def test_a_given_name_alone_is_not_an_officeholder(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Ahmed" is the given name of a head of state, but "Mr. Ahmed" is someone else;
    # a surname alone, or the family name of a name written family name first, is enough
    actors = _actors(nlp, "Mr. Ahmed, the governor of Kano state, condemned the kidnapping.")
    assert _actor(actors, "Ahmed").name == "Ahmed"
    xi = _actor(_actors(nlp, "Xi told Orban that trade would grow."), "Xi")
    assert (xi.name, xi.country) == ("Xi Jinping", "CHN")
    orban = _actor(_actors(nlp, "Xi told Orban that trade would grow."), "Orban")
    assert (orban.name, orban.country) == ("Viktor Orban", "HUN")


@pytest.mark.parametrize(
    ("sentence", "mention", "sector"),
    [
        (
            "Two rebel commanders told reporters in Kenya that the fighting was over.",
            "rebel commanders",
            "REB",
        ),
        ("Opposition leaders in Kenya called for new elections.", "Opposition leaders", "OPP"),
        ("A Taliban commander in Afghanistan threatened the talks.", "Taliban", "REB"),
        ("An army spokesman in Kenya confirmed the clashes.", "army spokesman", "MIL"),
    ],
)
def test_generic_role_takes_the_sector_of_its_body(nlp, sentence: str, mention: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    assert _actor(_actors(nlp, sentence), mention).sector == sector


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "sector"),
    [
        ("Gunmen attacked a police station in Kano, Nigeria.", "police station", "NGA", "COP"),
        ("Militants ambushed an army convoy in northern Mali.", "army convoy", "MLI", "MIL"),
    ],
)
def test_post_of_a_body_carries_its_sector(
    nlp, sentence: str, mention: str, country: str, sector: str
) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, sentence), mention)
    assert (actor.country, actor.sector) == (country, sector)


def test_an_ally_is_not_of_its_patrons_country(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(nlp, "Gunmen killed a commander of Iran's militia ally in eastern Syria.")
    ally = _actor(actors, "militia ally")
    assert (ally.country, ally.sector) == ("SYR", "REB")


def test_a_name_is_the_same_person_with_or_without_its_accents(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.actors import find_actors
    from dateline.model import Article

    text = "Erdogan met the delegation in Ankara, and Erdoğan later spoke to reporters."
    doc = nlp(text)
    found = find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(text), body=text))
    people = {m.actor for m in found.mentions if m.text.startswith("Erdo")}
    assert len(people) == 1 and next(iter(people)).country == "TUR"


def test_an_abbreviated_country_is_the_same_actor_as_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.actors import find_actors
    from dateline.model import Article

    text = "The U.S. imposed sanctions. The US also accused Iran. The United States condemned the attack."
    doc = nlp(text)
    found = find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(text), body=text))
    usa = {m.actor.id for m in found.mentions if m.actor.country == "USA"}
    assert len(usa) == 1


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        # a club of states written with a hyphen, in words, or read by the tagger as a
        # product or an adjective: the club, with no country (not the host's)
        ("G-7 finance ministers met in Tokyo on Friday.", "G-7"),
        ("The G-20 condemned Russia.", "G-20"),
        ("The Group of Seven urged China to release the activists.", "Group of Seven"),
    ],
)
def test_a_club_of_states_is_an_international_body(nlp, sentence: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    actor = _actor(_actors(nlp, sentence), mention)
    assert (actor.country, actor.sector) == (None, "IGO")
    # "a group of diplomats" stays its members
    assert _actor(_actors(nlp, "A group of diplomats met in Tokyo."), "diplomats").sector == "GOV"
