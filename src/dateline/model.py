"""The records that flow through the pipeline.

Every stage takes and returns these small frozen dataclasses, so a stage can be
tested on its own and the per-article work stays a pure function. Ids are
stable hashes of content, so re-ingesting the same input changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

Granularity = Literal["day", "month", "year"]
# "story": nothing in the article dates it; the dated reports of its story do.
DateSource = Literal["metadata", "dateline", "text", "inferred", "story"]
Modality = Literal["asserted", "planned"]


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts; the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def without_accents(text: str) -> str:
    """`text` without diacritics: news spells one name "Erdoğan", "Erdogan" or "Erdogăn"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """A name as compared across texts: case-folded, without diacritics, and without the
    dot after a lone capital ("U.N." is "UN", "U.S. troops" are "US troops")."""
    return without_accents(_INITIAL_DOT.sub(r"\1", name).casefold())


# A capital letter standing alone, then a dot: an initial or a letter of an acronym.
_INITIAL_DOT = re.compile(r"(?<![^\W\d_])([A-Z])\.")


@dataclass(frozen=True)
class RawDoc:
    """One input document as read, before any cleaning.

    `date`, `outlet`, `title` and `url` come from the source's own metadata
    (a feed entry, a JSONL field) when it has any; plain text has none.
    """

    text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None  # ISO 8601 date from metadata

    @cached_property
    def id(self) -> str:
        # A digest of the whole text: computed once per document, however often it is asked for.
        return stable_id("doc", self.text)

    @property
    def source_url(self) -> str | None:
        """Where the document came from: its record's URL (feed link, WARC target, JSONL field),
        else the address a web page declares for itself (`canonical_url` of a page's document)."""
        return self.url or getattr(self, "canonical_url", None)


@dataclass(frozen=True)
class Span:
    """A character span of the raw document text, with why it matters."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Line:
    """One non-empty line of a document after cleaning.

    `start`/`end` are offsets into the raw text; `text` is the repaired line
    (unicode fixed, lost apostrophes restored), so it may differ in length.
    `furniture` names the pattern when the line is page furniture, else None.
    `headline_part` is set when a furniture line begins with real text (a
    headline glued to a site's meta description): that text, repaired.
    """

    start: int
    end: int
    text: str
    furniture: str | None = None
    headline_part: str | None = None


@dataclass(frozen=True)
class CleanText:
    """A cleaned document: its lines, each with its place in the raw text."""

    raw: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Article:
    """One news article found in a document.

    `dateline_date` is the date as the dateline printed it ("Dec. 23"), kept
    for the time stage, which sets `date`, `date_granularity`, `date_source`.
    `body` is the article text without headline, byline, dateline prefix and
    furniture; `removed` lists the furniture spans (raw offsets).
    """

    doc_id: str
    position: int
    start: int
    end: int
    body: str
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None
    headline: str | None = None
    dateline: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None
    date: str | None = None
    date_granularity: Granularity | None = None
    date_source: DateSource | None = None
    language: str = "en"
    removed: tuple[Span, ...] = ()

    @cached_property
    def id(self) -> str:
        return stable_id("article", self.doc_id, self.position, self.body)


@dataclass(frozen=True)
class Actor:
    """Who acts: a canonical name with its country (ISO 3166 alpha-3) and sector.

    `sector` uses the CAMEO/PLOVER agent codes (GOV, MIL, REB, OPP, PTY, COP,
    JUD, LEG, BUS, MED, EDU, CVL, IGO, NGO ...). A country itself ("South
    Korea") is an actor with `sector` None.
    """

    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None

    @property
    def id(self) -> str:
        """One id per entity: news spells one name with or without its accents
        ("Erdoğan", "Erdogan"; "Vučić", "Vucic"), so the id ignores them."""
        return _actor_id(self.name, self.country, self.sector)

    @property
    def code(self) -> str:
        """The compact code analysts read: 'KOR GOV', 'USA', 'IGO'."""
        return " ".join(p for p in (self.country, self.sector) if p) or "---"


@lru_cache(maxsize=1 << 16)
def _actor_id(name: str, country: str | None, sector: str | None) -> str:
    """`Actor.id`, remembered: the coder asks it of the same few actors many times."""
    return stable_id("actor", name_key(name), country, sector)


@dataclass(frozen=True)
class Mention:
    """A stretch of an article body that refers to an actor."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True)
class Event:
    """Who did what to whom, with the sentence that says so.

    `type` is a PLOVER 2.0 event type, `cameo` a CAMEO code (root or deeper).
    `sentence_start`/`sentence_end` are offsets into the article body.
    """

    type: str
    cameo: str
    source: Actor
    target: Actor | None
    trigger: str
    trigger_start: int  # offset of the trigger in the article body
    evidence: str
    article_id: str
    sentence_start: int
    sentence_end: int
    negated: bool = False
    modality: Modality = "asserted"
    confidence: float = 0.5
    date: str | None = None
    date_granularity: Granularity | None = None
    place: str | None = None
    place_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # What the events stage knew when it weighed the event (`events.precision.event_cues`), by
    # name: the features the learned precision score reads. Not stored; no part of its identity.
    cues: tuple[tuple[str, float], ...] = field(default=(), compare=False, repr=False)

    @property
    def id(self) -> str:
        target = self.target.id if self.target else ""
        return stable_id(
            "event", self.article_id, self.sentence_start, self.type, self.source.id, target, self.trigger
        )


@dataclass(frozen=True)
class ProcessedDoc:
    """Everything the per-document pipeline found in one `RawDoc`."""

    doc: RawDoc
    articles: tuple[Article, ...]
    events: tuple[Event, ...] = ()
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    # A long paste comes in parts (`pipeline.process_documents(part_size=...)`): which part this
    # is, of how many, and how many articles the whole document has. The last part completes it.
    part: int = 0
    parts: int = 1
    all_articles: int | None = None

    @property
    def last_part(self) -> bool:
        """True when this result completes its document (always, for a document in one part)."""
        return self.part == self.parts - 1


@dataclass(frozen=True)
class EventSource:
    """One report of a merged event: which article and outlet said it, and in what sentence."""

    event_id: str
    article_id: str
    outlet: str | None
    evidence: str
    date: str | None = None  # the date this report gives the event
    date_granularity: Granularity | None = None
    published: str | None = None  # the article's publication date
    confidence: float = 0.5


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event of a story, with every report of it.

    `date` is the date most reports agree on (the finest one among ties); when
    reports give dates that cannot be the same day, `date_conflict` is set and
    `dates` keeps them all rather than averaging them away.
    """

    id: str
    story_id: str
    type: str
    cameo: str
    source: Actor
    target: Actor | None
    date: str | None
    date_granularity: Granularity | None
    place: str | None
    place_country: str | None
    sources: tuple[EventSource, ...]
    dates: tuple[str, ...] = ()
    date_conflict: bool = False
    negated: bool = False
    modality: Modality = "asserted"
    first_seen: str | None = None  # earliest / latest publication date among its reports
    last_seen: str | None = None

    @property
    def num_sources(self) -> int:
        """Distinct articles that report the event."""
        return len({s.article_id for s in self.sources})

    @property
    def outlets(self) -> tuple[str, ...]:
        """Distinct outlets that report the event, in order of first report."""
        return tuple(dict.fromkeys(s.outlet for s in self.sources if s.outlet))


@dataclass(frozen=True)
class BriefSentence:
    """A sentence of a story's brief, attributed to the article and outlet it comes from."""

    text: str
    article_id: str
    outlet: str | None


@dataclass(frozen=True)
class Story:
    """Articles across outlets that report the same real-world happening."""

    id: str
    articles: tuple[str, ...]
    events: tuple[str, ...]  # ids of its merged events, most reported first
    first_seen: str | None
    last_seen: str | None
    title: str | None
    brief: tuple[BriefSentence, ...] = ()
    language: str = "en"
    outlets: tuple[str, ...] = ()
