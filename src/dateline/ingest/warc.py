"""Read WARC files (e.g. Common Crawl News): each HTML response record becomes a `RawDoc`.

Records are streamed, one at a time, so the file's size does not bound what
can be read; only one page's payload is in memory at once, and it is capped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.ingest.html import PageDoc, extract_page
from dateline.ingest.text import IngestError
from dateline.model import RawDoc

# One web page's HTML; past this it is not an article page.
MAX_PAGE_BYTES = 20 * 1024 * 1024
# One header line (WARC or HTTP); real ones are under a few KB, long URLs included.
MAX_LINE_BYTES = 256 * 1024


class WarcError(ValueError):
    """A WARC file that cannot be read; the message says why."""


def read_warc(stream: BinaryIO, path: str) -> list[RawDoc | IngestError]:
    """The article of every HTML response record, in file order (`iter_warc`, all at once)."""
    return list(iter_warc(stream, path))


def iter_warc(stream: BinaryIO, path: str) -> Iterator[RawDoc | IngestError]:
    """The article of every HTML response record, one at a time, in file order.

    Only one page is in memory at once, whatever the size of the file. A file cut short
    (a truncated download) or damaged part-way keeps the pages read before the damage,
    followed by one `IngestError` that says where reading stopped. `WarcError` when no page
    at all can be read.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    docs = 0
    responses = records = 0
    problem: str | None = None
    record: Any = None
    iterator = ArchiveIterator(stream)
    ended = _watch_gzip_end(iterator)
    _bound_lines(iterator)
    try:
        for record in iterator:
            records += 1
            if not record.rec_headers.get_header("Content-Length"):
                # warcio takes a header block cut off mid-way as a record of no content.
                problem = f"truncated WARC: record {records} has no Content-Length (its header is cut off)"
                break
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").casefold()
            if "html" not in content_type:
                continue
            responses += 1
            payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
            if len(payload) > MAX_PAGE_BYTES:
                continue  # not an article page; the others still count
            if _cut_short(record):
                problem = f"truncated WARC: record {records} ends before its declared length"
                break
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                page = extract_page(payload, url)
            except Exception as exc:  # noqa: BLE001 - one page the extractor chokes on costs only itself
                yield IngestError(
                    f"{path}#{responses}", f"page could not be extracted ({type(exc).__name__})"
                )
                continue
            if not page.text:
                continue
            warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            docs += 1
            yield (
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
        else:
            # Records skipped unread are read to their end by the iterator: the last one tells.
            if record is not None and _cut_short(record):
                problem = f"truncated WARC: record {records} ends before its declared length"
            elif not ended["complete"]:
                problem = (
                    f"truncated WARC: the compressed data ends inside a gzip member after record {records}"
                )
            elif (left := _bytes_left(stream, iterator)) > 0:
                # warcio ends quietly on a header block cut off before its blank line.
                problem = (
                    f"truncated or damaged WARC: {left} bytes after record {records} make no whole record"
                )
    except ArchiveLoadFailed as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else "damaged"
        if not records:
            raise WarcError(f"not a readable WARC file ({detail})") from None
        problem = f"damaged WARC after record {records} ({detail})"
    except LineTooLong as exc:
        problem = f"damaged WARC after record {records}: {exc}"
    except (EOFError, OSError, ValueError) as exc:
        problem = f"truncated or damaged WARC after record {records} ({type(exc).__name__}: {exc})"
    except Exception:  # noqa: BLE001 - warcio fails on some cut headers with AttributeError and others
        problem = (
            f"truncated or damaged WARC after record {records}: the next record's header cannot be parsed"
        )
    if not docs:
        if problem:
            raise WarcError(f"{problem}; no page could be read before it")
        if responses == 0:
            raise WarcError("no HTML response records in this WARC file")
        raise WarcError(
            f"none of the {responses} HTML responses in this WARC file has article text (truncated?)"
        )
    if problem:
        yield IngestError(path, f"{problem}; the {docs} pages before it are kept")


class LineTooLong(WarcError):
    """A header line longer than any real one: the file is damaged or hostile."""


def _bound_lines(iterator: Any) -> None:
    """Cap every line warcio reads (record and HTTP headers) at `MAX_LINE_BYTES`.

    warcio reads a header line whole, growing one buffer: a line of gigabytes (a small
    .warc.gz can inflate to one) took minutes and ran out of memory, and a long one in a
    plain file seemed to hang. Past the cap the file is refused where it stands.
    """
    reader = getattr(iterator, "reader", None)
    readline = getattr(reader, "readline", None)
    if reader is None or readline is None:
        return

    def bounded(length: int | None = None) -> bytes:
        cap = MAX_LINE_BYTES + 1 if length is None else min(length, MAX_LINE_BYTES + 1)
        line: bytes = readline(cap)
        if len(line) > MAX_LINE_BYTES:
            raise LineTooLong(f"a header line over {MAX_LINE_BYTES // 1024} KB")
        return line

    reader.readline = bounded


def _watch_gzip_end(iterator: Any) -> dict[str, bool]:
    """Note whether the last gzip member of a .warc.gz ends properly.

    warcio stops quietly when compressed data ends mid-member (a truncated download looks
    like a shorter file); zlib knows (`eof`) until warcio drops the decompressor, so it is
    read just before that.
    """
    ended = {"complete": True}
    reader = getattr(iterator, "reader", None)
    close = getattr(reader, "close_decompressor", None)
    if reader is None or close is None:
        return ended

    def close_and_note() -> None:
        decompressor = getattr(reader, "decompressor", None)
        if decompressor is not None:
            ended["complete"] = bool(getattr(decompressor, "eof", True))
        close()

    reader.close_decompressor = close_and_note
    return ended


def _bytes_left(stream: BinaryIO, iterator: Any) -> int:
    """Bytes of the file past the end of the last whole record (0 when unknown)."""
    offset = getattr(iterator, "offset", None)
    if not isinstance(offset, int) or not stream.seekable():
        return 0
    try:
        return max(0, stream.seek(0, 2) - offset)
    except OSError:
        return 0


def _cut_short(record: Any) -> bool:
    """Whether a record read to its end got fewer bytes than its Content-Length declares."""
    raw = getattr(record, "raw_stream", None)
    return bool(getattr(raw, "limit", 0))
