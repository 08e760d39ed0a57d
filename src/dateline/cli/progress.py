"""Progress of an ingest, in documents, though how many there are is only known file by file.

A feed, a JSONL export or a WARC holds many documents, so a bar that counts files shows
`1/1` for a whole 136-record export. Each file counts one step until it is read; then its
step becomes one per document it holds (added as they are streamed in, or all at once), and
each document advances the bar when it is stored, found already stored, or fails.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn


def ingest_progress(console: Console, quiet: bool) -> Progress:
    """The bar `dateline ingest` shows on a terminal (none when quiet or piped)."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
        transient=True,
    )


class DocumentSteps:
    """One step per document: files not yet read count one step each until they are."""

    def __init__(self, progress: Progress, files: int, description: str = "ingesting") -> None:
        self.progress = progress
        self.task: TaskID = progress.add_task(description, total=files)
        self._parted: str | None = None  # the long paste whose parts are being stored
        self._advanced = 0

    def file_read(self, documents: int) -> None:
        """A file was read and holds `documents` documents (0: it could not be read)."""
        if documents == 0:
            self.progress.advance(self.task)  # its one step is done: nothing more will come of it
            return
        total = self.progress.tasks[self.task].total or 0
        self.progress.update(self.task, total=total + documents - 1)

    def document_found(self, first: bool) -> None:
        """A document was read from the current file (streamed): the first takes the file's
        step, each other one adds a step."""
        if not first:
            total = self.progress.tasks[self.task].total or 0
            self.progress.update(self.task, total=total + 1)

    def document_done(self) -> None:
        """One document was stored, found already stored, or failed."""
        self.progress.advance(self.task)

    def part_done(self, doc_id: str, articles: int, all_articles: int, last: bool) -> None:
        """A part of a long paste was stored: the paste's one step becomes one per article, and
        its articles advance the bar as their parts are stored (parts stored by an earlier,
        interrupted run are counted with the last part)."""
        if doc_id != self._parted:
            self._parted, self._advanced = doc_id, 0
            total = self.progress.tasks[self.task].total or 0
            self.progress.update(self.task, total=total + all_articles - 1)
        step = all_articles - self._advanced if last else articles
        self._advanced += step
        self.progress.advance(self.task, step)
