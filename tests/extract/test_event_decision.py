"""The learned event decision: candidates and their features from the parse, the model stored as data, and
what the model's say does to the rules' events (keeps, drops, adds), on texts written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from dyad.api import prepare
from dyad.extract import build_with_context
from dyad.extract.events.decision import EventModel, ModelError, decide, load_model, summarise
from dyad.extract.events.learned import FEATURES_VERSION, candidates
from dyad.nlp.pipeline import load
from dyad.ontology import PLOVER_TYPES
from dyad.sources import Record

TEXT = "Kenya expelled two Somali diplomats on Monday, the foreign ministry said. Somalia condemned the decision."


def _read(text: str = TEXT):
    article = prepare(Record(text=text, origin="test", published="2021-03-02"))
    return build_with_context(load()(article.text), article, model="rules")


def _model(weights: dict[tuple[str, str], float], keep: float = 0.5, add: float = 0.9) -> EventModel:
    """A model that knows only the features given, each with its weight for one type; all else p≈0."""
    names = sorted({f for _, f in weights})
    index = {f: n for n, f in enumerate(names)}
    types = list(PLOVER_TYPES)
    coef = np.zeros((len(types), len(names)))
    for (kind, feature), weight in weights.items():
        coef[types.index(kind), index[feature]] = weight
    return EventModel(
        types,
        index,
        coef,
        np.full(len(types), -10.0),
        (np.array([]), np.array([])),
        keep,
        add,
        {"features_version": FEATURES_VERSION},
    )


def _sides(ctx, event) -> tuple[set, set]:
    return ({ctx.actor(a).country for a in event["sources"]}, {ctx.actor(a).country for a in event["targets"]})


def test_candidates_tie_the_two_sides_through_the_trigger():
    ctx, doc = _read()
    found = {(c.sentence, c.source, c.target): c.features for c in candidates(ctx, doc.quotes, doc.events)}
    assert "trig_type:SANCTION|nsubj|dobj" in found[(0, "KEN", "SOM")]  # Kenya expelled (Somali) diplomats
    assert "rule:SANCTION" in found[(0, "KEN", "SOM")] and "rule_rev:SANCTION" in found[(0, "SOM", "KEN")]
    # the second sentence names Somalia alone: Kenya comes from the sentence before
    assert "how:named|context" in found[(1, "SOM", "KEN")]


def test_a_model_that_upholds_nothing_drops_the_rules_scored_events():
    ctx, doc = _read()
    events = decide(ctx, doc.quotes, doc.dates, doc.places, "2021-03-02", doc.events, _model({}))
    assert not any(e["type"] == "SANCTION" for e in events)


def test_a_text_shorter_than_every_story_the_model_learned_from_keeps_the_rules_events():
    """A lone sentence is outside what the model learned (stories of at least min_sentences sentences)."""
    ctx, doc = _read("Kenya expelled two Somali diplomats on Monday.")
    model = _model({})
    model.meta["min_sentences"] = 3
    events = decide(ctx, doc.quotes, doc.dates, doc.places, "2021-03-02", doc.events, model)
    assert events == doc.events and any(e["type"] == "SANCTION" for e in events)
    model.meta["min_sentences"] = 1
    events = decide(ctx, doc.quotes, doc.dates, doc.places, "2021-03-02", doc.events, model)
    assert not any(e["type"] == "SANCTION" for e in events)


def test_a_model_keeps_what_it_upholds_with_its_probability_and_adds_what_the_rules_missed():
    ctx, doc = _read()
    model = _model({("SANCTION", "rule:SANCTION"): 20.0, ("ACCUSE", "one:src|ACCUSE|nsubj|none"): 20.0})
    events = decide(ctx, doc.quotes, doc.dates, doc.places, "2021-03-02", doc.events, model)
    sanction = next(e for e in events if e["type"] == "SANCTION")
    assert _sides(ctx, sanction) == ({"KEN"}, {"SOM"}) and sanction["confidence"] == 1.0
    accuse = next(e for e in events if e["type"] == "ACCUSE" and e["targets"])
    assert _sides(ctx, accuse) == ({"SOM"}, {"KEN"}) and accuse["modality"] == "actual"
    assert accuse["cameo"] == "111" and accuse["evidence"][0]["start"] > 0  # the second sentence
    assert [e["id"] for e in events] == [f"E{n}" for n in range(1, len(events) + 1)]


def test_hypothetical_events_pass_through_whatever_the_model_says():
    ctx, doc = _read("Kenya could expel two Somali diplomats, the foreign ministry said.")
    assert any(e["modality"] != "actual" for e in doc.events)
    events = decide(ctx, doc.quotes, doc.dates, doc.places, "2021-03-02", doc.events, _model({}))
    assert [e for e in events if e["modality"] != "actual"] == [e for e in doc.events if e["modality"] != "actual"]


def test_a_model_is_data_it_reads_back_the_same(tmp_path):
    model = _model({("SANCTION", "rule:SANCTION"): 2.5}, keep=0.1, add=0.7)
    model.calibration = (np.array([0.0, 0.5, 1.0]), np.array([0.0, 0.4, 0.9]))
    path = tmp_path / "m.npz"
    model.save(path)
    back = EventModel.read(path)
    assert back.types == model.types and back.features == model.features
    assert (back.keep, back.add) == pytest.approx((0.1, 0.7))
    rows = [["rule:SANCTION"], ["nothing"]]
    assert np.allclose(back.raw(rows), model.raw(rows), atol=1e-6)
    assert back.calibrated(np.array([0.5]))[0] == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such model file"), (b"not a zip", "not a .npz file dyad wrote"), ("other", "format 'other'")],
)
def test_a_bad_model_file_is_one_line_naming_it(tmp_path, content, message):
    path = tmp_path / "bad.npz"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        np.savez(path, format=np.array(content))
    with pytest.raises(ModelError) as caught:
        EventModel.read(path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_rules_means_no_model():
    assert load_model("rules") is None


def test_a_model_of_other_features_is_refused_by_name(tmp_path):
    model = _model({})
    model.meta = {"features_version": FEATURES_VERSION - 1}
    path = tmp_path / "old.npz"
    model.save(path)
    with pytest.raises(ModelError) as caught:
        EventModel.read(path)
    assert str(caught.value).startswith(str(path)) and "dyad train" in str(caught.value)
    model.meta = {"features_version": FEATURES_VERSION}
    model.save(path)
    assert EventModel.read(path).meta == model.meta


def test_the_second_stage_summarises_every_candidate_of_a_triple():
    from dyad.extract.events.decision import FLOOR, SUMMARY, summarise, summary_names
    from dyad.extract.events.learned import Candidate

    types = ["ACCUSE", "SANCTION"]
    cands = [
        Candidate(0, "USA", "RUS", ["how:named|named", "rule:ACCUSE"], ruled=frozenset({"ACCUSE"}), named=True,
                  sides_named=frozenset({"USA", "RUS"})),
        Candidate(3, "USA", "RUS", ["how:context|named"], sides_named=frozenset({"RUS"})),
        Candidate(4, "RUS", "USA", ["how:named|named"], named=True, sides_named=frozenset({"USA", "RUS"})),
    ]  # fmt: skip
    raw = np.array([[0.6, 0.01], [0.5, 0.02], [0.01, 0.01]])
    summary = summarise(types, cands, raw)
    names = summary_names(types)
    vector, best = summary[("ACCUSE", "USA", "RUS")]
    got = dict(zip(names, vector, strict=True))
    assert best is cands[0]
    assert got["max"] == 0.6 and got["second"] == 0.5 and got["noisy_or"] == pytest.approx(1 - 0.4 * 0.5)
    assert got["strong"] == 2 and got["lede"] == got["rule"] == got["named"] == 1.0
    assert got["type:ACCUSE"] == 1.0 and got["type:SANCTION"] == 0.0
    # the story's main pair, named together in two of its five sentences; the only ACCUSE triple it scores
    assert got["main_pair"] == got["has_main"] == 0.6 and got["minor_side"] == 0.0
    assert got["pair_sentences"] == pytest.approx(np.log(3)) and got["pair_share"] == pytest.approx(2 / 5)
    assert got["type_rank"] == 0.0
    assert got["sides"] == pytest.approx(np.log(2))
    assert len(vector) == len(SUMMARY) + len(types)
    assert summary[("ACCUSE", "RUS", "USA")][0] is None  # below FLOOR: the model says no without a second look
    assert FLOOR > 0.01


def test_the_second_stage_sets_a_triple_against_the_story_s_others():
    """A side named once, in a sentence that says more about two others, is not the story's main pair, and
    its triple ranks below the one the sentence is about."""
    from dyad.extract.events.decision import summarise, summary_names
    from dyad.extract.events.learned import Candidate

    types = ["ACCUSE"]
    both = frozenset({"USA", "RUS"})
    cands = [
        Candidate(0, "USA", "RUS", [], named=True, sides_named=both),
        Candidate(1, "USA", "RUS", [], named=True, sides_named=both),
        Candidate(1, "USA", "FRA", [], named=True, sides_named=frozenset({"USA", "FRA"})),
        Candidate(2, "USA", "RUS", [], sides_named=frozenset({"USA"})),
    ]
    summary = summarise(types, cands, np.array([[0.9], [0.4], [0.3], [0.1]]), sentences=10)
    names = summary_names(types)
    main = dict(zip(names, summary[("ACCUSE", "USA", "RUS")][0], strict=True))
    aside = dict(zip(names, summary[("ACCUSE", "USA", "FRA")][0], strict=True))
    assert main["main_pair"] == 0.9 and aside["main_pair"] == 0.0 and aside["has_main"] == 0.3
    assert main["pair_share"] == pytest.approx(0.2) and aside["pair_share"] == pytest.approx(0.1)
    assert main["type_rank"] == 0.0 and aside["type_rank"] == pytest.approx(np.log(2))


def test_a_second_stage_weighs_the_summary_and_is_saved_with_the_model(tmp_path):
    model = _model({("SANCTION", "rule:SANCTION"): 2.5}, keep=0.1, add=0.7)
    from dyad.extract.events.decision import summary_names

    names = summary_names(model.types)
    model.triple_coef = np.zeros(len(names))
    model.triple_coef[names.index("rule")] = 8.0
    model.triple_intercept = -4.0
    path = tmp_path / "staged.npz"
    model.save(path)
    back = EventModel.read(path)
    assert back.triple_coef[names.index("rule")] == pytest.approx(8.0) and back.triple_intercept == pytest.approx(-4.0)


def test_each_groups_best_candidate_is_the_first_of_its_highest():
    from dyad.extract.events.decision import _tops

    raw = np.array([[0.2, 0.7], [0.9, 0.7], [0.9, 0.1], [0.3, 0.4]])
    groups = [[0, 1, 2], [3], [0, 3]]
    tops, firsts = _tops(raw, groups)
    for n, group in enumerate(groups):
        assert np.array_equal(tops[n], raw[group].max(axis=0))
        assert np.array_equal(firsts[n], raw[group].argmax(axis=0))  # ties: the first row, as argmax
    assert firsts[0].tolist() == [1, 0]


def test_the_rules_and_the_features_read_the_same_trigger_entries():
    from dyad.extract.events.learned import readings
    from dyad.extract.events.triggers import candidates as trigger_candidates
    from dyad.extract.events.triggers import entries, entry_for, trigger_words

    ctx, _ = _read()
    doc = ctx.doc
    expected = {i: entry_for(doc[i]) for i in trigger_candidates(doc, trigger_words())}
    assert entries(ctx) == {i: e for i, e in expected.items() if e is not None}
    assert entries(ctx) is entries(ctx)  # worked out once for the document
    assert readings(ctx)[1] == "SANCTION"  # "expelled"


def test_a_story_with_no_candidates_summarises_to_nothing():
    """dyad train scores every story of a fold, some of which name no pair of sides at all."""
    assert summarise(list(PLOVER_TYPES), [], np.zeros((0, 0))) == {}


def test_the_first_stage_sums_each_rows_known_features_once_in_order_bit_for_bit():
    """raw() adds every row's weights in one go; the sum must be the one a row at a time makes (intercept, then
    each distinct known feature in the order given), to the last bit: a retrained model's second stage moves by
    a rounding step otherwise."""
    rng = np.random.default_rng(7)
    names = [f"f{n}" for n in range(50)]
    types = list(PLOVER_TYPES)
    coef = rng.standard_normal((len(types), len(names))) * 10.0 ** rng.integers(-6, 2, (len(types), len(names)))
    model = EventModel(
        types, {f: n for n, f in enumerate(names)}, coef, rng.standard_normal(len(types)),
        (np.array([]), np.array([])), 0.5, 0.9, {},
    )  # fmt: skip
    rows = [[names[k] for k in rng.integers(0, 50, rng.integers(0, 80))] + ["unknown"] for _ in range(40)]
    rows += [[], ["unknown"], [names[3], names[3], names[1]]]
    expected = np.empty((len(rows), len(types)))
    for r, row in enumerate(rows):
        total = model.intercept.copy()
        for feature in dict.fromkeys(row):
            if feature in model.features:
                total = total + coef[:, model.features[feature]]
        expected[r] = 1.0 / (1.0 + np.exp(-total))
    assert np.array_equal(model.raw(rows), expected)
    assert model.raw([]).shape == (0, len(types))


def test_scores_give_each_triple_below_the_floor_the_calibration_of_nothing():
    """scores() leaves out the stages' work for the triples no candidate makes likely: each still gets the
    probability that ``staged`` then ``calibrated`` would give it."""
    from dyad.extract.events.decision import scores, staged

    ctx, out = _read()
    model = _model({("SANCTION", "top:expel"): 12.0})
    model.calibration = (np.array([0.0, 0.5, 1.0]), np.array([0.02, 0.4, 0.9]))
    cands = candidates(ctx, out.quotes, out.events)
    summary = summarise(model.types, cands, model.raw([c.features for c in cands]), len(ctx.sentences))
    found = staged(summary, model.triple_coef, model.triple_intercept)
    probs = model.calibrated(np.array([p for p, _ in found.values()]))
    expected = {key: (float(p), cand) for (key, (_, cand)), p in zip(found.items(), probs, strict=True)}
    got = scores(model, cands, len(ctx.sentences))
    assert list(got) == list(expected) and got == expected
    assert any(p == 0.02 for p, _ in got.values()) and any(p > 0.4 for p, _ in got.values())
