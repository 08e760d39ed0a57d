"""What the per-Doc stand-ins for the model's components share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

# Entries each of the attribute rules' and the lemmatizer's memos holds before starting afresh.
# A long ingest fills them with every new word (about 30 entries a document): at ~310 and ~200
# bytes an entry, 500,000 each would be some 250 MB; 65,536 is ~33 MB and keeps the common words.
MEMO_ENTRIES = 1 << 16


class PerDoc:
    """A component that works one Doc at a time; `pipe` streams Docs through `__call__`."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Apply to a stream of Docs."""
        for doc in docs:
            yield self(doc)
