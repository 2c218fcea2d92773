"""The store at scale: write rate, size and query latency at 10k, 100k or 1M events, on SQLite or PostgreSQL.

    .venv/bin/python benchmarks/store_scale.py --events 100000 [--backend sqlite|postgresql] [--db URL]
                                               [--repeat 20] [--db PATH --keep] [--json]

The store is filled through its real write path (``Store.write``, as ``dyad ingest`` does; ``--batch`` documents
per transaction, 100 by default as for ingest's ``--batch-size``) with synthetic documents made from real
extracted ones: the demo corpus (and the dev set when ``../shared/eval`` is there)
is extracted once, then each synthetic document copies one of them with its dates moved to a day in ten
years (2015-2024, every date of the document moved alike, each at its own granularity), its countries
mapped to others (a skewed draw, so that some dyads are busy and most are not, as in real news), and its
people renamed with the country they now belong to. Merging, actor resolution and dyads work on them as on
real documents.

Then every query a user makes is timed, each ``--repeat`` times (median and p95), three ways: the store's own
calls (what the CLI runs), the HTTP API and the HTML pages, both served by a real ``dyad serve`` process,
whose resident memory is reported too. The last line of ``--json`` output is one JSON object with
``events``, ``write_rate_vs_empty`` (documents/s in the last tenth of the fill over the first tenth) and
``p95_ms`` (each query or page to its p95 in milliseconds).

PostgreSQL: ``--backend postgresql --db postgresql://user:pass@host/db``; the database's public schema is
emptied first.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import ROOT, empty_postgres  # noqa: E402

SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"
FIRST_DAY, DAYS = dt.date(2015, 1, 1), 3652  # ten years


# ----------------------------------------------------------------------------------------------- documents
def templates() -> list[dict[str, Any]]:
    """Real extracted documents with at least one event: the demo corpus and, when present, the dev set."""
    import dyad
    from dyad.sources import read_paths

    paths = [str(ROOT / "examples" / "public-domain.jsonl")] + ([str(SHARED_DEV)] if SHARED_DEV.exists() else [])
    records = [r for r in read_paths(paths) if getattr(r, "text", None)]
    docs = [doc.to_dict() for doc in dyad.extract_many(records)]
    return [d for d in docs if d["events"]]


def _countries() -> list[str]:
    """States, the busiest first (a fixed order of states often in the news, then the rest): the draw below
    weighs them by 1/rank."""
    from dyad import kb

    common = ["USA", "RUS", "CHN", "UKR", "ISR", "PSE", "IRN", "GBR", "FRA", "DEU"]
    common += ["IND", "PAK", "TUR", "PRK", "KOR", "JPN", "SYR", "IRQ", "SAU", "EGY"]
    rest = sorted(set(kb.countries().by_iso3) - set(common))
    return common + rest


def _shift(value: str | None, days: int) -> str | None:
    """A normalised date moved by ``days``, at its own granularity (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www)."""
    if not value:
        return value
    try:
        if "-W" in value:
            year, week = value.split("-W")
            day = dt.date.fromisocalendar(int(year), int(week), 1) + dt.timedelta(days=days)
            iso = day.isocalendar()
            return f"{iso[0]}-W{iso[1]:02d}"
        if len(value) == 4:
            return str((dt.date(int(value), 7, 1) + dt.timedelta(days=days)).year)
        if len(value) == 7:
            return (dt.date.fromisoformat(value + "-15") + dt.timedelta(days=days)).isoformat()[:7]
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return value


def synthetic(template: dict[str, Any], n: int, rng: random.Random, states: list[str], weights: list[float]):
    """Document number ``n``: ``template`` moved in time, its states mapped to others, its people renamed."""
    from dyad.model import Document

    body = copy.deepcopy(template)
    art = body["article"]
    old = dt.date.fromisoformat((art.get("published") or "2024-01-01")[:10])
    new = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    delta = (new - old).days
    art.update(id=f"synthetic-{n}", url=None, published=new.isoformat())
    art["hash"] = hashlib.sha256(f"{template['article']['hash']}:{n}".encode()).hexdigest()
    mapping: dict[str, str] = {}

    def state(code: str | None) -> str | None:
        if not code or len(code) < 3 or code[:3] not in states:
            return code
        iso = code[:3]
        if iso not in mapping:
            mapping[iso] = rng.choices(states, weights)[0]
        return mapping[iso] + code[3:]

    for actor in body["actors"]:
        actor["country"] = state(actor.get("country"))
        actor["code"] = state(actor.get("code"))
        if actor.get("kind") == "state" and actor.get("country"):
            actor["name"] = actor["country"]
        if actor.get("kind") == "person":
            actor["name"] = f"{actor['name']} {actor.get('country') or 'X'}"  # a namesake in each state
    for event in body["events"]:
        event["date"] = _shift(event.get("date"), delta)
        for key in ("source_country", "target_country"):
            if key in event:
                event[key] = state(event[key])
        place = event.get("place")
        if isinstance(place, dict):
            place["country"] = state(place.get("country"))
    for place in body.get("places", []):
        place["country"] = state(place.get("country"))
    for date in body.get("dates", []):
        date["value"] = _shift(date.get("value"), delta)
    return Document.from_dict(body)


# ----------------------------------------------------------------------------------------------- filling
def fresh_target(backend: str, db: str | None, folder: Path) -> str:
    if backend == "sqlite":
        return db or str(folder / "scale.db")
    if not db:
        sys.exit("store_scale: --backend postgresql needs --db postgresql://...")
    return empty_postgres(db)


def fill(target: str, want_events: int, batch: int, seed: int, quiet: bool) -> dict[str, Any]:
    """Write synthetic documents until the store holds ``want_events`` events; documents/s along the way."""
    from dyad.store import Store

    rng = random.Random(seed)
    source = templates()
    states = _countries()
    weights = [1 / (rank + 1) for rank in range(len(states))]
    store = Store(target)
    rates: list[tuple[int, float]] = []  # (events before the batch, documents/s of the batch)
    events = store.stats()["events"]  # a kept store (--keep) is measured again, filled only up to the number
    docs = n = counted = 0
    guess, per_document = float(events), 5.0  # events expected: what was counted, then an estimate per document
    started = time.perf_counter()
    while events < want_events:
        documents = [synthetic(rng.choice(source), n + k, rng, states, weights) for k in range(batch)]
        n += batch
        t0 = time.perf_counter()
        store.write(documents)
        rates.append((events, batch / (time.perf_counter() - t0)))
        docs += batch
        guess += batch * per_document
        if len(rates) % 20 == 0 or guess >= want_events:
            before, events = events, store.stats()["events"]
            per_document = max(1.0, (events - before) / max(1, docs - counted))
            guess, counted = events, docs
            if not quiet:
                spent = time.perf_counter() - started
                print(
                    f"\r{events:>9,} events from {docs:,} documents, {docs / spent:.0f} documents/s",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
    if not quiet:
        print(file=sys.stderr)
    stats = store.stats()
    store.close()
    if not rates:
        return {"documents": 0, "stats": stats, "rate_empty": float("nan"), "rate_full": float("nan"), "seconds": 0.0}
    tenth = max(1, len(rates) // 10)
    first = statistics.median(r for _, r in rates[:tenth])
    last = statistics.median(r for _, r in rates[-tenth:])
    return {
        "documents": docs,
        "stats": stats,
        "rate_empty": first,
        "rate_full": last,
        "seconds": time.perf_counter() - started,
    }


def size_bytes(target: str, backend: str) -> int:
    if backend == "sqlite":
        return sum(os.path.getsize(p) for p in (target, target + "-wal") if os.path.exists(p))
    from sqlalchemy import create_engine, text

    from dyad.store.store import engine_url

    engine = create_engine(engine_url(target))
    with engine.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return int(size)


# ----------------------------------------------------------------------------------------------- queries
def timed(call, repeat: int) -> tuple[float, float]:
    call()  # warm: the first call pays for the connection and the page cache, not the query
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]


def probes(target: str) -> dict[str, Any]:
    """What the queries ask for: the busiest pair, a type and a year, an event, a word, a name."""
    from dyad.store import Store
    from dyad.store.queries import EventFilter

    with Store(target) as store:
        top = store.dyads(1)[0]
        event = store.events(EventFilter(dyad=(top["a"], top["b"])), limit=1)[0]
        quote = store.quotes(limit=1)[0]
        word = max((w.strip(".,;:\"'") for w in quote["text"].split()), key=len)
        person = store.actors(kind="person", limit=1)[0]
    return {
        "a": top["a"],
        "b": top["b"],
        "type": event["type"],
        "event": event["id"],
        "word": word,
        "name": person["name"].split()[0],
    }


def store_queries(target: str, p: dict[str, Any], repeat: int) -> dict[str, tuple[float, float]]:
    from dyad.analysis import timeline
    from dyad.store import Store
    from dyad.store.queries import EventFilter

    f = EventFilter(type=p["type"], since="2020-01-01", until="2021-12-31")
    with Store(target) as store:
        calls = {
            "dyads overview": lambda: store.dyads(15),
            "ten-year monthly timeline": lambda: timeline(
                store.dyad_periods(p["a"], p["b"], "month", since="2015-01-01", until="2024-12-31"),
                p["a"],
                p["b"],
                "month",
            ),
            "events by type and date": lambda: (store.events(f, limit=50), store.count_events(f)),
            "one event with its reports": lambda: store.event(p["event"]),
            "quote search": lambda: (store.quotes(search=p["word"], limit=50), store.count_quotes(None, p["word"])),
            "actor search": lambda: store.actors(name=p["name"], limit=50),
        }
        return {f"store: {name}": timed(call, repeat) for name, call in calls.items()}


def served(target: str, p: dict[str, Any], repeat: int) -> tuple[dict[str, tuple[float, float]], float]:
    """The API and the pages from a real ``dyad serve``; its resident memory (MiB) after every request."""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dyad = str(Path(sys.executable).parent / "dyad")
    server = subprocess.Popen(
        [dyad, "serve", "--db", target, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/stats")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            a, b, kind, word, name = p["a"], p["b"], p["type"], p["word"], p["name"]
            paths = {
                "api: dyads overview": "/api/dyads?limit=15",
                "api: ten-year monthly timeline": f"/api/dyads/{a}/{b}/timeline?by=month&from=2015&to=2024",
                "api: events by type and date": f"/api/events?type={kind}&since=2020-01-01&until=2021-12-31",
                "api: one event with its reports": f"/api/events/{p['event']}",
                "api: quote search": f"/api/quotes?search={word}",
                "api: actor search": f"/api/actors?name={name}",
                "page: home (dyads and map)": "/",
                "page: dyad (monthly chart, map, events)": f"/dyad/{a}/{b}",
                "page: events by type and date": f"/events?type={kind}&since=2020-01-01&until=2021-12-31",
                "page: one event": f"/event/{p['event']}",
                "page: quote search": f"/quotes?q={word}",
                "page: actor search": f"/actors?name={name}",
            }

            def get(path: str):
                def call() -> None:
                    response = client.get(path)
                    if response.status_code != 200:
                        raise SystemExit(f"store_scale: {path} answered {response.status_code}")

                return call

            out = {name: timed(get(path), repeat) for name, path in paths.items()}
        rss = 0.0
        for line in Path(f"/proc/{server.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
        return out, rss
    finally:
        server.terminate()
        server.wait(timeout=30)


# ----------------------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--events", type=int, default=10_000, help="events the store holds when measured")
    ap.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--db", help="a SQLite path (default: a temporary file) or the PostgreSQL URL to use")
    ap.add_argument(
        "--keep", action="store_true", help="with --db: keep the store, and measure a kept one again (filled up to N)"
    )
    ap.add_argument("--repeat", type=int, default=20, help="calls of each query, for the median and p95")
    ap.add_argument(
        "--batch", type=int, default=100, help="documents per write transaction (as dyad ingest --batch-size)"
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="end with one line of JSON")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        if args.backend == "sqlite" and args.db and Path(args.db).exists() and not args.keep:
            sys.exit(f"store_scale: {args.db} exists; give a new path, or --keep to measure it again")
        target = args.db if args.keep and args.db else fresh_target(args.backend, args.db, Path(tmp))
        filled = fill(target, args.events, args.batch, args.seed, quiet=False)
        stats = filled["stats"]
        size = size_bytes(target, args.backend)
        p = probes(target)
        latencies = store_queries(target, p, args.repeat)
        web, rss = served(target, p, args.repeat)
        latencies.update(web)

    measured = filled["documents"] > 0
    rate_ratio = filled["rate_full"] / filled["rate_empty"] if measured else None
    print(
        f"{args.backend}: {stats['events']:,} events, {stats['reports']:,} reports, {stats['articles']:,} articles, "
        f"{stats['actors']:,} actors, {stats['quotes']:,} quotes; filled in {filled['seconds']:.0f} s"
    )
    written = (
        f"{filled['rate_empty']:.0f} documents/s into an empty store, {filled['rate_full']:.0f} at the end "
        f"(x{rate_ratio:.2f})"
        if measured
        else "a kept store, not written this run"
    )
    print(
        f"write: {written}; {size / stats['events']:.0f} bytes per event ({size / 2**20:.0f} MiB); "
        f"dyad serve: {rss:.0f} MiB resident"
    )
    width = max(len(k) for k in latencies)
    print(f"{'query':<{width}}  median ms     p95 ms")
    for name, (median, p95) in latencies.items():
        print(f"{name:<{width}}  {median:9.1f}  {p95:9.1f}")
    if args.json:
        print(
            json.dumps(
                {
                    "backend": args.backend,
                    "events": stats["events"],
                    "reports": stats["reports"],
                    "articles": stats["articles"],
                    "documents_per_s_empty": round(filled["rate_empty"], 1) if measured else None,
                    "documents_per_s_full": round(filled["rate_full"], 1) if measured else None,
                    "write_rate_vs_empty": round(rate_ratio, 3) if rate_ratio is not None else None,
                    "bytes_per_event": round(size / stats["events"]),
                    "serve_rss_mib": round(rss, 1),
                    "median_ms": {k: round(v[0], 1) for k, v in latencies.items()},
                    "p95_ms": {k: round(v[1], 1) for k, v in latencies.items()},
                }
            )
        )


if __name__ == "__main__":
    main()
