"""Ingest: records in, stored documents out, one transaction per batch.

Articles already stored (same hash) are not parsed again: only the id and URL
they came under are added. With ``workers > 1`` the parsing runs in that many
processes and this process alone writes, in input order, so the stored result
is the same as with one worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from dyad.api import EXTRACTOR, Prepared, build_batch, prepare_many
from dyad.model import Article, Document
from dyad.scale.pool import chunks, ordered_map
from dyad.sources.records import InputProblem, Record
from dyad.store import Store


@dataclass
class Counts:
    """What an ingest did; ``problems`` are reported as they happen and counted here."""

    new: int = 0
    known: int = 0
    failed: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0

    @property
    def seen(self) -> int:
        return self.new + self.known + self.failed + self.skipped


@dataclass
class _Batch:
    todo: list[Prepared] = field(default_factory=list)
    refs: list[Article] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


# Articles per parse batch and write transaction. In a store of a million events each commit writes hundreds of
# scattered index pages whatever its size: 32 documents a transaction wrote at 0.58 of an empty store's rate there,
# 100 at 0.91 (benchmarks/store_scale.py, README "The store at scale").
INGEST_BATCH = 100


def ingest(
    items: Iterable[Record | InputProblem],
    store: Store,
    *,
    batch_size: int = INGEST_BATCH,
    workers: int = 1,
    on_batch: Callable[[Counts], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> Counts:
    counts = Counts()
    in_flight: set[str] = set()  # hashes handed to the parser but not yet written

    def plan(chunk: list[Prepared]) -> _Batch:
        batch = _Batch()
        stored = store.known(_article(a).hash for _, a in chunk if not isinstance(a, InputProblem))
        for origin, item in chunk:
            if isinstance(item, InputProblem):
                batch.problems.append(item)
            elif _article(item).hash in stored or _article(item).hash in in_flight:
                batch.refs.append(_article(item))
            else:
                in_flight.add(_article(item).hash)
                batch.todo.append((origin, item))
        return batch

    def commit(batch: _Batch, built: list[Document | InputProblem]) -> None:
        documents = [d for d in built if isinstance(d, Document)]
        results = store.write(documents, refs=batch.refs)
        for _, item in batch.todo:  # every document built came from the batch's to-do list
            in_flight.discard(_article(item).hash)
        for result in results:
            if result.new:
                counts.new += 1
                counts.events += result.events
                counts.quotes += result.quotes
            else:
                counts.known += 1
        counts.known += len(batch.refs)
        for problem in batch.problems + [d for d in built if isinstance(d, InputProblem)]:
            if problem.skipped:
                counts.skipped += 1
            else:
                counts.failed += 1
            if on_problem is not None:
                on_problem(problem)
        if on_batch is not None:
            on_batch(counts)

    planned = (plan(chunk) for chunk in chunks(prepare_many(items, documents=True), batch_size))
    for batch, built in ordered_map(partial(_build, batch_size=batch_size), planned, workers):
        commit(batch, built)
    return counts


def _article(item: Article | Document | InputProblem) -> Article:
    return item.article if isinstance(item, Document) else item


def _build(batch: _Batch, batch_size: int) -> list[Document | InputProblem]:
    return build_batch(batch.todo, batch_size) if batch.todo else []


def reextract(
    store: Store,
    *,
    everything: bool = False,
    batch_size: int = 32,
    on_batch: Callable[[int], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> int:
    """Re-run extraction over stored texts written by another extractor version; return how many."""
    done = 0
    for chunk in chunks(store.stale(EXTRACTOR, everything), batch_size):
        prepared: list[Prepared] = [
            (
                row["ref"],
                Article(
                    id=row["ref"],
                    hash=row["hash"],
                    text=row["text"],
                    extractor=EXTRACTOR,
                    url=row["url"],
                    title=row["title"],
                    source=row["source"],
                    license=row["license"],
                    published=row["published"],
                    language=row["language"],
                ),
            )
            for row in chunk
        ]
        built = build_batch(prepared, batch_size)
        replaced = []
        for row, item in zip(chunk, built, strict=True):
            if isinstance(item, Document):
                replaced.append((row["id"], item))
            elif on_problem is not None:
                on_problem(item)
        store.replace(replaced)
        done += len(replaced)
        if on_batch is not None:
            on_batch(done)
    return done


@dataclass
class One:
    """What ingesting one article did (the HTTP API's write)."""

    ref: str | None = None
    hash: str | None = None
    new: bool = False
    events: int = 0
    quotes: int = 0
    problem: InputProblem | None = None


def ingest_one(item: Record | InputProblem, store: Store) -> One:
    """Ingest a single record in its own transaction; a text already stored only adds its id and URL."""
    [(origin, article)] = list(prepare_many([item]))
    if isinstance(article, InputProblem):
        return One(problem=article)
    if store.known([article.hash]):
        store.write([], refs=[article])
        stored = store.find_article(article.hash)
        return One(ref=stored["ref"] if stored else article.id, hash=article.hash)
    [built] = build_batch([(origin, article)])
    if isinstance(built, InputProblem):
        return One(problem=built)
    [result] = store.write([built])
    stored = store.find_article(article.hash) if not result.new else None
    return One(
        ref=built.article.id if result.new else (stored["ref"] if stored else article.id),
        hash=article.hash,
        new=result.new,
        events=result.events,
        quotes=result.quotes,
    )
