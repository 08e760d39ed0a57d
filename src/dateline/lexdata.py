"""Lexicon tables kept as data: TSV files shipped in the package, and a user's additions.

The trigger lexicon (`dateline/events/lexicon/*.tsv`) and the actor word lists
(`dateline/actors/lexicon/*.tsv`) are plain tab-separated files, one entry a line. Lines
that start with `#` are comments (each file's header says what its columns are); a `-`
field means "none" (an organisation with no country). `dateline.events.lexicon` and
`dateline.actors.lexicon` read them once, here, into the dicts and sets the coder uses.

A user adds to or overrides those tables with a file of their own (`extend_from`, or
`dateline ingest --lexicon FILE`): the same rows, each led by the name of the table it
goes to (the shipped file's name without `.tsv`):

    # table     columns of that table...
    verbs       torpedo     REJECT  120
    nominal     walkout     PROTEST 143
    media_words substack
    groups      wagner group    RUS UAF
    -verbs      fire

A row for a key the table already holds replaces its value; a table name led by `-`
removes the key (or word) from the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

NONE = "-"  # a field that stands for None


class LexiconError(ValueError):
    """A lexicon file cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class _Table:
    package: str  # the package whose `lexicon/` folder holds the file
    name: str  # the file's name without `.tsv`
    keys: int  # key columns; a word set has one key and no values
    values: int  # value columns
    live: dict[Any, Any] | set[str]  # the object the coder reads, changed in place by extend_from


_TABLES: dict[str, _Table] = {}
_ON_CHANGE: list[Callable[[], None]] = []


def _rows(text: str, where: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each entry line: not blank, not a comment."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if any(not f for f in fields):
            raise LexiconError(f"{where}:{number}: empty field (columns are separated by one tab)")
        yield number, fields


@cache
def _shipped(package: str, name: str) -> str:
    return files(package).joinpath("lexicon", f"{name}.tsv").read_text(encoding="utf-8")


def _entry(table: _Table, fields: list[str], where: str) -> tuple[Any, Any]:
    """(key, value) of one row; str or tuple by the number of columns, `-` as None."""
    if len(fields) != table.keys + table.values:
        raise LexiconError(
            f"{where}: table {table.name!r} has {table.keys + table.values} columns, this row {len(fields)}"
        )
    values = [None if f == NONE else f for f in fields]
    key = fields[0] if table.keys == 1 else tuple(fields[: table.keys])
    rest = values[table.keys :]
    value = rest[0] if table.values == 1 else tuple(rest)
    return key, value


def word_set(package: str, name: str) -> set[str]:
    """A shipped word list (one word a line) as a set, registered for `extend_from`."""
    return _load(package, name, 1, 0)  # type: ignore[return-value]


def table(package: str, name: str, keys: int = 1, values: int = 1) -> dict[Any, Any]:
    """A shipped table as a dict in file order (a later row for a key wins), registered."""
    return _load(package, name, keys, values)  # type: ignore[return-value]


def _load(package: str, name: str, keys: int, values: int) -> dict[Any, Any] | set[str]:
    if name in _TABLES:
        return _TABLES[name].live
    live: dict[Any, Any] | set[str] = set() if values == 0 else {}
    spec = _Table(package, name, keys, values, live)
    for number, fields in _rows(_shipped(package, name), f"{package}/lexicon/{name}.tsv"):
        key, value = _entry(spec, fields, f"{package}/lexicon/{name}.tsv:{number}")
        if isinstance(live, set):
            live.add(key)
        else:
            live[key] = value
    _TABLES[name] = spec
    return live


def on_change(callback: Callable[[], None]) -> None:
    """Call `callback` after every `extend_from` (to drop what was derived from the tables)."""
    _ON_CHANGE.append(callback)


def extend_from(path: str | Path) -> int:
    """Add the rows of a user's lexicon file to the loaded tables; returns how many.

    Each row is a table name (a shipped file's name without `.tsv`, led by `-` to remove
    the key) and that table's columns. Rows for a key already present replace its value.
    The whole file is checked before any table changes.
    """
    import dateline.actors.lexicon  # noqa: F401 - both modules register their tables
    import dateline.events.lexicon  # noqa: F401

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: {exc.strerror or exc}") from None
    changes: list[tuple[_Table, bool, Any, Any]] = []
    for number, (name, *fields) in _rows(text, str(path)):
        remove = name.startswith("-")
        spec = _TABLES.get(name.removeprefix("-"))
        if spec is None:
            known = ", ".join(sorted(_TABLES))
            raise LexiconError(f"{path}:{number}: no table {name.removeprefix('-')!r} (tables: {known})")
        if remove:
            if len(fields) != spec.keys:
                raise LexiconError(
                    f"{path}:{number}: removing from {spec.name!r} takes its {spec.keys} key column(s)"
                )
            key: Any = fields[0] if spec.keys == 1 else tuple(fields)
            changes.append((spec, True, key, None))
        else:
            key, value = _entry(spec, fields, f"{path}:{number}")
            changes.append((spec, False, key, value))
    for spec, remove, key, value in changes:
        live = spec.live
        if isinstance(live, set):
            if remove:
                live.discard(key)
            else:
                live.add(key)
        elif remove:
            live.pop(key, None)
        else:
            live[key] = value
    for callback in _ON_CHANGE:
        callback()
    return len(changes)
