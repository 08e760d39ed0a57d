"""Wire copies: the same story reprinted by several outlets, found as it is stored.

Two tests, cheapest first. An exact duplicate has the same words once case,
punctuation and spacing are ignored (a hash of the normalised text). A near
duplicate shares much of its text with a stored document: MinHash signatures
of word 5-gram shingles go into an LSH index (datasketch) that proposes
candidates, and a candidate counts when the estimated share of the *shorter*
text's shingles found in the other (containment) is high. Containment rather
than Jaccard, because reprints are often cut short or wrapped in a site's own
furniture, which lowers Jaccard but not how much of one is in the other.

A third test needs no text at all: two documents with the same canonical URL
(the record's URL or the page's own `<link rel=canonical>` / `og:url`, with
tracking parameters, `www.`, fragments and redirect wrappers taken off) are
the same page, however much it changed between the snapshots.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 128
# Named explicitly: stored signatures are only comparable under the scheme that made them.
SCHEME = "affine64"
# LSH proposes pairs above this estimated Jaccard; containment then decides.
CANDIDATE_JACCARD = 0.08
# Share of the shorter text's shingles found in the other. Different stories on the
# same event share quotes and names, but rarely a fifth of their running text.
MIN_CONTAINMENT = 0.2
# Below this many shingles a text is too short to call a copy by overlap alone.
MIN_SHINGLES = 20
_WORD = re.compile(r"\w+")
# Query parameters that say how a reader arrived, not which page it is.
_TRACKING_PARAM = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_[ce]id|ocid|cmpid|icid|smid|ref|referrer|share)$",
    re.IGNORECASE,
)
# Parameters in which redirectors and proxies carry the address of the page they show.
_WRAPPED_URL_PARAMS = frozenset({"url", "u", "q", "target", "dest", "destination", "redirect", "link"})
# Host prefixes for the same site's mirror editions of a page.
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|mobile|amp|edition|international|intl)\.")
# A page named by a slug of several words ("/biden-xi-meeting-g20-summit")...
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){3,}$")
# ...followed by an opaque post id ("/h_93dc31c7...", "/post-1234567"): one entry of a live
# page, which is the same page however the entry was linked.
_POST_ID = re.compile(r"^(?:[a-z]{1,5}[_-])?(?=[a-z_]*\d)[0-9a-z_]{6,}$")
# A directory's default page is the directory itself.
_INDEX_PAGE = re.compile(r"/(?:index|default)\.html?$", re.IGNORECASE)


def canonical_url(url: str | None) -> str | None:
    """A page's address in one form: host without `www.`, no fragment, no tracking parameters.

    A redirect or proxy address that carries another page's URL in its query
    (`...?url=https%3A%2F%2F...`) stands for that page, and a link to one entry
    of a live page (a slug, then an opaque entry id) for the live page. A site's home page gives
    None: many different stories are "at" it, so it says nothing about a copy.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        query = parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    for key, value in query:
        if key.lower() in _WRAPPED_URL_PARAMS and value.lower().startswith(("http://", "https://")):
            return canonical_url(value)
    host = _HOST_PREFIX.sub("", parts.hostname.lower().rstrip("."))
    path = _INDEX_PAGE.sub("/", parts.path).rstrip("/")
    if not path:
        return None
    parent, _, last = path.rpartition("/")
    if _POST_ID.match(last.lower()) and _SLUG.match(parent.rpartition("/")[2].lower()):
        path = parent
    kept = sorted((k, v) for k, v in query if not _TRACKING_PARAM.match(k))
    return f"{host}{path}" + (f"?{urlencode(kept)}" if kept else "")


@dataclass(frozen=True)
class Fingerprint:
    """What dedup needs of a text: its normalised hash, MinHash signature and shingle count."""

    text_hash: str
    signature: np.ndarray
    shingles: int

    def signature_bytes(self) -> bytes:
        return self.signature.astype(np.uint64).tobytes()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of one document's text."""
    from datasketch import MinHash

    words = _words(text)
    text_hash = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32]
    grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([g.encode("utf-8") for g in grams if g])
    return Fingerprint(text_hash, np.array(minhash.hashvalues, dtype=np.uint64), len(grams))


def containment(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of the smaller shingle set found in the other, from MinHash Jaccard."""
    jaccard = float(np.mean(a.signature == b.signature))
    union = (a.shingles + b.shingles) / (1 + jaccard)
    return min(1.0, jaccard * union / max(1, min(a.shingles, b.shingles)))


class DuplicateIndex:
    """The stored documents' fingerprints, to find what a new document duplicates."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        # Weighted towards recall: a missed candidate is a missed copy, an extra one is only checked.
        self._lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM, weights=(0.1, 0.9))
        self._by_hash: dict[str, str] = {}
        self._prints: dict[str, Fingerprint] = {}
        self._original: dict[str, str] = {}
        self._by_url: dict[str, str] = {}

    def add(
        self,
        doc_id: str,
        fp: Fingerprint,
        duplicate_of: str | None = None,
        urls: Iterable[str | None] = (),
    ) -> None:
        """Index a stored document (and what it duplicates, so links point at the first copy).

        `urls` are the addresses the document is known by (its URL, its page's canonical URL).
        """
        from datasketch import MinHash

        if doc_id in self._prints:
            return
        self._by_hash.setdefault(fp.text_hash, doc_id)
        for url in filter(None, map(canonical_url, urls)):
            self._by_url.setdefault(url, doc_id)
        self._prints[doc_id] = fp
        self._original[doc_id] = duplicate_of or doc_id
        self._lsh.insert(doc_id, MinHash(num_perm=NUM_PERM, seed=1, hashvalues=fp.signature, scheme=SCHEME))

    def find(self, fp: Fingerprint, urls: Iterable[str | None] = ()) -> str | None:
        """The id of the first stored copy of this text (or of this page), or None when it is new."""
        from datasketch import MinHash

        if fp.text_hash in self._by_hash:
            return self._original[self._by_hash[fp.text_hash]]
        for url in filter(None, map(canonical_url, urls)):
            if url in self._by_url:
                return self._original[self._by_url[url]]
        if fp.shingles < MIN_SHINGLES:
            return None
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(
            MinHash(num_perm=NUM_PERM, seed=1, hashvalues=fp.signature, scheme=SCHEME)
        ):
            other = self._prints[candidate]
            if other.shingles < MIN_SHINGLES:
                continue
            share = containment(fp, other)
            if share >= MIN_CONTAINMENT and (
                best is None or share > best[0] or (share == best[0] and candidate < best[1])
            ):
                best = (share, candidate)
        return self._original[best[1]] if best else None
