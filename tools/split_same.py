"""Whether two source trees split alike: every article of every input, field by field.

Run it once per tree (`PYTHONPATH=<tree>/src python tools/split_same.py dump OUT`) and compare the
two dumps (`python tools/split_same.py compare OLD NEW`). The inputs are every case of the
development split cases (all parts) and the seed, as `dateline split` reads them from a file, and
what `dateline eval split` and `eval lines` split (all parts): each case and labelled page as a
paste, and the scrapinghub pages pasted in all eight orders. A speed change must leave every line
of the dump as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _inputs() -> Iterator[tuple[str, str]]:
    """(name, text) of every input split."""
    from dateline.examples import __file__ as examples

    yield "seed", (Path(examples).parent / "korea-diplomacy.txt").read_text("utf-8")
    for raw in (SHARED / "split" / "cases.dev.jsonl").read_text("utf-8").splitlines():
        if raw.strip():
            case = json.loads(raw)
            yield f"case:{case['id']}", case["text"]


def _lines_inputs() -> Iterator[tuple[str, str]]:
    """(name, text) of what `eval lines` splits: the labelled pages, and the scrapinghub pages pasted."""
    from dateline.evaluate.lines import PASTE_ORDERS, pasted_cases
    from dateline.split.train import hand_pages, scrapinghub_pages

    scrapinghub = list(scrapinghub_pages(SHARED / "extraction" / "scrapinghub", "all"))
    news = list(hand_pages(SHARED / "news", "all"))
    for n, page in enumerate(scrapinghub):
        yield f"scrapinghub:{n}:{page.outlet}", "\n".join(page.lines)
    for n, page in enumerate(news):
        yield f"news:{n}:{page.outlet}", "\n".join(page.lines)
    for k in range(PASTE_ORDERS):
        for n, case in enumerate(pasted_cases(scrapinghub, k)):
            yield f"pasted{k}:{n}", case["text"]


def _articles(text: str) -> list[dict[str, object]]:
    """Every field of every article clean + split + dating give `text` pasted as it is."""
    from dateline.evaluate.split import predict

    return [dataclasses.asdict(a) for a in predict(text)]


def dump(out: Path) -> None:
    """Write one JSON line per input: its name, the `dateline split` records, the articles' fields."""
    from dateline.cli.extraction import split_records
    from dateline.ingest import list_inputs, read_input

    with out.open("w", encoding="utf-8") as stream, tempfile.TemporaryDirectory() as folder:
        for name, text in _inputs():
            path = Path(folder) / "input.txt"
            path.write_text(text, "utf-8")
            doc = read_input(list_inputs([str(path)])[0])
            records = split_records(doc)  # type: ignore[arg-type]
            row = {"name": name, "split": records, "articles": _articles(text)}
            stream.write(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) + "\n")
        for name, text in _lines_inputs():
            row = {"name": name, "articles": _articles(text)}
            stream.write(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def compare(old: Path, new: Path) -> int:
    """Print how many inputs split alike in two dumps, and the first that differ; 1 if any differs."""
    a = old.read_text("utf-8").splitlines()
    b = new.read_text("utf-8").splitlines()
    if len(a) != len(b):
        print(f"{len(a)} inputs against {len(b)}")
        return 1
    differ = [json.loads(x)["name"] for x, y in zip(a, b, strict=True) if x != y]
    articles = sum(len(json.loads(x)["articles"]) for x in a)
    digest = hashlib.sha256("\n".join(b).encode()).hexdigest()[:16]
    print(f"{len(a) - len(differ)} of {len(a)} inputs ({articles} articles) identical; sha256 {digest}")
    for name in differ[:20]:
        print("differs:", name)
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"]:
        dump(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["compare"]:
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit("usage: split_same.py dump OUT | compare OLD NEW")
