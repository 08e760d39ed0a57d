"""Read WARC files (e.g. Common Crawl News): each HTML response record becomes a `RawDoc`.

Records are streamed, one at a time, so the file's size does not bound what
can be read; only one page's payload is in memory at once, and it is capped.
"""

from __future__ import annotations

from typing import BinaryIO

from dateline.ingest.html import PageDoc, extract_page
from dateline.model import RawDoc

# One web page's HTML; past this it is not an article page.
MAX_PAGE_BYTES = 20 * 1024 * 1024


class WarcError(ValueError):
    """A WARC file that cannot be read; the message says why."""


def read_warc(stream: BinaryIO, path: str) -> list[RawDoc]:
    """The article of every HTML response record; `WarcError` if the file is damaged or has none."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    docs: list[RawDoc] = []
    responses = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").casefold()
            if "html" not in content_type:
                continue
            responses += 1
            payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
            if len(payload) > MAX_PAGE_BYTES:
                continue  # not an article page; the others still count
            url = record.rec_headers.get_header("WARC-Target-URI")
            page = extract_page(payload, url)
            if not page.text:
                continue
            warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            docs.append(
                PageDoc(
                    text=page.text,
                    path=f"{path}#{responses}",
                    url=url or page.url,
                    outlet=page.outlet,
                    title=page.title,
                    date=page.date or warc_date,
                    byline=page.byline,
                    language=page.language,
                    canonical_url=page.canonical_url,
                )
            )
    except ArchiveLoadFailed as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else "damaged"
        raise WarcError(f"not a readable WARC file ({detail})") from None
    except (EOFError, OSError, ValueError) as exc:
        raise WarcError(f"truncated or damaged WARC ({type(exc).__name__}: {exc})") from None
    if responses == 0:
        raise WarcError("no HTML response records in this WARC file")
    if not docs:
        raise WarcError(
            f"none of the {responses} HTML responses in this WARC file has article text (truncated?)"
        )
    return docs
