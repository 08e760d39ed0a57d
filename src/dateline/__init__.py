"""Dateline: raw, messy news in; who did what to whom, when and where, out.

>>> import dateline
>>> result = dateline.process("SEOUL (Reuters) - ...", date="2020-12-23")
>>> [(e.source.name, e.type, e.target and e.target.name) for e in result.events]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from dateline.model import ProcessedDoc


def process(
    text: str, date: str | None = None, url: str | None = None, outlet: str | None = None
) -> ProcessedDoc:
    """Articles and events of one text, without a store. `date` (ISO) anchors relative dates."""
    from dateline.model import RawDoc
    from dateline.pipeline import process_document

    return process_document(RawDoc(text=text, date=date, url=url, outlet=outlet))
