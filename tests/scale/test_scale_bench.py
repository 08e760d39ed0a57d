"""The scale benchmark's corpus: enough distinct documents, spread evenly over the shards."""

from __future__ import annotations

from pathlib import Path

from dateline.scale import plan_shards, read_shard
from dateline.scale.bench import write_corpus


def test_corpus_repeats_texts_as_distinct_documents(tmp_path: Path) -> None:
    texts = ["GENEVA (Reuters) - Iran and the IAEA agreed on Monday to resume inspections.", "Second story."]
    paths = write_corpus(texts, tmp_path, documents=9, shards=3)
    shards, errors = plan_shards(paths)
    assert errors == [] and len(shards) == 3
    docs = [doc for shard in shards for doc in read_shard(shard)[0]]
    assert len(docs) == 9 and len({d.id for d in docs}) == 9  # copies differ, so ids do
    assert {" ".join(d.text.split()) for d in docs} == set(texts)
