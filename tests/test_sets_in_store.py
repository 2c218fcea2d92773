"""Every document `dyad extract` makes is stored, then forgotten, leaving nothing behind (SQLite and PostgreSQL).

The documents come from `examples/` and from every set in `../shared/eval`
(seed, dev, PLOVER GSR, PETR2 GSR, PolNeAR dev and test; skipped where
`../shared` is absent). They are extracted once, with `dyad extract`, and
stored with `dyad ingest` from that output: the store takes what extraction
makes, whatever it is, with zero failures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store
from tests.conftest import EVAL, SCORED_SETS, SHARED

SETS = ("examples", "seed", "dev", *SCORED_SETS)
TABLES = (
    "articles",
    "article_refs",
    "actors",
    "actor_aliases",
    "article_actors",
    "events",
    "event_reports",
    "quotes",
    "article_topics",
)
STATUS = re.compile(r"(\d+) new, (\d+) already stored, (\d+) failed, (\d+) skipped; (\d+) events")


def _cli(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def sets(extracted) -> dict:
    """Each set's documents, as `dyad extract` writes them (the shared sets only where ../shared is)."""
    return {name: extracted(name) for name in SETS if name == "examples" or EVAL.exists()}


def _documents(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_shared_sets_are_here_when_shared_is():
    if not SHARED.exists():
        pytest.skip("../shared is not here")
    assert all((EVAL / p).exists() for p in ("seed/seed.jsonl", "dev/articles.jsonl", "score.py"))


def test_every_extracted_document_is_stored_then_forgotten_without_a_trace(db_url, sets):
    stored: dict[str, str] = {}  # hash -> the first id it came under
    reported = 0
    for name, path in sets.items():
        documents = _documents(path)
        assert documents, name
        result = _cli("ingest", str(path), "--db", db_url)
        assert result.exit_code == 0, f"{name}: {result.stderr}"
        new, known, failed, skipped, events = map(int, STATUS.search(result.stderr).groups())
        assert (failed, skipped) == (0, 0), f"{name}: {result.stderr}"
        fresh = {d["article"]["hash"]: d["article"]["id"] for d in documents if d["article"]["hash"] not in stored}
        assert (new, known) == (len(fresh), len(documents) - len(fresh)), name
        stored.update(fresh)
        reported += events
    with Store(db_url) as store:
        assert store.integrity() == "ok"
        counts = store.stats()
    assert counts["articles"] == len(stored)
    assert counts["reports"] >= counts["events"] > 0 and reported > 0
    backend = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    print(f"\n{backend}: {sum(len(_documents(p)) for p in sets.values())} documents, {counts}")  # pytest -s

    ids = sorted(stored.values())
    for i in range(0, len(ids), 200):
        result = _cli("forget", *ids[i : i + 200], "--db", db_url)
        assert result.exit_code == 0, result.stderr
    with Store(db_url) as store:
        assert store.integrity() == "ok"
        with store.connect() as conn:
            left = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in TABLES}
            if store.dialect == "sqlite":
                left["quotes_fts"] = conn.execute(text("SELECT COUNT(*) FROM quotes_fts")).scalar_one()
    assert left == dict.fromkeys(left, 0)


@pytest.mark.skipif(not EVAL.exists(), reason="../shared/eval is not here")
def test_the_seed_article_is_stored_and_its_visit_is_on_the_timeline(db_url):
    seed = str(EVAL / "seed" / "seed.jsonl")
    result = _cli("ingest", seed, "--db", db_url)
    assert result.exit_code == 0, result.stderr
    assert "1 new, 0 already stored, 0 failed" in result.stderr
    monthly = json.loads(_cli("timeline", "RUS", "PRK", "--json", "--db", db_url).stdout)
    assert {"period": "2024-06", "CONSULT": 1} in [
        {"period": p["period"], "CONSULT": p["types"].get("CONSULT")} for p in monthly["periods"]
    ]
    daily = _cli("timeline", "RUS", "PRK", "--by", "day", "--db", db_url)
    assert daily.exit_code == 0
    [row] = [line for line in daily.stdout.splitlines() if "2024-06-19" in line]
    assert "CONSULT 1" in row
    again = _cli("ingest", seed, "--db", db_url)
    assert "0 new, 1 already stored, 0 failed" in again.stderr
