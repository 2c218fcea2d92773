"""Accuracy on the shared gold sets, scored by ../shared/eval/score.py (skipped where shared/ is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dyad.cli import app
from tests.conftest import SHARED

SCORE = SHARED / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval is not here")


def _extract(tmp_path, source) -> str:
    from typer.testing import CliRunner

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return str(out)


def _score(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(SCORE), *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_seed_article(tmp_path):
    out = _extract(tmp_path, SHARED / "eval" / "seed" / "seed.jsonl")
    report = _score("articles", "--gold", str(SHARED / "eval" / "seed" / "gold"), "--system", out)
    assert report["people"]["f1"] >= 0.9
    assert report["quotes"]["f1"] >= 0.9
    assert report["speakers"]["f1"] >= 0.85
    assert report["dates"]["f1"] >= 0.85
    assert report["people_country_accuracy"] >= 0.9


def _inputs(tmp_path, name: str):
    """The input records of a sentence or article set, as score.py writes them."""
    inputs = tmp_path / f"{name}.jsonl"
    made = subprocess.run([sys.executable, str(SCORE), "make-input", name], capture_output=True, text=True, check=True)
    inputs.write_text(made.stdout, encoding="utf-8")
    return inputs


def test_polnear_dev_direct_quotes(tmp_path):
    out = _extract(tmp_path, _inputs(tmp_path, "polnear-dev"))
    report = _score("polnear-dev", "--system", out)
    assert report["direct_quotes"]["f1"] >= 0.75
    assert report["speaker_accuracy_on_found"] >= 0.85


def test_seed_events(tmp_path):
    out = _extract(tmp_path, SHARED / "eval" / "seed" / "seed.jsonl")
    report = _score("articles", "--gold", str(SHARED / "eval" / "seed" / "gold"), "--system", out)
    assert report["events"]["f1"] >= 0.8
    assert report["dated_events"]["f1"] >= 0.6


def test_plover_gold_standard(tmp_path):
    out = _extract(tmp_path, _inputs(tmp_path, "plover-gsr"))
    report = _score("plover-gsr", "--system", out)
    assert report["event_type"]["f1"] >= 0.6
    assert report["event_with_actors"]["f1"] >= 0.45
