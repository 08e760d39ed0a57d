"""Online story clustering: each new article joins the best existing story or starts one.

An article is compared with a story on four signals: the cosine of their TF-IDF
vectors (headline and body; document frequencies are learned as articles arrive,
and idf is squared so that names and places outweigh common news words), the
cosine of their idf-weighted actor (and, if weighted, place) keys, the cosine of
their idf-weighted names and numbers, and time
proximity (an article weeks away from a story is unlikely to report it; a
missing date is neutral). Candidates
come from an inverted index over each story's heaviest terms, actors and names,
under every language its articles are in, so an article is scored against a
handful of stories, never all of them. A report that no story of its language
takes is compared with the stories of other languages on names and numbers alone.

A story's id is derived from its first article, so the same input in the same
order gives the same ids. When an article is close enough to join two stories
and, with it, the two are close to each other (a bridge), they merge under the
older one's id; so do two stories dated close together once one has grown as
close to the other as an article must be to join, so the order reports arrive
in matters less. All state lives in plain dataclasses and dicts
(`ClusterState.to_dict` / `from_dict`) so the store can persist it and resume.

Over a store (`StoryArchive`), the clusterer holds only the stories an article could join:
those whose dates are within reach of its own (`ClusterConfig.reach_days`: further away, the
time factor keeps any score under the join threshold), the newest undated ones, and the
stories it changed; the others stay in the store. An undated article is compared with the
stories held for the articles before it. So memory does not grow with the store, and what is
held is decided by the articles alone, so interrupted and clean runs agree. Nor does it grow with
the stories of a day: when more than `ClusterConfig.window_held` stories are within reach, only
those sharing most indexed keys with the article are read (`ClusterConfig.shared_held`); the
others could only be found through keys they do not have.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from dateline.model import Article, Event, Mention, stable_id
from dateline.stories.text import cosine, idf, names_and_numbers, normalised, term_frequencies, top_terms


@dataclass(frozen=True)
class ArticleFeatures:
    """What the clusterer needs of one article; built by `article_features` or directly from text."""

    article_id: str
    language: str
    terms: Mapping[str, float]  # sublinear term frequencies of headline + body
    actors: tuple[str, ...] = ()  # case-folded canonical actor names and "country:XXX" keys
    places: tuple[str, ...] = ()  # case-folded place names and "country:XXX" keys
    date: str | None = None
    date_granularity: str | None = None
    # Names and numbers of headline + body (`names_and_numbers`): what a report in another
    # language shares with the story it reports.
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClusterConfig:
    """Thresholds and weights of the clusterer (general, not fitted to any one corpus)."""

    join_threshold: float = 0.18  # minimum score for an article to join a story
    merge_threshold: float = 0.12  # minimum story-to-story score for a bridge to merge two stories
    text_weight: float = 0.6
    actor_weight: float = 0.05
    place_weight: float = 0.0  # dateline and event places proved too noisy to help on the dev pages
    # Names and numbers (`names_and_numbers`) are compared too, like actors: a report of a story in
    # words of its own (an aftermath, a reaction, a short wire) still names the story's people,
    # places and figures, which its words may share too little of with the story's other reports.
    # With them, joining asks a little more (0.17 -> 0.18): on the fit stories, clustered in 8
    # shuffled orders among all pages, recall .960 -> .975 and precision .946 -> .947.
    names_weight: float = 0.2
    time_grace_days: int = 3  # gaps up to this many days cost nothing
    time_scale_days: int = 45  # beyond the grace, the score fades linearly over this many days ...
    time_floor: float = 0.15  # ... down to this share
    query_terms: int = 20  # article terms used to look up candidate stories
    index_terms: int = 40  # story terms kept in the inverted index
    index_actors: int = 10
    max_candidates: int = 20
    max_story_terms: int = 300
    idf_power: float = 2.0  # > 1 favours rare terms (names, places) over common news vocabulary
    bridge_share: float = 1.0  # stories an article scores this share of the join threshold with may merge
    # A report in another language than any story it could join is compared with the stories of
    # the other languages on what they can share, names and numbers (a translation of one story
    # keeps them): the cosine of their idf-weighted sets, at least this. On the fit stories the
    # report's own story scored 0.11-0.40 and the best other story at most 0.02.
    cross_language_threshold: float = 0.06
    # Two stories merge, once one has grown, when they score this together (as a report must to
    # join) and both are dated close together (see `_consolidate`).
    consolidate_threshold: float = 0.18
    consolidate_candidates: int = 5  # the stories sharing most indexed keys with it
    index_names: int = 20  # story names and numbers kept in the inverted index (for other languages)
    undated_kept: int = 500  # over a store: the newest undated stories held with the dated ones
    # Over a store, at most this many stories within reach of an article's dates are held whole
    # (about 80 KB of memory each, index and vector included); a 1 GB ingest had 22,800 within
    # reach of one day. Beyond it, only the `shared_held` sharing most indexed keys (terms, actors,
    # names) with the article are read: a story sharing none can never be its candidate.
    window_held: int = 2000
    shared_held: int = 300

    def reach_days(self) -> int | None:
        """How many days apart an article and a story can be and still join (None: any).

        Beyond the grace, the time factor falls by 1/scale a day to its floor; a score is at most
        the time factor, so once it is under what joining (or bridging) asks, no text can join.
        """
        needed = self.join_threshold * min(1.0, self.bridge_share)
        if self.time_floor >= needed:
            return None
        return self.time_grace_days + int(self.time_scale_days * (1.0 - needed)) + 1


@dataclass
class StoryCluster:
    """One story under construction: its articles and the summed signals of their features."""

    id: str
    seq: int  # creation order: the older story survives a merge
    language: str
    articles: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)  # names and numbers -> articles writing them
    # Every language its articles are in: the story is found under each, so the reports in its
    # first article's language are not the only ones that can join it directly.
    languages: list[str] = field(default_factory=list)
    first_day: int | None = None  # proleptic ordinals of the day-precise dates seen
    last_day: int | None = None
    coarse_first: int | None = None  # ... and of month/year-precise dates, used when no day is known
    coarse_last: int | None = None
    indexed: list[str] = field(default_factory=list)


@dataclass
class ClusterState:
    """Everything the clusterer knows; plain data so it can be saved and resumed."""

    n_docs: int = 0
    df: dict[str, int] = field(default_factory=dict)  # term -> articles containing it
    key_df: dict[str, int] = field(default_factory=dict)  # actor/place key -> articles containing it
    stories: dict[str, StoryCluster] = field(default_factory=dict)
    assignment: dict[str, str] = field(default_factory=dict)  # article id -> story id at assignment
    merged_into: dict[str, str] = field(default_factory=dict)  # absorbed story id -> surviving id
    next_seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole state."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClusterState:
        """The state `to_dict` wrote."""
        stories = {sid: StoryCluster(**story) for sid, story in data.get("stories", {}).items()}
        return cls(
            n_docs=data.get("n_docs", 0),
            df=dict(data.get("df", {})),
            key_df=dict(data.get("key_df", {})),
            stories=stories,
            assignment=dict(data.get("assignment", {})),
            merged_into=dict(data.get("merged_into", {})),
            next_seq=data.get("next_seq", len(stories)),
        )

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to now (following merges)."""
        story_id = self.assignment.get(article_id)
        while story_id is not None and story_id in self.merged_into:
            story_id = self.merged_into[story_id]
        return story_id

    def clusters(self) -> dict[str, list[str]]:
        """Story id -> its article ids, in arrival order."""
        return {sid: list(story.articles) for sid, story in self.stories.items()}

    def corpus_dict(self) -> dict[str, Any]:
        """What the state knows of the whole corpus, without its stories (saved one by one over a
        store) or which article went where (the store keeps that in its stories)."""
        return {"n_docs": self.n_docs, "df": self.df, "key_df": self.key_df, "next_seq": self.next_seq}


class StoryArchive(Protocol):
    """Saved stories the clusterer reads as it needs them (`dateline.store.Store` provides it)."""

    def story_ids_near(self, first: int, last: int) -> list[str]: ...
    def story_ids_sharing(self, first: int, last: int, keys: Sequence[str], limit: int) -> list[str]: ...
    def undated_story_ids(self, limit: int) -> list[str]: ...
    def cluster_stories(self, ids: Sequence[str]) -> list[dict[str, Any]]: ...


def article_features(
    article: Article, events: Sequence[Event] = (), mentions: Sequence[Mention] = ()
) -> ArticleFeatures:
    """The clustering features of an article, from its text, its actors' mentions and its events."""
    headline = article.headline or ""
    # The headline condenses the story, so its words count twice.
    terms = term_frequencies(f"{headline}\n{headline}\n{article.body}")
    actors: set[str] = set()
    places: set[str] = set()
    for mention in mentions:
        actors.update(_actor_keys(mention.actor.name, mention.actor.country))
    for event in events:
        actors.update(_actor_keys(event.source.name, event.source.country))
        if event.target is not None:
            actors.update(_actor_keys(event.target.name, event.target.country))
        if event.place:
            places.add(event.place.casefold())
        if event.place_country:
            places.add(f"country:{event.place_country}")
    if article.dateline_place:
        places.add(article.dateline_place.casefold())
    return ArticleFeatures(
        article_id=article.id,
        language=article.language,
        terms=terms,
        actors=tuple(sorted(actors)),
        places=tuple(sorted(places)),
        date=article.date,
        date_granularity=article.date_granularity,
        names=tuple(names_and_numbers(f"{headline}\n{article.body}")),
    )


def _actor_keys(name: str, country: str | None) -> list[str]:
    keys: list[str] = []
    # Only proper names identify an actor across articles; "officials" or "the ministry" do not.
    if len(name) > 2 and name[0].isupper():
        keys.append(name.casefold())
    return keys


def date_interval(date: str | None, granularity: str | None = None) -> tuple[int, int] | None:
    """The first and last day (proleptic ordinals) an ISO date of some granularity may mean."""
    if not date:
        return None
    parts = date.split("-")
    try:
        year = int(parts[0])
        if len(parts) >= 3 and granularity not in ("month", "year"):
            day = dt.date(year, int(parts[1]), int(parts[2][:2])).toordinal()
            return day, day
        if len(parts) >= 2 and granularity != "year":
            month = int(parts[1])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    except ValueError:
        return None


class StoryClusterer:
    """The online clusterer: `add` one article at a time, read `state` at any point.

    With an `archive`, `state` holds the corpus counts and the stories read so far; the
    stories changed since are `changed()`.
    """

    def __init__(
        self,
        state: ClusterState | None = None,
        config: ClusterConfig | None = None,
        archive: StoryArchive | None = None,
    ) -> None:
        self.state = state if state is not None else ClusterState()
        self.config = config or ClusterConfig()
        # Derived data, rebuilt from the state: postings and cached story vectors.
        self._postings: dict[str, set[str]] = {}
        self._languages: set[str] = set()  # the languages stories are indexed under
        self._vectors: dict[str, tuple[int, dict[str, float]]] = {}
        self._name_vectors: dict[str, tuple[int, dict[str, float]]] = {}  # the same, of names
        self._archive = archive
        self._changed: set[str] = set()  # stories created, joined or merged into (kept in memory)
        self._undated: set[str] = set()
        for story in self.state.stories.values():
            self._index(story)
        if archive is not None:
            undated = archive.undated_story_ids(self.config.undated_kept)
            self._undated = set(undated)
            self._read(undated)

    def changed(self) -> list[StoryCluster]:
        """The stories this clusterer created or changed that still exist, oldest first."""
        found = [self.state.stories[sid] for sid in self._changed if sid in self.state.stories]
        return sorted(found, key=lambda story: story.seq)

    def _read(self, ids: Sequence[str]) -> None:
        """Bring these saved stories into memory (those not already there, nor merged away)."""
        assert self._archive is not None
        missing = [sid for sid in ids if sid not in self.state.stories and sid not in self.state.merged_into]
        for data in self._archive.cluster_stories(missing):
            story = StoryCluster(**data)
            self.state.stories[story.id] = story
            self._index(story)

    def _hold_near(
        self, interval: tuple[int, int] | None, features: ArticleFeatures, vector: Mapping[str, float]
    ) -> None:
        """Over an archive: hold the stories an article of these days could join, and no others
        that are unchanged (an undated article keeps what is held). When too many are within
        reach, those sharing most keys with the article, and of the rest only what fits."""
        cfg, reach = self.config, self.config.reach_days()
        if self._archive is None or interval is None or reach is None:
            return
        first, last = interval[0] - reach, interval[1] + reach
        near = self._archive.story_ids_near(first, last)
        keep = set(near) | self._undated | self._changed
        if len(near) > cfg.window_held:
            wanted = self._archive.story_ids_sharing(
                first, last, self._lookup_keys(features, vector), cfg.shared_held
            )
            # Stories read for the articles before it stay while they are within reach and fit.
            kept = [sid for sid in self.state.stories if sid in keep]
            keep = set(wanted) | self._undated | self._changed
            room = cfg.window_held - len(wanted)
            keep.update(sorted(kept, key=lambda sid: -self.state.stories[sid].seq)[: max(0, room)])
            near = wanted
        for story_id in [sid for sid in self.state.stories if sid not in keep]:
            self._unindex(self.state.stories.pop(story_id))
            self._forget_vectors(story_id)
        self._read(near)

    def _lookup_keys(self, features: ArticleFeatures, vector: Mapping[str, float]) -> list[str]:
        """The index keys an article's candidates are looked up by (`_candidates`,
        `_translation_of`): its heaviest terms, actors, names and numbers."""
        cfg = self.config
        key_idf = self._key_idf(features.actors)
        actors = sorted(features.actors, key=lambda k: (-key_idf[k], k))[: cfg.index_actors]
        names = self._names_vector(features.names, dict.fromkeys(features.names, 1))
        return [
            *top_terms(vector, cfg.query_terms),
            *(f"@{key}" for key in actors),
            *(f"#{name}" for name in top_terms(names, cfg.query_terms)),
        ]

    def add(self, features: ArticleFeatures) -> str:
        """Put one article into a story and return that story's id (an article seen before keeps its own)."""
        state, cfg = self.state, self.config
        known = state.story_of(features.article_id)
        if known is not None:
            return known
        state.n_docs += 1
        for term in features.terms:
            state.df[term] = state.df.get(term, 0) + 1
        # Sorted: a set's order changes from one process to the next, and the saved state keeps it.
        for key in sorted(set(features.actors) | set(features.places)):
            state.key_df[key] = state.key_df.get(key, 0) + 1
        vector = normalised({t: w * self._idf(t) for t, w in features.terms.items()})
        interval = date_interval(features.date, features.date_granularity)
        self._hold_near(interval, features, vector)
        names = self._names_vector(features.names, dict.fromkeys(features.names, 1))

        scored = sorted(
            (
                (self._score(features, vector, names, interval, state.stories[sid]), sid)
                for sid in self._candidates(features, vector)
            ),
            key=lambda item: (-item[0], state.stories[item[1]].seq),
        )
        joinable = [sid for score, sid in scored if score >= cfg.join_threshold]
        if not joinable and features.language != "und":
            joinable = self._translation_of(features, names, interval)
        if not joinable:
            story = StoryCluster(
                id=stable_id("story", features.article_id), seq=state.next_seq, language=features.language
            )
            state.next_seq += 1
            state.stories[story.id] = story
        else:
            story = state.stories[joinable[0]]
        self._absorb(story, features, interval)
        self._changed.add(story.id)
        state.assignment[features.article_id] = story.id
        self._index(story)
        # A bridge article: close to several stories that, with it, are close to each other.
        near = [sid for score, sid in scored if score >= cfg.bridge_share * cfg.join_threshold]
        for other_id in near:
            if other_id != story.id and other_id in state.stories:
                other = state.stories[other_id]
                if self._story_score(story, other) >= cfg.merge_threshold:
                    story = self._merge(story, other)
        return self._consolidate(story).id

    def _consolidate(self, story: StoryCluster) -> StoryCluster:
        """The story merged with the stories it has grown as close to as an article must be to join.

        Which of two reports of one story arrives first decides whether the second finds a
        story it can join or starts its own; once either story has grown, the two show they
        are one, whatever the order the reports came in.
        """
        cfg = self.config
        hits: Counter[str] = Counter()
        for language in _indexed_languages(story):
            for term in story.indexed:
                hits.update(self._postings.get(f"{language}\x1f{term}", ()))
        hits.pop(story.id, None)
        best = sorted(hits.items(), key=lambda item: (-item[1], self.state.stories[item[0]].seq))
        for other_id, _ in best[: cfg.consolidate_candidates]:
            other = self.state.stories.get(other_id)
            if other is None or other is story:
                continue
            # Two whole stories merge only on positive evidence that they are of one time:
            # both dated, and close (the absence of dates is no evidence).
            a, b = story_interval(story), story_interval(other)
            if a is None or b is None or self._time_factor(a, b) < 1.0:
                continue
            if self._story_score(story, other) >= cfg.consolidate_threshold:
                story = self._merge(story, other)
        return story

    # -- scoring ----------------------------------------------------------------------------------

    def _idf(self, term: str) -> float:
        return idf(self.state.df.get(term, 0), self.state.n_docs) ** self.config.idf_power

    def _key_idf(self, keys: Iterable[str]) -> dict[str, float]:
        return {k: idf(self.state.key_df.get(k, 0), self.state.n_docs) for k in keys}

    def _key_cosine(self, keys: Sequence[str], counts: Mapping[str, int]) -> float:
        key_idf = self._key_idf(set(keys) | set(counts))
        power = self.config.idf_power
        a = normalised({k: key_idf[k] ** power for k in keys})
        b = normalised({k: n * key_idf[k] ** power for k, n in counts.items()})
        return cosine(a, b)

    def _candidates(self, features: ArticleFeatures, vector: Mapping[str, float]) -> list[str]:
        hits: Counter[str] = Counter()
        lang = features.language
        for term in top_terms(vector, self.config.query_terms):
            hits.update(self._postings.get(f"{lang}\x1f{term}", ()))
        key_idf = self._key_idf(features.actors)
        for key in sorted(features.actors, key=lambda k: -key_idf[k])[: self.config.index_actors]:
            hits.update(self._postings.get(f"{lang}\x1f@{key}", ()))
        best = sorted(hits.items(), key=lambda item: (-item[1], -self.state.stories[item[0]].seq))
        return [sid for sid, _ in best[: self.config.max_candidates]]

    def _translation_of(
        self, features: ArticleFeatures, names: Mapping[str, float], interval: tuple[int, int] | None
    ) -> list[str]:
        """Stories in other languages this article reports, best first (see `cross_language_threshold`);
        `names` is the article's names vector (`_names_vector`)."""
        hits: Counter[str] = Counter()
        # Looked up by its names and numbers: its heaviest terms are words of its own language,
        # rare in the others and so heavy, but never found in their stories.
        keys = [f"#{name}" for name in top_terms(names, self.config.query_terms)]
        for language in sorted(self._languages - {features.language, "und"}):
            for key in keys:
                hits.update(self._postings.get(f"{language}\x1f{key}", ()))
        # Ties broken by story, not by the order of sets (which changes from one process to the next).
        # A story with reports in the article's own language was already scored on its words.
        hits = Counter(
            {
                sid: n
                for sid, n in hits.items()
                if features.language not in _indexed_languages(self.state.stories[sid])
            }
        )
        best = sorted(hits.items(), key=lambda item: (-item[1], -self.state.stories[item[0]].seq))
        candidates = [sid for sid, _ in best[: self.config.max_candidates]]
        scored = sorted(
            ((self._names_score(names, interval, self.state.stories[sid]), sid) for sid in candidates),
            key=lambda item: (-item[0], self.state.stories[item[1]].seq),
        )
        return [sid for score, sid in scored if score >= self.config.cross_language_threshold]

    def _names_vector(self, names: Iterable[str], counts: Mapping[str, int]) -> dict[str, float]:
        """Idf-weighted names and numbers (rare ones, like a minister's name, weigh most)."""
        return normalised({name: counts[name] * self._idf(name) for name in names})

    def _names_score(
        self, names: Mapping[str, float], interval: tuple[int, int] | None, story: StoryCluster
    ) -> float:
        """How far a report in another language shares a story's names and numbers, in time."""
        text = cosine(names, self._story_names(story))
        return text * self._time_factor(interval, story_interval(story))

    def _story_vector(self, story: StoryCluster) -> dict[str, float]:
        cached = self._vectors.get(story.id)
        # Document frequencies drift slowly; a cached vector is refreshed after 10% more articles.
        if cached is None or self.state.n_docs > cached[0] * 1.1 + 1:
            vector = normalised({t: w * self._idf(t) for t, w in story.terms.items()})
            self._vectors[story.id] = (self.state.n_docs, vector)
            return vector
        return cached[1]

    def _story_names(self, story: StoryCluster) -> dict[str, float]:
        """The story's names vector (`_names_vector`), cached like its terms vector."""
        cached = self._name_vectors.get(story.id)
        if cached is None or self.state.n_docs > cached[0] * 1.1 + 1:
            vector = self._names_vector(story.names, story.names)
            self._name_vectors[story.id] = (self.state.n_docs, vector)
            return vector
        return cached[1]

    def _forget_vectors(self, story_id: str) -> None:
        self._vectors.pop(story_id, None)
        self._name_vectors.pop(story_id, None)

    def _score(
        self,
        features: ArticleFeatures,
        vector: Mapping[str, float],
        names: Mapping[str, float],
        interval: tuple[int, int] | None,
        story: StoryCluster,
    ) -> float:
        """An article's score with a story; `vector` and `names` are its terms and names vectors."""
        cfg = self.config
        text = cosine(vector, self._story_vector(story))
        weight, score = cfg.text_weight, cfg.text_weight * text
        # Actors and places are compared like terms: cosines of idf-weighted key vectors, so a
        # shared head of state counts for more than a shared "country:USA".
        if features.actors and story.actors:
            weight += cfg.actor_weight
            score += cfg.actor_weight * self._key_cosine(features.actors, story.actors)
        if features.places and story.places:
            weight += cfg.place_weight
            score += cfg.place_weight * self._key_cosine(features.places, story.places)
        # Only a dated report's names count: the same leaders meet many times, and an undated report
        # sharing their names could be of any of their stories (and would take that story's date).
        if cfg.names_weight and names and story.names and interval is not None:
            weight += cfg.names_weight
            score += cfg.names_weight * cosine(names, self._story_names(story))
        return score / weight * self._time_factor(interval, story_interval(story))

    def _time_factor(self, a: tuple[int, int] | None, b: tuple[int, int] | None) -> float:
        if a is None or b is None:
            return 1.0  # an undated article or story is neither near nor far
        gap = max(0, a[0] - b[1], b[0] - a[1]) - self.config.time_grace_days
        if gap <= 0:
            return 1.0
        return max(self.config.time_floor, 1.0 - gap / self.config.time_scale_days)

    def _story_score(self, a: StoryCluster, b: StoryCluster) -> float:
        cfg = self.config
        text = cosine(self._story_vector(a), self._story_vector(b))
        weight, score = cfg.text_weight, cfg.text_weight * text
        if a.actors and b.actors:
            weight += cfg.actor_weight
            score += cfg.actor_weight * _counter_cosine(a.actors, b.actors, self._key_idf(a.actors))
        if cfg.names_weight and a.names and b.names:
            weight += cfg.names_weight
            score += cfg.names_weight * cosine(self._story_names(a), self._story_names(b))
        return score / weight * self._time_factor(story_interval(a), story_interval(b))

    # -- updates ----------------------------------------------------------------------------------

    def _absorb(
        self, story: StoryCluster, features: ArticleFeatures, interval: tuple[int, int] | None
    ) -> None:
        story.articles.append(features.article_id)
        if features.language not in story.languages and features.language != "und":
            story.languages = sorted({*story.languages, features.language})
        # Each article counts the same in its story, however long it is.
        for term, w in normalised(features.terms).items():
            story.terms[term] = story.terms.get(term, 0.0) + w
        for key in features.actors:
            story.actors[key] = story.actors.get(key, 0) + 1
        for key in features.places:
            story.places[key] = story.places.get(key, 0) + 1
        for name in features.names:
            story.names[name] = story.names.get(name, 0) + 1
        if interval is not None:
            _extend(story, interval, interval[0] == interval[1])
        self._prune(story)
        self._forget_vectors(story.id)

    def _prune(self, story: StoryCluster) -> None:
        limit = self.config.max_story_terms
        if len(story.terms) > limit * 4 // 3:
            keep = top_terms({t: w * self._idf(t) for t, w in story.terms.items()}, limit)
            story.terms = {t: story.terms[t] for t in keep}
        if len(story.names) > limit * 4 // 3:
            kept = top_terms(self._names_vector(story.names, story.names), limit)
            story.names = {n: story.names[n] for n in kept}

    def _merge(self, a: StoryCluster, b: StoryCluster) -> StoryCluster:
        keep, gone = (a, b) if a.seq < b.seq else (b, a)
        self._changed.add(keep.id)
        keep.articles.extend(gone.articles)
        for term, w in gone.terms.items():
            keep.terms[term] = keep.terms.get(term, 0.0) + w
        for key, n in gone.actors.items():
            keep.actors[key] = keep.actors.get(key, 0) + n
        for key, n in gone.places.items():
            keep.places[key] = keep.places.get(key, 0) + n
        for name, n in gone.names.items():
            keep.names[name] = keep.names.get(name, 0) + n
        keep.languages = sorted({*keep.languages, *gone.languages})
        if gone.first_day is not None and gone.last_day is not None:
            _extend(keep, (gone.first_day, gone.last_day), True)
        if gone.coarse_first is not None and gone.coarse_last is not None:
            _extend(keep, (gone.coarse_first, gone.coarse_last), False)
        self._prune(keep)
        self._unindex(gone)
        del self.state.stories[gone.id]
        self._forget_vectors(gone.id)
        self._forget_vectors(keep.id)
        self.state.merged_into[gone.id] = keep.id
        self._index(keep)
        return keep

    def _index(self, story: StoryCluster) -> None:
        self._unindex(story)
        cfg = self.config
        terms = top_terms(self._story_vector(story), cfg.index_terms)
        actors = sorted(story.actors, key=lambda k: (-story.actors[k] * self._key_idf([k])[k], k))
        names = top_terms(self._names_vector(story.names, story.names), cfg.index_names)
        story.indexed = terms + [f"@{k}" for k in actors[: cfg.index_actors]] + [f"#{n}" for n in names]
        for language in _indexed_languages(story):
            self._languages.add(language)
            for term in story.indexed:
                self._postings.setdefault(f"{language}\x1f{term}", set()).add(story.id)

    def _unindex(self, story: StoryCluster) -> None:
        for language in _indexed_languages(story):
            for term in story.indexed:
                posting = self._postings.get(f"{language}\x1f{term}")
                if posting is not None:
                    posting.discard(story.id)
        story.indexed = []


def _indexed_languages(story: StoryCluster) -> list[str]:
    # A state saved before stories kept their languages knows only the first article's.
    return sorted({story.language, *story.languages})


def _extend(story: StoryCluster, interval: tuple[int, int], day_precise: bool) -> None:
    if day_precise:
        story.first_day = interval[0] if story.first_day is None else min(story.first_day, interval[0])
        story.last_day = interval[1] if story.last_day is None else max(story.last_day, interval[1])
    else:
        story.coarse_first = (
            interval[0] if story.coarse_first is None else min(story.coarse_first, interval[0])
        )
        story.coarse_last = interval[1] if story.coarse_last is None else max(story.coarse_last, interval[1])


def story_interval(story: StoryCluster) -> tuple[int, int] | None:
    # Day-precise dates are trusted first: a "June 2021" article must not stretch a story over a month.
    if story.first_day is not None and story.last_day is not None:
        return story.first_day, story.last_day
    if story.coarse_first is not None and story.coarse_last is not None:
        return story.coarse_first, story.coarse_last
    return None


def _counter_cosine(a: Mapping[str, int], b: Mapping[str, int], key_idf: Mapping[str, float]) -> float:
    va = normalised({k: n * key_idf.get(k, 1.0) for k, n in a.items()})
    vb = normalised({k: n * key_idf.get(k, 1.0) for k, n in b.items()})
    return cosine(va, vb)


def cluster(
    features: Iterable[ArticleFeatures],
    state: ClusterState | None = None,
    config: ClusterConfig | None = None,
) -> ClusterState:
    """Feed articles in order to an online clusterer (resuming `state` if given) and return its state."""
    clusterer = StoryClusterer(state, config)
    for item in features:
        clusterer.add(item)
    return clusterer.state
