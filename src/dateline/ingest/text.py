"""Read plain-text news from files, folders and standard input.

Each problem is reported per file as an `IngestError` value (not raised), so
one bad file never stops the others and the caller can say which failed and why.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dateline.model import RawDoc

# A pasted news file is kilobytes; past this it is almost surely not one document.
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class IngestError:
    """Why one input could not be read."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def document_error(doc: RawDoc, exc: BaseException) -> IngestError:
    """A document that was read but could not be processed, as one error: where it came from
    (its file and record, e.g. `feed.xml#3`) and why."""
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    where = doc.path or doc.url or f"document {doc.id}"
    return IngestError(
        where, f"could not be processed ({type(exc).__name__}{': ' + reason if reason else ''})"
    )


def decode_text(data: bytes, path: str) -> RawDoc | IngestError:
    """Turn the bytes of one file into a `RawDoc`, refusing binary and non-UTF-8 data."""
    if not data.strip():
        return IngestError(path, "empty file: there is no text to read")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return IngestError(path, "truncated or damaged UTF-16 text")
        return RawDoc(text=text, path=path)
    if b"\x00" in data[:8192]:
        return IngestError(path, "binary file, not text (it contains NUL bytes); give a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestError(
            path, f"undecodable bytes at offset {exc.start}: not UTF-8 text; convert it to UTF-8 first"
        )
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        return IngestError(path, "binary file, not text (too many control characters)")
    return RawDoc(text=text, path=path)


def _read_stream(stream: BinaryIO, path: str) -> RawDoc | IngestError:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return IngestError(
            path, f"too large: over {MAX_BYTES // (1024 * 1024)} MB; split it into smaller files"
        )
    return decode_text(data, path)


def _files_under(folder: Path) -> Iterator[Path | IngestError]:
    """Every regular file under `folder` (hidden ones left out), and an error for each
    subfolder that cannot be listed, so that an unreadable one is never skipped in silence."""
    unreadable: list[IngestError] = []

    def report(exc: OSError) -> None:
        unreadable.append(IngestError(str(exc.filename or folder), f"cannot list: {exc.strerror or exc}"))

    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(root)
        files += [base / n for n in names if not n.startswith(".") and (base / n).is_file()]
    # Sorted so that ingest order, and so progress and errors, are repeatable.
    yield from sorted(files)
    yield from sorted(unreadable, key=lambda e: e.path)


def list_inputs(paths: Iterable[str]) -> list[Path | str | IngestError]:
    """Expand paths and folders into the inputs to read: files, "-" for stdin, or errors."""
    inputs: list[Path | str | IngestError] = []
    for name in paths:
        path = Path(name)
        if name == "-":
            inputs.append(name)
        elif not path.exists():
            inputs.append(IngestError(name, "no such file or directory"))
        elif path.is_dir():
            found = list(_files_under(path))
            if not any(isinstance(f, Path) for f in found):
                found.append(IngestError(name, "directory has no files to read"))
            inputs.extend(found)
        elif not path.is_file():
            # Reading a FIFO or a device waits for a writer that may never come.
            inputs.append(IngestError(name, "not a regular file (a pipe, socket or device); use - for stdin"))
        else:
            inputs.append(path)
    return inputs


def read_input(item: Path | str | IngestError) -> RawDoc | IngestError:
    """Read one input listed by `list_inputs`."""
    if isinstance(item, IngestError):
        return item
    if item == "-":
        return _read_stream(sys.stdin.buffer, "<stdin>")
    path = Path(item)
    try:
        with path.open("rb") as stream:
            return _read_stream(stream, str(path))
    except OSError as exc:
        return IngestError(str(path), f"cannot read: {exc.strerror or exc}")
