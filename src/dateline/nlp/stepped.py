"""Greedy transition-based components (the parser, the NER) stepped from Python (`SteppedParser`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, cast

import numpy
from spacy.ml.parser_model import ParserStepModel
from spacy.pipeline.transition_parser import Parser as TransitionParser
from spacy.tokens import Doc

# Docs per batch of token vectors inside a stepped parse (measured: 16-32 is quickest).
_TOK2VEC_CHUNK = 32


class SteppedParser:
    """A greedy transition-based component (the parser, the NER) with its loop run from Python.

    spaCy's `greedy_parse` releases the GIL for its decoding loop, but in the compiled
    spaCy this project installs, the transition system's state accessors take the GIL back
    on every call (the C++ `vector.at` they use may throw, and Cython guards that with the
    GIL); the NER calls them for each of its 74 moves at each token, so most of its time
    goes to locking. Here the same steps are taken with the GIL held, which makes those
    guards free: the component's own model scores the states (`ParserStepModel.predict`,
    the same precomputed features, maxout and output layer), its own `transition_states`
    picks the best valid move, and its own `set_annotations` writes the result. Same
    model, same arithmetic, same moves: the output is the component's own.
    """

    def __init__(self, component: Any, batch_size: int = 256, chunk_tokens: int | None = None) -> None:
        self.component = component
        self.batch_size = batch_size
        # token vectors a few Docs at a time: `_TOK2VEC_CHUNK` Docs, or (for many short
        # Docs, whose small matrices would waste the BLAS) Docs of about this many tokens
        self.chunk_tokens = chunk_tokens

    @staticmethod
    def supports(component: Any) -> bool:
        """True for a greedy (beam width 1) transition-based component."""
        return isinstance(component, TransitionParser) and component.cfg.get("beam_width", 1) == 1

    def _step_model(self, docs: list[Doc]) -> Any:
        """The component's step model for `docs`: token vectors, precomputed features.

        It is what `component.model.predict(docs)` builds, except that the token vectors
        are computed a few Docs at a time (the NER has a network of its own over every
        token; in small batches its arrays stay in cache) and stacked in order, which
        gives the same rows.
        """
        model = self.component.model
        if model.name != "parser_model" or len(model.layers) != 3:
            return model.predict(docs)
        tok2vec, lower, upper = model.layers

        def token_vectors(batch: list[Doc], is_train: bool) -> tuple[Any, None]:
            return model.ops.xp.vstack([tok2vec.predict(chunk) for chunk in self._chunks(batch)]), None

        return ParserStepModel(
            docs,
            [token_vectors, lower, upper],
            unseen_classes=model.attrs["unseen_classes"],
            train=False,
            has_upper=model.attrs["has_upper"],
        )

    def _chunks(self, docs: list[Doc]) -> Iterator[list[Doc]]:
        """`docs` in order, a few at a time, for their token vectors."""
        if self.chunk_tokens is None:
            size = _TOK2VEC_CHUNK
            yield from (docs[k : k + size] for k in range(0, len(docs), size))
            return
        chunk: list[Doc] = []
        tokens = 0
        for doc in docs:
            chunk.append(doc)
            tokens += len(doc)
            if tokens >= self.chunk_tokens:
                yield chunk
                chunk, tokens = [], 0
        if chunk:
            yield chunk

    @staticmethod
    def _scorer(model: Any) -> Callable[[list[Any]], Any]:
        """Scores of the moves for a list of states: `model.predict(states)`, more directly.

        The step model's forward pass builds closures for training at every step; here
        the same three operations run by themselves: the states' precomputed features
        (maxout), the output layer's own `ops.gemm` and bias, and the floor on classes
        never seen in training (there are none in the shipped model, but if there are,
        they get the lowest score, as in spaCy).
        """
        upper = getattr(model, "vec2scores", None)
        if upper is None or upper.name != "linear":
            return cast(Callable[[list[Any]], Any], model.predict)
        weights, bias = upper.get_param("W"), upper.get_param("b")
        unseen = model._class_mask == 0
        floor = bool(unseen.any())

        def scores(states: list[Any]) -> Any:
            found = upper.ops.gemm(model.state2vec.predict(model.get_token_ids(states)), weights, trans2=True)
            found += bias
            if floor:
                found[:, unseen] = numpy.nanmin(found)
            return found

        return scores

    def _parse(self, docs: list[Doc]) -> None:
        parser = self.component
        states = parser.moves.init_batch(docs)
        if any(len(doc) for doc in docs):  # spaCy's `predict` skips the model on empty docs too
            model = self._step_model(docs)
            scores = self._scorer(model)
            active = [state for state in states if not state.is_final()]
            while active:
                active = parser.transition_states(active, scores(active))
            model.clear_memory()
        parser.set_annotations(docs, states)

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """Parse a stream of Docs in batches, in order.

        Within a batch the Docs go by length, as in spaCy's `pipe`, so that short ones do
        not wait step after step for a long one; each Doc's parse is its own either way.
        """
        size = batch_size or self.batch_size
        stream = iter(docs)
        while batch := list(islice(stream, size)):
            self._parse(sorted(batch, key=len))
            yield from batch
