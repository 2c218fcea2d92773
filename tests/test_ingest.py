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


def test_documents_extract_wrote_are_stored_as_they_are_without_parsing(tmp_path, monkeypatch):
    """`dyad extract -o docs.jsonl` then `dyad ingest docs.jsonl`: the store a direct ingest makes, no parse."""
    import json

    import dyad.api
    from dyad.api import extract_many

    documents = tmp_path / "docs.jsonl"
    made = [d for d in extract_many(read_paths([str(FIXTURES / "visits.jsonl")])) if not hasattr(d, "message")]
    documents.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in made), encoding="utf-8")
    with Store(str(tmp_path / "direct.db")) as store:
        ingest(read_paths([str(FIXTURES / "visits.jsonl")]), store)
        expected = fingerprint(store)
    monkeypatch.setattr(dyad.api, "load", lambda: (_ for _ in ()).throw(AssertionError("parsed again")))
    with Store(str(tmp_path / "docs.db")) as store:
        counts = ingest(read_paths([str(documents)]), store, batch_size=2)
        assert (counts.new, counts.known, counts.failed) == (4, 1, 0)
        assert fingerprint(store) == expected


def test_a_broken_document_is_one_problem_naming_its_line_and_the_others_are_stored(tmp_path):
    import json

    from dyad.api import extract

    good = extract("Vladimir Putin met Kim Jong Un in Pyongyang on June 19, 2024.", id="good").to_dict()
    forged = json.loads(json.dumps(good))
    forged["article"]["id"], forged["article"]["text"] = "forged", good["article"]["text"] + " And more."
    gutted = json.loads(json.dumps(good))
    gutted["article"]["id"] = "gutted"
    del gutted["events"][0]["sources"]
    other = json.loads(json.dumps(good))
    other["schema"] = "dyad/document@9"
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in (forged, gutted, other, good)), encoding="utf-8")
    problems: list[str] = []
    with Store(str(tmp_path / "d.db")) as store:
        counts = ingest(read_paths([str(path)]), store, on_problem=lambda p: problems.append(str(p)))
        assert (counts.new, counts.failed) == (1, 3)
        assert store.find_article("good") is not None and store.integrity() == "ok"
    assert problems[0] == f"{path}:1: document's article.hash is not the hash of its text"
    assert problems[1].startswith(f"{path}:2: not a valid dyad/document@1 document") and "sources" in problems[1]
    assert problems[2] == f"{path}:3: schema 'dyad/document@9' is not dyad/document@1"


def test_ingest_writes_a_hundred_documents_per_transaction_by_default(tmp_path, monkeypatch):
    """In a million-event store a commit costs hundreds of scattered page writes whatever its size: 32 documents per
    transaction wrote at 0.58 of an empty store's rate, 100 at 0.91 (benchmarks/store_scale.py)."""
    import json

    records = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": f"r{n}", "text": f"Putin met Kim Jong Un in Pyongyang on June {n % 28 + 1}, 2024. ({n})"})
        for n in range(150)
    ]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(str(tmp_path / "d.db")) as store:
        sizes: list[int] = []
        real = store.write
        monkeypatch.setattr(store, "write", lambda docs, refs=(): sizes.append(len(docs)) or real(docs, refs))
        counts = ingest(read_paths([str(records)]), store)
        assert (counts.new, counts.failed) == (150, 0)
        assert sizes == [100, 50]
