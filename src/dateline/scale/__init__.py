"""Stage `scale`: the same per-document function over shards, in-process or on Ray Data.

`dateline batch` reads shards (JSONL, CSV, WARC, folders of HTML or text,
globs, S3/GCS paths), runs the pipeline, and writes Parquet partitions of
documents, articles, actors and events plus a manifest; `dateline load` puts
them into the store. Ray is an optional extra: the local engine needs neither
Ray nor pyarrow.
"""

from dateline.scale.rows import TABLES, Rows, process_batch
from dateline.scale.runner import BatchReport, ScaleError, run_local, run_ray, run_shard
from dateline.scale.shards import Shard, ShardFile, plan_shards, read_shard

__all__ = [
    "TABLES",
    "BatchReport",
    "Rows",
    "ScaleError",
    "Shard",
    "ShardFile",
    "plan_shards",
    "process_batch",
    "read_shard",
    "run_local",
    "run_ray",
    "run_shard",
]
