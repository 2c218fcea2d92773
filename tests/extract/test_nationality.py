"""The learned states of officials the text names without one (``extract.nationality``)."""

from __future__ import annotations

import numpy as np
import pytest

from dyad import kb
from dyad.api import prepare
from dyad.extract import build_with_context
from dyad.extract.nationality import FEATURES_VERSION, NationalityModel, name_features
from dyad.nlp.pipeline import load
from dyad.sources import Record

TEXT = (
    "Lithuania accused Moscow of using food safety as a weapon. "
    '"Nobody believes this," Foreign Minister Darius Vaitkus said on Tuesday. '
    "Russia denied it."
)


def _model(weights: dict[str, float], intercept: float = -3.0, threshold: float = 0.5) -> NationalityModel:
    names = sorted(weights)
    return NationalityModel(
        {n: i for i, n in enumerate(names)},
        np.array([weights[n] for n in names]),
        intercept,
        threshold,
        {"features_version": FEATURES_VERSION},
    )


def _read(text: str, model: NationalityModel | None):
    article = prepare(Record(text=text, origin="text", id="t", published="2024-05-07"))
    return build_with_context(load()(text), article, model="rules", nationality=model)[0]


def _person(ctx, name: str):
    return next(a for a in ctx.actors if a.kind == "person" and a.name == name)


def test_without_a_model_the_official_keeps_no_state_and_is_offered_the_texts_states():
    ctx = _read(TEXT, None)
    assert _person(ctx, "Darius Vaitkus").country is None
    (item,) = ctx.stateless
    assert set(item.candidates) == {"LTU", "RUS"}
    # the sentence before is about Lithuania (its subject), not about Russia (named as its capital's object)
    assert "prev_subj" in item.candidates["LTU"] and "prev_subj" not in item.candidates["RUS"]


def test_the_model_gives_the_likeliest_state_when_it_reaches_the_threshold():
    sure = _model({"prev_subj": 5.0})
    assert _person(_read(TEXT, sure), "Darius Vaitkus").country == "LTU"
    unsure = _model({"prev_subj": 5.0}, threshold=0.99)
    assert _person(_read(TEXT, unsure), "Darius Vaitkus").country is None


def test_people_without_a_states_office_are_not_asked():
    text = 'Lithuania accused Moscow of using food as a weapon. "Nobody believes it," said Ona Vaitkute, a farmer.'
    ctx = _read(text, _model({"prev_subj": 5.0}))
    assert _person(ctx, "Ona Vaitkute").country is None
    assert ctx.stateless == []


def test_the_names_of_the_tables_office_holders_are_evidence_of_a_state():
    evidence = dict(kb.name_evidence("Hiroshi Tanabe"))
    assert max(evidence["given"], key=evidence["given"].get) == "JPN"
    assert "given_top" in name_features("Hiroshi Tanabe", "JPN")
    assert "given_share=0" in name_features("Hiroshi Tanabe", "RUS")
    assert name_features("", "RUS") == []


def test_a_model_is_stored_as_arrays_and_read_back():
    model = _model({"prev_subj": 5.0, "own": -1.0}, threshold=0.4)
    back = NationalityModel.from_arrays(model.arrays())
    assert back is not None and back.threshold == pytest.approx(0.4) and back.features == model.features
    assert back.probability(["prev_subj", "unknown"]) == pytest.approx(model.probability(["prev_subj"]), abs=1e-6)
    stale = {**model.arrays(), "nationality_meta": np.array('{"features_version": 0}')}
    assert NationalityModel.from_arrays(stale) is None  # features that no longer mean the same: not applied
    assert NationalityModel.from_arrays({}) is None


def test_ties_between_states_fall_the_same_way_every_time():
    model = _model({})
    assert model.best({"RUS": ["x"], "LTU": ["y"]})[0] == "LTU"


def test_the_rules_alone_give_no_learned_state(monkeypatch):
    import dyad

    monkeypatch.setenv("DYAD_MODEL", "rules")
    doc = dyad.extract(TEXT, published="2024-05-07")
    assert next(a for a in doc.actors if a.name == "Darius Vaitkus").country is None


def test_the_shipped_model_gives_an_official_the_state_the_story_ties_them_to():
    import dyad

    doc = dyad.extract(TEXT, published="2024-05-07")
    assert next(a for a in doc.actors if a.name == "Darius Vaitkus").country == "LTU"
