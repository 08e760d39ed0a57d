"""The actor word lists are data files in the package, and a user's lexicon file extends them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dateline import lexdata
from dateline.actors import find_actors, lexicon
from dateline.model import Article


def _actors(nlp, body: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    article = Article(doc_id="t", position=0, start=0, end=len(body), body=body)
    return [(m.text, m.actor.country, m.actor.sector) for m in find_actors(doc, article).mentions]


def test_every_list_is_a_shipped_file_with_a_header() -> None:
    folder = resources.files("dateline.actors").joinpath("lexicon")
    shipped = {entry.name for entry in folder.iterdir() if entry.name.endswith(".tsv")}
    tables = {name for name, spec in lexdata._TABLES.items() if spec.package == "dateline.actors"}
    assert shipped == {f"{name}.tsv" for name in tables}
    for name in tables:
        assert "# columns (tab-separated):" in folder.joinpath(f"{name}.tsv").read_text("utf-8"), name
    assert lexicon.GROUPS["united nations"] == (None, "IGO")  # `-` is no country
    assert lexicon.GROUPS["hts"] == ("SYR", "REB")
    assert lexicon.SECTOR_NOUNS["president"] == "GOV"
    assert "western" in lexicon.COMPASS_WORDS


def test_a_users_organisation_is_found(nlp, tmp_path: Path, restored_lexicon: None) -> None:  # type: ignore[no-untyped-def]
    body = "Fighters of Zorbat Front attacked the town of Kidal on Monday."
    before = _actors(nlp, body)
    mine = tmp_path / "mine.tsv"
    mine.write_text("# an armed group of Mali\ngroups\tzorbat front\tMLI\tREB\n", encoding="utf-8")
    lexdata.extend_from(mine)
    assert lexicon.GROUPS["zorbat front"] == ("MLI", "REB")
    after = _actors(nlp, body)
    assert ("Zorbat Front", "MLI", "REB") in after and after != before
