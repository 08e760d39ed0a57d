"""Train the line-role model (`dateline train lines`) from the fit parts of the development data.

Two sources of labelled lines, both split by outlet (`dateline.evaluate.parts`):

- the scrapinghub pages (`extraction/scrapinghub`, about 180 sites): each page rendered as a
  scraper pastes it (`render_lines`); a line is BODY when its words run in the page's true
  article body, META when it is the page's title or a byline or date line, else FURNITURE;
- the hand-labelled news pages (`news/pages.dev.jsonl` with `news/labels.dev.jsonl`):
  BODY, FURNITURE, and HEADLINE or BYLINE as META.

Only pages whose outlet falls in the fit part are read. The networks are trained with numpy
from fixed seeds, so the same data gives the same file.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.clean import clean
from dateline.evaluate.parts import Part, in_part, outlet_key
from dateline.split.cues import find_byline, find_date_line, find_split_byline
from dateline.split.render import render_lines
from dateline.split.roles import FURNITURE_BLIND, FURNITURE_MODEL_PATH, MODEL_PATH, ROLES
from dateline.split.shape import FEATURES, line_features

_WORD = re.compile(r"\w+")
SEED = 20261206
HIDDEN = 16
NETS = 5  # networks from consecutive seeds, their probabilities averaged
EPOCHS = 600
LEARNING_RATE = 0.02
L2 = 1e-3

Matrix = npt.NDArray[np.float64]


@dataclass
class LabelledPage:
    """One page's text as pasted, a role for each of its non-empty lines, and its outlet."""

    outlet: str
    lines: list[str]
    roles: list[str]
    source: str
    titles: tuple[int, ...] = ()  # the lines that are the page's headline (measured, not learned)


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


_TAGS = re.compile(r"<[^>]+>")
_H1 = re.compile(rb"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_OG_TITLE = re.compile(rb"<meta[^>]+property=[\"']og:title[\"'][^>]*content=[\"']([^\"']*)", re.IGNORECASE)


def _title_of(page: bytes) -> str:
    match = re.search(rb"<title[^>]*>(.*?)</title>", page, re.IGNORECASE | re.DOTALL)
    return match.group(1).decode("utf-8", "replace") if match else ""


def page_titles(page: bytes) -> tuple[str, ...]:
    """The names a page gives its headline: its <title>, its og:title and its first <h1>.

    A page's <title> is often a shorter or older wording of the headline it prints ("HS Roundup:
    ..." over "High School Roundup: ..."); the first <h1> is the printed headline itself.
    """
    found = [_title_of(page)]
    og = _OG_TITLE.search(page)
    if og:
        found.append(og.group(1).decode("utf-8", "replace"))
    h1 = _H1.search(page)
    if h1:
        found.append(_TAGS.sub(" ", h1.group(1).decode("utf-8", "replace")))
    return tuple(t for t in (" ".join(html.unescape(t).split()) for t in found) if t)


def label_rendered(lines: list[str], body: str, title: str | Sequence[str] = "") -> list[str]:
    """BODY, META or FURNITURE for each rendered line of a page, given its true body and title (or
    the several names of its headline, `page_titles`).

    A line of four words or more is BODY when its words run, in order, in the body; a shorter
    one only when it is a whole paragraph of the body (short lines like "Advertisement" or
    "Share" are found inside longer sentences by chance).
    """
    gold = f" {_norm(body)} "
    paragraphs = {_norm(p) for p in body.splitlines() if p.strip()}
    title_norm = "\x1f".join(_norm(t) for t in ([title] if isinstance(title, str) else title))
    roles: list[str] = []
    split_byline = False  # the line above was a byline's lead word ("By") over this line's name
    for k, line in enumerate(lines):
        norm = _norm(line)
        words = norm.count(" ") + 1 if norm else 0
        below = lines[k + 1] if k + 1 < len(lines) else ""
        if norm and ((words >= 4 and f" {norm} " in gold) or norm in paragraphs):
            roles.append("BODY")
            split_byline = False
            continue
        lead = bool(below) and find_split_byline(line, below) is not None
        titled = words >= 3 and bool(norm) and norm in title_norm
        if split_byline or lead or titled or find_byline(line) or find_date_line(line):
            roles.append("META")
        else:
            roles.append("FURNITURE")
        split_byline = lead
    return roles


def is_title(line: str, title: str | Sequence[str]) -> bool:
    """Whether a line is the page's headline: three words or more, all in its <title> (or in one of
    the names of its headline, `page_titles`) in order."""
    norm = _norm(line)
    titles = [title] if isinstance(title, str) else title
    return norm.count(" ") >= 2 and any(norm in _norm(t) for t in titles)


def scrapinghub_pages(folder: Path, part: Part) -> Iterator[LabelledPage]:
    """The scrapinghub pages of `part`, rendered and labelled."""
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for page_id, gold in sorted(truth.items()):
        outlet = outlet_key(gold.get("url") or page_id)
        html_file = folder / "html" / f"{page_id}.html.gz"
        if not in_part(outlet, part) or not html_file.exists():
            continue
        with gzip.open(html_file, "rb") as stream:
            page = stream.read()
        lines = render_lines(page)
        if lines:
            title = page_titles(page)
            roles = label_rendered(lines, gold.get("articleBody") or "", title)
            titled = tuple(i for i, line in enumerate(lines) if roles[i] == "META" and is_title(line, title))
            # A line that is a whole name of the headline is it; a line of a few words of the <title>
            # may be a topic label ("Hong Kong Protests") printed above the headline.
            whole = {_norm(t) for t in title}
            titled = tuple(i for i in titled if _norm(lines[i]) in whole) or titled
            yield LabelledPage(outlet, lines, roles, "scrapinghub", titled)


_HAND_ROLES = {"BODY": "BODY", "FURNITURE": "FURNITURE", "HEADLINE": "META", "BYLINE": "META"}


def hand_pages(news: Path, part: Part) -> Iterator[LabelledPage]:
    """The hand-labelled news pages of `part`."""
    pages = [json.loads(x) for x in (news / "pages.dev.jsonl").read_text("utf-8").splitlines() if x.strip()]
    for raw in (news / "labels.dev.jsonl").read_text("utf-8").splitlines():
        if not raw.strip():
            continue
        labelled = json.loads(raw)
        page = pages[labelled["page"]]
        outlet = outlet_key(page.get("outlet") or page.get("url"))
        if not in_part(outlet, part):
            continue
        lines: list[str] = []
        roles: list[str] = []
        titles: list[int] = []
        for line, label in zip(page["text"].split("\n"), labelled["labels"], strict=False):
            if line.strip() and label in _HAND_ROLES:
                if label == "HEADLINE":
                    titles.append(len(lines))
                lines.append(line.strip())
                roles.append(_HAND_ROLES[label])
        if lines:
            yield LabelledPage(outlet, lines, roles, "news", tuple(titles))


def page_matrix(page: LabelledPage) -> tuple[npt.NDArray[np.float64], list[str]] | None:
    """The features of a page's lines as the cleaner sees them, with their roles (None if they disagree)."""
    cleaned = clean("\n".join(page.lines))
    if len(cleaned.lines) != len(page.lines):
        return None
    return line_features(cleaned.lines), page.roles


def dataset(
    shared: Path, part: Part
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Features, role indices and sample weights of every labelled line of `part`.

    Each source weighs as much as the other in all, and within a source every page as much as
    any other, so a page with a menu of two hundred links does not teach more than a short one.
    """
    rows: list[Matrix] = []
    labels: list[int] = []
    weights: list[float] = []
    sources = {
        "scrapinghub": list(scrapinghub_pages(shared / "extraction" / "scrapinghub", part)),
        "news": list(hand_pages(shared / "news", part)),
    }
    for pages in sources.values():
        usable = [m for m in (page_matrix(p) for p in pages) if m is not None]
        for features, roles in usable:
            rows.append(features)
            labels.extend(ROLES.index(r) for r in roles)
            weights.extend([1.0 / (len(roles) * len(usable))] * len(roles))
    x = np.vstack(rows)
    w = np.array(weights)
    return x, np.array(labels), w * len(w) / w.sum()


def fit(
    x: npt.NDArray[np.float64],
    y: npt.NDArray[np.int64],
    w: npt.NDArray[np.float64],
    features: tuple[str, ...] = FEATURES,
) -> dict[str, Any]:
    """Train `NETS` networks from consecutive seeds and return their weights as plain data.

    `x` has a column for each of `FEATURES`; the networks read the columns of `features` only.
    One network's figures moved with its seed as much as with a new feature: over five seeds,
    furniture F1 on the cases pasted from unseen scrapinghub sites ranged over 0.077, and on the
    development cases cross-fitted by outlet over 0.225. The mean of several is steadier.
    """
    if features != FEATURES:
        x = x[:, [FEATURES.index(f) for f in features]]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    z = (x - mean) / scale
    nets = [_fit_one(z, y, w, np.random.default_rng(SEED + k)) for k in range(NETS)]
    return {
        "features": list(features),
        "roles": list(ROLES),
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "nets": [{name: p.round(6).tolist() for name, p in net.items()} for net in nets],
    }


def _fit_one(
    z: npt.NDArray[np.float64], y: npt.NDArray[np.int64], w: npt.NDArray[np.float64], rng: np.random.Generator
) -> dict[str, npt.NDArray[np.float64]]:
    """One network on standardised features (full batch, Adam)."""
    k = len(ROLES)
    params = {
        "w1": rng.normal(0, 1 / np.sqrt(z.shape[1]), (z.shape[1], HIDDEN)),
        "b1": np.zeros(HIDDEN),
        "w2": rng.normal(0, 1 / np.sqrt(HIDDEN), (HIDDEN, k)),
        "b2": np.zeros(k),
    }
    moments = {name: (np.zeros_like(p), np.zeros_like(p)) for name, p in params.items()}
    onehot = np.eye(k)[y]
    total = w.sum()
    for step in range(1, EPOCHS + 1):
        hidden = np.tanh(z @ params["w1"] + params["b1"])
        logits = hidden @ params["w2"] + params["b2"]
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        d_logits = (prob - onehot) * w[:, None] / total
        grads = {
            "w2": hidden.T @ d_logits + L2 * params["w2"],
            "b2": d_logits.sum(axis=0),
        }
        d_hidden = (d_logits @ params["w2"].T) * (1 - hidden**2)
        grads["w1"] = z.T @ d_hidden + L2 * params["w1"]
        grads["b1"] = d_hidden.sum(axis=0)
        for name, grad in grads.items():
            m, v = moments[name]
            m[:] = 0.9 * m + 0.1 * grad
            v[:] = 0.999 * v + 0.001 * grad**2
            m_hat = m / (1 - 0.9**step)
            v_hat = v / (1 - 0.999**step)
            params[name] -= LEARNING_RATE * m_hat / (np.sqrt(v_hat) + 1e-8)
    return params


def train(shared: Path, out: Path = MODEL_PATH, part: Part = "fit") -> dict[str, Any]:
    """Train on `part` of the data under `shared` (the `data` folder) and write the line-role model to
    `out`, and the furniture model (the same networks without `FURNITURE_BLIND`) beside it, named as
    the package's (`FURNITURE_MODEL_PATH`)."""
    x, y, w = dataset(shared, part)
    counts = {role: int((y == i).sum()) for i, role in enumerate(ROLES)}
    info = {"part": part, "lines": int(len(y)), "roles": counts, "seed": SEED, "nets": NETS}
    blind = tuple(f for f in FEATURES if f not in FURNITURE_BLIND)
    out.parent.mkdir(parents=True, exist_ok=True)
    for features, file in ((FEATURES, out), (blind, out.with_name(FURNITURE_MODEL_PATH.name))):
        weights = fit(x, y, w, features)
        weights["info"] = info
        file.write_text(json.dumps(weights, separators=(",", ":")) + "\n", "utf-8")
    return info
