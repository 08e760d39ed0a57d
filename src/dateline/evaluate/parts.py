"""The fixed fit / check split of every labelled set.

Rules and models are fitted, and errors read, on the *fit* part only; the *check* part
says whether a change carries to items nobody looked at. Which part an item belongs to is
decided by a hash of its grouping key (a record id, an outlet, a document name, a gold
story), so the split never moves when files grow, are reordered or are read by another tool,
and every item of one group (one outlet's pages, one document's sentences) falls on the same
side.

The key is what must not straddle the split for the check figure to mean "unseen": for
splitting and extraction the outlet (its furniture is what rules learn), for stories the gold
story. The story pages are 24 stories each told by 4-6 outlets, so a split by outlet put
pages of every check story on the fit side too, and a threshold tuned on fit had seen the
very stories check measured; a split by story holds out stories nobody tuned on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import Literal, TypeVar

Part = Literal["fit", "check", "all"]
PARTS: tuple[Part, ...] = ("fit", "check", "all")

# One group in three is held out: enough check items for a figure to mean something on the
# smaller sets (about 50 of the 161 gold records), enough fit items to learn from.
CHECK_SHARE = (1, 3)
# Part of the hash input, so the split is Dateline's own and not shared by chance with
# any other tool's hash of the same ids.
_SALT = "dateline-fit-check-v1"

T = TypeVar("T")


def part_of(group: str) -> Literal["fit", "check"]:
    """The part a group key falls in: the same key is always in the same part."""
    digest = hashlib.sha256(f"{_SALT}\x1f{group.strip().casefold()}".encode()).digest()
    numerator, denominator = CHECK_SHARE
    return "check" if int.from_bytes(digest[:8], "big") % denominator < numerator else "fit"


def in_part(group: str, part: Part) -> bool:
    """True when a group key belongs to `part` (`all` takes every key)."""
    return part == "all" or part_of(group) == part


def select(items: Iterable[T], group: Callable[[T], str], part: Part) -> Iterator[T]:
    """The items whose group key falls in `part`, in their order."""
    for item in items:
        if in_part(group(item), part):
            yield item


# Cross-fitting folds of the fit part: a salt of their own, so folds do not follow the split.
_FOLD_SALT = "dateline-crossfit-v1"


def fold_of(group: str, folds: int) -> int:
    """The cross-fitting fold (0 .. folds-1) of a group key: the same key, the same fold."""
    digest = hashlib.sha256(f"{_FOLD_SALT}\x1f{group.strip().casefold()}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % folds


def check_part(part: str) -> Part:
    """`part` as a `Part`, or a ValueError naming the allowed values."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of: {', '.join(PARTS)}")
    return part


# Second-level labels under which a country's registry sells names ("yna.co.kr",
# "brecorder.com.pk"): the outlet is the label before them, not "co.kr".
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "gob", "or", "ne", "go"})


def outlet_key(site: str | None) -> str:
    """The outlet a host, domain or URL belongs to, as a grouping key: its registrable domain.

    "https://m-en.yna.co.kr/view/..." and "en.yna.co.kr" are both "yna.co.kr", so the mobile
    and desktop editions of one outlet (which share their furniture) never straddle the split.
    """
    host = (site or "").strip().casefold()
    if "//" in host:
        host = host.split("//", 1)[1]
    host = host.split("/", 1)[0].split(":", 1)[0].strip(".")
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
