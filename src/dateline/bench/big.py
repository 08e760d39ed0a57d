"""Big files end to end: a JSON Lines export and a WARC of about 1 GB each, with memory over time.

Opt-in (it takes tens of minutes): `make bench-big`, or `dateline bench --part big`. Each file
is built from real inputs in ../shared (news texts for the JSONL; the scrapinghub news pages
for the WARC), repeated with distinct ids until it reaches the asked size. Then, each in a
child process of its own, so that its peak memory is its own:

- **read**: `dateline extract FILE` over the whole file (every record read, every page's
  article extracted; nothing coded or stored): records, seconds, peak RSS;
- **ingest**: `dateline ingest FILE` for a fixed time (coding the whole file would take hours
  on a small machine), its RSS sampled every few seconds, then stopped with Ctrl-C: documents
  stored, peak RSS, and the RSS of the first and last minutes, which must be alike when the
  readers stream and nothing grows with what was stored.

`dateline bench --part end` (`make bench-end`) asks what ingesting the whole JSON Lines file
would end at without coding it all: a store of its first records is replicated to as many
documents as the file holds (`Store.replicate`, a synthetic fill), and the next records are
ingested into it, with peak RSS and speed.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

SHARED = Path("../shared/data")
MB = 1024 * 1024


def _texts() -> Iterator[dict[str, str]]:
    """Distinct news texts from ../shared, with what each source says of them (date, url)."""
    csv.field_size_limit(sys.maxsize)
    guardian = SHARED / "news" / "guardian-sdf.csv"
    if guardian.is_file():
        with guardian.open(newline="", encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                if row["text"].strip():
                    yield {"text": row["text"], "date": row.get("date") or ""}
    pages = SHARED / "news" / "pages.dev.jsonl"
    if pages.is_file():
        with pages.open(encoding="utf-8") as stream:
            for line in stream:
                page = json.loads(line)
                yield {"text": page["text"], "date": page.get("date") or "", "url": page.get("url") or ""}
    truth = SHARED / "extraction" / "scrapinghub" / "ground-truth.json"
    if truth.is_file():
        for record in json.loads(truth.read_text(encoding="utf-8")).values():
            yield {"text": record["articleBody"], "url": record.get("url") or ""}
    synthetic = SHARED / "events" / "ngec-synthetic-stories.csv"
    if synthetic.is_file():
        with synthetic.open(newline="", encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                if row["text"].strip():
                    yield {"text": row["text"]}


def write_jsonl(path: Path, size: int) -> int:
    """A JSON Lines export of about `size` bytes; returns its records.

    Copy k of a text widens its first space by k (the cleaner drops it, so the articles and
    events are the text's own) and has its own id and address, as a re-crawled page would.
    The first copy of every text comes first, so the head of the file holds distinct texts.
    """
    pool = list(_texts())
    if not pool:
        raise ValueError(f"{SHARED}: no news texts to build a JSON Lines file from")
    records = written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            copy, i = divmod(records, len(pool))
            item = pool[i]
            record = {
                "id": f"{copy}-{i}",
                "url": f"https://news.example.org/{copy}/{i}",
                "date": item.get("date") or None,
                "text": item["text"].replace(" ", " " * (1 + copy), 1),
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            records += 1
    return records


def _pages() -> list[tuple[str, int]]:
    """The scrapinghub pages, each with where a copy number can go in its article text (-1: none).

    A copy of a page must have its own text (the document id is a hash of it), so copy k
    says "Update k:" before the first words of the article's first full line; on pages whose
    extracted article does not then change, copies would be the same document, so those
    pages are used once.
    """
    from dateline.ingest.html import extract_page

    folder = SHARED / "extraction" / "scrapinghub" / "html"
    pages: list[tuple[str, int]] = []
    for file in sorted(folder.glob("*.html.gz")):
        html = gzip.decompress(file.read_bytes()).decode("utf-8", "replace")
        text = extract_page(html).text
        where = -1
        body = max(0, html.find("<body"))
        for line in text.split("\n"):
            words = line.split()
            if len(words) >= 8 and (found := html.find(" ".join(words[:3]), body)) >= 0:
                where = found
                break
        if where >= 0 and extract_page(_marked(html, where, 1)).text == text:
            where = -1
        pages.append((html, where))
    if not pages:
        raise ValueError(f"{folder}: no HTML pages to build a WARC file from")
    return pages


def _marked(html: str, where: int, copy: int) -> str:
    return html[:where] + f"Update {copy}: " + html[where:]


def write_warc(path: Path, size: int) -> int:
    """An uncompressed WARC of about `size` bytes of HTML responses; returns its records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = _pages()
    varied = [p for p in pages if p[1] >= 0]
    records = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        copy = 0
        while out.tell() < size:
            for n, (html, where) in enumerate(pages if copy == 0 else varied):
                body = (html if copy == 0 else _marked(html, where, copy)).encode("utf-8")
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    f"https://news.example.org/{copy}/{n}.html",
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                )
                writer.write_record(record)
                records += 1
                if out.tell() >= size:
                    break
            copy += 1
    return records


# `dateline ARGS...`, with Ctrl-C working even when this bench runs in the background (a shell
# starts background jobs with SIGINT ignored, and a child inherits that).
_MAIN = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'dateline'; from dateline.cli import main; main()"
)


def _dateline(*args: str) -> list[str]:
    return [sys.executable, "-c", _MAIN, *args]


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _reap(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Wait for a child; its exit status and its own peak RSS in MB."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024


def read_pass(path: Path) -> dict[str, Any]:
    """`dateline extract` over the whole file in a child process: records, seconds, peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(_dateline("extract", str(path), "--format", "jsonl"), stdout=subprocess.PIPE)
    assert process.stdout is not None
    records = 0
    while chunk := process.stdout.read(MB):
        records += chunk.count(b"\n")
    code, peak = _reap(process)
    seconds = time.perf_counter() - started
    return {
        "records": records,
        "seconds": round(seconds, 1),
        "mb_per_s": round(path.stat().st_size / MB / seconds, 2),
        "peak_rss_mb": round(peak, 1),
        "exit_code": code,
    }


def _poll(process: subprocess.Popen[bytes]) -> float | None:
    """The child's own peak RSS in MB once it has ended (reaped here), else None."""
    pid, status, usage = os.wait4(process.pid, os.WNOHANG)
    if pid == 0:
        return None
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def ingest_for(path: Path, db: Path, seconds: float, every: float = 5.0) -> dict[str, Any]:
    """`dateline ingest` of the file for `seconds`, then Ctrl-C; RSS every `every` seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(
        _dateline("ingest", str(path), "--db", str(db), "--quiet"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    samples: list[tuple[float, float]] = []
    peak = _poll(process)
    while peak is None and time.perf_counter() - started < seconds:
        if (rss := _rss_mb(process.pid)) is not None:
            samples.append((round(time.perf_counter() - started, 1), round(rss, 1)))
        time.sleep(every)
        peak = _poll(process)
    stopped = time.perf_counter()
    if peak is None:
        process.send_signal(signal.SIGINT)  # as a user's Ctrl-C: the store is closed cleanly
    while peak is None:
        if time.perf_counter() - stopped > 120:
            process.kill()
        time.sleep(0.5)
        peak = _poll(process)
    with duckdb.connect(str(db), read_only=True) as store:
        documents = store.execute("SELECT count(*) FROM documents").fetchone()
        events = store.execute("SELECT count(*) FROM events").fetchone()
    values = [mb for _, mb in samples]
    minute = max(1, int(60 / every))
    return {
        "seconds": round(stopped - started, 1),
        "documents_stored": documents[0] if documents else 0,
        "events_stored": events[0] if events else 0,
        "peak_rss_mb": round(peak, 1),
        "first_minute_max_rss_mb": max(values[:minute], default=0.0),
        "last_minute_max_rss_mb": max(values[-minute:], default=0.0),
        "rss_mb_every_minute": [mb for k, (_, mb) in enumerate(samples) if k % minute == 0],
        "exit_code": process.returncode,
    }


def _lines(source: Path, target: Path, skip: int, take: int) -> Path:
    """Records `skip` to `skip + take` of a JSON Lines file, as a file of their own."""
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for n, line in enumerate(lines):
            if n >= skip + take:
                break
            if n >= skip:
                out.write(line)
    return target


def end_state(path: Path, folder: Path, docs: int = 1000, documents: int = 600_000) -> dict[str, Any]:
    """Memory of an ingest into a store as large as a whole file would leave it, without the hours
    of coding: the file's first `docs` records are ingested, that store is replicated (fresh ids,
    `Store.replicate`) to about `documents` documents (a synthetic fill), then the next `docs`
    records are ingested into it in a child process: its peak RSS, RSS every 5 s, and speed."""
    from dateline.store import Store

    base, full = folder / "end-base.duckdb", folder / "end-full.duckdb"
    for stale in (base, full, Path(f"{base}.wal"), Path(f"{full}.wal")):
        stale.unlink(missing_ok=True)
    head = _lines(path, folder / "end-head.jsonl", 0, docs)
    after = _lines(path, folder / "end-next.jsonl", docs, docs)
    started = time.perf_counter()
    subprocess.run(_dateline("ingest", str(head), "--db", str(base), "--quiet"), check=False)
    base_seconds = time.perf_counter() - started
    with Store(base) as store:
        stored = store.documents()
    copies = max(2, round(documents / max(1, len(stored))))
    started = time.perf_counter()
    shutil.copyfile(base, full)  # closed, so the file holds everything
    with Store(full) as store:
        rows = store.replicate(copies)
    fill_seconds = time.perf_counter() - started
    measured = ingest_for(after, full, seconds=float("inf"))
    return {
        "base_documents": len(stored),
        "base_seconds": round(base_seconds, 1),
        "copies": copies,
        "filled_rows": rows,
        "fill_seconds": round(fill_seconds, 1),
        "store_mb": round(full.stat().st_size / MB),
        "next": measured,
        "next_documents_per_s": round(
            (measured["documents_stored"] - rows["documents"]) / measured["seconds"], 2
        ),
    }


def end_at_size(folder: Path, size_mb: int = 1024, docs: int = 1000) -> dict[str, Any]:
    """`end_state` for the big JSON Lines file (built, or found, in `folder`): a store filled to
    as many documents as the whole file holds."""
    if not SHARED.is_dir():
        return {"skipped": f"{SHARED} not found"}
    folder.mkdir(parents=True, exist_ok=True)
    path, records = _file(folder, "big.jsonl", size_mb * MB, write_jsonl)
    return end_state(path, folder, docs, documents=records)


def _file(folder: Path, name: str, size: int, write: Any) -> tuple[Path, int]:
    """The file, built unless a file of that size is already there (it takes minutes)."""
    path = folder / name
    count = folder / f"{name}.records"
    if path.is_file() and count.is_file() and path.stat().st_size >= size:
        return path, int(count.read_text())
    records = write(path, size)
    count.write_text(str(records))
    return path, records


def run(folder: Path, size_mb: int = 1024, ingest_seconds: float = 600.0) -> dict[str, Any]:
    """Build (or reuse) the two files in `folder`, read each whole, ingest each for a while."""
    if not SHARED.is_dir():
        return {"skipped": f"{SHARED} not found"}
    folder.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"size_mb": size_mb, "ingest_seconds": ingest_seconds}
    for name, write in (("big.jsonl", write_jsonl), ("big.warc", write_warc)):
        path, records = _file(folder, name, size_mb * MB, write)
        db = folder / f"{name}.duckdb"
        for stale in (db, Path(f"{db}.wal")):
            stale.unlink(missing_ok=True)
        result[name] = {
            "bytes": path.stat().st_size,
            "records": records,
            "read": read_pass(path),
            "ingest": ingest_for(path, db, ingest_seconds),
        }
    return result


def main(argv: list[str]) -> None:
    """`python -m dateline.bench.big FOLDER [SIZE_MB] [INGEST_SECONDS]`: one JSON object."""
    size = int(argv[1]) if len(argv) > 1 else 1024
    seconds = float(argv[2]) if len(argv) > 2 else 600.0
    sys.stdout.write(json.dumps(run(Path(argv[0]), size, seconds)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
