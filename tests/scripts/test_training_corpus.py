"""scripts/training_corpus.py on small stories and gold written here: the checks that keep the corpus's gold
verbatim and its codes real, the folds, and agreement scored by score.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("training_corpus", ROOT / "scripts" / "training_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["training_corpus"] = module
    spec.loader.exec_module(module)
    return module


tc = _load_script()

STORY = (
    "ACCRA, May 4 — Ghana on Tuesday expelled two Togolese diplomats, Foreign Minister Ama Boateng said. "
    '"We will not accept interference in our affairs," Boateng told reporters in Accra.'
)


def _gold(**changes) -> dict:
    gold = {
        "people": [{"name": "Ama Boateng", "title": "Foreign Minister", "country": "GHA"}],
        "organisations": [],
        "places": [{"name": "Accra", "country": "GHA"}],
        "quotes": [{"speaker": "Ama Boateng", "text_start": "We will not accept interference in our"}],
        "dates": [{"text": "Tuesday", "value": "2021-05-04"}],
        "events": [
            {
                "source": "GHA",
                "type": "SANCTION",
                "target": "TGO",
                "date": "2021-05-04",
                "evidence": "Ghana on Tuesday expelled two Togolese diplomats",
                "optional": False,
            }
        ],
    }
    gold.update(changes)
    return gold


def test_good_gold_has_no_problems():
    assert tc.gold_problems(_gold(), STORY, tc.codes()) == []


@pytest.mark.parametrize(
    ("event_change", "problem"),
    [
        ({"evidence": "Ghana expelled two diplomats"}, "evidence not verbatim"),
        ({"source": "GHN"}, "not an ISO3 code"),
        ({"target": "GHA"}, "source and target are both GHA"),
        ({"type": "EXPEL"}, "not a PLOVER type"),
        ({"date": "4 May 2021"}, "is not null or a date value"),
        ({"optional": "no"}, "optional is not true or false"),
    ],
)
def test_each_wrong_event_is_named(event_change, problem):
    event = {**_gold()["events"][0], **event_change}
    problems = tc.gold_problems(_gold(events=[event]), STORY, tc.codes())
    assert len(problems) == 1 and problem in problems[0]


def test_quotes_and_dates_must_be_verbatim():
    gold = _gold(
        quotes=[{"speaker": "Ama Boateng", "text_start": "We shall not accept"}],
        dates=[{"text": "on Tuesday last", "value": "2021-05"}],
    )
    problems = tc.gold_problems(gold, STORY, tc.codes())
    assert [p.split(":")[0] for p in problems] == ["quotes[0]", "dates[0]"]


def test_a_missing_list_is_named():
    gold = _gold()
    del gold["places"]
    assert tc.gold_problems(gold, STORY, tc.codes()) == ["places: missing or not a list"]


def _written(**changes) -> dict:
    filler = " The two neighbours have quarrelled over trade and borders for several years, officials said." * 12
    record = {
        "id": "t-001",
        "family": "t-f01",
        "style": "wire",
        "region": "Africa",
        "published": "2021-05-05",
        "title": "Ghana expels Togolese diplomats",
        "text": STORY + filler,
        "plan": {
            "events": [{**_gold()["events"][0], "construction": ["active", "relative-date"]}],
            "negatives": [{"kind": "refusal", "evidence": "We will not accept interference", "note": "a quote"}],
        },
        "gold": {k: v for k, v in _gold().items() if k != "events"},
    }
    record.update(changes)
    return record


def test_a_written_record_becomes_gold_with_its_plans_events():
    record = _written()
    assert tc.written_problems(record, tc.codes()) == []
    gold = tc.written_gold(record)
    assert gold["events"] == _gold()["events"] and list(gold) == list(tc.GOLD_KEYS)


def test_written_records_are_checked_for_length_style_and_date():
    record = _written(text=STORY, style="tabloid", published="2009-12-31")
    problems = tc.written_problems(record, tc.codes())
    assert any("words (150-400)" in p for p in problems)
    assert any("style 'tabloid'" in p for p in problems)
    assert any("not a day of 2010-2026" in p for p in problems)


def test_a_repeated_passage_is_found(tmp_path):
    (tmp_path / "eval").mkdir()
    borrowed = "the ministry said the talks had been frank and useful and would continue next month in the capital"
    (tmp_path / "eval" / "texts.jsonl").write_text(json.dumps({"text": "Earlier, " + borrowed}) + "\n")
    part = tmp_path / "part.jsonl"
    record = _written()
    record["text"] += " In a statement, " + borrowed + "."
    part.write_text(json.dumps(record) + "\n")
    problems = tc.check_written([part], shared=tmp_path)
    assert len(problems) == 1 and "repeats a passage" in problems[0]
    part.write_text(json.dumps(_written()) + "\n")
    assert tc.check_written([part], shared=tmp_path) == []


def test_folds_keep_a_family_together_and_balance_each_region():
    stories = [
        {
            "id": f"w-{n:03d}",
            "set": "written",
            "region": "Africa" if n % 2 else "Americas",
            "year": str(2010 + n % 15),
            "group": f"f{n // 3}",
        }
        for n in range(60)
    ]
    folds = tc.assign_folds(stories, k=5)
    assert set(folds) == {s["id"] for s in stories}
    for group in {s["group"] for s in stories}:
        assert len({folds[s["id"]] for s in stories if s["group"] == group}) == 1
    for region in ("Africa", "Americas"):
        sizes = [sum(1 for s in stories if s["region"] == region and folds[s["id"]] == f) for f in range(1, 6)]
        assert max(sizes) - min(sizes) <= 3  # a family is up to 3 stories
    assert tc.assign_folds(list(reversed(stories)), k=5) == folds


@pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval is not here")
def test_agreement_of_an_annotation_with_itself_is_perfect_and_a_changed_one_is_not(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "s1.json").write_text(json.dumps(_gold()))
    (second / "s1.json").write_text(json.dumps(_gold()))
    texts = {"s1": {"id": "s1", "text": STORY}}
    report = tc.agreement(first, second, texts, tmp_path / "same.json")
    assert report["events"]["f1"] == 1.0 and report["quotes"]["f1"] == 1.0 and report["stories"] == ["s1"]
    changed = _gold()
    changed["events"][0]["type"] = "COERCE"
    (second / "s1.json").write_text(json.dumps(changed))
    report = tc.agreement(first, second, texts, tmp_path / "changed.json")
    assert report["events"]["f1"] == 0.0 and report["people"]["f1"] == 1.0
