"""`dyad batch`: extraction across machines with Dask, written as Parquet partitioned by publication month.

The client reads the inputs and cuts them into partitions of records; each Dask
worker extracts a partition (the spaCy model loads once per worker process) and
writes its rows straight to the output folder, which every worker must reach
(a shared filesystem on a real cluster). The layout is Hive-style, so DuckDB,
Polars and Spark read it as three tables:

    DIR/documents/month=2024-06/part-00003.parquet   one row per article, with the full document JSON
    DIR/events/month=2024-06/part-00003.parquet      one row per event
    DIR/quotes/month=2024-06/part-00003.parquet      one row per quote

``month`` is the article's publication month (``unknown`` when it has none).
``dyad ingest --parquet DIR`` loads the documents into the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from dyad.model import Document
from dyad.scale.pool import chunks
from dyad.sources.records import InputProblem, Record

TABLES = ("documents", "events", "quotes")
PART_LIMIT = 1_000_000  # records per partition at most: seq = part * PART_LIMIT + place in the partition


def _schemas():
    import pyarrow as pa

    text, real, whole = pa.string(), pa.float64(), pa.int64()
    return {
        "documents": pa.schema(
            [("seq", whole), ("id", text), ("hash", text), ("published", text), ("title", text), ("url", text),
             ("source", text),
             ("license", text), ("language", text), ("extractor", text), ("text", text), ("document", text)]
        ),
        "events": pa.schema(
            [("article_id", text), ("hash", text), ("event", text), ("type", text), ("mode", text), ("cameo", text),
             ("quad", text), ("goldstein", real), ("modality", text), ("confidence", real), ("date", text),
             ("sources", text), ("source_countries", text), ("targets", text), ("target_countries", text),
             ("place", text), ("lat", real), ("lon", real), ("evidence", text)]
        ),
        "quotes": pa.schema(
            [("article_id", text), ("hash", text), ("quote", text), ("text", text), ("start", whole), ("end", whole),
             ("speaker", text), ("speaker_country", text), ("cue", text)]
        ),
    }  # fmt: skip


def month_of(published: str | None) -> str:
    return published[:7] if published else "unknown"


def rows(doc: Document, seq: int = 0) -> dict[str, list[dict[str, Any]]]:
    """A document as rows of the three tables; ``seq`` is its place in the input (to load it back in order)."""
    art = doc.article
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}

    def names(ids: list[str]) -> str:
        return "; ".join(actors[i].name for i in ids if i in actors)

    def countries(ids: list[str]) -> str:
        return "; ".join(sorted({actors[i].country for i in ids if i in actors and actors[i].country}))

    body = doc.to_dict()
    documents = [
        {
            "seq": seq,
            "id": art.id,
            "hash": art.hash,
            "published": art.published,
            "title": art.title,
            "url": art.url,
            "source": art.source,
            "license": art.license,
            "language": art.language,
            "extractor": art.extractor,
            "text": art.text,
            "document": json.dumps(body, ensure_ascii=False),
        }
    ]
    events = []
    for e in doc.events:
        place = places.get(e.get("place"))
        events.append(
            {
                "article_id": art.id,
                "hash": art.hash,
                "event": e["id"],
                "type": e["type"],
                "mode": e.get("mode"),
                "cameo": e.get("cameo"),
                "quad": e.get("quad"),
                "goldstein": e.get("goldstein"),
                "modality": e["modality"],
                "confidence": e.get("confidence"),
                "date": e.get("date"),
                "sources": names(e["sources"]),
                "source_countries": countries(e["sources"]),
                "targets": names(e["targets"]),
                "target_countries": countries(e["targets"]),
                "place": place.name if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "evidence": json.dumps(e["evidence"], ensure_ascii=False),
            }
        )
    quotes = [
        {
            "article_id": art.id,
            "hash": art.hash,
            "quote": q.id,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "speaker": actors[q.speaker].name if q.speaker in actors else None,
            "speaker_country": actors[q.speaker].country if q.speaker in actors else None,
            "cue": q.cue,
        }
        for q in doc.quotes
    ]
    return {"documents": documents, "events": events, "quotes": quotes}


@dataclass
class PartResult:
    part: int
    documents: int = 0
    events: int = 0
    quotes: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def extract_partition(part: int, records: list[Record | InputProblem], out: str, batch_size: int = 32) -> PartResult:
    """Extract one partition and write its Parquet files; runs on a Dask worker (or in this process)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from dyad.api import build_batch, prepare_many

    result = PartResult(part)
    tables: dict[str, dict[str, list[dict[str, Any]]]] = {t: {} for t in TABLES}
    prepared = list(prepare_many(records))
    for start in range(0, len(prepared), batch_size):
        built = build_batch(prepared[start : start + batch_size], batch_size)
        for offset, item in enumerate(built):
            if isinstance(item, InputProblem):
                result.problems.append(item)
                continue
            month = month_of(item.article.published)
            seq = part * PART_LIMIT + start + offset
            for table, found in rows(item, seq).items():
                tables[table].setdefault(month, []).extend(found)
            result.documents += 1
            result.events += len(item.events)
            result.quotes += len(item.quotes)
    schemas = _schemas()
    for table, by_month in tables.items():
        for month, found in by_month.items():
            folder = Path(out) / table / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"part-{part:05d}.parquet"
            tmp = folder / f".part-{part:05d}.parquet.tmp"
            pq.write_table(pa.Table.from_pylist(found, schemas[table]), tmp)
            tmp.replace(target)  # a retried task rewrites its own file whole
    return result


def partitions(items: Iterable[Record | InputProblem], size: int) -> Iterator[tuple[int, list]]:
    """Numbered partitions: the number names the part files and orders the documents when loaded back."""
    return enumerate(chunks(items, size))


def run(
    items: Iterable[Record | InputProblem],
    out: str,
    *,
    scheduler: str | None = None,
    local: int | None = None,
    partition_size: int = 64,
    batch_size: int = 32,
    on_part: Callable[[PartResult], None] | None = None,
) -> list[PartResult]:
    """Extract everything into ``out``: on the Dask scheduler at ``scheduler``, on a local cluster of
    ``local`` worker processes, or (neither) in this process. Parts are submitted a few at a time,
    so the client's memory does not grow with the corpus."""
    Path(out).mkdir(parents=True, exist_ok=True)
    results: list[PartResult] = []

    def done(result: PartResult) -> None:
        results.append(result)
        if on_part is not None:
            on_part(result)

    if scheduler is None and not local:
        for part, chunk in partitions(items, partition_size):
            done(extract_partition(part, chunk, out, batch_size))
        return sorted(results, key=lambda r: r.part)

    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=local, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
    client = Client(cluster if cluster is not None else scheduler, timeout=30)
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or (local or 1))
        stream = partitions(items, partition_size)
        pending = as_completed()
        for part, chunk in islice(stream, window):
            pending.add(client.submit(extract_partition, part, chunk, out, batch_size, pure=False))
        for future in pending:
            done(future.result())
            future.release()
            nxt = next(stream, None)
            if nxt is not None:
                pending.add(client.submit(extract_partition, nxt[0], nxt[1], out, batch_size, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return sorted(results, key=lambda r: r.part)


def read_documents(folder: str | Path) -> Iterator[Document]:
    """The documents of a `dyad batch` output in input order (one partition in memory at a time)."""
    import pyarrow.parquet as pq

    root = Path(folder) / "documents"
    files = sorted(root.glob("month=*/part-*.parquet"), key=lambda p: p.name)
    if not files:
        raise FileNotFoundError(f"{folder}: no documents/month=*/part-*.parquet files (is it a `dyad batch` folder?)")
    by_part: dict[str, list[Path]] = {}
    for path in files:
        by_part.setdefault(path.name, []).append(path)
    for name in sorted(by_part):
        found: list[tuple[int, str]] = []
        for path in by_part[name]:
            table = pq.read_table(path, columns=["seq", "document"])
            found += zip(table.column("seq").to_pylist(), table.column("document").to_pylist(), strict=True)
        for _, value in sorted(found):
            yield Document.from_dict(json.loads(value))


def read_table(folder: str | Path, table: str) -> list[dict[str, Any]]:
    """All rows of one table (with its ``month``), for tests and small outputs."""
    import pyarrow.parquet as pq

    out = []
    for path in sorted((Path(folder) / table).glob("month=*/part-*.parquet")):
        month = path.parent.name.split("=", 1)[1]
        out += [{**row, "month": month} for row in pq.read_table(path).to_pylist()]
    return out
