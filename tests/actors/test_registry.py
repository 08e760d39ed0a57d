"""The corpus actor registry: learned from earlier articles, used for bare names later."""

from __future__ import annotations

from dateline.actors import find_actors
from dateline.actors.registry import build_registry, is_learnable, lookup_name, lookup_part
from dateline.model import Actor, Article


def _article(body: str, date: str | None = None) -> Article:
    return Article(doc_id="t", position=0, start=0, end=len(body), body=body, date=date)


def test_build_registry_learns_names_with_country_sector_title_and_last_seen() -> None:
    choi = Actor("Han Do-yun", "KOR", "GOV", "Vice Foreign Minister")
    registry = build_registry(
        [
            (choi, "2020-12-10"),
            (Actor("Han Do-yun", "KOR", "GOV", None), "2020-12-21"),
            (Actor("Han Do-yun", "USA", None, None), "2020-12-22"),  # one misread article
            (Actor("minister", "KOR", "GOV"), "2020-12-22"),  # a role noun is no name
            (Actor("Ivan Petrov"), "2020-12-22"),  # nothing known: nothing learned
        ]
    )
    entry = registry["han do yun"]
    assert (entry.country, entry.sector, entry.title) == ("KOR", "GOV", "Vice Foreign Minister")
    assert (entry.last_seen, entry.count) == ("2020-12-21", 2)
    assert set(registry) == {"han do yun"}


def test_learnable_names() -> None:
    assert is_learnable("Han Do-yun") and is_learnable("FDD")
    assert not is_learnable("minister") and not is_learnable("South Korea") and not is_learnable("Han")


def test_lookup_by_name_and_by_unique_surname_and_stale_sector() -> None:
    registry = build_registry(
        [(Actor("Han Do-yun", "KOR", "GOV"), "2020-12"), (Actor("Kim Gunn", "KOR", "GOV"), "2020-12")]
    )
    assert lookup_name(registry, "han  do yun") == Actor("Han Do-yun", "KOR", "GOV")
    assert lookup_part(registry, "Han") == Actor("Han Do-yun", "KOR", "GOV")
    assert lookup_part(registry, "Park") is None
    later = lookup_name(registry, "Han Do-yun", on="2030-01-01")
    assert later is not None and (later.country, later.sector) == ("KOR", None)


def test_find_actors_uses_the_registry_for_a_bare_name(nlp) -> None:  # type: ignore[no-untyped-def]
    registry = build_registry([(Actor("Han Do-yun", "KOR", "GOV", "vice foreign minister"), "2020-12-10")])
    body = "Han Do-yun met Stephen Biegun in Seoul on Tuesday."
    doc = nlp(body)
    alone = find_actors(doc, _article(body)).mentions
    assert not any("Han" in m.text and m.actor.country for m in alone)
    found = find_actors(doc, _article(body, "2021-01-05"), registry=registry)
    choi = next(m.actor for m in found.mentions if "Han" in m.text)
    assert (choi.name, choi.code, choi.title) == ("Han Do-yun", "KOR GOV", "vice foreign minister")


def test_the_text_wins_over_the_registry(nlp) -> None:  # type: ignore[no-untyped-def]
    registry = build_registry([(Actor("Han Do-yun", "KOR", "GOV"), "2020-12-10")])
    body = "South Korean ambassador Han Do-yun met Japanese officials."
    doc = nlp(body)
    choi = next(
        m.actor for m in find_actors(doc, _article(body), registry=registry).mentions if "Han" in m.text
    )
    assert choi.code == "KOR GOV"
