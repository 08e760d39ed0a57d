"""Stage `clean`: raw text -> lines with unicode fixed, lost apostrophes restored,
and page furniture marked (never deleted, so offsets into the raw text survive)."""

from __future__ import annotations

import re

from dateline.clean.furniture import furniture_reason, site_description
from dateline.clean.repair import repair, restore_apostrophes
from dateline.model import CleanText, Line

__all__ = ["clean", "furniture_reason", "repair", "restore_apostrophes"]

_LINE = re.compile(r"[^\r\n]+")


def clean_line(start: int, end: int, raw: str) -> Line:
    """Repair one raw line and classify it as furniture or not."""
    text = repair(raw)
    reason = furniture_reason(text)
    headline_part = None
    if reason == "site-description":
        cut = site_description(text)
        if cut:
            # Text before the site's name is real content (a headline glued to the description).
            headline_part = text[:cut].strip() or None
    return Line(start=start, end=end, text=text, furniture=reason, headline_part=headline_part)


def clean(text: str) -> CleanText:
    """Fix and classify every non-empty line of `text`."""
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group(0)
        if not raw.strip():
            continue
        # Offsets cover the whole raw line (indentation included) so articles start at line starts.
        lines.append(clean_line(match.start(), match.end(), raw.strip()))
    return CleanText(raw=text, lines=tuple(lines))
