"""Accuracy on the shared gold sets, scored by ../shared/eval/score.py (skipped where shared/ is absent)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

SCORE = SHARED / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval is not here")


def _score(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(SCORE), *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_seed_article(extracted):
    out = str(extracted("seed"))
    report = _score("articles", "--gold", str(SHARED / "eval" / "seed" / "gold"), "--system", out)
    assert report["people"]["f1"] >= 0.9
    assert report["quotes"]["f1"] >= 0.9
    assert report["speakers"]["f1"] >= 0.85
    assert report["dates"]["f1"] >= 0.85
    assert report["people_country_accuracy"] >= 0.9


def test_polnear_dev_direct_quotes(extracted):
    out = str(extracted("polnear-dev"))
    report = _score("polnear-dev", "--system", out)
    assert report["direct_quotes"]["f1"] >= 0.75
    assert report["speaker_accuracy_on_found"] >= 0.85


def test_seed_events(extracted):
    out = str(extracted("seed"))
    report = _score("articles", "--gold", str(SHARED / "eval" / "seed" / "gold"), "--system", out)
    assert report["events"]["f1"] >= 0.8
    assert report["dated_events"]["f1"] >= 0.6


def test_plover_gold_standard(extracted):
    out = str(extracted("plover-gsr"))
    report = _score("plover-gsr", "--system", out)
    assert report["event_type"]["f1"] >= 0.6
    assert report["event_with_actors"]["f1"] >= 0.45
