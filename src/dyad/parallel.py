"""Coding over several processes: workers parse and code, the caller's process stays the writer.

Each worker holds its own Coder. Where the OS can fork (Linux), workers inherit the caller's
loaded Coder copy-on-write, so starting them costs nothing; elsewhere each worker builds one
from the same settings. Articles travel to workers in batches and come back, in input order,
as plain ``CodedArticle`` records, so only one process ever touches the store.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from dyad.records import Article, CodedArticle

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from dyad.coder import Coder

_WORKER: Coder | None = None  # the coder of this worker process


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the writer dies, even by kill -9, so no orphan keeps
    coding after a crash (elsewhere workers end when their task pipe closes)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the writer died before the request took hold
        os._exit(1)


def _init_forked(coder: Coder) -> None:
    global _WORKER
    _die_with_parent()
    _WORKER = coder


def _init_spawned(settings: dict[str, Any]) -> None:
    global _WORKER
    _die_with_parent()
    from dyad.coder import Coder
    _WORKER = Coder(**settings)


def _code_batch(batch: list[Article]) -> list[CodedArticle]:
    assert _WORKER is not None, "worker started without a coder"
    return list(_WORKER.pipe(batch, n_process=1, batch_size=len(batch)))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def pipe_parallel(coder: Coder, articles: Iterable[Article], *, n_process: int,
                  batch_size: int) -> Iterator[CodedArticle]:
    """Code ``articles`` in ``n_process`` worker processes, yielding results in input order."""
    if "fork" in mp.get_all_start_methods():
        pool = mp.get_context("fork").Pool(n_process, initializer=_init_forked,
                                           initargs=(coder,))
    else:  # pragma: no cover - macOS and Windows
        pool = mp.get_context("spawn").Pool(n_process, initializer=_init_spawned,
                                            initargs=(coder.settings,))
    # Batches are fed from this thread (the caller's generator may use the store, which is
    # not shared across threads), keeping two in flight per worker to bound memory.
    in_flight: deque[AsyncResult[list[CodedArticle]]] = deque()
    try:
        for batch in _batches(articles, batch_size):
            in_flight.append(pool.apply_async(_code_batch, (batch,)))
            if len(in_flight) >= 2 * n_process:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()
    finally:
        pool.terminate()
        pool.join()


__all__ = ["pipe_parallel"]
