"""What every benchmark shares: its command-line options and the records it measures."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dyad.sources import Record

ROOT = Path(__file__).resolve().parents[1]


def options(doc: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=ROOT / "examples" / "public-domain.jsonl")
    ap.add_argument("--repeat", type=int, default=3, help="copies of the input set per round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    return ap


def records(path: Path, repeat: int, distinct: bool = False) -> list[Record]:
    """``repeat`` copies of the records in a JSONL file; with ``distinct`` each copy's text differs (a closing line)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        Record(
            text=f"{r['text']}\n\nCopy {k + 1} of this report." if distinct else r["text"],
            origin=str(n),
            id=f"{r.get('id', n)}-{k}",
            published=r.get("published"),
            source=r.get("source"),
            license=r.get("license"),
        )
        for k in range(repeat)
        for n, r in enumerate(rows)
    ]


def empty_postgres(url: str) -> str:
    """The PostgreSQL database at ``url`` with its public schema emptied, for a store made from nothing."""
    from sqlalchemy import create_engine, text

    from dyad.store.store import engine_url

    engine = create_engine(engine_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url
