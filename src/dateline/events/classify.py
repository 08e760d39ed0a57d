"""A learned second opinion on what a sentence reports: PLOVER type and CAMEO penta-class.

The parse-based coder finds candidates (trigger, source, target) by rules that state how
English expresses an act; which *kind* of act a sentence reports is better learned from
the hand-labelled sentences in ../shared (`dateline train events`). The model is a linear
classifier over features that transfer between outlets and topics: lemmas and lemma pairs
with names replaced by their entity kind (so it learns "X accused Y", not who), the
sentence's main verbs and their objects, negation, and what the rule coder proposed.

It has two heads over the same features:

- `type`: the PLOVER type (CONCEDE and RETREAT are one class, `YIELD`, because the largest
  labelled set does not tell them apart; the rule coder's choice between them stands);
- `penta`: the CAMEO penta-class (0 = statements and appeals ... 4 = force).

Besides these words, a head may read dense features: the parser's own contextual token
vectors (`doc.tensor`, the small model's tok2vec, which every parsed sentence has at no
extra cost), of the trigger and of the sentence (`token_vectors`). Words the fit part never
shows get no weight of their own; their vectors still say something of their neighbourhood.

The trained file (`models/event-types.npz`) holds the feature vocabulary and the weights;
prediction is a sparse dot product in numpy, so scikit-learn is needed only for training.
"""

from __future__ import annotations

import zipfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

import numpy
from spacy.tokens import Span, Token

from dateline.model import Event

MODEL_FILE = "event-types.npz"
# Entity kinds replaced by a placeholder: who acts is the actor finder's job, not the type's.
_MASKED = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"})
_MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def type_class(plover_type: str) -> str:
    """The class of the type head that a PLOVER type falls in (CONCEDE and RETREAT: YIELD)."""
    return _MERGED.get(plover_type, plover_type)


def _word(token: Token) -> str:
    """A token as a feature: its entity kind for a name, else its lower-cased lemma."""
    if token.ent_type_ in _MASKED:
        return f"<{token.ent_type_}>"
    return (token.lemma_ or token.lower_).casefold()


def pentaclass(cameo: str) -> int | None:
    """The penta-class of a CAMEO code: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16, 4 = the rest."""
    if len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root in (1, 2):
        return 0
    if root in (3, 4, 5):
        return 1
    if root in (6, 7, 8):
        return 2
    if 9 <= root <= 13 or root == 16:
        return 3
    if root in (14, 15) or 17 <= root <= 20:
        return 4
    return None


def sentence_features(sent: Span, events: Sequence[Event] = ()) -> list[str]:
    """The features of one parsed sentence, with the events the rule coder found in it."""
    return sentence_words(sent) + rule_features(events)


def sentence_words(sent: Span) -> list[str]:
    """What the whole sentence says: its words and word pairs, main verbs and their objects."""
    words: list[str] = []
    features: list[str] = []
    last_entity = -1
    for token in sent:
        if token.is_space or token.is_punct:
            continue
        if token.ent_type_ in _MASKED:
            # one placeholder per entity, however many tokens it has
            if token.ent_iob_ == "B" or last_entity != token.i - 1:
                words.append(f"<{token.ent_type_}>")
            last_entity = token.i
            continue
        if token.like_num:
            words.append("<NUM>")
            continue
        lemma = (token.lemma_ or token.lower_).casefold()
        words.append(lemma)
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            features.append(f"v={lemma}")
            if token.dep_ == "ROOT":
                features.append(f"root={lemma}")
            for child in token.children:
                if child.dep_ in ("dobj", "prep", "prt", "xcomp", "attr"):
                    features.append(f"vo={lemma}_{_word(child)}")
                elif child.dep_ == "neg":
                    features.append("neg")
    features.extend(f"w={w}" for w in words)
    features.extend(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return features


def rule_features(events: Sequence[Event]) -> list[str]:
    """What the rule coder proposed: each event's type, trigger word, CAMEO root and modality."""
    if not events:
        return ["rule=NONE"]
    features: list[str] = []
    for event in events:
        trigger = event.trigger.split(" ", 1)[0].casefold()
        features.append(f"rule={type_class(event.type)}")
        # which word triggered it: the labelled data teaches each trigger's usual reading
        features.append(f"rtrig={trigger}_{type_class(event.type)}")
        features.append(f"rcameo={event.cameo[:2]}")
        if event.modality != "asserted":
            features.append(f"rmod={event.modality}")
        if event.negated:
            features.append("rneg")
    return features


# A clause of its own below the trigger: its words tell of another act, not of this one.
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "acl", "csubj"})
# How far up the parse the trigger's path to the sentence's root is read.
_PATH_DEPTH = 3


def trigger_token(sent: Span, event: Event) -> Token | None:
    """The token of the event's trigger word (the verb, or the noun of a light verb)."""
    for token in sent:
        if token.idx == event.trigger_start:
            return token
    return None


def trigger_features(
    sent: Span, event: Event, others: Sequence[Event] = (), words: Sequence[str] | None = None
) -> list[str]:
    """The features of one rule event: its trigger and its clause first, the sentence as context.

    A sentence often reports several acts ("called on X to ... after Y condemned ..."): what
    kind of act one trigger names is said by the trigger word, its place in the parse (the
    path up to the sentence's root) and the words of its own clause. The whole sentence's
    words, and the other events the rules found in it, are kept as context: `CONTEXT`
    features, which count for less (`CONTEXT_WEIGHT`), so that the word "condemns" in one
    clause is weak evidence about a trigger in another. `words` are the sentence's
    `sentence_words`, where the caller has them already.
    """
    features = rule_features([event])
    token = trigger_token(sent, event)
    if token is not None:
        features.extend(_local(token))
    context = [*(sentence_words(sent) if words is None else words), *rule_features(others)]
    features.extend(CONTEXT + f for f in context)
    return features


def _local(token: Token) -> list[str]:
    """The trigger's own word, its governor and path up the parse, and its clause's words."""
    lemma = _word(token)
    features = [f"t={lemma}", f"tdep={token.dep_}", f"tpos={token.pos_}"]
    node = token
    path: list[str] = []
    for _ in range(_PATH_DEPTH):
        if node.head.i == node.i:  # the root: spaCy makes a new Token per access
            break
        path.append(node.dep_)
        node = node.head
        features.append(f"tup={'/'.join(path)}_{_word(node)}")
    if token.dep_ == "ROOT":
        features.append("troot")
    for child in token.children:
        if child.dep_ in ("punct", "det"):
            continue
        features.append(f"tc={child.dep_}_{_word(child)}")
        if child.dep_ == "neg":
            features.append("tneg")
    # the trigger's clause: its subtree without the clauses of their own below it
    stack = [c for c in token.children if c.dep_ not in _OWN_CLAUSES]
    seen: set[str] = set()
    while stack:
        node = stack.pop()
        if not (node.is_punct or node.is_space):
            seen.add(_word(node) if not node.like_num else "<NUM>")
        stack.extend(c for c in node.children if c.dep_ not in _OWN_CLAUSES)
    features.extend(f"c={w}" for w in sorted(seen))
    return features


# The dense features a head may read (`token_vectors`): the trigger's vector, its governor's,
# the mean over the trigger's subtree (its clause), over the sentence's words, and the
# sentence root's.
VECTOR_KINDS = ("trigger", "governor", "clause", "sentence", "root")
# The kinds that are the same for every trigger of a sentence.
SENTENCE_KINDS = frozenset({"sentence", "root"})
# Each vector is scaled to this length: the vectors are only a few features against the
# many words, and at this length their weights are regularised as the words' are (a word
# feature has value 1), so they add to the words without drowning them.
VECTOR_LENGTH = 1.0


def _unit(vector: numpy.ndarray) -> numpy.ndarray:
    """The vector scaled to `VECTOR_LENGTH` (a zero vector stays zero: no parse, no feature)."""
    norm = float(numpy.linalg.norm(vector))
    return vector * (VECTOR_LENGTH / norm) if norm > 0 else vector


def token_vectors(
    sent: Span, token: Token | None = None, kinds: Collection[str] = VECTOR_KINDS
) -> dict[str, numpy.ndarray]:
    """The dense features of a sentence and, where given, of a trigger token in it.

    They are the parser's contextual token vectors (`doc.tensor`), each scaled to
    `VECTOR_LENGTH`; only the `kinds` asked for are computed. A Doc without vectors gives none.
    """
    tensor = sent.doc.tensor
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(sent.doc):
        return {}
    out: dict[str, numpy.ndarray] = {}
    if "sentence" in kinds:
        rows = [t.i for t in sent if not (t.is_punct or t.is_space)]
        if rows:
            out["sentence"] = _unit(tensor[rows].mean(axis=0))
    if "root" in kinds:
        out["root"] = _unit(tensor[sent.root.i])
    if token is not None:
        if "trigger" in kinds:
            out["trigger"] = _unit(tensor[token.i])
        if "governor" in kinds:
            out["governor"] = _unit(tensor[token.head.i])
        if "clause" in kinds:
            rows = [t.i for t in token.subtree if not (t.is_punct or t.is_space)]
            out["clause"] = _unit(tensor[rows].mean(axis=0))
    return {kind: vector.astype(numpy.float32) for kind, vector in out.items()}


# The heads that read the whole sentence rather than one trigger: the penta-class head tells
# which of a sentence's events is the act it reports (`combine.PENTA_WEIGHT`), a choice
# between triggers that a reader of one trigger cannot make (read per trigger, it leans to
# each trigger's own class: penta-class check 379 -> 374 of 450).
SENTENCE_HEADS = frozenset({"penta"})
# Context features (the sentence's, not the trigger's) carry this prefix and count for less.
CONTEXT = "~"
CONTEXT_WEIGHT = 0.5


def feature_value(feature: str) -> float:
    """How much a feature counts: 1, or `CONTEXT_WEIGHT` for a context feature."""
    return CONTEXT_WEIGHT if feature.startswith(CONTEXT) else 1.0


@dataclass(frozen=True)
class Head:
    """One softmax head: its classes and a weight matrix over the shared vocabulary.

    `reads` names the dense features (`token_vectors` kinds) the head reads, in the order
    of the rows of `dense` (their width each); none by default.
    """

    classes: tuple[str, ...]
    weights: numpy.ndarray  # (vocabulary, classes)
    bias: numpy.ndarray  # (classes,)
    reads: tuple[str, ...] = ()
    dense: numpy.ndarray | None = None  # (len(reads) * width, classes)

    def dense_input(self, vectors: Mapping[str, numpy.ndarray]) -> numpy.ndarray | None:
        """The head's dense input: the vectors it reads, end to end (zeros for one missing)."""
        if not self.reads or self.dense is None:
            return None
        width = self.dense.shape[0] // len(self.reads)
        zero = numpy.zeros(width, dtype=numpy.float32)
        return numpy.concatenate([vectors.get(kind, zero) for kind in self.reads])

    def probabilities(
        self,
        rows: Sequence[int],
        values: Sequence[float] | None = None,
        vectors: Mapping[str, numpy.ndarray] | None = None,
    ) -> dict[str, float]:
        """Class probabilities given the vocabulary rows of the features (and their values,
        else 1) and the dense features (`token_vectors`) where the head reads any."""
        if not rows:
            scores = self.bias.copy()
        elif values is None:
            scores = self.bias + self.weights[list(rows)].sum(axis=0)
        else:
            scores = self.bias + numpy.asarray(values, dtype=numpy.float32) @ self.weights[list(rows)]
        dense = self.dense_input(vectors) if vectors else None
        if dense is not None and self.dense is not None:
            scores = scores + dense @ self.dense
        scores = numpy.exp(scores - scores.max())
        scores /= scores.sum()
        return {c: float(p) for c, p in zip(self.classes, scores, strict=True)}


@dataclass(frozen=True)
class EventTypeModel:
    """The trained classifier: a vocabulary of features and one head per decision."""

    vocabulary: dict[str, int]
    heads: dict[str, Head]

    def rows(self, features: Iterable[str]) -> list[int]:
        """The vocabulary rows of the known features (each counted once: presence, not counts)."""
        return sorted({self.vocabulary[f] for f in features if f in self.vocabulary})

    @cached_property
    def _rows_and_values(self) -> dict[str, tuple[int, float]]:
        """Each known feature's vocabulary row and `feature_value`, worked out once."""
        return {f: (row, feature_value(f)) for f, row in self.vocabulary.items()}

    @property
    def reads(self) -> frozenset[str]:
        """The dense features (`token_vectors` kinds) any head reads."""
        return frozenset(kind for head in self.heads.values() for kind in head.reads)

    def predict(
        self,
        features: Iterable[str],
        heads: Collection[str] | None = None,
        vectors: Mapping[str, numpy.ndarray] | None = None,
    ) -> dict[str, dict[str, float]]:
        """Probabilities of every class of every head, or of the `heads` named (context
        features count for less), with the dense features `vectors` where a head reads any."""
        known = dict(p for p in map(self._rows_and_values.get, features) if p is not None)
        rows = sorted(known)
        values = [known[r] for r in rows]
        return {
            name: head.probabilities(rows, values, vectors)
            for name, head in self.heads.items()
            if heads is None or name in heads
        }

    def save(self, path: Path) -> None:
        """Write the model as one compressed numpy file (no pickled objects).

        The archive's entries carry a fixed timestamp, so the same model is the same bytes.
        """
        arrays: dict[str, numpy.ndarray] = {
            "vocabulary": numpy.array(sorted(self.vocabulary, key=self.vocabulary.__getitem__)),
            "heads": numpy.array(sorted(self.heads)),
        }
        for name, head in self.heads.items():
            arrays[f"{name}.classes"] = numpy.array(head.classes)
            arrays[f"{name}.weights"] = head.weights.astype(numpy.float16)
            arrays[f"{name}.bias"] = head.bias.astype(numpy.float32)
            if head.reads and head.dense is not None:
                arrays[f"{name}.reads"] = numpy.array(head.reads)
                arrays[f"{name}.dense"] = head.dense.astype(numpy.float32)
        write_arrays(path, arrays)

    @classmethod
    def load(cls, path: Path) -> EventTypeModel:
        """Read a model written by `save`."""
        with numpy.load(path, allow_pickle=False) as data:
            vocabulary = {str(f): i for i, f in enumerate(data["vocabulary"])}
            names = set(data.files)
            heads = {
                str(name): Head(
                    tuple(str(c) for c in data[f"{name}.classes"]),
                    data[f"{name}.weights"].astype(numpy.float32),
                    data[f"{name}.bias"].astype(numpy.float32),
                    tuple(str(k) for k in data[f"{name}.reads"]) if f"{name}.reads" in names else (),
                    data[f"{name}.dense"].astype(numpy.float32) if f"{name}.dense" in names else None,
                )
                for name in data["heads"]
            }
        return cls(vocabulary, heads)


def write_arrays(path: Path, arrays: dict[str, numpy.ndarray]) -> None:
    """Write named arrays as one compressed .npz that `numpy.load` reads, with fixed entry
    timestamps, so the same model is the same bytes (retrains can be compared by hash)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry, "w") as handle:
                numpy.lib.format.write_array(handle, array, allow_pickle=False)


def model_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files("dateline") / "models" / MODEL_FILE))


@cache
def shipped_model() -> EventTypeModel | None:
    """The model shipped with the package, or None before `dateline train events` has run."""
    path = model_path()
    return EventTypeModel.load(path) if path.is_file() else None
