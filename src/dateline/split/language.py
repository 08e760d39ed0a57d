"""A small language guess: the writing system, then the share of common function words."""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Sequence

# The most frequent function words of each language; together they make up a large share of any text.
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in a is that for on with as was by at it from he said his are be have has were "
        "will this which an not but they their who its after also been would",
        "fr": "le la les de des du et un une est en que qui dans pour sur par au aux avec pas il elle ce "
        "sont été ont a se son sa ses plus",
        "es": "el la los las de del y que en un una es por con para se su al lo como más pero sus fue ha "
        "han este esta",
        "pt": "o a os as de do da dos das e que em um uma é para com não por se na no ao mais foi como "
        "pela pelo seu sua",
        "it": "il lo la i gli le di del della e che un una è per con non in si da al dei delle ha sono "
        "anche nel nella",
        "de": "der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es an als "
        "wird wurde sie er",
        "nl": "de het een en van is dat op te in voor met niet zijn die aan er door hij ook als",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke adalah oleh",
    }.items()
}
# Each function word with the languages that use it ("de" is French, Spanish, Portuguese...).
_FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, stop in _STOPWORDS.items() if word in stop)
    for word in sorted(frozenset().union(*_STOPWORDS.values()))
}
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_WORD = re.compile(r"[^\W\d_]+")
# Digits and ASCII punctuation become spaces, so that splitting on whitespace gives the words; on
# ASCII text this is one fast pass. The punctuation most news text adds past ASCII is blanked first.
_NOT_LETTERS = str.maketrans(dict.fromkeys(map(ord, string.digits + string.punctuation), " "))
_WIDE_PUNCTUATION = "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
# Characters read to tell the language: a few hundred words settle it, and reading a long article
# whole would cost more than splitting it.
SAMPLE = 2000


def guess_language(text: str) -> str:
    """ISO 639-1 code of the text's language: "en", "fr", ...; "und" when there is too little to tell."""
    return language_of_words(_words(text[:SAMPLE]), text)


def language_of_words(words: list[str], text: str) -> str:
    """`guess_language(text)` given the words of its first SAMPLE characters (`sample_words`), which
    the caller may already hold: the split cuts every line into its runs of letters once."""
    sample = "".join(words)
    letters = len(sample)  # quicker than adding up the words' lengths
    if letters < 20 and len(text) > SAMPLE:
        words = _words(text)  # letters past the sample still count towards telling
        sample = "".join(words)
        letters = len(sample)
    if letters < 20:
        return "und"
    # Only letters past Latin (from Greek on) can belong to another script; most text has none.
    if not sample.isascii() and max(sample) >= "\u0370":
        for lang, script in _SCRIPTS:
            # Japanese uses Han characters too, so kana is tested before Han.
            if len(script.findall(sample)) > 0.3 * letters:
                return lang
    # Each function word adds its count to every language that uses it; only the words that are
    # some language's function word are counted, picked out by a filter that runs in C.
    counts = Counter(filter(_FUNCTION_WORDS.__contains__, words))
    scores = dict.fromkeys(_STOPWORDS, 0)
    for word, count in counts.items():
        for lang in _FUNCTION_WORDS[word]:
            scores[lang] += count
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 0.08 * len(words) else "und"


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# The writing systems of `_SCRIPTS`, Japanese and Chinese as one (Japanese prints Han characters too).
_SYSTEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cjk", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")),
    *((lang, script) for lang, script in _SCRIPTS if lang not in ("ja", "zh")),
)
# Letters enough to tell a line's writing system: a scrap of code inside a Russian article
# ("player.setav health") has fewer.
SYSTEM_LETTERS = 20
SYSTEM_SHARE = 0.75  # the share of its letters a line's writing system holds


# Chinese and Japanese (Han and kana) and Thai are written without spaces between words: their
# characters are counted instead, about CHARACTERS_PER_WORD to a word.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
CHARACTERS_PER_WORD = 2
# How sentences end in those scripts: the ideographic full stop, full-width marks, closing quotes.
UNSPACED_ENDS = "\u3002\uff01\uff1f\u300d\u300f"


def unspaced_words(text: str) -> int:
    """About how many words `text` holds in scripts written without spaces (0 for most text)."""
    if text.isascii():
        return 0
    return len(_UNSPACED.findall(text)) // CHARACTERS_PER_WORD


def writing_system(text: str) -> str:
    """The writing system most of a line's letters are in ("latin", "cjk", "ru", "ko", ...), told on
    lines too short to tell their language; "und" with too few letters or when none holds SYSTEM_SHARE."""
    if text.isascii():
        latin = len(_LATIN.findall(text))
        return "latin" if latin >= SYSTEM_LETTERS else "und"
    counts = [("latin", len(_LATIN.findall(text)))]
    counts += [(name, len(script.findall(text))) for name, script in _SYSTEMS]
    letters = sum(n for _, n in counts)
    name, most = max(counts, key=lambda c: c[1])
    return name if letters >= SYSTEM_LETTERS and most >= SYSTEM_SHARE * letters else "und"


def sample_words(texts: Sequence[str], words: Sequence[list[str] | None]) -> list[str] | None:
    """The words `guess_language` reads of `texts` joined by line feeds (its first SAMPLE characters),
    given the words of each text (None where not known): the known words of the texts that fit whole
    in the sample, and the words of the part of the text that crosses its end, read afresh. A line
    feed ends a word and no letter changes its case across one, so the words of the joined texts are
    those of each text in turn. A text inside the sample whose words are not known is read afresh when
    it is printable (a run of letters is then the same to either reading `_words` makes, whichever
    the joined text takes); None when it is not, or when the text that crosses the sample's end is not
    printable and a text before it was read afresh.

    Known words must be a text's runs of the letters a to z, lower-cased, of a text that is ASCII but
    for the punctuation `lower_blanked` blanks, and holds no control character: of such a text they
    are its words, and it leaves the joined text ASCII or not as the rest of it is.
    """
    out: list[str] = []
    room = SAMPLE
    fresh = False
    for text, known in zip(texts, words, strict=True):
        if room <= 0:
            break
        if len(text) >= room:
            piece = text[:room]
            if fresh and not piece.isprintable():
                return None
            out += _words(piece)
        elif known is None:
            if not text.isprintable():
                return None
            fresh = True
            out += _words(text)
        else:
            out += known
        room -= len(text) + 1
    return out


def _words(text: str) -> list[str]:
    """The runs of letters of `text`, lower-cased."""
    low = lower_blanked(text)
    if not low.isascii():
        return _WORD.findall(low)
    return low.translate(_NOT_LETTERS).split()


def blank_wide_punctuation(text: str) -> str:
    """`text` with the punctuation news text uses past ASCII turned into spaces; a scan per mark,
    which is faster than a translation table as soon as the text holds one character past ASCII."""
    if not text.isascii():
        for mark in _WIDE_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
    return text


def lower_blanked(text: str) -> str:
    """`blank_wide_punctuation(text.lower())`, computed faster for most news text.

    When everything but that punctuation is ASCII, the marks are blanked first and the rest
    lower-cased as ASCII, several times quicker than lower-casing text past ASCII; the marks have
    no case, so the result is the same. Other text is lower-cased before blanking, as the blanks
    could change how a Greek sigma is lower-cased (a closing quotation mark does not end a word).
    """
    plain = blank_wide_punctuation(text)
    if plain.isascii():
        return plain.lower()
    return blank_wide_punctuation(text.lower())
