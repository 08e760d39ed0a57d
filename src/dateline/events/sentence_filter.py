"""A learned sentence filter: which candidate sentences cannot give an event, before the parse.

`dateline.events.candidates` keeps every sentence with a trigger word and an actor word,
but most of them still give no event: trigger words are common English ("back", "support",
"attack", "killed" in background, opinion and plans), so no word list can drop them. This
filter is a logistic regression over hashed cheap features of the sentence's text alone
(its lower-cased words, word bigrams, and a few shape features), trained by distillation:
the full pipeline was run over the fit parts of the development data and each candidate
sentence labelled by whether it gave at least one event (`dateline train filter`,
`dateline.events.filter_training`). The threshold in the model file was chosen on
out-of-fold scores of the fit part to keep a very high share of the events, so a sentence
the filter drops is one the coder would almost never have coded; the parser, entity
recogniser, actor finder and coder then skip it.

Features need no parse: they are read from the sentence's characters, so the filter costs
tens of microseconds a sentence against milliseconds for parsing it. Hashing uses CRC-32
(stable across processes, unlike Python's `hash`). Without a shipped model file the
filter keeps everything; `DATELINE_FILTER=off` turns it off (for measuring what it costs).
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy

MODEL_FILE = "sentence-filter.npz"
# Hashed feature space: 2**18 weights (float16 on disk, mostly zeros, so the file is small).
BITS = 18
_MASK = (1 << BITS) - 1
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*|\d+")
_CAPITAL = re.compile(r"\b[A-Z][a-z]")
_QUOTES = ('"', "“", "”", "‘", "’")


def _bucket(n: int) -> int:
    """A count in a few doubling buckets (0, 1, 2-3, 4-7, ...), so lengths generalise."""
    return n.bit_length()


def feature_strings(sentence: str) -> list[str]:
    """The features of a sentence, as strings: words, bigrams, first words and its shape.

    Lower-cased words and bigrams carry the trigger and what surrounds it ("will meet",
    "has long", "said the"); the shape says whether it is a quote, a question, how long it
    is and how many capitalised words (names) it has.
    """
    lowered = sentence.casefold()
    words = _WORD.findall(lowered)
    out = [f"w={w}" for w in words]
    out.extend(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    if words:
        out.append(f"first={words[0]}")
        if len(words) > 1:
            out.append(f"first2={words[0]}_{words[1]}")
    stripped = sentence.strip()
    out.append(f"len={_bucket(len(words))}")
    out.append(f"caps={_bucket(len(_CAPITAL.findall(sentence)))}")
    if stripped[:1] in _QUOTES:
        out.append("starts_quote")
    if any(q in sentence for q in _QUOTES):
        out.append("has_quote")
    if stripped.endswith("?"):
        out.append("question")
    if not stripped.endswith((".", "!", "?", '"', "”", "’", "'")):
        out.append("no_end")  # a headline, caption or list line
    if any(c.isdigit() for c in sentence):
        out.append("digit")
    out.append("bias")
    return out


def feature_rows(sentence: str) -> list[int]:
    """The hashed feature indices of a sentence (`feature_strings` through CRC-32)."""
    return [zlib.crc32(f.encode()) & _MASK for f in feature_strings(sentence)]


@dataclass(frozen=True)
class SentenceFilter:
    """Weights over the hashed features and the score below which a sentence is dropped."""

    weights: numpy.ndarray  # float32, 2**BITS
    threshold: float  # on the linear score (log-odds)

    def score(self, sentence: str) -> float:
        """The log-odds that the sentence gives an event."""
        return float(self.weights[feature_rows(sentence)].sum())

    def keeps(self, sentence: str) -> bool:
        """True when the sentence may give an event and must be parsed."""
        return self.score(sentence) >= self.threshold

    def save(self, path: Path) -> None:
        """Write the model as one compressed numpy file (fixed entry timestamps)."""
        from dateline.events.classify import write_arrays

        write_arrays(
            path,
            {
                "weights": self.weights.astype(numpy.float16),
                "threshold": numpy.array([self.threshold], dtype=numpy.float32),
                "bits": numpy.array([BITS], dtype=numpy.int32),
            },
        )

    @classmethod
    def load(cls, path: Path) -> SentenceFilter:
        """Read a model written by `save`."""
        with numpy.load(path, allow_pickle=False) as data:
            if int(data["bits"][0]) != BITS:
                raise ValueError(f"{path}: hashed into {int(data['bits'][0])} bits, expected {BITS}")
            return cls(data["weights"].astype(numpy.float32), float(data["threshold"][0]))


def model_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files("dateline") / "models" / MODEL_FILE))


@cache
def shipped_filter() -> SentenceFilter | None:
    """The shipped filter, or None before `dateline train filter` has run."""
    path = model_path()
    return SentenceFilter.load(path) if path.is_file() else None


def filter_off() -> bool:
    """True when `DATELINE_FILTER=off` asks to keep every candidate sentence."""
    return os.environ.get("DATELINE_FILTER", "").strip().casefold() == "off"


def keeps(sentences: Sequence[str]) -> list[bool]:
    """For each candidate sentence, whether the learned filter keeps it (all, without a model)."""
    model = None if filter_off() else shipped_filter()
    if model is None:
        return [True] * len(sentences)
    return [model.keeps(s) for s in sentences]
