"""The labelled corpus in training/: every gold file parses and names a story that exists, its evidence,
quotes and date texts are verbatim in that story, the folds cover every story, and no written story repeats
a passage of a text under ../shared. The real stories' texts live in ../shared/training: their checks skip
cleanly where ../shared is absent; the written stories ship here and are always checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scripts.test_training_corpus import tc

ROOT = Path(__file__).resolve().parents[2]
TRAINING = ROOT / "training"
SHARED = ROOT.parent / "shared"
REAL = SHARED / "training" / "articles.jsonl"
DEV = SHARED / "eval" / "dev" / "articles.jsonl"
WRITTEN = TRAINING / "written" / "articles.jsonl"
needs_shared = pytest.mark.skipif(not REAL.exists(), reason="../shared/training is not here")


def _ids(path: Path) -> list[str]:
    return [record["id"] for _, record in tc.read_jsonl(path)]


@pytest.fixture(scope="module")
def written() -> dict[str, dict]:
    return tc.texts_by_id([WRITTEN])


@needs_shared
@pytest.mark.parametrize("folder", ["voa", "second/voa"])
def test_real_stories_gold_is_verbatim_and_names_a_story(folder):
    gold = TRAINING / "gold" / folder
    files = list(gold.glob("*.json"))
    assert files, f"no gold in {gold}"
    assert tc.check_gold(gold, tc.texts_by_id([REAL])) == []


@needs_shared
def test_every_real_story_has_gold():
    assert {p.stem for p in (TRAINING / "gold" / "voa").glob("*.json")} == set(_ids(REAL))


@pytest.mark.parametrize("folder", ["written", "second/written"])
def test_written_gold_is_verbatim_and_names_a_story(folder, written):
    gold = TRAINING / "gold" / folder
    assert list(gold.glob("*.json")), f"no gold in {gold}"
    assert tc.check_gold(gold, written) == []


def test_written_stories_plans_and_gold_go_together(written):
    plans = _ids(TRAINING / "written" / "plan.jsonl")
    assert len(written) >= 600 and len(plans) == len(set(plans))
    assert set(plans) == set(written) == {p.stem for p in (TRAINING / "gold" / "written").glob("*.json")}
    for record in written.values():
        assert 150 <= len(record["text"].split()) <= 400, record["id"]
        assert record["style"] in tc.STYLES and record["region"] in tc.REGIONS, record["id"]


def test_written_plans_name_their_negatives_verbatim(written):
    for _, plan in tc.read_jsonl(TRAINING / "written" / "plan.jsonl"):
        text = written[plan["id"]]["text"]
        for negative in plan.get("negatives", []):
            assert negative["kind"] in tc.NEGATIVE_KINDS and negative["evidence"] in text, plan["id"]


def test_folds_cover_every_story_and_keep_families_whole(written):
    folds = json.loads((TRAINING / "folds.json").read_text(encoding="utf-8"))
    assert folds["k"] == 5 and set(folds["folds"].values()) == {1, 2, 3, 4, 5}
    expected = set(written)
    if REAL.exists():
        expected |= set(_ids(REAL)) | set(_ids(DEV))
    assert expected <= set(folds["folds"]), sorted(expected - set(folds["folds"]))[:5]
    if REAL.exists():
        assert set(folds["folds"]) == expected, "folds.json names stories that do not exist"
        assert folds["folds"] == tc.assign_folds(tc.corpus_stories()), "folds.json is stale: run `folds`"
    by_family: dict[str, set[int]] = {}
    for story_id, record in written.items():
        by_family.setdefault(record["family"], set()).add(folds["folds"][story_id])
    assert all(len(f) == 1 for f in by_family.values())


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not here")
def test_no_written_story_repeats_a_passage_of_a_shared_text():
    passages = tc.shared_shingles(SHARED)
    repeated = [i for _, r in tc.read_jsonl(WRITTEN) for i in [r["id"]] if tc.shingles(r["text"]) & passages]
    assert repeated == []


@pytest.mark.parametrize("name", ["voa", "written"])
def test_agreement_files_are_score_py_output_with_events_f1_at_least_080(name):
    report = json.loads((TRAINING / f"agreement-{name}.json").read_text(encoding="utf-8"))
    assert len(report["stories"]) >= (20 if name == "voa" else 40)
    assert report["events"]["f1"] >= 0.80
    assert {"people", "organisations", "places", "quotes", "speakers", "dates", "dated_events"} <= set(report)
