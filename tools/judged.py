"""Printed events judged by hand: write the parts, list what still needs a judge, score.

What an analyst sees is the events Dateline prints, so two sets of real news are ingested and
their printed events judged by hand (README, "Events printed from news pages, judged by hand"):

- `pages`: the dev pages (`news/pages.dev.jsonl`), split by outlet; every event is judged.
- `guardian`: the Guardian articles (`news/guardian-sdf.csv`), split by article; events are
  sampled by sentence (1 in 4 on check, 1 in 8 on fit) so a judge can finish in one sitting.

Verdicts live in `tools/judged/verdicts/*.tsv`, one row per judged event, keyed by a hash of
the event as printed (set, URL, evidence, type, source, target, date): no text of the data is
kept in the repository, and an event that changes in any judged field is a new key that needs a
new judgment. Columns: key, set, part, type, source, target, date, judge, note — each field
`y`, `n` or `-` (not judged: no source / target / date printed, or the type is wrong).

    python tools/judged.py parts ../shared/data OUT
    dateline ingest --db OUT/pages.check.duckdb OUT/pages.check.jsonl
    dateline events --db OUT/pages.check.duckdb --format jsonl > OUT/pages.check.events.jsonl
    python tools/judged.py todo OUT/pages.check.events.jsonl pages check TODO.tsv
    python tools/judged.py score OUT/pages.check.events.jsonl pages check

A judge reads each event's sentence and the article before it (`--db` store, `articles.body`)
against the PLOVER manual, by the protocol in `tools/judged/JUDGING.md`. Reciprocal joint
acts ("A and B met / agreed") are right with one partner as source and the other as target
and wrong with no target; a co-subject as target of an act that is not reciprocal is wrong.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.events.precision_training import (  # noqa: E402  (the trainer reads the same keys and parts)
    actor_field,
    event_key,
    judged_documents,
    read_verdicts,
)

VERDICTS = Path(__file__).resolve().parent / "judged" / "verdicts"
FIELDS = ("type", "source", "target", "date")
SETS = ("pages", "guardian")
# Sentences of the Guardian set sampled for judging: 1 in 4 on check, 1 in 8 on fit.
SAMPLE_EVERY = {"check": 4, "fit": 8}


def sampled(set_name: str, part: str, event: dict[str, Any]) -> bool:
    """Whether an event is in the judged sample (every event of `pages`)."""
    if set_name == "pages":
        return True
    text = f"{event.get('url') or ''}\x1f{event.get('evidence') or ''}"
    digest = hashlib.sha256(text.encode()).digest()
    return int.from_bytes(digest[:8], "big") % SAMPLE_EVERY[part] == 0


def read_events(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def write_parts(shared: Path, out: Path) -> None:
    """Each set's fit and check documents as JSON Lines that `dateline ingest` reads."""
    out.mkdir(parents=True, exist_ok=True)
    for part in ("fit", "check"):
        for set_name, records in judged_documents(shared, part).items():
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            (out / f"{set_name}.{part}.jsonl").write_text(lines, "utf-8")
            print(f"{set_name}.{part}: {len(records)} documents")


def _judged(events: list[dict[str, Any]], set_name: str, part: str) -> Iterator[dict[str, Any]]:
    for event in events:
        if sampled(set_name, part, event):
            yield event


def write_todo(events_path: Path, set_name: str, part: str, out: Path) -> None:
    """The sampled events with no verdict yet, as a TSV for a judge to fill in."""
    verdicts = read_verdicts(VERDICTS)
    columns = ["key", "set", "part", *FIELDS, "judge", "note"]
    shown = ["url", "article_id", "evidence", "p_type", "p_source", "p_target", "p_date", "trigger"]
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(columns + shown)
        for event in _judged(read_events(events_path), set_name, part):
            key = event_key(set_name, event)
            if key in verdicts:
                continue
            count += 1
            writer.writerow(
                [key, set_name, part, "", "", "", "", "", ""]
                + [
                    event.get("url") or "",
                    event.get("article_id") or "",
                    " ".join((event.get("evidence") or "").split()),
                    event.get("type") or "",
                    actor_field(event.get("source")),
                    actor_field(event.get("target")),
                    event.get("date") or "",
                    event.get("trigger") or "",
                ]
            )
    print(f"{count} events to judge -> {out}")


def score(events_path: Path, set_name: str, part: str) -> dict[str, Any]:
    """All four right, and each field right among the events judged for it."""
    verdicts = read_verdicts(VERDICTS)
    events = list(_judged(read_events(events_path), set_name, part))
    judged = [verdicts[k] for k in (event_key(set_name, e) for e in events) if k in verdicts]
    result: dict[str, Any] = {
        "set": set_name,
        "part": part,
        "events": len(events),
        "judged": len(judged),
    }
    right = sum(all(v.get(f) == "y" for f in FIELDS) for v in judged)
    result["all_four"] = f"{right}/{len(judged)} = {right / len(judged):.3f}" if judged else "-"
    for field in FIELDS:
        marks = [v.get(field) for v in judged if v.get(field) in ("y", "n")]
        yes = marks.count("y")
        result[field] = f"{yes}/{len(marks)} = {yes / len(marks):.3f}" if marks else "-"
    return result


def delta(base_path: Path, new_path: Path, set_name: str, part: str) -> dict[str, Any]:
    """What a change did to the judged sample: events removed and added, with their verdicts."""
    verdicts = read_verdicts(VERDICTS)
    base = {event_key(set_name, e) for e in _judged(read_events(base_path), set_name, part)}
    new = {event_key(set_name, e) for e in _judged(read_events(new_path), set_name, part)}

    def tally(keys: set[str]) -> dict[str, int]:
        judged = [verdicts[k] for k in keys if k in verdicts]
        return {
            "events": len(keys),
            "judged": len(judged),
            "all_four_right": sum(all(v.get(f) == "y" for f in FIELDS) for v in judged),
            "type_right": sum(v.get("type") == "y" for v in judged),
        }

    return {"set": set_name, "part": part, "removed": tally(base - new), "added": tally(new - base)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parts", help="write each set's fit and check documents")
    p.add_argument("shared", type=Path)
    p.add_argument("out", type=Path)
    for name in ("todo", "score"):
        p = sub.add_parser(name)
        p.add_argument("events", type=Path)
        p.add_argument("set", choices=SETS)
        p.add_argument("part", choices=("fit", "check"))
        if name == "todo":
            p.add_argument("out", type=Path)
    p = sub.add_parser("delta", help="events a change removed and added, with their verdicts")
    p.add_argument("base", type=Path)
    p.add_argument("new", type=Path)
    p.add_argument("set", choices=SETS)
    p.add_argument("part", choices=("fit", "check"))
    args = parser.parse_args()
    if args.command == "parts":
        write_parts(args.shared, args.out)
    elif args.command == "delta":
        print(json.dumps(delta(args.base, args.new, args.set, args.part)))
    elif args.command == "todo":
        write_todo(args.events, args.set, args.part, args.out)
    else:
        print(json.dumps(score(args.events, args.set, args.part)))


if __name__ == "__main__":
    main()
