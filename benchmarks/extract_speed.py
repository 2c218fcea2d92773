"""Throughput of `dyad extract` against a bare spaCy `nlp.pipe` with the same model, in one run.

    .venv/bin/python benchmarks/extract_speed.py [--input examples/public-domain.jsonl] [--repeat 3] [--rounds 3]

Both sides see the same texts (cleaned once, so the parser gets identical input).
Rounds alternate between the two and the best round of each counts, which damps
the noise of a shared machine. The ratio dyad/bare is the figure to watch: it is
the share of spaCy's own speed that dyad keeps after all its extractors.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

import dyad
from dyad.nlp.clean import clean
from dyad.nlp.pipeline import MODEL
from dyad.sources import Record

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=ROOT / "examples" / "public-domain.jsonl")
    ap.add_argument("--repeat", type=int, default=3, help="copies of the input set per round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    rows = [json.loads(line) for line in args.input.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [
        Record(text=r["text"], origin=str(n), id=f"{r.get('id', n)}-{k}", published=r.get("published"))
        for k in range(args.repeat)
        for n, r in enumerate(rows)
    ]
    texts = [clean(r.text) for r in records]
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(MODEL)
    list(bare.pipe(texts[:8]))
    list(dyad.extract_many(records[:8]))  # loads the shared pipeline, lexicons and gazetteer

    best_bare = best_dyad = float("inf")
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=args.batch_size):
            pass
        best_bare = min(best_bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for doc in dyad.extract_many(records, batch_size=args.batch_size):
            json.dumps(doc.to_dict(), ensure_ascii=False)
        best_dyad = min(best_dyad, time.perf_counter() - t0)

    n = len(records)
    print(f"articles: {n} ({words} words, {words // n} per article), best of {args.rounds} rounds")
    print(f"bare nlp.pipe ({MODEL}): {n / best_bare:7.1f} articles/s  {words / best_bare:8.0f} words/s")
    print(f"dyad extract:               {n / best_dyad:7.1f} articles/s  {words / best_dyad:8.0f} words/s")
    print(f"ratio dyad/bare: {best_bare / best_dyad:.2f}")


if __name__ == "__main__":
    main()
