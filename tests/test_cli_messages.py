"""Status and error lines on stderr are one message per line, never wrapped: scripts and grep read them.

The commands run as a user runs them (a new process), on a 20-column terminal
width, from a folder whose path is far longer than that.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

LINE = re.compile(r"^dyad: (error: |skipped: )?\S")


@pytest.fixture(scope="module")
def deep(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("messages")
    for n in range(6):
        folder = folder / f"a-rather-long-folder-name-number-{n}-for-a-deep-path"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "visits.jsonl", folder / "visits.jsonl")
    return folder


def dyad(deep: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "20", "LINES": "10", "TERM": "xterm-256color"}
    env.pop("DYAD_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "dyad.cli", *args], cwd=deep, env=env, capture_output=True, text=True, timeout=300
    )


def lines(result: subprocess.CompletedProcess) -> list[str]:
    found = result.stderr.splitlines()
    assert found, "nothing said on stderr"
    for line in found:
        assert LINE.match(line), f"not one whole message: {line!r} in {result.stderr!r}"
    return found


def test_ingest_says_each_problem_and_its_summary_on_one_line_each(deep):
    db = str(deep / "store.db")
    result = dyad(deep, "ingest", "visits.jsonl", "--db", db)
    assert result.returncode == 1  # the fixture holds one malformed line
    said = lines(result)
    assert len(said) == 2
    assert said[0].startswith("dyad: error: visits.jsonl:5: malformed JSON")
    assert f"dyad: {db}: 4 new, 1 already stored, 1 failed, 0 skipped;" in said[1]


def test_store_commands_say_what_they_did_on_one_line(deep):
    db = str(deep / "store.db")
    if not Path(db).exists():
        assert dyad(deep, "ingest", "visits.jsonl", "--db", db).returncode == 1
    exported = dyad(deep, "export", "--format", "csv", "-o", str(deep / "events.csv"), "--db", db)
    assert exported.returncode == 0
    assert lines(exported)[0].startswith("dyad: wrote ") and lines(exported)[0].endswith(f"to {deep / 'events.csv'}")
    forgotten = dyad(deep, "forget", "daily/7", "--db", db)
    assert forgotten.returncode == 0 and lines(forgotten) == ["dyad: forgot daily/7 (untitled)"]
    missing = dyad(deep, "forget", "daily/7", "--db", db)
    assert missing.returncode == 1 and lines(missing) == ["dyad: error: daily/7: no such article in the store"]


def test_usage_errors_are_one_line_naming_the_help(deep):
    result = dyad(deep, "ingest", "--batch-size", "0", "visits.jsonl")
    assert result.returncode == 2
    [said] = lines(result)
    assert "'--batch-size'" in said and said.endswith("(see 'dyad ingest --help')")
    unknown = dyad(deep, "ingets")
    assert unknown.returncode == 2 and lines(unknown)[0].startswith("dyad: error: No such command 'ingets'")


def test_batch_reports_bad_input_on_one_line_and_fails(deep):
    result = dyad(deep, "batch", "visits.jsonl", "-o", str(deep / "parquet"))
    assert result.returncode == 1
    said = lines(result)
    assert said[0].startswith("dyad: error: visits.jsonl:5: malformed JSON")
    assert re.match(rf"dyad: {re.escape(str(deep / 'parquet'))}: 5 documents, \d+ events, \d+ quotes", said[-1])
