"""Throughput on one machine: bare spaCy, `dyad extract` and `dyad ingest`, with 1 and P processes, in one run.

    .venv/bin/python benchmarks/throughput.py [--articles 540] [--processes 2] [--json]

The corpus is generated from the bundled examples: each copy of a text gets its
own closing line, so no text is seen twice (no cache, no deduplication). Every
measurement runs in a fresh child process, after its model has loaded and
warmed up, so peak memory is that mode's own:

- spacy:   `nlp.pipe(texts, n_process=P)` with the same model and the full pipeline (the cleaned texts);
- extract: `dyad.extract_many(records, workers=P)`, each document serialised to JSON as the CLI does;
- ingest:  `dyad.ingest.ingest(records, Store(new SQLite file), workers=P)`.

Printed: articles/s, words/s, peak RSS of the main process and of the largest
worker, and the ratios extract/spacy and ingest/extract at the same process count.
`--json` prints one object: the figures at P processes (`spacy_articles_per_s`,
`extract_articles_per_s`, `ingest_articles_per_s`, `extract_vs_spacy`,
`ingest_vs_extract`) and every run under `runs`.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import ROOT  # noqa: E402
from corpus import records as corpus  # noqa: E402

MODES = ("spacy", "extract", "ingest")


def generate(path: Path, articles: int, source: Path) -> int:
    """Write ``articles`` distinct records made from the examples; return their word count."""
    base = corpus(source, 1)
    copies = -(-articles // len(base))
    records = corpus(source, copies, distinct=True)[:articles]
    with path.open("w", encoding="utf-8") as handle:
        for r in records:
            row = {"id": r.id, "text": r.text, "published": r.published, "source": r.source, "license": r.license}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return sum(len(r.text.split()) for r in records)


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(workers, 1)


def child(mode: str, path: Path, processes: int, batch_size: int) -> dict:
    """One measurement, in this (fresh) process."""
    from dyad.sources import read_paths

    if mode == "spacy":
        import spacy

        from dyad.nlp.clean import clean
        from dyad.nlp.pipeline import MODEL

        texts = [clean(r.text) for r in read_paths([str(path)])]
        nlp = spacy.load(MODEL)
        list(nlp.pipe(texts[:8]))
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            pass
        seconds = time.perf_counter() - started
        n = len(texts)
    elif mode == "extract":
        import dyad

        list(dyad.extract_many(list(read_paths([str(path)]))[:8]))
        started = time.perf_counter()
        docs = dyad.extract_many(read_paths([str(path)]), batch_size=batch_size, workers=processes)
        n = sum(1 for doc in docs if json.dumps(doc.to_dict(), ensure_ascii=False))
        seconds = time.perf_counter() - started
    else:
        import dyad
        from dyad.ingest import ingest
        from dyad.store import Store

        list(dyad.extract_many(list(read_paths([str(path)]))[:8]))
        with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "bench.db")) as store:
            started = time.perf_counter()
            counts = ingest(read_paths([str(path)]), store, batch_size=batch_size, workers=processes)
            seconds = time.perf_counter() - started
            n = counts.new
    own, workers = _peak_mb()
    return {
        "mode": mode,
        "processes": processes,
        "articles": n,
        "seconds": seconds,
        "rss_mb": own,
        "worker_rss_mb": workers,
    }


def main() -> None:
    from corpus import options

    ap = options(__doc__)
    ap.add_argument("--articles", type=int, default=540)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", choices=MODES, help=argparse_hidden())
    ap.add_argument("--corpus", type=Path, help=argparse_hidden())
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.processes, args.batch_size)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        words = generate(path, args.articles, args.input)
        runs = []
        counts = sorted({1, args.processes})
        for processes in counts:
            for mode in MODES:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", mode, "--corpus", str(path), "--processes", str(processes),
                     "--batch-size", str(args.batch_size)],
                    check=True, capture_output=True, text=True, cwd=ROOT,
                )  # fmt: skip
                run = json.loads(out.stdout.strip().splitlines()[-1])
                run["articles_per_s"] = run["articles"] / run["seconds"]
                run["words_per_s"] = words * run["articles"] / args.articles / run["seconds"]
                runs.append(run)
                if not args.json:
                    print(
                        f"{mode:8} {processes} proc: {run['articles_per_s']:6.1f} articles/s {run['words_per_s']:8.0f} "
                        f"words/s  peak RSS {run['rss_mb']:6.0f} MB (largest worker {run['worker_rss_mb']:.0f} MB)",
                        flush=True,
                    )
    by = {(r["mode"], r["processes"]): r["articles_per_s"] for r in runs}
    top = max(counts)
    summary = {
        "articles": args.articles,
        "words": words,
        "processes": top,
        "spacy_articles_per_s": round(by["spacy", top], 2),
        "extract_articles_per_s": round(by["extract", top], 2),
        "ingest_articles_per_s": round(by["ingest", top], 2),
        "extract_vs_spacy": round(by["extract", top] / by["spacy", top], 3),
        "ingest_vs_extract": round(by["ingest", top] / by["extract", top], 3),
        "runs": runs,
    }
    if args.json:
        print(json.dumps(summary))
        return
    for p in counts:
        print(
            f"{p} proc: extract/spacy {by['extract', p] / by['spacy', p]:.2f}, ingest/spacy "
            f"{by['ingest', p] / by['spacy', p]:.2f}, ingest/extract {by['ingest', p] / by['extract', p]:.2f}"
        )


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
