"""Text helpers shared by the story stages: tokens, term weights, sentences, cosine.

Everything here is plain Python over dicts: a story's vectors are sparse (a few
hundred terms), so a dict dot product is as fast as a dense one and keeps the
state serialisable without numpy.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

# Function words of the languages the splitter recognises, plus news filler ("said", "told"):
# frequent everywhere, so they would only add noise to the similarity of two stories.
_STOPWORD_TEXT = """
    a about above after again against all also although am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either even ever every
    few for from further had has have having he her here hers herself him himself his how however i if
    in into is it its itself just last least less like made make many may me might more most much must
    my myself near neither new next no nor not now of off on once one only or other our ours out over
    own per said same say says she should since so some still such than that the their theirs them
    themselves then there these they this those though through thus to told too two under until up upon
    us very via was we were what when where whether which while who whom whose why will with within
    without would yet you your yours week day days year years time first mr mrs ms according told
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    le la les de des du et un une est en que qui dans pour sur par au aux avec pas il elle ce sont été
    ont se son sa ses plus el los las del y con para su al lo como más pero sus fue ha han este esta o
    os do da dos das em um uma é não na no ao foi pela pelo seu sua il gli di della che è non si dal dei
    delle anche nel nella der die das und ist nicht ein eine zu den mit von sich auf für im dem auch es
    an als wird wurde sie er het een van dat op te voor zijn aan door hij ook yang dan di ini itu dengan
    untuk dari dalam tidak akan pada juga ke adalah oleh
    """
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Content-word tokens of a text: case-folded, without function words, short numbers or 1-letter bits.

    Abbreviations keep their dots and hyphenated names stay whole ("u.s.", "kyu-duk"), so
    "U.S." does not turn into the word "us"; possessive endings are dropped ("korea's" -> "korea").
    A hyphenated compound also gives its parts: one outlet writes "Biden-Xi talks" or "Yoon
    Suk-yeol" where another writes "Biden and Xi" or "Yoon Suk Yeol".
    """
    out: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0).casefold().replace("’", "'")
        if token.endswith("'s"):
            token = token[:-2]
        if _content(token):
            out.append(token)
        if "-" in token:
            out.extend(part for part in token.split("-") if _content(part))
    return out


def _content(token: str) -> bool:
    """Whether a token carries content: not a function word, a 1-letter bit or a small number."""
    if len(token) < 2 or token in STOPWORDS:
        return False
    # Small numbers (days, counts) are everywhere; years and large figures can be telling.
    return not (token.isdigit() and len(token) < 4)


def names_and_numbers(text: str) -> list[str]:
    """The content tokens of a text that any language writes alike: names and numbers, sorted.

    A name is a token the text capitalises wherever it writes it ("Kishida", "Ohrid"; not "the"
    at the start of a sentence, which is written lower-case elsewhere); a number is a token
    with a digit (years and large figures: `tokens` drops the small ones). A report of one
    story in another language keeps these and little else.
    """
    capitalised: set[str] = set()
    lower: set[str] = set()
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        # A compound's parts are written as the compound writes them ("Biden-Xi", "in-person").
        parts = word.split("-") if "-" in word else []
        for form in (word, *parts):
            (capitalised if form[0].isupper() else lower).add(form.casefold().replace("’", "'"))
    found: set[str] = set()
    for token in tokens(text):
        # A possessive ("Korea's") reaches here cut to its stem: judge it by its written form too.
        written = {token, f"{token}'s"}
        if any(ch.isdigit() for ch in token) or (written & capitalised and not written & lower):
            found.add(token)
    return sorted(found)


def term_frequencies(text: str) -> dict[str, float]:
    """Sublinear term frequencies (1 + log tf) of a text's tokens."""
    counts = Counter(tokens(text))
    return {term: 1.0 + math.log(n) for term, n in counts.items()}


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency; always positive so unseen terms still count."""
    return math.log((1 + n_docs) / (1 + df)) + 1.0


def weighted(tf: Mapping[str, float], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """TF-IDF weights of a term-frequency vector, L2-normalised."""
    vec = {t: w * idf(df.get(t, 0), n_docs) for t, w in tf.items()}
    return normalised(vec)


def normalised(vec: Mapping[str, float]) -> dict[str, float]:
    """The vector scaled to unit length (empty stays empty)."""
    norm = math.sqrt(sum(w * w for w in vec.values()))
    if norm == 0.0:
        return {}
    return {t: w / norm for t, w in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit-length sparse vectors (their dot product)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def top_terms(vec: Mapping[str, float], k: int) -> list[str]:
    """The k heaviest terms of a vector, heaviest first (ties by term, so the order is stable)."""
    return [t for t, _ in sorted(vec.items(), key=lambda item: (-item[1], item[0]))[:k]]


# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before
# whitespace and an upper-case letter, digit or opening quote, unless the word before the
# stop is a known abbreviation or a single capital (an initial, "U.S.").
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION_TEXT = (
    "mr mrs ms dr st jr sr gen col lt sgt capt cmdr adm gov sen rep pres prof no vs etc inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text, split at line breaks and sentence-final punctuation."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for stop in _SENTENCE_END.finditer(line.group(0)):
            end = line.start() + stop.end()
            before = text[start : line.start() + stop.start()].rsplit(maxsplit=1)
            word = before[-1].casefold().rstrip(".") if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            spans.append(_strip(text, start, end))
            start = end
        spans.append(_strip(text, start, line.end()))
    return [(s, e) for s, e in spans if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
