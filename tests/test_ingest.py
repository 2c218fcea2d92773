"""Ingest: parallel parsing stores exactly what one process stores; known texts are not parsed again."""

from __future__ import annotations

from pathlib import Path

from dyad.ingest import ingest
from dyad.sources import read_paths
from dyad.store import Store
from tests.conftest import FIXTURES, fingerprint

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "public-domain.jsonl"


def test_two_workers_store_what_one_stores(tmp_path):
    results = []
    for workers in (1, 2):
        with Store(str(tmp_path / f"w{workers}.db")) as store:
            counts = ingest(read_paths([str(CORPUS)]), store, batch_size=5, workers=workers)
            assert (counts.new, counts.failed) == (45, 0)
            results.append(fingerprint(store))
    assert results[0] == results[1]


def test_known_texts_are_not_parsed_again(tmp_path, monkeypatch):
    import dyad.ingest

    with Store(str(tmp_path / "d.db")) as store:
        first = ingest(read_paths([str(FIXTURES / "visits.jsonl")]), store)
        assert (first.new, first.known, first.failed) == (4, 1, 1)
        parsed: list[int] = []
        real = dyad.ingest.build_batch
        monkeypatch.setattr(dyad.ingest, "build_batch", lambda todo, size: parsed.append(len(todo)) or real(todo, size))
        again = ingest(read_paths([str(FIXTURES / "visits.jsonl")]), store)
        assert (again.new, again.known, again.failed) == (0, 5, 1)
        assert sum(parsed) == 0
