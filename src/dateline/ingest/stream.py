"""JSON Lines and CSV files streamed record by record: a limit per record, none on the file.

A 300 MB export, plain or gzipped, is read one record at a time, so memory holds one
record, not the file, and the whole-file size cap does not apply. In JSON Lines, a line
over `MAX_RECORD_BYTES` is one error and reading goes on at the next line; so is a line
that is not JSON or not an object. A file whose first lines are all unreadable is not JSON
Lines, and is refused with one reason instead of an error per line. In CSV, a record that
cannot be parsed stops the file there (a CSV parser cannot tell where the next record
starts), keeping the rows before it.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, cast

from dateline.ingest.records import DEFAULT_FIELDS, record_doc, text_field_hint
from dateline.ingest.sniff import sniff
from dateline.ingest.text import IngestError
from dateline.model import RawDoc

# One record (one article with its metadata); past this a line is not an article.
MAX_RECORD_BYTES = 20 * 1024 * 1024
# This many unreadable lines before any record: the file is not JSON Lines.
NOT_JSONL_AFTER = 20
_CHUNK = 1 << 16


def _open(path: Path) -> io.BufferedIOBase:
    """The file's bytes, through gzip when it is gzipped."""
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    # gzip.open owns its file, so closing the stream closes the file too.
    return gzip.GzipFile(path, "rb") if gzipped else path.open("rb")


def streams_as_jsonl(path: Path, fmt: str = "auto") -> bool:
    """Whether `path` (plain or gzipped) is JSON Lines to stream: named so by `fmt`, or sniffed
    so from its first bytes. A JSON array (`[...]`) is read whole, as it must be parsed whole."""
    if fmt not in ("auto", "jsonl"):
        return False
    head = _head(path)
    if not head:
        return False
    name = path.name[:-3] if path.name.casefold().endswith(".gz") else path.name
    kind = sniff(head, name) if fmt == "auto" else fmt
    return kind == "jsonl" and not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


def streams_as_csv(path: Path, fmt: str = "auto") -> bool:
    """Whether `path` (plain or gzipped) is UTF-8 CSV to stream: named so, or sniffed so."""
    if fmt not in ("auto", "csv"):
        return False
    head = _head(path)
    name = path.name[:-3] if path.name.casefold().endswith(".gz") else path.name
    if not head or (sniff(head, name) if fmt == "auto" else fmt) != "csv" or b"\x00" in head:
        return False
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # A character cut at the end of the sample is fine; anything else is read whole.
        return exc.start >= len(head) - 3
    return True


def _head(path: Path) -> bytes:
    """The first bytes of the (decompressed) file; what came before damage, if it is damaged."""
    head = b""
    try:
        with _open(path) as stream:
            while len(head) < _CHUNK and (piece := stream.read1(4096)):
                head += piece
    except (EOFError, zlib.error):
        pass
    except OSError:
        return b""
    return head


def stream_csv(
    path: Path, name: str, fields: Mapping[str, str] | None = None
) -> Iterator[RawDoc | IngestError]:
    """The rows of a CSV (or TSV) file with a header row, one at a time; rows are named
    `<file>#<row>` as the whole-file reader names them."""
    rows = 0
    try:
        # A gzip or a buffered file: both are what TextIOWrapper wraps, whatever typeshed says.
        raw = cast(BinaryIO, _open(path))
        with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
            header_line = text.readline(MAX_RECORD_BYTES)
            # The header row decides the delimiter: article text is full of commas, the header is not.
            delimiter = max(",\t;|", key=header_line.count)
            csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD_BYTES))
            reader = csv.DictReader(itertools.chain([header_line], text), delimiter=delimiter)
            header = [str(column).casefold() for column in (reader.fieldnames or [])]
            names = (fields["text"],) if fields and "text" in fields else DEFAULT_FIELDS["text"]
            if not any(n.casefold() in header for n in names):
                yield IngestError(
                    name, f"{text_field_hint(fields)}; the columns are: {', '.join(header) or 'none'}"
                )
                return
            number = 1
            try:
                for number, row in enumerate(reader, 2):
                    # Extra cells land under the key None; they are no field of ours.
                    doc = record_doc(
                        {k: v for k, v in row.items() if k is not None}, f"{name}#{number}", fields
                    )
                    rows += 1
                    if doc is not None:
                        yield doc
            except csv.Error as exc:
                yield IngestError(
                    f"{name}#{number + 1}",
                    f"line {reader.line_num}: malformed CSV ({exc}); rows after it are not read",
                )
    except UnicodeDecodeError as exc:
        yield IngestError(name, f"undecodable bytes after {rows} rows: not UTF-8 ({exc.reason})")
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(name, f"truncated or damaged after {rows} rows ({exc})")


def _lines(stream: io.BufferedIOBase) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line; None for a line over `MAX_RECORD_BYTES` (skipped)."""
    number = 0
    while True:
        line = stream.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass  # the rest of the over-long line, read in pieces and dropped
            yield number, None
            continue
        yield number, line


def stream_jsonl(
    path: Path, name: str, fields: Mapping[str, str] | None = None
) -> Iterator[RawDoc | IngestError]:
    """The documents of a JSON Lines file, one record at a time, with an error per bad line.

    Records are named `<file>#<line>`, as the whole-file reader names them.
    """
    records = docs = 0
    early_errors: list[IngestError] = []
    try:
        with _open(path) as stream:
            for number, line in _lines(stream):
                where = f"{name}#{number}"
                if line is None:
                    error = IngestError(where, f"line {number}: over {MAX_RECORD_BYTES // (1024 * 1024)} MB")
                elif not line.strip():
                    continue
                else:
                    try:
                        text = line.rstrip(b"\r\n").decode("utf-8-sig" if number == 1 else "utf-8")
                        item = json.loads(text)
                    except UnicodeDecodeError as exc:
                        error = IngestError(where, f"line {number}: not UTF-8 (byte {exc.start})")
                    except json.JSONDecodeError as exc:
                        error = IngestError(where, f"line {number}: invalid JSON ({exc.msg})")
                    except RecursionError:
                        error = IngestError(where, f"line {number}: too deeply nested to read")
                    else:
                        if not isinstance(item, dict):
                            kind = type(item).__name__
                            error = IngestError(
                                where, f"record {number}: expected a JSON object, found {kind}"
                            )
                        else:
                            records += 1
                            # Errors held back while it was unsure the file is JSON Lines at all.
                            yield from early_errors
                            early_errors.clear()
                            doc = record_doc(item, where, fields)
                            if doc is not None:
                                docs += 1
                                yield doc
                            continue
                if records == 0:
                    early_errors.append(error)
                    if len(early_errors) >= NOT_JSONL_AFTER:
                        yield IngestError(
                            name, f"not JSON Lines: {early_errors[0].reason} (and the next lines)"
                        )
                        return
                else:
                    yield error
    except (OSError, EOFError, zlib.error) as exc:
        # A truncated .gz: the records read before the damage are kept.
        yield IngestError(name, f"truncated or damaged after {records} records ({exc})")
        return
    if records and not docs:
        yield IngestError(name, text_field_hint(fields))
    elif not records:
        more = " (and more lines)" if len(early_errors) > 1 else ""
        yield IngestError(name, early_errors[0].reason + more if early_errors else "no documents found in it")
