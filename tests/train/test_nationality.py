"""Training the model of officials' states: examples from the gold, held-out folds, a threshold for precision."""

from __future__ import annotations

from dyad.extract.nationality import Stateless
from dyad.train.corpus import Story
from dyad.train.nationality import Example, examples, fit, same_person, train


def test_the_gold_and_the_found_person_are_matched_by_name():
    assert same_person("Darius Vaitkus", "Darius Vaitkus")
    assert same_person("Vaitkus", "Darius Vaitkus")
    assert same_person("Kim Jong Un", "Jong Un Kim")
    assert same_person("Darius Vaitkus", "D. Vaitkus")
    assert not same_person("Darius Vaitkus", "Ona Vaitkus")
    assert not same_person("", "Darius Vaitkus")


class _P:
    def __init__(self, name: str) -> None:
        self.name = name


def _story(people: list[dict]) -> Story:
    return Story("s1", "text", "2024-01-01", None, {"people": people}, "written", 1)


def test_examples_are_the_stateless_people_the_gold_names():
    story = _story([{"name": "Darius Vaitkus", "country": "LTU"}, {"name": "Ann Lee", "country": None}])
    found = [
        Stateless(_P("Darius Vaitkus"), {"LTU": ["a"], "RUS": ["b"]}),
        Stateless(_P("Ann Lee"), {"LTU": ["a"]}),
        Stateless(_P("Nobody Known"), {"LTU": ["a"]}),  # not in the gold: teaches nothing
        Stateless(_P("Vaitkus"), {}),  # no state named: nothing to choose
    ]
    got = examples(story, 1, found)
    assert [(e.gold, sorted(e.candidates)) for e in got] == [("LTU", ["LTU", "RUS"]), (None, ["LTU"])]


def _examples(n: int) -> list[Example]:
    """People whose state is always the one marked 'cue', over five folds."""
    out = []
    for i in range(n):
        story = Story(f"s{i}", "", None, None, {}, "written", i % 5 + 1)
        right, wrong = ("AAA", "BBB") if i % 2 else ("BBB", "AAA")
        out.append(Example(story, i % 5 + 1, {right: ["cue", "noise"], wrong: ["noise"]}, right))
    return out


def test_a_fitted_model_learns_the_cue_and_prefers_its_state():
    model = fit(_examples(40))
    state, p = model.best({"AAA": ["noise"], "BBB": ["cue", "noise"]})
    assert state == "BBB" and p > 0.5


def test_training_reports_held_out_figures_and_a_threshold_that_keeps_precision():
    model, per_fold, report = train(_examples(60))
    assert set(per_fold) == {1, 2, 3, 4, 5}
    assert all(m.threshold == model.threshold == report["threshold"] for m in per_fold.values())
    held = report["held_out"]["written"]
    assert held["people"] == 60 and held["given"] > 0 and held["right"] >= 0.9 * held["given"]


def test_with_nothing_to_learn_the_model_gives_no_state():
    story = Story("s", "", None, None, {}, "written", 1)
    model = fit([Example(story, 1, {"AAA": ["x"]}, None)])
    assert model.best({"AAA": ["x"]})[1] < model.threshold
