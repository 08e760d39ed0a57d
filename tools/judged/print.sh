#!/bin/sh
# Print the events of both judged sets, both parts, with the code of one tree.
#   tools/judged/print.sh TREE OUT   (TREE: a checkout; OUT: a fresh folder)
# PARTS="pages.check guardian.check" limits it to some parts (default: all four).
# Writes OUT/{pages,guardian}.{fit,check}.events.jsonl; then `tools/judged.py todo|score`.
set -eu
tree=$(cd "$1" && pwd); out=$2
py=${PYTHON:-$tree/.venv/bin/python}
[ -x "$py" ] || py=/work/main/.venv/bin/python
mkdir -p "$out"
"$py" "$(dirname "$0")/../judged.py" parts "${SHARED:-$tree/../shared}/data" "$out"
for name in ${PARTS:-pages.check guardian.check pages.fit guardian.fit}; do
  rm -f "$out/$name.duckdb"
  PYTHONPATH="$tree/src" "$py" -m dateline ingest -q --db "$out/$name.duckdb" "$out/$name.jsonl"
  PYTHONPATH="$tree/src" "$py" -m dateline events --db "$out/$name.duckdb" --format jsonl > "$out/$name.events.jsonl"
  echo "$name: $(wc -l < "$out/$name.events.jsonl") events"
done
