"""find_times against gold TIMEX3 values of TimeML news (skips without ../shared/data)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from dateline.time import find_times

_TAG = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>|[^<]+", re.DOTALL)


def _load(path: Path) -> tuple[dt.date, str, list[tuple[int, int, str]]]:
    """The document creation date, the plain text, and the gold (start, end, value) of each TIMEX3."""
    raw = path.read_text("utf-8")
    dct = re.search(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)', raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    assert dct and body
    parts: list[str] = []
    gold: list[tuple[int, int, str]] = []
    position = 0
    for match in _TAG.finditer(body.group(1)):
        if match.group(1) is not None:
            words = re.sub(r"<[^>]+>", "", match.group(2))
            value = re.search(r'value="([^"]*)"', match.group(1))
            gold.append((position, position + len(words), value.group(1) if value else ""))
        elif match.group(0).startswith("<"):
            continue
        else:
            words = html.unescape(match.group(0))
        parts.append(words)
        position += len(words)
    return dt.date.fromisoformat(dct.group(1)), "".join(parts), gold


def test_values_on_timebank_sample(shared_data: Path) -> None:
    paths = sorted((shared_data / "time" / "timebank").glob("*.tml"))[:40]
    found = correct = gold_total = 0
    for path in paths:
        anchor, text, gold = _load(path)
        gold_total += len(gold)
        for expression in find_times(text, anchor):
            found += 1
            overlapping = [g for g in gold if g[0] < expression.end and expression.start < g[1]]
            correct += any(value == expression.value for _, _, value in overlapping)
    # What is found is mostly right; recall is bounded by durations, sets and "now", which
    # find_times leaves out by design.
    assert found and correct / found > 0.7
    assert correct / gold_total > 0.4
