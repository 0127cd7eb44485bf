"""Batch ingest: read sources, skip what the store already holds, code the rest, store each.

Each article is committed with its results in one transaction, so an interrupted run (even
kill -9) loses nothing committed, and running again resumes: stored, unchanged articles are
skipped before coding.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from dyad.records import Article, CodedArticle
from dyad.sources import ErrorSink, read_articles
from dyad.store import Store


class PipeCoder(Protocol):
    def pipe(self, articles: Iterator[Article], *, n_process: int = 1,
             batch_size: int = 16) -> Iterator[CodedArticle]: ...


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    recoded: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0
    db: str = ""

    def line(self) -> str:
        rate = (self.new + self.recoded) / self.seconds if self.seconds else 0.0
        return (f"dyad ingest: {self.read} articles read, {self.new} new, {self.recoded} "
                f"re-coded, {self.unchanged} unchanged; {self.events} events; {self.errors} bad "
                f"records skipped; {self.seconds:.1f} s ({rate:.1f} articles/s) into {self.db}")


def ingest(sources: Sequence[str], store: Store, coder: PipeCoder, *, date: str | None = None,
           batch_size: int = 16, n_process: int = 1,
           progress: Callable[[IngestSummary], None] | None = None,
           echo: Callable[[str], None] | None = None) -> IngestSummary:
    """Code every article of ``sources`` not already in ``store`` and store the results."""
    summary = IngestSummary(db=store.path)
    run_id = store.start_run(list(sources))
    t0 = time.perf_counter()

    def on_error(line: str) -> None:
        if echo is not None:
            echo(line)

    sink = ErrorSink(echo=on_error)
    pending: dict[str, str] = {}

    def todo() -> Iterator[Article]:
        for art in read_articles(sources, date=date, errors=sink):
            summary.read += 1
            state = store.status(art)
            if state == "unchanged" or art.id in pending:
                summary.unchanged += 1
                if progress is not None:
                    progress(summary)
                continue
            pending[art.id] = state
            yield art

    arts: dict[str, Article] = {}

    def remember() -> Iterator[Article]:
        for art in todo():
            arts[art.id] = art
            yield art

    for coded in coder.pipe(remember(), batch_size=batch_size, n_process=n_process):
        art = arts.pop(coded.id)
        store.put(art, coded)
        if pending.pop(coded.id) == "new":
            summary.new += 1
        else:
            summary.recoded += 1
        summary.events += len(coded.events)
        summary.errors = sink.count
        summary.seconds = time.perf_counter() - t0
        if progress is not None:
            progress(summary)
    for err in sink.errors:
        store.add_error(run_id, err.source, err.line, err.message)
    summary.errors = sink.count
    summary.seconds = time.perf_counter() - t0
    store.finish_run(run_id, read=summary.read, new=summary.new, unchanged=summary.unchanged,
                     recoded=summary.recoded, events=summary.events, errors=summary.errors)
    return summary


__all__ = ["IngestSummary", "ingest"]
