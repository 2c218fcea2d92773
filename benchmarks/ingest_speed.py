"""Throughput of `dyad ingest` against `dyad extract` on the same texts, in one run.

    .venv/bin/python benchmarks/ingest_speed.py [--input examples/public-domain.jsonl] [--repeat 3] [--rounds 3]
                                                [--db postgresql://user:pass@host/db]

Each copy of the input gets its own closing line, so every text is new to the
store and ingest parses as much as extract does. Each ingest round writes to a
fresh store (a new SQLite file, or an emptied PostgreSQL schema with --db).
Rounds alternate and the best of each counts. The ratio ingest/extract is the
share of extraction speed kept after storing: deduplication, actor resolution,
event merging and one transaction per batch.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import dyad
from dyad.ingest import ingest
from dyad.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from corpus import empty_postgres, options  # noqa: E402
from corpus import records as corpus  # noqa: E402


def _fresh(db: str | None, folder: Path, n: int) -> str:
    if db is None:
        return str(folder / f"bench-{n}.db")
    return empty_postgres(db)


def main() -> None:
    ap = options(__doc__)
    ap.add_argument("--db", help="a PostgreSQL URL to measure instead of SQLite (its public schema is emptied)")
    args = ap.parse_args()
    records = corpus(args.input, args.repeat, distinct=True)
    n = len(records)
    list(dyad.extract_many(records[:8]))  # loads the pipeline, lexicons and gazetteer

    best_extract = best_ingest = float("inf")
    stored = {}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            t0 = time.perf_counter()
            for doc in dyad.extract_many(records, batch_size=args.batch_size):
                json.dumps(doc.to_dict(), ensure_ascii=False)
            best_extract = min(best_extract, time.perf_counter() - t0)

            target = _fresh(args.db, Path(tmp), round_)
            with Store(target) as store:
                t0 = time.perf_counter()
                counts = ingest(records, store, batch_size=args.batch_size)
                best_ingest = min(best_ingest, time.perf_counter() - t0)
                stored = store.stats()
            assert counts.new == n, f"expected {n} new articles, stored {counts.new}"

    kind = "PostgreSQL" if args.db else "SQLite"
    print(f"articles: {n}, best of {args.rounds} rounds; store: {kind}, {stored}")
    print(f"dyad extract: {n / best_extract:7.1f} articles/s")
    print(f"dyad ingest:  {n / best_ingest:7.1f} articles/s")
    print(f"ratio ingest/extract: {best_extract / best_ingest:.2f}")


if __name__ == "__main__":
    main()
