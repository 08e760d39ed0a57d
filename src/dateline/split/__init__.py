"""Stage `split`: cleaned lines of one document -> the articles pasted into it."""

from dateline.model import Article, CleanText, RawDoc


def split(text: CleanText, doc: RawDoc) -> list[Article]:
    """Find article boundaries and each article's metadata."""
    raise NotImplementedError  # filled in by the split stage work
