"""Stage `clean`: raw text -> lines with unicode fixed, lost apostrophes restored,
and page furniture marked (never deleted, so offsets into the raw text survive)."""

from __future__ import annotations

import re
from collections.abc import Collection

from dateline.clean.furniture import furniture_reason, site_description
from dateline.clean.learned import learn_furniture, line_key, lines_for
from dateline.clean.repair import repair, restore_apostrophes
from dateline.model import CleanText, Line

__all__ = ["clean", "furniture_reason", "learn_furniture", "lines_for", "repair", "restore_apostrophes"]

_LINE = re.compile(r"[^\r\n]+")


def clean_line(start: int, end: int, raw: str, learned: Collection[str] = ()) -> Line:
    """Repair one raw line and classify it as furniture or not (`learned`: line keys of known furniture)."""
    text = repair(raw)
    reason = furniture_reason(text)
    if reason is None and learned and line_key(raw) in learned:
        reason = "repeated"
    headline_part = None
    if reason == "site-description":
        cut = site_description(text)
        if cut:
            # Text before the site's name is real content (a headline glued to the description).
            headline_part = text[:cut].strip() or None
    return Line(start=start, end=end, text=text, furniture=reason, headline_part=headline_part)


def clean(text: str, learned: Collection[str] = ()) -> CleanText:
    """Fix and classify every non-empty line of `text`.

    `learned` holds furniture lines learned from a corpus (`learn_furniture`, `lines_for`).
    """
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group(0)
        if not raw.strip():
            continue
        # Offsets cover the whole raw line (indentation included) so articles start at line starts.
        lines.append(clean_line(match.start(), match.end(), raw.strip(), learned))
    return CleanText(raw=text, lines=tuple(lines))
