"""An ordered map over a process pool: results come back in input order, with a bounded number in flight.

The parent loads the spaCy model first and workers are forked from it, so they
start at once and share the model's memory until they write to it (copy on
write). Workers never touch the parent's database handles: they only parse and
extract, and leave through ``os._exit`` (multiprocessing's way), which closes
nothing of the parent's. Where fork does not exist, workers are spawned and load
the model themselves.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily: the batches every stage works in."""
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


def _warm() -> None:
    from dyad.nlp.pipeline import load

    load()


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[tuple[T, R]]:
    """(item, fn(item)) in input order; ``workers <= 1`` runs in this process. At most 2 * workers in flight."""
    if workers <= 1:
        for item in items:
            yield item, fn(item)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _warm()  # in the parent: forked workers inherit the loaded model
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm) as pool:
        pending: deque[tuple[T, Future]] = deque()
        for item in items:
            pending.append((item, pool.submit(fn, item)))
            while len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
