"""Reading records from files, folders and stdin, with a clear problem for each bad input."""

from __future__ import annotations

import json

from dyad.sources import InputProblem, Record, read_paths
from tests.conftest import FIXTURES


def _read(*paths: str, published: str | None = None) -> list:
    return list(read_paths([str(p) for p in paths], published))


def test_text_file_takes_the_default_published_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Putin met Kim in Pyongyang.", encoding="utf-8")
    [record] = _read(path, published="2024-06-19")
    assert isinstance(record, Record)
    assert record.text == "Putin met Kim in Pyongyang." and record.published == "2024-06-19"
    assert record.origin == str(path)


def test_jsonl_with_a_malformed_line_names_file_and_line():
    items = _read(FIXTURES / "records.jsonl")
    assert [type(i).__name__ for i in items] == ["Record", "InputProblem", "Record"]
    assert items[0].id == "r1" and items[0].published == "2023-03-15" and items[0].source == "Example"
    assert items[1].origin.endswith("records.jsonl:2") and "malformed JSON" in items[1].message


def test_json_object_and_array(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x", "text": "Talks began."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "One."}, {"title": "no text"}]), encoding="utf-8")
    items = _read(one, many)
    assert items[0].id == "x"
    assert isinstance(items[1], Record) and isinstance(items[2], InputProblem)
    assert "no 'text'" in items[2].message


def test_html_gives_body_title_and_date():
    [record] = _read(FIXTURES / "article.html")
    assert record.title == "Ministers meet in Vienna"
    assert record.published == "2024-05-02"
    assert "Schallenberg met Japanese Foreign Minister" in record.text
    assert "All rights reserved" not in record.text and "Home" not in record.text


def test_folder_is_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [r.text for r in _read(tmp_path)] == ["First article.", "Second article."]


def test_bad_inputs_are_problems_naming_the_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 500_000, encoding="utf-8")
    broken_html = tmp_path / "broken.html"
    broken_html.write_text("<html><body><div><<<", encoding="utf-8")
    items = _read(empty, blank, binary, huge, broken_html, tmp_path / "missing.txt")
    assert all(isinstance(i, InputProblem) for i in items)
    messages = [str(i) for i in items]
    assert messages[0] == f"{empty}: empty input"
    assert messages[1] == f"{blank}: empty input"
    assert "binary" in messages[2]
    assert "over the 2 MB limit" in messages[3]
    assert "no article text" in messages[4] or "could not be parsed" in messages[4]
    assert messages[5] == f"{tmp_path / 'missing.txt'}: no such file or folder"
    assert all("\n" not in m for m in messages)


def test_other_encodings_are_detected(tmp_path):
    path = tmp_path / "latin1.txt"
    text = "Le ministre a rencontré son homologue à Genève. Les négociations ont duré trois heures. " * 3
    path.write_bytes(text.encode("cp1252"))
    [record] = _read(path)
    assert isinstance(record, Record)
    assert "rencontré" in record.text and "Genève" in record.text


def test_bad_published_date_in_a_record(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": "Talks began.", "published": "yesterday"}) + "\n", encoding="utf-8")
    [problem] = _read(path)
    assert isinstance(problem, InputProblem) and "not YYYY-MM-DD" in problem.message


def test_json_lines_are_streamed_and_a_bad_line_costs_only_itself(tmp_path):
    path = tmp_path / "news.jsonl"
    good = b'{"id": "a", "text": "Russia and China held talks."}\n'
    path.write_bytes(good * 1500 + b'{"id": "b", "text": "caf\xe9"}\n' + good)  # the bad line after 64 KB
    items = read_paths([str(path)])
    first = next(items)  # read before the rest of the file is touched
    assert isinstance(first, Record) and first.id == "a"
    rest = list(items)
    assert len(rest) == 1501 and [type(i).__name__ for i in rest[-2:]] == ["InputProblem", "Record"]
    assert str(rest[-2]) == f"{path}:1501: line is not UTF-8"


def test_json_lines_in_a_legacy_encoding_are_still_decoded(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"id": "c", "text": "Café diplomacy in Paris – talks went on."}\n'.encode("cp1252"))
    [record] = list(read_paths([str(path)]))
    assert record.text == "Café diplomacy in Paris – talks went on."
