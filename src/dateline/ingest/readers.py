"""One input (a file, a zip member, stdin) -> its `RawDoc`s, whatever the format.

The format is sniffed from the content unless the user names it. A file
yields many documents (a feed, a JSONL export, a WARC), or an `IngestError`
when nothing in it can be read. A file damaged part-way (a bad JSONL line, a
truncated WARC) yields its good documents and one `IngestError` per damage,
in file order, so one broken line never costs the other records.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from dateline.ingest.feed import read_feed
from dateline.ingest.html import extract_page, page_doc
from dateline.ingest.records import read_csv, read_jsonl
from dateline.ingest.sniff import TooLarge, read_capped, sniff, unpack
from dateline.ingest.stream import stream_csv, stream_jsonl, streams_as_csv, streams_as_jsonl
from dateline.ingest.text import MAX_BYTES, IngestError, decode_text, list_inputs
from dateline.ingest.warc import iter_warc, read_warc
from dateline.model import RawDoc


def _decoded(data: bytes, name: str) -> str:
    doc = decode_text(data, name)
    if isinstance(doc, IngestError):
        raise ValueError(doc.reason)
    return doc.text


def read_member(
    data: bytes, name: str, fmt: str = "auto", fields: Mapping[str, str] | None = None
) -> Sequence[RawDoc | IngestError]:
    """The documents in the bytes of one (decompressed) file, with an error per damaged record;
    ValueError with the reason if the file gives none."""
    kind = sniff(data, name) if fmt == "auto" else fmt
    if kind == "text":
        doc = decode_text(data, name)
        if isinstance(doc, IngestError):
            raise ValueError(doc.reason)
        return [doc]
    if kind == "html":
        if not data.strip():
            raise ValueError("empty file: there is no page to read")
        page = extract_page(data)
        if not page.text.strip():
            raise ValueError("no article text found in this HTML page")
        return [page_doc(page, name)]
    if kind == "jsonl":
        return read_jsonl(_decoded(data, name), name, fields)
    if kind == "csv":
        return read_csv(_decoded(data, name), name, fields)
    if kind == "rss":
        return read_feed(data, name)
    if kind == "warc":
        return read_warc(io.BytesIO(data), name)
    raise ValueError(f"unknown format {kind!r}")


def _starts_warc(path: Path) -> bool:
    """Whether a file (plain or gzipped) begins with a WARC record, read from its first bytes only."""
    try:
        with path.open("rb") as stream:
            head = stream.read(2)
            stream.seek(0)
            if head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=stream) as inner:
                    return inner.read(5) == b"WARC/"
            return stream.read(5) == b"WARC/"
    except (OSError, EOFError, zlib.error):
        return False


def read_documents(
    item: Path | str | IngestError, fmt: str = "auto", fields: Mapping[str, str] | None = None
) -> list[RawDoc | IngestError] | IngestError:
    """Read one input listed by `list_inputs`: all its documents, or why it could not be read.

    The list holds an `IngestError` too for each damaged part of a file whose other
    documents were read (`documents_and_errors` separates them).
    """
    if isinstance(item, IngestError):
        return item
    name = "<stdin>" if item == "-" else str(item)
    try:
        if item != "-" and (fmt == "warc" or (fmt == "auto" and _starts_warc(Path(item)))):
            # WARC files are streamed record by record: their size is not capped.
            with Path(item).open("rb") as stream:
                return read_warc(stream, name)
        if item == "-":
            data = read_capped(sys.stdin.buffer, MAX_BYTES)
        else:
            with Path(item).open("rb") as stream:
                data = read_capped(stream, MAX_BYTES)
        docs: list[RawDoc | IngestError] = []
        for member, content in unpack(data, name, MAX_BYTES):
            try:
                docs.extend(read_member(content, member, fmt, fields))
            except ValueError as exc:
                raise ValueError(f"{member}: {exc}" if member != name else str(exc)) from None
        if not any(isinstance(d, RawDoc) for d in docs):
            return IngestError(name, "no documents found in it")
        return docs
    except TooLarge as exc:
        return IngestError(name, f"too large: {exc}; split it into smaller files (a zip bomb is refused too)")
    except OSError as exc:
        return IngestError(name, f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:
        return IngestError(name, str(exc))
    except RecursionError:
        return IngestError(name, "too deeply nested to read")
    except Exception as exc:  # noqa: BLE001 - a third-party parser's surprise must fail this file only
        return IngestError(name, f"could not be read ({type(exc).__name__}: {exc})")


def read_paths(
    paths: Iterable[str], fmt: str = "auto", fields: Mapping[str, str] | None = None
) -> Iterator[RawDoc | IngestError]:
    """Yield every `RawDoc` of the inputs, or one `IngestError` per input that failed; `-` is stdin."""
    for item in list_inputs(paths):
        result = read_documents(item, fmt, fields)
        if isinstance(result, IngestError):
            yield result
        else:
            yield from result


def iter_documents(
    item: Path | str | IngestError, fmt: str = "auto", fields: Mapping[str, str] | None = None
) -> Iterator[RawDoc | IngestError]:
    """The documents of one input, and its errors, one at a time.

    JSON Lines and CSV files (plain or gzipped) are streamed record by record, with a limit
    per record and none on the file (`dateline.ingest.stream`), and WARC files page by page;
    other inputs are read whole by `read_documents`.
    """
    if not isinstance(item, IngestError) and item != "-":
        path = Path(item)
        if path.is_file() and streams_as_jsonl(path, fmt):
            yield from stream_jsonl(path, str(item), fields)
            return
        if path.is_file() and streams_as_csv(path, fmt):
            yield from stream_csv(path, str(item), fields)
            return
        if path.is_file() and (fmt == "warc" or (fmt == "auto" and _starts_warc(path))):
            yield from _stream_warc(path, str(item))
            return
    result = read_documents(item, fmt, fields)
    if isinstance(result, IngestError):
        yield result
    else:
        yield from result


def _stream_warc(path: Path, name: str) -> Iterator[RawDoc | IngestError]:
    """A WARC file's pages one at a time; what `read_documents` says when none can be read."""
    try:
        with path.open("rb") as stream:
            yield from iter_warc(stream, name)
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:
        yield IngestError(name, str(exc))


def documents_and_errors(
    result: Sequence[RawDoc | IngestError] | IngestError,
) -> tuple[list[RawDoc], list[IngestError]]:
    """What `read_documents` gave, as the documents and the errors apart."""
    if isinstance(result, IngestError):
        return [], [result]
    docs = [d for d in result if not isinstance(d, IngestError)]
    return docs, [e for e in result if isinstance(e, IngestError)]
