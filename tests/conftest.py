"""Shared fixtures. The spaCy model loads once per test session (dyad caches it per process)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import dyad
from dyad.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SCORED_SETS = ("plover-gsr", "petr2-gsr", "polnear-dev", "polnear-test")  # the inputs score.py make-input writes


@pytest.fixture(scope="module")
def rules_only():
    """The rules' events alone (``DYAD_MODEL=rules``) for a module: tests of the rules themselves, and of what is
    built over events extracted from fixture texts, must not change with each training of the shipped model
    (which has its own tests: tests/extract/test_event_decision.py, tests/train, tests/test_scores.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DYAD_MODEL", "rules")
        yield


@pytest.fixture
def rules_alone(monkeypatch):
    """The rules alone for one test (``DYAD_MODEL=rules``): a test of how far a rule goes, where the learned model
    may go further (a state for an official that the rules leave without one, ``extract.nationality``)."""
    monkeypatch.setenv("DYAD_MODEL", "rules")


@pytest.fixture(scope="session")
def schema() -> dict:
    from importlib import resources

    return json.loads(resources.files("dyad").joinpath("schema/document.schema.json").read_text())


@pytest.fixture(scope="session")
def briefing() -> Document:
    """A small article written for the tests: split, nested and unattributed quotes, roles, officials."""
    return dyad.extract((FIXTURES / "briefing.txt").read_text(encoding="utf-8"), published="2024-07-04", id="briefing")


@pytest.fixture(scope="session")
def extracted(tmp_path_factory):
    """``extracted(name)``: the documents ``dyad extract`` writes for a set, made once per test session.

    Names: ``examples`` (the bundled corpus), ``seed`` and ``dev`` (``../shared/eval``), and the sets that
    ``score.py make-input`` writes (``SCORED_SETS``). A shared set is skipped where ``../shared`` is absent.
    """
    import subprocess
    import sys

    from typer.testing import CliRunner

    from dyad.cli import app

    folder = tmp_path_factory.mktemp("extracted")
    made: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name in made:
            return made[name]
        if name == "examples":
            source = ROOT / "examples"
        elif not EVAL.exists():
            pytest.skip("../shared/eval is not here")
        elif name in ("seed", "dev"):
            source = EVAL / name / ("seed.jsonl" if name == "seed" else "articles.jsonl")
        else:
            run = [sys.executable, str(EVAL / "score.py"), "make-input", name]
            source = folder / f"{name}-input.jsonl"
            source.write_text(subprocess.run(run, capture_output=True, text=True, check=True).stdout, encoding="utf-8")
        out = folder / f"{name}.jsonl"
        result = CliRunner().invoke(app, ["extract", str(source), "-o", str(out)])
        assert result.exit_code == 0, f"{name}: {result.stderr}"
        made[name] = out
        return out

    return get


def speaker_of(doc: Document, quote_start: str) -> str | None:
    quote = next(q for q in doc.quotes if q.text.startswith(quote_start))
    actor = doc.actor(quote.speaker)
    return actor.name if actor else None


def actor_named(doc: Document, name: str):
    return next(a for a in doc.actors if a.name == name)


# ---- the store: every store test runs against SQLite and against PostgreSQL ------------------------

POSTGRES_URL = os.environ.get("DYAD_TEST_POSTGRES")  # e.g. postgresql://dyad:dyad@127.0.0.1/dyad_test
REQUIRE_POSTGRES = os.environ.get("DYAD_REQUIRE_POSTGRES") == "1"  # set by .ci/run


def _reset_postgres(url: str) -> None:
    """An empty database for each test: drop and recreate the public schema."""
    from sqlalchemy import create_engine, text

    from dyad.store.store import engine_url

    engine = create_engine(engine_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty store: a SQLite file, or the PostgreSQL server named by DYAD_TEST_POSTGRES."""
    if request.param == "sqlite":
        return str(tmp_path / "dyad.db")
    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("DYAD_REQUIRE_POSTGRES=1 but DYAD_TEST_POSTGRES names no server")
        pytest.skip("no PostgreSQL server configured (set DYAD_TEST_POSTGRES)")
    try:
        _reset_postgres(POSTGRES_URL)
    except Exception as exc:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL at DYAD_TEST_POSTGRES is not usable: {exc}")
        pytest.skip(f"PostgreSQL at DYAD_TEST_POSTGRES is not usable: {exc}")
    return POSTGRES_URL


def fingerprint(store) -> dict:
    """Everything a user can see in a store, without its row ids: to compare two stores, or one at two moments."""
    from sqlalchemy import text

    def rows(result) -> list[tuple]:
        return sorted((tuple(r) for r in result), key=lambda r: tuple("" if v is None else str(v) for v in r))

    with store.connect() as conn:
        events = rows(
            r
            for r in conn.execute(
                text(
                    "SELECT e.type, e.source, e.target, e.date, e.modality, COUNT(r.id), COUNT(DISTINCT r.article_id)"
                    " FROM events e JOIN event_reports r ON r.event_id = e.id"
                    " GROUP BY e.id, e.type, e.source, e.target, e.date, e.modality"
                )
            )
        )
        actors = rows(conn.execute(text("SELECT key, name, country, title FROM actors")))
        refs = rows(conn.execute(text("SELECT ref, url FROM article_refs")))
        quotes = sorted(r[0] for r in conn.execute(text("SELECT text FROM quotes")))
    return {"stats": store.stats(), "events": events, "actors": actors, "refs": refs, "quotes": quotes}
