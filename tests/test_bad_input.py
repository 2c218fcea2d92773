"""A corpus of bad inputs, written at test time: each gets one line naming it, and nothing partial is stored."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.sources import InputProblem, Record, read_paths
from dyad.store import Store

TEXT = "Russia and China held talks in Beijing on Monday, the foreign ministry said."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "scripts.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>"
    )
    (folder / "broken.jsonl").write_text('{"id": "ok", "text": "' + TEXT + '"}\n{"id": "bad", "text": \n[1, 2]\n')
    (folder / "huge.txt").write_bytes((TEXT + "\n").encode() * (50 * 1024 * 1024 // (len(TEXT) + 1) + 1))  # ~50 MB
    (folder / "huge.jsonl").write_bytes(b'{"id": "huge", "text": "' + b"word " * (11 * 1024 * 1024) + b'"}\n')
    return folder


def test_utf16_and_latin1_files_are_decoded():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        utf16 = Path(tmp) / "utf16.txt"
        utf16.write_bytes(TEXT.encode("utf-16"))  # with its byte order mark
        latin1 = Path(tmp) / "latin1.txt"
        latin1.write_bytes("Café talks in Genève: Russia and Switzerland met on Monday.".encode("latin-1"))
        records = list(read_paths([str(utf16), str(latin1)]))
    assert [type(r) for r in records] == [Record, Record]
    assert records[0].text == TEXT
    assert records[1].text.startswith("Café talks in Genève")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty input"),
        ("blank.txt", "empty input"),
        ("binary.txt", "binary data, not text"),
        ("scripts.html", "no article text found in the HTML"),
        ("huge.txt", "over the 2 MB text limit"),
        ("huge.jsonl:1", "over the 2 MB limit"),
        ("broken.jsonl:2", "malformed JSON"),
        ("broken.jsonl:3", "a record must be a JSON object"),
    ],
)
def test_each_bad_input_is_one_problem_naming_it(corpus, name, message):
    items = list(read_paths([str(corpus / name.split(":")[0])]))
    problems = [i for i in items if isinstance(i, InputProblem) and str(i).startswith(str(corpus / name))]
    assert problems and message in problems[0].message, items


def test_ingesting_the_bad_corpus_stores_only_the_good_record(corpus, tmp_path):
    db = str(tmp_path / "d.db")
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("dyad: error:")]
    assert len(lines) == 8 and all(str(corpus) in ln for ln in lines)
    assert "1 new, 0 already stored, 8 failed" in result.stderr
    with Store(db) as store:
        assert store.stats()["articles"] == 1 and store.integrity() == "ok"
        assert [d["article"]["id"] for d in store.documents()] == ["ok"]


def test_a_bad_config_value_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "missing" / "x.db"))
    result = CliRunner().invoke(app, ["stats", "--json"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "does not exist" in result.stderr
    overrides = tmp_path / "o.tsv"
    overrides.write_bytes(b"\xff\xfe\x00bad")
    result = CliRunner().invoke(app, ["ingest", "-", "--db", str(tmp_path / "d.db"), "--overrides", str(overrides)])
    assert result.exit_code == 2 and "cannot read overrides" in result.stderr
    assert (
        json.loads(CliRunner().invoke(app, ["stats", "--json", "--db", str(tmp_path / "d.db")]).stdout)["articles"] == 0
    )
