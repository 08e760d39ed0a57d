"""Inputs -> shards: groups of files, each read, processed and written as one unit.

A shard is the unit of work, of output (one Parquet file per table) and of
resumption. Big files (a WARC, a JSONL export) are a shard each; small ones (a
folder of HTML pages) are grouped so that a million pages do not make a
million output files. A shard's id hashes its files' absolute paths, sizes and
modification times: the same unchanged input gives the same id on a re-run,
so finished shards can be skipped, and an edited file is processed again.

Paths with `*`, `?` or `[` are globs (`**` recurses). Paths with a scheme
(`s3://bucket/prefix/`, `gs://...`) are read through pyarrow's filesystems,
which ship with the `ray` extra.
"""

from __future__ import annotations

import glob
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dateline.ingest import IngestError, documents_and_errors, list_inputs, read_documents
from dateline.model import RawDoc, stable_id

# A shard of small files closes at this many bytes or files, whichever comes first.
SHARD_BYTES = 32 * 1024 * 1024
SHARD_FILES = 256
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class ShardFile:
    """One input file: a local absolute path or a remote URI, with its size and mtime."""

    path: str
    size: int
    mtime: int  # nanoseconds; 0 when the filesystem does not say


@dataclass(frozen=True)
class Shard:
    """Files read and processed together; `id` names its output files."""

    id: str
    files: tuple[ShardFile, ...]

    @property
    def bytes(self) -> int:
        return sum(f.size for f in self.files)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "files": [[f.path, f.size, f.mtime] for f in self.files]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Shard:
        return cls(str(data["id"]), tuple(ShardFile(str(p), int(s), int(m)) for p, s, m in data["files"]))


def _is_remote(name: str) -> bool:
    return "://" in name and not name.startswith("file://")


def _local_files(name: str) -> Iterator[ShardFile | IngestError]:
    if name.startswith("file://"):
        name = name.removeprefix("file://")
    if name == "-":
        yield IngestError(name, "standard input cannot be split into shards; save it to a file first")
        return
    names = [name]
    if not Path(name).exists() and _GLOB_CHARS & set(name):
        names = sorted(glob.glob(name, recursive=True))
        if not names:
            yield IngestError(name, "no files match this pattern")
            return
    for item in list_inputs(names):
        if isinstance(item, IngestError):
            yield item
            continue
        path = Path(item).resolve()
        try:
            stat = path.stat()
        except OSError as exc:
            yield IngestError(str(item), f"cannot read: {exc.strerror or exc}")
            continue
        yield ShardFile(str(path), stat.st_size, stat.st_mtime_ns)


def _remote_files(uri: str) -> Iterator[ShardFile | IngestError]:
    try:
        from pyarrow import fs
    except ImportError:
        yield IngestError(uri, "remote paths need pyarrow: pip install 'dateline[ray]'")
        return
    try:
        filesystem, root = fs.FileSystem.from_uri(uri)
        info = filesystem.get_file_info(root)
        if info.type == fs.FileType.Directory:
            infos = filesystem.get_file_info(fs.FileSelector(root, recursive=True))
            infos = sorted((i for i in infos if i.type == fs.FileType.File), key=lambda i: i.path)
        elif info.type == fs.FileType.File:
            infos = [info]
        else:
            yield IngestError(uri, "no such file or directory")
            return
    except Exception as exc:  # noqa: BLE001 - each filesystem raises its own errors
        yield IngestError(uri, f"cannot list: {exc}")
        return
    scheme = uri.split("://", 1)[0]
    # Options in the query string (`?region=us-east-1`) apply to every file under the prefix.
    query = "?" + uri.split("?", 1)[1] if "?" in uri else ""
    for i in infos:
        yield ShardFile(f"{scheme}://{i.path}{query}", i.size or 0, i.mtime_ns or 0)


def _shard(files: Sequence[ShardFile]) -> Shard:
    return Shard(stable_id("shard", *(f"{f.path}\x1e{f.size}\x1e{f.mtime}" for f in files)), tuple(files))


def plan_shards(
    inputs: Sequence[str], shard_bytes: int = SHARD_BYTES, shard_files: int = SHARD_FILES
) -> tuple[list[Shard], list[IngestError]]:
    """The shards to process for these inputs (in input order), and the inputs that cannot be read.

    Files of one input argument are grouped until the group reaches
    `shard_bytes` or `shard_files`; a file at least `shard_bytes` big is a shard
    of its own. Groups never span two arguments, so adding an input does not
    change the shards of the others.
    """
    shards: list[Shard] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    for name in inputs:
        group: list[ShardFile] = []
        listing = _remote_files(name) if _is_remote(name) else _local_files(name)
        for item in listing:
            if isinstance(item, IngestError):
                errors.append(item)
                continue
            if item.path in seen:  # the same file named twice is read once
                continue
            seen.add(item.path)
            if item.size >= shard_bytes:
                shards.append(_shard([item]))
                continue
            group.append(item)
            if sum(f.size for f in group) >= shard_bytes or len(group) >= shard_files:
                shards.append(_shard(group))
                group = []
        if group:
            shards.append(_shard(group))
    return shards, errors


def _read_remote(
    uri: str, fmt: str, fields: Mapping[str, str] | None
) -> list[RawDoc | IngestError] | IngestError:
    """Copy a remote file to a local temporary file, read it there, and name the documents by URI."""
    from pyarrow import fs

    filesystem, path = fs.FileSystem.from_uri(uri)
    suffix = "".join(Path(path).suffixes[-2:])  # keep ".jsonl.gz" so sniffing sees the same name
    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / f"input{suffix}"
        with filesystem.open_input_stream(path) as source, local.open("wb") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
        docs = read_documents(local, fmt, fields)
    if isinstance(docs, IngestError):
        return IngestError(uri, docs.reason)
    # Named by URI, not by the temporary copy: documents and errors alike.
    return [
        IngestError(uri + d.path.removeprefix(str(local)), d.reason)
        if isinstance(d, IngestError)
        else replace(d, path=uri + (d.path or "").removeprefix(str(local)))
        for d in docs
    ]


def read_shard(
    shard: Shard, fmt: str = "auto", fields: Mapping[str, str] | None = None
) -> tuple[list[RawDoc], list[IngestError]]:
    """The documents of every readable file of a shard (each once), and the files that failed."""
    docs: list[RawDoc] = []
    errors: list[IngestError] = []
    ids: set[str] = set()
    for f in shard.files:
        try:
            if _is_remote(f.path):
                found = _read_remote(f.path, fmt, fields)
            else:
                found = read_documents(f.path, fmt, fields)
        except Exception as exc:  # noqa: BLE001 - a remote read failing must fail this file only
            found = IngestError(f.path, f"cannot read: {exc}")
        found_docs, damaged = documents_and_errors(found)
        errors.extend(damaged)
        for doc in found_docs:
            if doc.id not in ids:
                ids.add(doc.id)
                docs.append(doc)
    return docs, errors
