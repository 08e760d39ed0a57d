"""Measure event coding on the labelled sets of the development data README ("events").

The file type decides the metrics:

- `.jsonl` (PLOVER gold records): `type_accuracy`, `source_country_accuracy`,
  `target_country_accuracy`, `record_accuracy`, `macro_f1`, `events_per_record`; where the
  gold gives an actor only as a text span (the PLV set), the actor scores compare spans;
- `.tsv` (`sentence<TAB>class`, CAMEO penta-class): `pentaclass_accuracy`;
- `.conll` (tokens with S/T/R BIO tags): `source_f1`, `target_f1`;
- `.csv` (NGEC synthetic stories, one PLOVER label each): `doc_type_accuracy`.

Every record is coded from its text alone, as one article: nlp -> actors -> events,
with no gold hint. Texts are parsed in batches with `nlp.pipe`.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.actors import ArticleActors, find_actors
from dateline.evaluate.parts import Part, select
from dateline.events import code_events, plover_events
from dateline.events.candidates import sentence_spans
from dateline.events.classify import pentaclass, type_class
from dateline.model import Actor, Article, Event, stable_id
from dateline.nlp import parse
from dateline.place.countries import country_code
from dateline.place.event_place import place_event

Progress = Callable[[int], None]  # called with the number of records just coded


@dataclass(frozen=True)
class Coding:
    """How records are coded: the models to use for a text (by default the shipped ones;
    cross-fitted measurement gives those fitted without the text)."""

    models_for: Callable[[str], dict[str, Any]] | None = None
    # Keep only events whose confidence is at least this (what `dateline events --likely`
    # lists: `models.likely_threshold`); None keeps every event the store would hold.
    threshold: float | None = None


SHIPPED = Coding()


@dataclass(frozen=True)
class Coded:
    """One text as the system codes it: the article it makes, its events and its actor mentions."""

    text: str
    events: tuple[Event, ...]
    actors: ArticleActors
    article: Article


def code_texts(
    texts: Iterable[str],
    progress: Progress | None = None,
    coding: Coding = SHIPPED,
    printed: bool = False,
) -> Iterator[Coded]:
    """Code each text as one article of its own, in order.

    `printed` keeps only the events a PLOVER table prints (`plover_events`), which is what
    `dateline ingest` stores and a user reads: the PLOVER-typed sets measure those, the
    CAMEO sets (penta-class, actor spans) every event the coder finds.
    """
    items = list(texts)
    for k, doc in enumerate(parse(items)):
        text = items[k]
        article = Article(doc_id=stable_id("eval", k, text), position=0, start=0, end=len(text), body=text)
        actors = find_actors(doc, article)
        models = coding.models_for(text) if coding.models_for is not None else {}
        events = code_events(doc, article, actors, **models)
        if printed:
            events = plover_events(events)
        if coding.threshold is not None:
            events = [e for e in events if e.confidence >= coding.threshold]
        yield Coded(text, tuple(events), actors, article)
        if progress is not None:
            progress(1)


def count_records(path: Path, part: Part = "all", labels: Sequence[str] = ()) -> int:
    """How many records `evaluate` will code in `path` (for a progress bar)."""
    return len(records_of(path, part, labels))


def records_of(path: Path, part: Part = "all", labels: Sequence[str] = ()) -> list[Any]:
    """The records of one labelled file that fall in `part` (grouped by their text).

    `labels`, when given, keeps only the labelled stories (.csv rows) of those labels.
    """
    records = list(select(_records(path), _group_key, part))
    if labels:
        wanted = {label.strip().upper() for label in labels}
        records = [
            r for r in records if isinstance(r, dict) and (r.get("label") or "").strip().upper() in wanted
        ]
    return records


def _group_key(record: Any) -> str:
    """What decides a record's part: its text, so a sentence labelled twice never straddles."""
    if isinstance(record, dict):
        return str(record.get("text") or record.get("id") or "")
    if isinstance(record, tuple):
        return str(record[0])
    return " ".join(token for token, _ in record)


def evaluate(
    path: Path,
    progress: Progress | None = None,
    limit: int | None = None,
    part: Part = "all",
    labels: Sequence[str] = (),
    coding: Coding = SHIPPED,
) -> dict[str, Any]:
    """Metrics for one labelled file, chosen by its type, over its `part`.

    `limit` codes only the first records of that part; `labels` keeps only the NGEC
    stories with one of those labels (.csv); `coding` says which models code each record.
    """
    records = records_of(path, part, labels)
    if limit is not None:
        records = records[:limit]
    suffix = path.suffix.casefold()
    if suffix == ".jsonl":
        return plover_metrics(records, progress, coding)
    if suffix == ".tsv":
        return pentaclass_metrics(records, progress, coding)
    if suffix == ".conll":
        return actor_metrics(records, progress, coding)
    if suffix == ".csv":
        return doc_type_metrics(records, progress, coding=coding)
    raise ValueError(f"{path}: expected .jsonl, .tsv, .conll or .csv")


def _records(path: Path) -> list[Any]:
    suffix = path.suffix.casefold()
    text = path.read_text("utf-8")
    if suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if suffix == ".tsv":
        rows = []
        for line in text.splitlines():
            sentence, _, label = line.rstrip("\n").rpartition("\t")
            if sentence.strip() and label.strip().isdigit():
                rows.append((sentence.strip(), int(label)))
        return rows
    if suffix == ".conll":
        return _conll_sentences(text)
    if suffix == ".csv":
        csv.field_size_limit(1 << 26)
        with path.open(newline="", encoding="utf-8") as handle:
            return [row for row in csv.DictReader(handle) if (row.get("text") or "").strip()]
    raise ValueError(f"{path}: expected .jsonl, .tsv, .conll or .csv")


# ---------------------------------------------------------------- PLOVER records (.jsonl)


def type_matches(found: str, gold: str) -> bool:
    """True when a found PLOVER type is the gold type, or falls in the class a gold label names.

    PLV's YIELD is CONCEDE or RETREAT, which that set does not tell apart (`type_class`).
    """
    return found == gold or type_class(found) == gold


@dataclass(frozen=True)
class _Located:
    """Where each found actor is mentioned in a record's text, to compare with gold spans."""

    text: str
    spans: dict[str, list[tuple[int, int]]]

    @classmethod
    def of(cls, coded: Coded) -> _Located:
        spans: dict[str, list[tuple[int, int]]] = {}
        for mention in coded.actors.mentions:
            spans.setdefault(mention.actor.id, []).append((mention.start, mention.end))
        return cls(coded.text, spans)

    def implicit(self, gold: dict[str, Any]) -> bool:
        """True for a gold actor given only as a span that the text does not contain."""
        text = gold.get("text")
        if gold.get("country") or gold.get("sector") or not text:
            return False
        return text.casefold() not in self.text.casefold()

    def find(self, gold_text: str) -> tuple[int, int] | None:
        """The characters of the gold span in the text: its first occurrence, as written, else
        ignoring case; None where the text does not hold it."""
        start = self.text.find(gold_text)
        if start < 0:
            start = self.text.casefold().find(gold_text.casefold())
        return (start, start + len(gold_text)) if start >= 0 else None

    def overlaps(self, actor: Actor, gold_text: str) -> bool:
        """True when a mention of `actor` overlaps the gold span (found by its text)."""
        span = self.find(gold_text)
        return span is not None and self.touches(actor, *span)

    def touches(self, actor: Actor, start: int, end: int) -> bool:
        """True when a mention of `actor` overlaps the characters [start, end) of the text."""
        return any(s < end and start < e for s, e in self.spans.get(actor.id, ()))


def actor_matches(found: Actor | None, gold: Sequence[dict[str, Any]], located: _Located) -> bool:
    """True when the found actor is one gold actor.

    A gold actor with a country (or, for IGO/NGO, a sector) is matched by country (sector);
    one given only as a text span (the PLV set) by a mention of the found actor that
    overlaps that span. An event with no target matches a gold event with no target.
    """
    if not gold or all(located.implicit(actor) for actor in gold):
        # no target, or one the annotator named without the text naming it ("a recipient")
        return found is None
    if found is None:
        return False
    for actor in gold:
        country = actor.get("country")
        sector = (actor.get("sector") or "")[:3].upper()
        if country:
            if found.country == country:
                return True
        elif sector:
            if found.sector and sector == (found.sector or "")[:3].upper():
                return True
        elif actor.get("text") and located.overlaps(found, actor["text"]):
            return True
    return False


def target_matches(event: Event, gold: dict[str, Any], located: _Located) -> bool:
    """The target check; a reciprocal gold event is matched by either notation.

    The gold codes "X and Y agreed" as two sources and no target; Dateline codes it as
    X -> Y (the issue's convention). A found target that is one of the other gold
    sources is the same fact, so it counts.
    """
    if actor_matches(event.target, gold["target"], located):
        return True
    sources = gold["source"]
    if gold["target"] or len(sources) < 2 or event.target is None:
        return False
    return actor_matches(event.target, sources, located)


def plover_metrics(
    records: Sequence[dict[str, Any]], progress: Progress | None = None, coding: Coding = SHIPPED
) -> dict[str, Any]:
    """type, source/target and whole-record accuracy, macro F1 over types, events per record.

    For every gold event: the found events of its type are compared (all found events when
    none has it); a match on the source (target) actor is enough for that score, and
    `record_accuracy` needs one found event right on type, source and target together.
    Actors are compared by country (sector for IGO/NGO) where the gold gives one, else by
    span; a gold span the text does not contain ("a recipient") stands for an actor left
    unnamed, which only an event without that actor matches. `macro_f1` compares the set of
    types found in a record with the gold types, per type.

    `type_accuracy` splits in two: `coverage`, the share of records with any printed event,
    and `type_accuracy_where_found`, the type accuracy over the gold events of those records.
    Only the latter is the classifier's to win: a record with no event is lost before any
    type is chosen (the rules found no act the classifier could weigh).
    """
    coded = code_texts((r["text"] for r in records), progress, coding, printed=True)
    n_gold = type_hits = source_hits = target_hits = record_hits = n_events = 0
    covered = gold_where_found = hits_where_found = 0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for record, result in zip(records, coded, strict=True):
        events = result.events
        located = _Located.of(result)
        n_events += len(events)
        covered += bool(events)
        gold_types = {g["type"] for g in record["events"]}
        found_types = {next((g for g in gold_types if type_matches(e.type, g)), e.type) for e in events}
        for kind in found_types | gold_types:
            if kind in found_types and kind in gold_types:
                tp[kind] += 1
            elif kind in found_types:
                fp[kind] += 1
            else:
                fn[kind] += 1
        for gold in record["events"]:
            n_gold += 1
            same = [e for e in events if type_matches(e.type, gold["type"])]
            type_hits += bool(same)
            if events:
                gold_where_found += 1
                hits_where_found += bool(same)
            pool = same or list(events)
            source_hits += any(actor_matches(e.source, gold["source"], located) for e in pool)
            target_hits += any(target_matches(e, gold, located) for e in pool)
            record_hits += any(
                actor_matches(e.source, gold["source"], located) and target_matches(e, gold, located)
                for e in same
            )
    kinds = sorted(set(tp) | set(fp) | set(fn))
    f1s = [2 * tp[k] / (2 * tp[k] + fp[k] + fn[k]) for k in kinds]
    return {
        "records": len(records),
        "gold_events": n_gold,
        "type_accuracy": _ratio(type_hits, n_gold),
        "source_country_accuracy": _ratio(source_hits, n_gold),
        "target_country_accuracy": _ratio(target_hits, n_gold),
        "record_accuracy": _ratio(record_hits, n_gold),
        "macro_f1": round(sum(f1s) / len(f1s), 3) if f1s else 0.0,
        "events_per_record": _ratio(n_events, len(records)),
        "coverage": _ratio(covered, len(records)),
        "type_accuracy_where_found": _ratio(hits_where_found, gold_where_found),
    }


# ---------------------------------------------------------------- CAMEO penta-class (.tsv)


def most_confident(events: Sequence[Event]) -> Event | None:
    """The event with the highest confidence; the first in text order on a tie."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def pentaclass_metrics(
    rows: Sequence[tuple[str, int]], progress: Progress | None = None, coding: Coding = SHIPPED
) -> dict[str, Any]:
    """Share of sentences whose most confident event falls in the gold class (no event is wrong)."""
    hits = 0
    found = 0
    for (_, label), result in zip(rows, code_texts((s for s, _ in rows), progress, coding), strict=True):
        best = most_confident(result.events)
        found += best is not None
        hits += best is not None and pentaclass(best.cameo) == label
    return {
        "sentences": len(rows),
        "pentaclass_accuracy": _ratio(hits, len(rows)),
        "coverage": _ratio(found, len(rows)),
    }


# ---------------------------------------------------------------- actor roles (.conll)


def _conll_sentences(text: str) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences


def actor_metrics(
    sentences: Sequence[list[tuple[str, str]]], progress: Progress | None = None, coding: Coding = SHIPPED
) -> dict[str, Any]:
    """Token-level F1 of source and target actors; a reciprocal (R) token is both.

    A predicted source (target) token is one inside a mention of an actor that is the
    source (target) of some event coded in the sentence.
    """
    texts = [" ".join(tok for tok, _ in sent) for sent in sentences]
    counts = {"source": Counter[str](), "target": Counter[str]()}
    for sent, result in zip(sentences, code_texts(texts, progress, coding), strict=True):
        roles = {"source": {e.source.id for e in result.events}, "target": set()}
        roles["target"] = {e.target.id for e in result.events if e.target is not None}
        spans = {
            role: [(m.start, m.end) for m in result.actors.mentions if m.actor.id in ids]
            for role, ids in roles.items()
        }
        offset = 0
        for token, tag in sent:
            start, end = offset, offset + len(token)
            offset = end + 1
            label = tag.split("-")[-1] if tag != "O" else ""
            for role, letter in (("source", "S"), ("target", "T")):
                gold = label in (letter, "R")
                pred = any(s < end and start < e for s, e in spans[role])
                if gold and pred:
                    counts[role]["tp"] += 1
                elif pred:
                    counts[role]["fp"] += 1
                elif gold:
                    counts[role]["fn"] += 1
    out: dict[str, Any] = {"sentences": len(sentences)}
    for role, c in counts.items():
        denominator = 2 * c["tp"] + c["fp"] + c["fn"]
        out[f"{role}_f1"] = round(2 * c["tp"] / denominator, 3) if denominator else 0.0
    return out


# ---------------------------------------------------------------- NGEC stories (.csv)


def story_type(events: Sequence[Event]) -> str | None:
    """A story's PLOVER type: the type with the greatest summed confidence (the earlier on a tie)."""
    weight: dict[str, float] = {}
    for event in events:
        weight[event.type] = weight.get(event.type, 0.0) + event.confidence
    return max(weight, key=weight.__getitem__) if weight else None


def lead_sentence(text: str) -> str:
    """A story's first sentence, as the candidate filter splits sentences (no parse)."""
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


# a "{country_N}" slot as re.escape writes it in the escaped title
_SLOT = re.compile(r"\\\{country_(\d+)\\\}")


def story_country(row: dict[str, str]) -> tuple[str, str] | None:
    """The country an NGEC story was written about, (ISO3, the name as the prompt writes it):
    the name its prompt puts in the title's `{country_1}` slot; None when the title has no
    such slot or the name is no known country.
    """
    title, prompt = (row.get("title") or "").strip(), (row.get("prompt") or "").strip()
    if "{country_1}" not in title or not prompt:
        return None
    # the title with each slot as a group, matched against the prompt's first line
    pattern = _SLOT.sub(lambda m: "(.+?)" if m.group(1) == "1" else ".+?", re.escape(title))
    found = re.match(pattern + r"\s*$", prompt.splitlines()[0].strip())
    code = country_code(found.group(1)) if found else None
    return (code, found.group(1)) if found and code else None


def _names(text: str, country: tuple[str, str] | None) -> bool:
    """True when `text` writes the story's country by the prompt's name for it.

    The machine-written stories often wander to another country than their prompt's; only
    a text that names the prompt's country can be asked to place an event there.
    """
    return country is not None and re.search(rf"\b{re.escape(country[1])}\b", text) is not None


def _in_country(event: Event, article: Article, country: str) -> bool:
    """True when the event, placed as the pipeline places it, is in `country` by its place or an actor."""
    placed = place_event(event, article)
    actors = (placed.source, placed.target)
    return placed.place_country == country or any(a is not None and a.country == country for a in actors)


def doc_type_metrics(
    rows: Sequence[dict[str, str]],
    progress: Progress | None = None,
    leads: bool = True,
    coding: Coding = SHIPPED,
) -> dict[str, Any]:
    """Share of stories whose dominant coded type is the story's label (no event is wrong),
    and by label, the share where some event has the label: in the whole story (`found`)
    and in its first sentence coded alone (`lead_found`), a short report as a coder of
    conflict events reads it.
    """
    hits = 0
    labels = [(row.get("label") or "").strip().upper() for row in rows]
    countries = [story_country(row) for row in rows]
    story = _LabelTally()
    coded = code_texts((r["text"] for r in rows), progress, coding, printed=True)
    for label, country, result in zip(labels, countries, coded, strict=True):
        hits += story_type(result.events) == label
        story.add(label, country, result)
    out: dict[str, Any] = {"stories": len(rows), "doc_type_accuracy": _ratio(hits, len(rows))}
    lead = _LabelTally()
    if leads:
        leads_of = [lead_sentence(r["text"]) for r in rows]
        lead_coding = coding
        if coding.models_for is not None:
            # a lead is coded with the models its story's fold gives
            story_of = {lead: row["text"] for lead, row in zip(leads_of, rows, strict=True)}
            models_for = coding.models_for
            lead_coding = Coding(lambda text: models_for(story_of.get(text, text)), coding.threshold)
        for label, country, result in zip(
            labels, countries, code_texts(leads_of, None, lead_coding, printed=True), strict=True
        ):
            lead.add(label, country, result)
    by_label: dict[str, Any] = {}
    for label, n in sorted(Counter(labels).items()):
        by_label[label] = {"stories": n, "found": _ratio(story.found[label], n)}
        if leads:
            by_label[label]["lead_found"] = _ratio(lead.found[label], n)
        if story.named[label]:
            # of the stories that name their prompt's country: an event of the label in that
            # country (its place's country, or an actor's); and of the leads that name it
            by_label[label]["naming_country"] = story.named[label]
            by_label[label]["found_in_country"] = _ratio(story.placed[label], story.named[label])
        if leads and lead.named[label]:
            by_label[label]["leads_naming_country"] = lead.named[label]
            by_label[label]["lead_found_in_country"] = _ratio(lead.placed[label], lead.named[label])
    out["by_label"] = by_label
    return out


@dataclass
class _LabelTally:
    """By label: texts with an event of the label (`found`); texts that name their story's
    country (`named`), and of those, texts with an event of the label in it (`placed`)."""

    found: Counter[str] = field(default_factory=Counter)
    named: Counter[str] = field(default_factory=Counter)
    placed: Counter[str] = field(default_factory=Counter)

    def add(self, label: str, country: tuple[str, str] | None, result: Coded) -> None:
        """Count one coded text of a story with this label and country."""
        self.found[label] += any(e.type == label for e in result.events)
        if country is not None and _names(result.text, country):
            self.named[label] += 1
            self.placed[label] += any(
                e.type == label and _in_country(e, result.article, country[0]) for e in result.events
            )


def _ratio(part: int | float, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0
