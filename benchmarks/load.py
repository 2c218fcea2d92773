"""Load on the HTTP API: 20 concurrent clients for 30 s on loopback while an ingest writes to the same store.

    .venv/bin/python benchmarks/load.py [--clients 20] [--seconds 30] [--max-requests 200000] [--articles 300]

Builds a store from the demo corpus, starts `dyad serve` on it, starts `dyad
ingest` of a generated corpus into the same store, and runs the clients (one
httpx client each) over the pages and the API until the time or the request
budget is spent. Prints requests, errors (any non-2xx answer or failed
connection), requests/s and latency percentiles. Loopback only.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from corpus import ROOT  # noqa: E402
from throughput import generate  # noqa: E402

PATHS = [
    "/api/stats",
    "/api/dyads",
    "/api/events?limit=20",
    "/api/events?dyad=RUS,UKR",
    "/api/events/1",
    "/api/quotes?search=security",
    "/api/actors?country=RUS",
    "/api/dyads/RUS/UKR/timeline?by=month",
    "/",
    "/dyad/RUS/UKR",
    "/event/1",
    "/article/kremlin-putin-kim-vladivostok-2019-04",
    "/quotes?q=nonproliferation",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--articles", type=int, default=300, help="articles the concurrent ingest writes")
    args = ap.parse_args()
    dyad = str(Path(sys.executable).with_name("dyad"))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.db")
        subprocess.run([dyad, "ingest", str(ROOT / "examples" / "public-domain.jsonl"), "--db", db], check=True,
                       capture_output=True, cwd=ROOT)  # fmt: skip
        corpus = Path(tmp) / "more.jsonl"
        generate(corpus, args.articles, ROOT / "examples" / "public-domain.jsonl")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        server = subprocess.Popen([dyad, "serve", "--db", db, "--port", str(port)], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(f"{base}/api/stats", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        writer = subprocess.Popen([dyad, "ingest", str(corpus), "--db", db], cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True)  # fmt: skip
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        budget = [args.max_requests]
        stop_at = time.monotonic() + args.seconds

        def client(seed: int) -> None:
            rng = random.Random(seed)
            with httpx.Client(base_url=base, timeout=30) as http:
                while time.monotonic() < stop_at:
                    with lock:
                        if budget[0] <= 0:
                            return
                        budget[0] -= 1
                    path = rng.choice(PATHS)
                    started = time.perf_counter()
                    try:
                        status = http.get(path).status_code
                        problem = None if 200 <= status < 300 else f"{path}: HTTP {status}"
                    except httpx.HTTPError as exc:
                        problem = f"{path}: {type(exc).__name__}"
                    elapsed = time.perf_counter() - started
                    with lock:
                        latencies.append(elapsed)
                        if problem:
                            errors.append(problem)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - started
        ingest_running = writer.poll() is None
        writer.wait(timeout=600)
        server.terminate()
        server.wait(timeout=30)
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    print(f"{len(latencies)} requests from {args.clients} clients in {wall:.1f} s ({len(latencies) / wall:.0f}/s), "
          f"{len(errors)} errors; ingest {'still running when the clients stopped' if ingest_running else 'finished'} "
          f"(exit {writer.returncode})")  # fmt: skip
    print(f"latency ms: p50 {pct(0.50):.0f}, p95 {pct(0.95):.0f}, p99 {pct(0.99):.0f}, "
          f"max {ordered[-1] * 1000:.0f}, mean {statistics.mean(ordered) * 1000:.0f}")  # fmt: skip
    for problem in sorted(set(errors))[:10]:
        print("  error:", problem)


if __name__ == "__main__":
    main()
