"""Line roles: pages rendered as pasted, labelled lines, features, the shipped model and its use."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
from split_texts import PARAGRAPHS

from dateline.clean import clean
from dateline.split import features, roles
from dateline.split.render import render_lines
from dateline.split.roles import ROLES, LineRoleModel, load_model, type_lines
from dateline.split.shape import FEATURES, line_features
from dateline.split.train import fit, label_rendered

PAGE = b"""<html><head><title>Ministers meet in Oslo | Example News</title>
<script>var x = 1;</script><style>p {color: red}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<h1>Ministers meet in Oslo</h1><p class="byline">By Ana Ruiz</p>
<article><p>Foreign ministers from six countries met in <b>Oslo</b> on Monday to discuss a ceasefire.</p>
<p>The talks are expected to last until the end of the week, a spokesman said.</p>
<div style="display: none">Hidden promotion</div></article>
<footer>Copyright 2024 Example News<br>Privacy policy</footer></body></html>"""

BODY = (
    "Foreign ministers from six countries met in Oslo on Monday to discuss a ceasefire.\n\n"
    "The talks are expected to last until the end of the week, a spokesman said."
)


def test_a_page_renders_as_its_visible_lines_in_order() -> None:
    lines = render_lines(PAGE)
    assert lines == [
        "Home",
        "World",
        "Ministers meet in Oslo",
        "By Ana Ruiz",
        "Foreign ministers from six countries met in Oslo on Monday to discuss a ceasefire.",
        "The talks are expected to last until the end of the week, a spokesman said.",
        "Copyright 2024 Example News",
        "Privacy policy",
    ]


def test_rendered_lines_are_labelled_from_the_true_body_and_title() -> None:
    lines = render_lines(PAGE)
    roles = label_rendered(lines, BODY, "Ministers meet in Oslo | Example News")
    assert roles == ["FURNITURE", "FURNITURE", "META", "META", "BODY", "BODY", "FURNITURE", "FURNITURE"]


def test_features_have_one_row_per_line_and_a_named_column_each() -> None:
    text = clean(
        "Home\nForeign ministers met in Oslo on Monday to discuss a ceasefire in the region.\nHome\n"
    )
    x = line_features(text.lines)
    assert x.shape == (3, len(FEATURES))
    column = {name: x[:, i] for i, name in enumerate(FEATURES)}
    assert list(column["prose"]) == [0.0, 1.0, 0.0]
    assert list(column["repeated"]) == [1.0, 0.0, 1.0]
    assert list(column["next_prose"]) == [1.0, 0.0, 0.0]
    assert line_features(()).shape == (0, len(FEATURES))


def test_training_is_deterministic_and_learns_a_separable_role() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, len(FEATURES)))
    x[:, 0] = 1.0
    y = (x[:, 1] > 0).astype(np.int64)  # BODY when the second feature is positive, else FURNITURE
    w = np.ones(60)
    first, second = fit(x, y, w), fit(x, y, w)
    assert first == second
    model = LineRoleModel(first)
    predicted = model.probabilities(x).argmax(axis=1)
    assert (predicted == y).mean() > 0.9


def test_the_shipped_model_loads_and_tells_a_menu_from_prose() -> None:
    model = load_model()
    assert model is not None and model.info["part"] == "fit"
    text = clean(
        "Home\nWorld\nBusiness\nSport\nContact us\n"
        "Foreign ministers from six countries met in Oslo on Monday to discuss a ceasefire, officials said.\n"
        "The talks are expected to last until the end of the week, a spokesman for the delegation said.\n"
        "Ministers also agreed to meet again next month in Geneva, where the envoys would continue.\n"
    )
    p = model.roles(text.lines)
    furniture, body = ROLES.index("FURNITURE"), ROLES.index("BODY")
    assert (p[:5, furniture] > 0.5).all()
    assert (p[5:, body] > 0.5).all()


def test_the_furniture_model_reads_all_but_the_line_position_and_decides_furniture_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = roles.load_furniture_model()
    assert model is not None and model.info["part"] == "fit"
    blind = [f for f in FEATURES if f not in roles.FURNITURE_BLIND]
    assert model.columns is not None and [FEATURES[i] for i in model.columns] == blind
    raw = (
        "Ministers meet in Oslo\n"
        "OSLO (Reuters) - Foreign ministers met in Oslo on Monday to discuss the ceasefire, officials said.\n"
        "The ministers will meet again in Geneva next month, where the envoys would continue the talks.\n"
    )
    text = clean(raw)
    x = line_features(text.lines)
    moved = x.copy()
    moved[:, FEATURES.index("position")] = 0.5
    assert np.allclose(model.probabilities(x), model.probabilities(moved))  # the position is not read
    # The split reads the line-role model's typing; the article's text leaves out what the furniture
    # model reads as furniture.
    from dateline.model import RawDoc
    from dateline.split import split

    last = "The ministers will meet again in Geneva next month, where the envoys would continue the talks."
    monkeypatch.setattr(roles, "load_model", lambda: _Fixed([0.05, 0.0, 0.0]))
    monkeypatch.setattr(roles, "load_furniture_model", lambda: _Fixed([0.05, 0.95, 0.0]))
    typed = type_lines(text.lines)
    assert typed[2].kind == features.BODY and typed[2].furniture_p == 0.95 and typed[2].prose == 0.05
    (article,) = split(text, RawDoc(text=raw))
    assert last not in article.body and [s.reason for s in article.removed] == ["learned"]
    monkeypatch.setattr(roles, "load_model", lambda: _Fixed([0.05, 0.95, 0.0]))
    monkeypatch.setattr(roles, "load_furniture_model", lambda: _Fixed([0.05, 0.0, 0.0]))
    assert type_lines(text.lines)[2].kind == features.FURNITURE
    (article,) = split(text, RawDoc(text=raw))
    assert last in article.body and not article.removed


def test_training_a_model_on_some_features_keeps_their_columns() -> None:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(50, len(FEATURES)))
    x[:, 0] = 1.0
    y = (x[:, 3] > 0).astype(np.int64)
    some = tuple(f for f in FEATURES if f != "position")
    weights = fit(x, y, np.ones(50), some)
    assert weights["features"] == list(some) and len(weights["mean"]) == len(some)
    model = LineRoleModel(weights)
    x[:, FEATURES.index("position")] = 7.0
    assert (model.probabilities(x).argmax(axis=1) == y).mean() > 0.9
    with pytest.raises(ValueError):
        LineRoleModel({**weights, "features": [*some, "unknown"]})


class _Fixed:
    """A stand-in model giving every line the same probabilities."""

    def __init__(self, probabilities: list[float]) -> None:
        self.p = np.array(probabilities)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return np.tile(self.p, (len(features), 1))


def _fixed(monkeypatch: pytest.MonkeyPatch, probabilities: list[float]) -> None:
    """Every line read with the same probabilities, the furniture model's P(furniture) included."""
    monkeypatch.setattr(roles, "load_model", lambda: _Fixed(probabilities))
    monkeypatch.setattr(roles, "load_furniture_model", lambda: None)


def test_only_paragraphs_kept_as_text_are_asked_and_titles_are_spared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = clean(
        "Ministers meet in Oslo\n"
        "OSLO (Reuters) - Foreign ministers met in Oslo on Monday to discuss the ceasefire, officials said.\n"
        "The ministers will meet again in Geneva next month, where the envoys would continue the talks.\n"
    )
    _fixed(monkeypatch, [0.05, 0.95, 0.0])
    typed = type_lines(text.lines)
    # The headline-shaped line and the dateline's paragraph stay the rules' to read.
    assert [t.kind for t in typed] == [features.HEADLINE, features.BODY, features.FURNITURE]
    assert typed[2].line.furniture == "learned"
    # A line the model also sees as a title is never taken as furniture.
    _fixed(monkeypatch, [0.0, 0.9, 0.1])
    assert type_lines(text.lines)[2].kind == features.BODY


def test_the_seed_keeps_its_three_articles_and_headlines(seed_text: str) -> None:
    from dateline.model import RawDoc
    from dateline.split import split

    articles = split(clean(seed_text), RawDoc(text=seed_text))
    assert [a.headline for a in articles] == [
        "Moon out of step with Biden ahead of Korea-US summit",
        None,
        "S. Korea's new top nuclear envoy holds phones talks with Japanese counterpart",
    ]


def _tiny_data(tmp_path: Path) -> None:
    """One scrapinghub-style page and one hand-labelled page, both of fit outlets."""
    (tmp_path / "extraction" / "scrapinghub" / "html").mkdir(parents=True)
    with gzip.open(tmp_path / "extraction" / "scrapinghub" / "html" / "p1.html.gz", "wb") as out:
        out.write(PAGE)
    truth = {"p1": {"url": "https://www.example.com/oslo", "articleBody": BODY}}
    (tmp_path / "extraction" / "scrapinghub" / "ground-truth.json").write_text(json.dumps(truth))
    (tmp_path / "news").mkdir()
    page = {"url": "https://example.org/a", "outlet": "example.org", "story": "1", "text": "Home\n\n" + BODY}
    (tmp_path / "news" / "pages.dev.jsonl").write_text(json.dumps(page) + "\n")
    labels = {
        "page": 0,
        "url": page["url"],
        "lang": "en",
        "labels": ["FURNITURE", "EMPTY", "BODY", "EMPTY", "BODY"],
    }
    (tmp_path / "news" / "labels.dev.jsonl").write_text(json.dumps(labels) + "\n")


def test_eval_lines_on_a_tiny_data_folder(tmp_path: Path) -> None:
    from dateline.evaluate.lines import evaluate

    _tiny_data(tmp_path)
    metrics = evaluate(tmp_path)
    assert metrics["scrapinghub_pages"] == 1 and metrics["news_pages"] == 1
    assert metrics["scrapinghub_body_recall"] == 1.0 and metrics["news_body_recall"] == 1.0
    assert metrics["scrapinghub_furniture_precision"] == 1.0
    # The page's <title> names its headline line; the hand-labelled page has none.
    assert metrics["scrapinghub_headline_pages"] == 1 and metrics["scrapinghub_headline_accuracy"] == 1.0
    assert metrics["news_headline_accuracy"] is None


def test_shipped_model_on_unseen_sites(shared_data: Path) -> None:
    """On the check part (sites neither the rules nor the model were fitted on), furniture F1
    of clean + split on the rendered scrapinghub pages: 0.853 with the rules alone, 0.889 with
    the model."""
    from dateline.evaluate.lines import _score
    from dateline.split.train import scrapinghub_pages

    pages = list(scrapinghub_pages(shared_data / "extraction" / "scrapinghub", "check"))
    assert _score(pages)["furniture_f1"] >= 0.88


def test_train_and_eval_lines_commands(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli.app import app

    runner = CliRunner()
    _tiny_data(tmp_path)
    out = tmp_path / "model.json"
    result = runner.invoke(app, ["train", "lines", "--data", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["part"] == "fit"
    assert LineRoleModel(json.loads(out.read_text())).info["lines"] > 0
    blind = LineRoleModel(json.loads((tmp_path / "line-furniture.json").read_text()))
    assert blind.columns is not None and "position" not in blind.info and blind.info["lines"] > 0
    result = runner.invoke(app, ["eval", "lines", str(tmp_path), "--part", "fit"])
    assert result.exit_code == 0 and json.loads(result.stdout)["part"] == "fit"
    missing = runner.invoke(app, ["train", "lines", "--data", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "expected the development data" in missing.stderr


def test_pages_are_pasted_into_cases_with_their_labels() -> None:
    from dateline.evaluate.lines import pasted_cases
    from dateline.split.train import LabelledPage

    def page(outlet: str, title: str, words: str) -> LabelledPage:
        lines = [
            "Home",
            "World",
            title,
            f"{words} began on Monday, officials said.",
            f"More {words} today.",
            "Share",
        ]
        roles = ["FURNITURE", "FURNITURE", "META", "BODY", "BODY", "FURNITURE"]
        return LabelledPage(outlet, lines, roles, "scrapinghub", (2,))

    pages = [page("a.com", "Talks open in Oslo", "Talks"), page("b.org", "Floods hit", "Floods")]
    tops, tails = set(), set()
    for shuffle in range(30):
        (case,) = pasted_cases(pages, shuffle)
        text = case["text"]
        assert len(case["articles"]) == 2
        for article in case["articles"]:
            chunk = text[article["start"] : article["end"]]
            # The headline is always pasted and is a line of the paste; the furniture around it varies.
            assert article["headline"] in chunk.split("\n")
            assert "began on Monday" in chunk and "More " in chunk
            tops.add(chunk.split("\n")[0])
            tails.add(chunk.split("\n")[-1])
            furniture = [text[s:e] for s, e in article["furniture"]]
            assert furniture == [line for line in chunk.split("\n") if line in ("Home", "World", "Share")]
    # Most selections start at the headline and end at the last paragraph; some take furniture too.
    assert tops & {"Talks open in Oslo", "Floods hit"} and tops & {"Home", "World"}
    assert "Share" in tails and any(t.startswith("More ") for t in tails)


def test_a_date_line_pasted_with_an_article_is_its_furniture_as_hand_labels_have_it() -> None:
    from dateline.evaluate.lines import pasted_cases
    from dateline.split.train import LabelledPage

    lines = ["Ministers meet in Oslo", "By Ana Ruiz", "Published 10:02 AM EST Nov 19, 2019", *PARAGRAPHS[:2]]
    roles = ["META", "META", "META", "BODY", "BODY"]
    pages = [LabelledPage(o, lines, roles, "scrapinghub", (0,)) for o in ("a.com", "b.org")]
    (case,) = pasted_cases(pages)
    text = case["text"]
    for article in case["articles"]:
        assert [text[s:e] for s, e in article["furniture"]] == ["Published 10:02 AM EST Nov 19, 2019"]


def test_a_page_names_its_headline_by_title_og_title_and_first_h1() -> None:
    from dateline.split.train import is_title, page_titles

    page = (
        b"<html><head><title>HS Roundup: Viera wins | Florida Today</title>"
        b'<meta property="og:title" content="Viera wins again"></head>'
        b"<body><h1>High School Roundup: Viera <b>defeats</b> Rockledge</h1>"
        b"<h1>Need a hand?</h1></body></html>"
    )
    names = page_titles(page)
    assert names == (
        "HS Roundup: Viera wins | Florida Today",
        "Viera wins again",
        "High School Roundup: Viera defeats Rockledge",
    )
    assert is_title("High School Roundup: Viera defeats Rockledge", names)
    assert not is_title("Need a hand?", names)


def test_a_sentence_between_a_title_and_its_date_line_is_the_deck() -> None:

    lines = [
        "Israel and the UAE agree to normalise ties",
        "Trump said he expects more countries to \u201cfollow the lead of the Emirates.\u201d",
        "August 13, 2020, 6:15 PM",
        PARAGRAPHS[4],
    ]
    typed = type_lines(clean("\n".join(lines)).lines)
    assert [t.kind for t in typed[:2]] == [features.HEADLINE, features.HEADLINE]
    assert typed[3].kind == features.BODY


def test_the_model_averages_the_probabilities_of_its_networks() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(40, len(FEATURES)))
    x[:, 0] = 1.0
    y = (x[:, 2] > 0).astype(np.int64)
    weights = fit(x, y, np.ones(40))
    assert len(weights["nets"]) > 1
    alone = [LineRoleModel({**weights, "nets": [net]}).probabilities(x) for net in weights["nets"]]
    together = LineRoleModel(weights).probabilities(x)
    assert np.allclose(together, np.mean(alone, axis=0))
    assert not np.allclose(alone[0], alone[1])  # the seeds differ, so the networks do


def test_a_paragraph_of_more_than_a_hundred_words_is_never_learned_furniture(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = "Foreign ministers met in Oslo on Monday to discuss the ceasefire, officials said. "
    text = clean("Ministers meet in Oslo\n" + sentence * 3 + "\n" + sentence * 8 + "\n")
    _fixed(monkeypatch, [0.05, 0.95, 0.0])
    typed = type_lines(text.lines)
    # The same reading takes the short paragraph but not the long one: furniture is short.
    assert [t.kind for t in typed[1:]] == [features.FURNITURE, features.BODY]
