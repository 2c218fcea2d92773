"""The model dyad ships is the one `make train` makes from today's corpus and today's features.

A change to the gold, the written stories, the folds or the features leaves the shipped model behind; these
tests catch it (the remedy is `make train`). The corpus check needs the real stories' texts in ../shared and
skips cleanly without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.extract.events.decision import load_model
from dyad.extract.events.learned import FEATURES_VERSION
from dyad.train.corpus import corpus, digest

ROOT = Path(__file__).parents[2]
SHARED = ROOT.parent / "shared"


def test_a_model_ships_and_loads_once():
    model = load_model(None)
    assert model is not None, "no extract/data/event_model.npz: run make train"
    assert load_model(None) is model
    assert model.meta["features_version"] == FEATURES_VERSION
    assert 0.0 <= model.keep <= model.add <= 1.01
    assert set(model.types) and model.coef.shape == (len(model.types), len(model.features))
    # officials' states are learned with it, and given only where the held-out folds vouch for them
    assert model.nationality is not None and 0.0 < model.nationality.threshold <= 1.0
    assert model.nationality.coef.shape == (len(model.nationality.features),)


@pytest.mark.skipif(not (SHARED / "training" / "articles.jsonl").exists(), reason="needs ../shared/training")
def test_the_shipped_model_learned_from_todays_corpus():
    model = load_model(None)
    assert model is not None
    assert model.meta["corpus"] == digest(corpus(ROOT, SHARED)), "the corpus changed: run make train"
