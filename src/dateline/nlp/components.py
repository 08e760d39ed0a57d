"""The model's components over tokenized Docs, each run by its faster equivalent.

The attribute rules by `FastAttributeRules`, the lemmatizer by `RememberedLemmas`, the
parser by `SteppedParser` and the NER by `EntityStretches` (on the stretches that can hold
an entity); each gives spaCy's own output, or (the NER) the output its docstring states.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.attribute_rules import FastAttributeRules
from dateline.nlp.lemmas import RememberedLemmas
from dateline.nlp.model import load_pipeline
from dateline.nlp.per_doc import MEMO_ENTRIES
from dateline.nlp.stepped import SteppedParser


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches, in order: every sentence, every component (`run_pipeline`).

    The same components as the events stage runs, so that evaluation, training and the
    pipeline's own parses see the same entities (`dateline.nlp.entities`).
    """
    nlp = load_pipeline()
    yield from run_pipeline(nlp, (nlp.make_doc(text) for text in texts), batch_size)


@cache
def _fast_rules() -> FastAttributeRules:
    return FastAttributeRules(load_pipeline().get_pipe("attribute_ruler"))


@cache
def _lemmas() -> RememberedLemmas:
    return RememberedLemmas(load_pipeline().get_pipe("lemmatizer"))


@cache
def _entity_stretches() -> Any:
    from dateline.nlp.entities import EntityStretches

    # the stretches are short (about 9 tokens): many share each step, and their token
    # vectors are taken about as many tokens at a time as 32 whole sentence runs give
    stepped = SteppedParser(load_pipeline().get_pipe("ner"), batch_size=2048, chunk_tokens=3000)
    return EntityStretches(stepped, MEMO_ENTRIES)


def run_pipeline(nlp: Language, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
    """All components of `nlp` over tokenized Docs: the fast attribute rules, stepped parsers."""
    stream: Iterable[Doc] = docs
    for name, component in nlp.pipeline:
        if name == "attribute_ruler" and nlp is load_pipeline():
            # a batch's tokens share the look-ups: the more Docs the fewer (output the same)
            stream = _fast_rules().pipe(stream, batch_size=max(batch_size, 256))
        elif name == "lemmatizer" and nlp is load_pipeline():
            stream = _lemmas().pipe(stream, batch_size=batch_size)
        elif name == "ner" and nlp is load_pipeline() and SteppedParser.supports(component):
            # the NER only where an entity can be (see `dateline.nlp.entities`)
            stream = _entity_stretches().pipe(stream, batch_size=max(batch_size, 256))
        elif SteppedParser.supports(component):
            # each step has a fixed cost, so the more Docs share the steps the better
            stream = SteppedParser(component).pipe(stream, batch_size=max(batch_size, 256))
        elif hasattr(component, "pipe"):
            stream = component.pipe(stream, batch_size=batch_size)
        else:  # a plain function component
            stream = map(component, stream)
    yield from stream
