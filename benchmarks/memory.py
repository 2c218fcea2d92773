"""Memory against corpus size: peak RSS of `dyad ingest` (and `dyad extract -o`) for N and 10 N articles.

    .venv/bin/python benchmarks/memory.py [--small 1000] [--large 10000] [--workers 1] [--mode ingest|extract]

Each run is a fresh `dyad` process over a generated corpus of distinct texts
(the bundled examples, each copy with its own closing line); its peak RSS is
read from the kernel (getrusage of the finished child: the largest process of
the run). Streaming input and output should keep the two within 15%.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import ROOT  # noqa: E402
from throughput import generate  # noqa: E402

WRAPPER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak(args: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one command, measured by a wrapper process of its own."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(out.stdout.strip()) / 1024, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--mode", choices=("ingest", "extract"), default="ingest")
    ap.add_argument("--input", type=Path, default=ROOT / "examples" / "public-domain.jsonl")
    args = ap.parse_args()
    dyad = str(Path(sys.executable).with_name("dyad"))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.small, args.large):
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            generate(corpus, n, args.input)
            out = ["--db", str(Path(tmp) / f"{n}.db")] if args.mode == "ingest" else ["-o", str(Path(tmp) / f"{n}.out")]
            command = [dyad, args.mode, str(corpus), *out, "--workers", str(args.workers)]
            rss, seconds = peak(command)
            results[n] = rss
            print(
                f"{args.mode} {n:6d} articles: peak RSS {rss:7.1f} MB, {seconds:7.1f} s ({n / seconds:.1f} articles/s)"
            )
    growth = results[args.large] / results[args.small] - 1
    print(f"RSS at {args.large} vs {args.small}: {growth:+.1%} (goal: within 15%)")


if __name__ == "__main__":
    main()
