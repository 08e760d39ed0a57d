"""Fuzzing every reader: mutated real inputs must give documents or a clean refusal, never a crash.

Each reader (text, HTML, RSS, JSONL, CSV, WARC) gets `per_reader` inputs made from a small real
sample: truncated, bit-flipped, bytes inserted or deleted, re-encoded, and with absurd metadata
(placeholder and far-future dates, huge numbers, deep nesting, long lines). An input passes when
the reader returns documents (with or without errors for damaged records) or refuses the file
with its own error (a `ValueError`); any other exception is an escape. The documents read are
then cleaned, split and dated (`dateline.pipeline.prepare`, everything short of parsing), which
must not raise either. The seed is fixed, so a run is repeatable.
"""

from __future__ import annotations

import contextlib
import io
import random
import time
from typing import Any

from dateline.ingest.readers import read_member
from dateline.ingest.text import IngestError

_BODY = (
    "SEOUL, Dec. 23 (Yonhap) -- South Korea's new chief nuclear envoy, Noh Kyu-duk, spoke by phone with "
    "his Japanese counterpart on Wednesday, the foreign ministry said."
)


def _warc(html: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example.org/{n}", "response", payload=io.BytesIO(html), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def samples() -> dict[str, tuple[str, bytes]]:
    """Reader -> (file name, a small real input it reads)."""
    html = (
        '<html><head><title>Envoys talk</title><meta property="article:published_time" '
        'content="2020-12-23"><link rel="canonical" href="https://news.example.org/envoy"></head>'
        f"<body><article><p>{_BODY}</p><p>{_BODY}</p></article></body></html>"
    ).encode()
    return {
        "text": ("story.txt", f"Envoys talk by phone\n{_BODY}\n".encode()),
        "html": ("page.html", html),
        "rss": (
            "feed.xml",
            (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Talks'
                "</title><link>https://x.example/1</link><pubDate>Wed, 23 Dec 2020 08:00:00 GMT</pubDate>"
                f"<description>{_BODY}</description></item></channel></rss>"
            ).encode(),
        ),
        "jsonl": (
            "data.jsonl",
            (
                f'{{"text": "{_BODY}", "url": "https://x.example/1", "date": "2020-12-23"}}\n'
                f'{{"body": "{_BODY}", "title": "Talks", "published": 1608681600}}\n'
            ).encode(),
        ),
        "csv": ("data.csv", f'text,url,date\n"{_BODY}",https://x.example/1,2020-12-23\n'.encode()),
        "warc": ("crawl.warc", _warc(html)),
    }


# Metadata an export or a page may really carry: placeholders, typos, overflows, odd types.
_ABSURD = [
    b"0001-01-01",
    b"0000-00-00",
    b"9999-12-31T23:59:59Z",
    b"99999-01-01",
    b"1899-12-31",
    b"2202-05-01",
    b"-1",
    b"1e309",
    b"99999999999999999999",
    b"NaN",
    b"",
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One mutation of `data`, or a few stacked."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(9)
        at = rng.randrange(len(out) + 1)
        if kind == 0 and out:  # flip a bit
            i = min(at, len(out) - 1)
            out[i] ^= 1 << rng.randrange(8)
        elif kind == 1:  # insert random bytes
            out[at:at] = rng.randbytes(rng.randint(1, 16))
        elif kind == 2:  # delete a stretch
            del out[at : at + rng.randint(1, 32)]
        elif kind == 3:  # cut short
            del out[at:]
        elif kind == 4:  # a date replaced by an absurd one
            for needle in (b"2020-12-23", b"1608681600", b"Wed, 23 Dec 2020 08:00:00 GMT"):
                if needle in out:
                    i = out.index(needle)
                    out[i : i + len(needle)] = rng.choice(_ABSURD)
                    break
        elif kind == 5:  # deep nesting or a long line where a value was
            filler = rng.choice([b"[" * 5000, b"{" * 3000, b"<b>" * 3000, b"x" * 200_000])
            out[at:at] = filler
        elif kind == 6:  # re-encoded
            with contextlib.suppress(UnicodeDecodeError, UnicodeEncodeError):
                out = bytearray(
                    bytes(out).decode("utf-8").encode(rng.choice(["utf-16", "latin-1", "cp1252"]))
                )
        elif kind == 7:  # a stretch repeated
            piece = out[at : at + rng.randint(1, 64)]
            out[at:at] = piece * rng.randint(2, 50)
        else:  # control and NUL bytes
            out[at:at] = bytes(rng.randrange(32) for _ in range(rng.randint(1, 8)))
    return bytes(out)


def run(per_reader: int = 10_000, seed: int = 16) -> dict[str, Any]:
    """Fuzz each reader with `per_reader` mutated inputs; per reader: inputs, documents, refused,
    escaped (with the first few escapes, to reproduce), seconds."""
    from dateline.pipeline import prepare

    rng = random.Random(seed)
    result: dict[str, Any] = {}
    for reader, (name, sample) in samples().items():
        counts = {"inputs": 0, "read": 0, "refused": 0, "escaped": 0, "documents": 0, "record_errors": 0}
        escapes: list[str] = []
        started = time.perf_counter()
        for _ in range(per_reader):
            data = mutate(rng, sample)
            counts["inputs"] += 1
            stage = "read"
            try:
                found = read_member(data, name, reader)
                stage = "prepare"
                docs = [d for d in found if not isinstance(d, IngestError)]
                for doc in docs:
                    prepare(doc)
                counts["read"] += 1
                counts["documents"] += len(docs)
                counts["record_errors"] += len(found) - len(docs)
            except ValueError:
                if stage != "read":
                    raise
                counts["refused"] += 1
            except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
                counts["escaped"] += 1
                if len(escapes) < 5:
                    escapes.append(f"{stage}: {type(exc).__name__}: {str(exc)[:120]} <- {data[:80]!r}")
        result[reader] = {**counts, "seconds": round(time.perf_counter() - started, 1), "examples": escapes}
    result["seed"] = seed
    result["escaped"] = sum(r["escaped"] for k, r in result.items() if isinstance(r, dict))
    return result
