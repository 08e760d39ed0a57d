"""Temporal expressions against TimeML gold: extent and value F1, TempEval-3 style.

A TimeML document holds its text between `<TEXT>` tags with every temporal expression
marked `<TIMEX3 value="...">`, and its document creation time (DCT) in `<DCT>`. Dateline
reads the plain text, finds its expressions against the DCT with `find_times`, and is
scored as TempEval-3 scores relaxed matching:

- a found expression and a gold TIMEX3 match when their extents overlap; matching is
  one-to-one, largest overlap first;
- `extent_*`: matched pairs over found (precision) and over gold (recall);
- `value_*`: matched pairs whose normalised values are equal, over found and over gold;
- `value_accuracy_on_gold_extents`: among the gold TIMEX3s whose extent was found, the share
  given the gold value (TempEval-3's value accuracy).

Parts (`--part fit|check|all`) are by document: a file falls in the part of its name.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.evaluate.parts import Part, in_part
from dateline.time import find_times


@dataclass(frozen=True)
class Timex:
    """A gold or found temporal expression: character span of the document text and its value."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class TimeMLDoc:
    """One TimeML document: its plain text, its creation date (None if it has none) and gold TIMEX3s."""

    name: str
    text: str
    dct: dt.date | None
    gold: tuple[Timex, ...]


def _dct_date(value: str | None) -> dt.date | None:
    """The day of a DCT value ("1998-01-08", "1998-01-08T18:30:00", "19980108")."""
    if not value:
        return None
    digits = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", value.strip())
    if not digits:
        return None
    try:
        return dt.date(*(int(g) for g in digits.groups()))
    except ValueError:
        return None


def canonical_value(value: str) -> str:
    """A TimeML value in one spelling: week numbers zero-padded ("2000-W7" → "2000-W07").

    TimeBank writes ISO weeks both ways; they name the same week, so they compare equal.
    """
    return re.sub(r"(?<=-W)(\d)(?!\d)", r"0\1", value.strip())


def _walk(element: ET.Element, parts: list[str], gold: list[Timex], position: int) -> int:
    """Append the element's text to `parts` (TIMEX3 spans to `gold`); return the new position."""
    start = position
    if element.text:
        parts.append(element.text)
        position += len(element.text)
    for child in element:
        position = _walk(child, parts, gold, position)
        if child.tail:
            parts.append(child.tail)
            position += len(child.tail)
    if element.tag == "TIMEX3":
        gold.append(Timex(start, position, canonical_value(element.get("value", ""))))
    return position


def _parse_xml(raw: str, name: str) -> TimeMLDoc | None:
    try:
        root = ET.fromstring(raw)
    except ET.ParseError:
        return None
    dct_value = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct_value = timex.get("value")
            break
    body = root.find(".//TEXT")
    if body is None:
        return None
    parts: list[str] = []
    gold: list[Timex] = []
    # The TEXT element itself is not a TIMEX3, so only its descendants' spans are recorded.
    _walk(body, parts, gold, 0)
    return TimeMLDoc(name, "".join(parts), _dct_date(dct_value), tuple(sorted(gold, key=lambda t: t.start)))


_TOKEN = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3\s*>|<[^>]*>|[^<]+", re.DOTALL)


def _parse_loose(raw: str, name: str) -> TimeMLDoc:
    """A tag-by-tag reading for files that are not well-formed XML (stray '&', unclosed tags)."""
    dct_match = re.search(r"<DCT>.*?value=\"([^\"]*)\"", raw, re.DOTALL)
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    body = body_match.group(1) if body_match else ""
    parts: list[str] = []
    gold: list[Timex] = []
    position = 0
    open_timex: tuple[int, str] | None = None
    for token in _TOKEN.finditer(body):
        if token.group(1) is not None:
            value = re.search(r"\bvalue=\"([^\"]*)\"", token.group(1))
            open_timex = (position, value.group(1) if value else "")
        elif token.group(0).startswith("</TIMEX3"):
            if open_timex is not None:
                gold.append(Timex(open_timex[0], position, canonical_value(open_timex[1])))
                open_timex = None
        elif not token.group(0).startswith("<"):
            words = html.unescape(token.group(0))
            parts.append(words)
            position += len(words)
    return TimeMLDoc(name, "".join(parts), _dct_date(dct_match.group(1) if dct_match else None), tuple(gold))


def read_timeml(path: Path) -> TimeMLDoc:
    """One TimeML file as plain text, DCT and gold TIMEX3 spans; tolerant of malformed files."""
    raw = path.read_text("utf-8", errors="replace")
    return _parse_xml(raw, path.name) or _parse_loose(raw, path.name)


def _match(found: list[Timex], gold: tuple[Timex, ...]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping found and gold expressions, largest overlap first."""
    pairs = []
    for f in found:
        for g in gold:
            overlap = min(f.end, g.end) - max(f.start, g.start)
            if overlap > 0:
                # Among equal overlaps prefer the pair whose values agree.
                pairs.append((overlap, f.value == g.value, f, g))
    pairs.sort(key=lambda p: (-p[0], not p[1], p[2].start, p[3].start))
    used_found: set[Timex] = set()
    used_gold: set[Timex] = set()
    matched = []
    for _, _, f, g in pairs:
        if f in used_found or g in used_gold:
            continue
        used_found.add(f)
        used_gold.add(g)
        matched.append((f, g))
    return matched


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _documents(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
    else:
        yield from sorted(path.rglob("*.tml"))


def evaluate(path: Path, errors: list[dict[str, Any]] | None = None, part: Part = "all") -> dict[str, Any]:
    """Extent and value precision, recall and F1 of `find_times` over TimeML files under `path`.

    `path` is a .tml file or a folder searched recursively. The DCT is the anchor; a document
    without one is read with no anchor (relative expressions then stay unresolved). When
    `errors` is a list, every miss is appended to it (for studying errors by kind). Only the
    documents of `part` (by file name) are read.
    """
    found_total = gold_total = extent_hits = value_hits = docs = 0
    for file in _documents(path):
        if not in_part(file.name, part):
            continue
        doc = read_timeml(file)
        docs += 1
        found = [Timex(e.start, e.end, canonical_value(e.value)) for e in find_times(doc.text, doc.dct)]
        matched = _match(found, doc.gold)
        found_total += len(found)
        gold_total += len(doc.gold)
        extent_hits += len(matched)
        value_hits += sum(f.value == g.value for f, g in matched)
        if errors is not None:
            _collect_errors(doc, found, matched, errors)
    extent_p = extent_hits / found_total if found_total else 0.0
    extent_r = extent_hits / gold_total if gold_total else 0.0
    value_p = value_hits / found_total if found_total else 0.0
    value_r = value_hits / gold_total if gold_total else 0.0
    return {
        "value_f1": round(_f1(value_p, value_r), 4),
        "value_precision": round(value_p, 4),
        "value_recall": round(value_r, 4),
        "extent_f1": round(_f1(extent_p, extent_r), 4),
        "extent_precision": round(extent_p, 4),
        "extent_recall": round(extent_r, 4),
        "value_accuracy_on_gold_extents": round(value_hits / extent_hits, 4) if extent_hits else 0.0,
        "found": found_total,
        "gold": gold_total,
        "docs": docs,
    }


def _collect_errors(
    doc: TimeMLDoc, found: list[Timex], matched: list[tuple[Timex, Timex]], errors: list[dict[str, Any]]
) -> None:
    paired_found = {f for f, _ in matched}
    paired_gold = {g for _, g in matched}

    def words(t: Timex) -> str:
        return doc.text[t.start : t.end]

    def context(t: Timex) -> str:
        return doc.text[max(0, t.start - 60) : t.end + 40].replace("\n", " ")

    dct = doc.dct.isoformat() if doc.dct else None
    for f, g in matched:
        if f.value != g.value:
            errors.append(
                {"kind": "value", "doc": doc.name, "dct": dct, "found": words(f), "found_value": f.value,
                 "gold": words(g), "gold_value": g.value, "context": context(g)}
            )  # fmt: skip
    for f in found:
        if f not in paired_found:
            errors.append({"kind": "spurious", "doc": doc.name, "dct": dct, "found": words(f),
                           "found_value": f.value, "context": context(f)})  # fmt: skip
    for g in doc.gold:
        if g not in paired_gold:
            errors.append({"kind": "missed", "doc": doc.name, "dct": dct, "gold": words(g),
                           "gold_value": g.value, "context": context(g)})  # fmt: skip
