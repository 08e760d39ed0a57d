"""Stage `clean`: raw text -> lines with unicode fixed, lost apostrophes restored,
and page furniture marked (never deleted, so offsets into the raw text survive)."""

from dateline.model import CleanText


def clean(text: str) -> CleanText:
    """Fix and classify every non-empty line of `text`."""
    raise NotImplementedError  # filled in by the clean stage work
