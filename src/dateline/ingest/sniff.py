"""Open an input's bytes (through .gz and .zip, with bounded memory) and tell its format.

Compressed inputs are read through a size cap on the *decompressed* bytes, so a
small archive that would inflate to gigabytes (a zip bomb) is refused with a
clear reason instead of filling memory.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
import zlib
from typing import Literal, Protocol

Format = Literal["text", "html", "jsonl", "csv", "rss", "warc"]
FORMATS: tuple[str, ...] = ("auto", "text", "html", "jsonl", "csv", "rss", "warc")

_SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "rss",
    ".atom": "rss",
    ".xml": "rss",
    ".warc": "warc",
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section)\b", re.IGNORECASE
)


class Readable(Protocol):
    """Anything with a binary `read(size)`: a file, a gzip stream, a zip member, stdin."""

    def read(self, size: int = -1, /) -> bytes: ...


class TooLarge(Exception):
    """The (decompressed) input is over the size cap."""


def read_capped(stream: Readable, limit: int, what: str = "file") -> bytes:
    """Read at most `limit` bytes; raise `TooLarge` when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{what} is over {limit // (1024 * 1024)} MB")
    return data


def strip_suffixes(name: str) -> tuple[str, str | None]:
    """(name without a .gz/.zip suffix, that suffix or None)."""
    lower = name.casefold()
    for suffix in (".gz", ".zip"):
        if lower.endswith(suffix):
            return name[: -len(suffix)], suffix
    return name, None


def unpack(data: bytes, name: str, limit: int) -> list[tuple[str, bytes]]:
    """The members of `data`: itself, its gunzipped bytes, or each file of a zip archive.

    Raises `TooLarge` for anything that inflates past `limit` bytes, and
    `ValueError` for damaged archives.
    """
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                inner = read_capped(stream, limit, "decompressed data")
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"damaged or truncated gzip data ({exc})") from None
        return [(strip_suffixes(name)[0], inner)]
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [info for info in archive.infolist() if not info.is_dir()]
            remaining = limit
            out = []
            for info in members:
                if info.filename.startswith(("__MACOSX/", ".")) or "/." in info.filename:
                    continue
                # The declared size can lie, so what is actually read counts against the cap.
                if info.file_size > remaining:
                    raise TooLarge(f"zip archive inflates to over {limit // (1024 * 1024)} MB")
                with archive.open(info) as stream:
                    content = read_capped(stream, remaining, "zip archive, inflated,")
                remaining -= len(content)
                out.append((f"{name}!{info.filename}", content))
            return out
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
            raise ValueError(f"damaged or unsupported zip archive ({exc})") from None
    return [(name, data)]


def sniff(data: bytes, name: str = "") -> Format:
    """The format of `data`, from its first bytes, with the file name as a tie-breaker."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    suffix = "." + name.rsplit(".", 1)[-1].casefold() if "." in name.rsplit("/", 1)[-1] else ""
    by_name = _SUFFIX_FORMATS.get(suffix)
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"<"):
        if _FEED_ROOT.search(head) and not re.search(rb"<html\b", head[:512], re.IGNORECASE):
            return "rss"
        if _HTML_START.search(head) or by_name == "html":
            return "html"
        return "rss" if head.startswith(b"<?xml") else "html"
    if head.startswith((b"{", b"[")):
        first = head.split(b"\n", 1)[0]
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            if by_name == "jsonl" or head.startswith(b"["):
                return "jsonl"
    if by_name in ("csv", "jsonl", "html", "rss", "warc"):
        return by_name
    return "text"
