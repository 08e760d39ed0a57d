"""The user's overrides file wins over titles, the officeholder table and the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.actors import find_actors
from dateline.actors.overrides import OverridesError, load_overrides, parse_overrides
from dateline.actors.registry import build_registry
from dateline.model import Actor, Article


def _article(body: str) -> Article:
    return Article(doc_id="t", position=0, start=0, end=len(body), body=body)


def test_load_yaml_list_with_aliases(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "actors:\n"
        "  - name: Choi Jong-kun\n"
        "    aliases: [Choi Jong Kun]\n"
        "    country: kor\n"
        "    sector: GOV\n"
        "    title: Vice Foreign Minister\n"
        "  - name: Amnesty International\n"
        "    sector: NGO\n",
        encoding="utf-8",
    )
    table = load_overrides(path)
    assert table["choi jong kun"] == Actor("Choi Jong-kun", "KOR", "GOV", "Vice Foreign Minister")
    assert table["amnesty international"].code == "NGO"


def test_load_toml_mapping(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text('["Joe Biden"]\ncountry = "USA"\nsector = "GOV"\n', encoding="utf-8")
    assert load_overrides(path)["joe biden"].code == "USA GOV"


def test_bad_entries_are_reported(tmp_path: Path) -> None:
    with pytest.raises(OverridesError, match="country"):
        parse_overrides({"Choi": {"country": "Korea"}})
    with pytest.raises(OverridesError, match="name"):
        parse_overrides({"actors": [{"country": "KOR"}]})
    with pytest.raises(OverridesError, match="cannot read"):
        load_overrides(tmp_path / "missing.yaml")


def test_overrides_win_over_text_officeholders_and_registry(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "U.S. President Joe Biden met Choi Jong-kun on Monday. Biden praised Choi."
    doc = nlp(body)
    overrides = parse_overrides(
        {"Joe Biden": {"country": "USA", "sector": "LEG"}, "Choi Jong-kun": {"country": "JPN"}}
    )
    registry = build_registry([(Actor("Choi Jong-kun", "KOR", "GOV"), "2020-12-10")])
    found = find_actors(doc, _article(body), registry=registry, overrides=overrides)
    codes = {m.text: m.actor.code for m in found.mentions}
    assert codes["Biden"] == "USA LEG" and codes["Choi"] == "JPN"
    assert any(code == "USA LEG" for text, code in codes.items() if "Joe Biden" in text)
