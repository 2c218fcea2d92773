"""The dyad command line: formats, output files, exit codes and one-line errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dyad.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()


def test_extract_jsonl_to_stdout():
    result = runner.invoke(app, ["extract", str(FIXTURES / "article.html")])
    assert result.exit_code == 0, result.output
    [line] = result.stdout.strip().splitlines()
    doc = json.loads(line)
    assert doc["schema"] == "dyad/document@1"
    assert doc["article"]["title"] == "Ministers meet in Vienna"
    assert doc["article"]["id"] == doc["article"]["hash"]


def test_extract_json_to_a_file_with_the_record_ids(tmp_path):
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", str(FIXTURES / "records.jsonl"), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1  # one malformed line
    assert "records.jsonl:2: malformed JSON" in result.stderr
    docs = json.loads(out.read_text(encoding="utf-8"))
    assert [d["article"]["id"] for d in docs] == ["r1", "r3"]


def test_stdin_and_published_option():
    result = runner.invoke(
        app, ["extract", "-", "--published", "2024-06-19"], input="Putin arrived in Pyongyang on Wednesday."
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["article"]["published"] == "2024-06-19"
    assert [d["value"] for d in doc["dates"]] == ["2024-06-19"]


def test_pretty_summary_names_people_and_speakers():
    result = runner.invoke(app, ["extract", str(FIXTURES / "transcript.txt"), "--format", "pretty"])
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.stdout and "Matti Lindqvist" in result.stdout
    assert "Quotes" in result.stdout


def test_non_english_is_skipped_with_a_message():
    result = runner.invoke(app, ["extract", str(FIXTURES / "french.txt")])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "french.txt: not English (detected 'fr'), skipped" in result.stderr


def test_missing_path_and_empty_file_are_one_line_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(empty)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("dyad: error")]
    assert lines == [
        f"dyad: error: {tmp_path / 'nope.txt'}: no such file or folder",
        f"dyad: error: {empty}: empty input",
    ]
    assert "Traceback" not in result.output


def test_bad_published_option():
    result = runner.invoke(app, ["extract", "-", "--published", "19/06/2024"], input="Talks.")
    assert result.exit_code == 2
    assert "--published" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_failed_run_leaves_an_existing_output_file_alone(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n")
    result = runner.invoke(app, ["extract", "-", "-o", str(out), "--published", "bad"], input="Talks.")
    assert result.exit_code == 2
    assert out.read_text() == "precious\n"
