"""Labelling candidates from gold: positive where a required gold event of the type joins the two sides in
the sentence that says it, left out where an optional event or the same event told elsewhere says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.extract.events.learned import Candidate
from dyad.train import TrainError, gather
from dyad.train.corpus import Story, label

FIXTURE = Path(__file__).parents[1] / "fixtures" / "labelled"
TEXT = "Kenya expelled two Somali diplomats on Monday. Somalia condemned the decision. Kenya expelled them."
SPANS = [(0, 46), (47, 78), (79, 100)]


def _story(*events) -> Story:
    gold = {"events": [{"source": s, "type": t, "target": g, "evidence": e, "optional": o} for s, t, g, e, o in events]}
    return Story("s", TEXT, "2021-03-02", None, gold, "user")


def _labels(story: Story, sentence: int, source: str, target: str) -> dict:
    [row] = label(story, TEXT, SPANS, [Candidate(sentence, source, target, ["f"])])
    return row.labels


def test_a_required_event_labels_its_sentence_and_pair_only():
    story = _story(("KEN", "SANCTION", "SOM", "Kenya expelled two Somali diplomats", False))
    assert _labels(story, 0, "KEN", "SOM")["SANCTION"] == 1
    assert _labels(story, 0, "KEN", "SOM")["ASSAULT"] == 0
    assert _labels(story, 0, "SOM", "KEN")["SANCTION"] == 0  # a directed type: the other way is no event
    assert _labels(story, 2, "KEN", "SOM")["SANCTION"] is None  # the same event told again: not learned from


def test_symmetric_types_label_both_orders_and_optional_events_are_left_out():
    story = _story(
        ("KEN", "CONSULT", "SOM", "Kenya expelled two Somali diplomats", False),
        ("SOM", "ACCUSE", "KEN", "Somalia condemned the decision", True),
    )
    assert _labels(story, 0, "SOM", "KEN")["CONSULT"] == 1
    assert _labels(story, 1, "SOM", "KEN")["ACCUSE"] is None


def test_a_users_folder_is_gathered_and_bad_ones_are_named(tmp_path):
    stories = gather(None, None, [(FIXTURE / "articles.jsonl", FIXTURE / "gold")])
    assert len(stories) == 10 and {s.set for s in stories} == {"user"}
    with pytest.raises(TrainError, match="no such file"):
        gather(None, None, [(tmp_path / "articles.jsonl", tmp_path / "gold")])
    with pytest.raises(TrainError, match="folds.json: missing"):
        gather(tmp_path, tmp_path, [])
    with pytest.raises(TrainError, match="nothing to learn from"):
        gather(None, None, [])
