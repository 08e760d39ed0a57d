"""One entity, one actor: spellings, coordinated names and line breaks do not split or merge people."""

from __future__ import annotations

from dateline.actors import ArticleActors, find_actors
from dateline.model import Actor, Article


def _actors(nlp, body: str, date: str | None = None) -> ArticleActors:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return find_actors(doc, Article(doc_id="t", position=0, start=0, end=len(body), body=body, date=date))


def _by_name(actors: ArticleActors) -> dict[str, Actor]:
    return {m.actor.name: m.actor for m in actors.mentions}


def test_one_name_with_and_without_accents_is_one_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Serbian President Aleksandar Vučić met EU envoys. Aleksandar Vucic said Serbia would not budge."
    people = {m.actor.id for m in _actors(nlp, body).mentions if "Vu" in m.text}
    assert len(people) == 1
    assert Actor("Recep Tayyip Erdoğan", "TUR", "GOV").id == Actor("Recep Tayyip Erdogan", "TUR", "GOV").id


def test_a_middle_initial_does_not_hide_an_officeholder(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_name(_actors(nlp, "Donald J. Trump signed the order on Monday.", "2019-05-01"))
    assert found["Donald Trump"].code == "USA GOV"


def test_two_people_joined_by_and_keep_their_own_countries(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Israel Prime Minister Netanyahu and UAE Crown Prince Mohammed bin Zayed agreed to normalise ties."
    found = _by_name(_actors(nlp, body))
    assert found["Benjamin Netanyahu"].country == "ISR"
    # the officeholder table names him as the UAE spells it
    assert found["Mohamed bin Zayed"].country == "ARE"


def test_a_country_right_before_a_title_is_the_holders(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Borrell said Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti agreed."
    found = _by_name(_actors(nlp, body))
    assert found["Albin Kurti"].country == "XKX"
    assert found["Aleksandar Vucic"].country == "SRB"


def test_a_name_does_not_run_across_a_line_break(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Macron speaks with Putin\n\nThe President of France, Emmanuel Macron, will call him on Tuesday."
    found = _actors(nlp, body)
    assert all("\n" not in m.text for m in found.mentions)
    assert _by_name(found)["Vladimir Putin"].country == "RUS"


def test_a_titled_person_of_an_organisation_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_name(_actors(nlp, "UN Secretary-General Antonio Guterres condemned the attack."))
    assert found["Antonio Guterres"].code == "IGO"


def test_an_east_asian_name_in_either_order_is_one_officeholder(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _by_name(
        _actors(nlp, "South Korean President Yoon Suk Yeol met Kishida Fumio in Tokyo.", "2023-03-16")
    )
    assert found["Fumio Kishida"].code == "JPN GOV"


def test_an_act_is_no_actor_when_its_party_is_named_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    names = {m.actor.name for m in _actors(nlp, "China condemned Russia's invasion of Ukraine.").mentions}
    assert "Russia" in names and not any("invasion" in n for n in names)
    body = "Japan and Australia agreed to hold joint military exercises."
    assert not any("exercises" in m.text for m in _actors(nlp, body).mentions)
    # an adjective alone names the party: the phrase stands for it
    body = "Azerbaijan's President Ilham Aliyev rejected an Armenian proposal on the border."
    proposal = next(m.actor for m in _actors(nlp, body).mentions if "proposal" in m.text)
    assert proposal.country == "ARM"


def test_a_deed_named_by_its_country_alone_stands_for_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("Turkey now seeks Russian support against the Kurds.", "support", "Russia"),
        ("The Turkish deployment is opposed by Damascus.", "deployment", "Turkey"),
        ("Seoul filed a complaint against the Japanese move.", "move", "Japan"),
    ]
    for body, word, name in cases:
        deed = next(m.actor for m in _actors(nlp, body).mentions if word in m.text)
        assert deed.name == name
    # a body named in front is the party, not its country ("Iraqi army operations")
    body = "Residents fled the Iraqi army operations near Mosul."
    assert not any(m.actor.name == "Iraq" for m in _actors(nlp, body).mentions if "operations" in m.text)


def test_a_counterpart_is_the_officeholder_named_by_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Macron spoke with Putin on Monday. He will call his Russian counterpart again on Tuesday."
    counterpart = next(m.actor for m in _actors(nlp, body, "2022-03-28").mentions if "counterpart" in m.text)
    assert counterpart.name == "Vladimir Putin"
