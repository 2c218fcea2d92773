"""Throughput of `dyad extract` against a bare spaCy `nlp.pipe` with the same model, in one run.

    .venv/bin/python benchmarks/extract_speed.py [--input examples/public-domain.jsonl] [--repeat 3] [--rounds 3]

Both sides see the same texts (cleaned once, so the parser gets identical input).
Rounds alternate between the two and the best round of each counts, which damps
the noise of a shared machine. The ratio dyad/bare is the figure to watch: it is
the share of spaCy's own speed that dyad keeps after all its extractors.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy

import dyad
from dyad.nlp.clean import clean
from dyad.nlp.pipeline import MODEL

sys.path.insert(0, str(Path(__file__).parent))
from corpus import options  # noqa: E402
from corpus import records as corpus  # noqa: E402


def main() -> None:
    args = options(__doc__).parse_args()
    records = corpus(args.input, args.repeat)
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
