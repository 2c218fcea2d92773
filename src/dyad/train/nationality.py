"""Fit the model of people's states (``extract.nationality``) on the labelled corpus, cross-validated by folds.

Every person the rules leave without a state, in every story, is an example: each state the story names is
a candidate, right when the gold gives the person that state. A person the gold names without a state (a
journalist, an official of an international body) teaches the model to leave such people alone; people the
gold does not name at all teach nothing. For each fold a model is fitted on the other folds and asked about
the fold's people, so that every figure of the report, and the threshold, comes from stories the model did
not see; the threshold is the lowest whose held-out states are right at least ``PRECISION`` of the time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from dyad import kb
from dyad.extract.nationality import FEATURES_VERSION, NationalityModel, Stateless
from dyad.train.corpus import Story

C = 0.3  # inverse regularisation (liblinear)
MIN_COUNT = 2  # a feature seen in fewer candidates is left out
PRECISION = 0.9  # a state the model gives must be right this often on held-out stories
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


@dataclass
class Example:
    """One stateless person of one story, with the state the gold gives them (None: no state)."""

    story: Story
    fold: int
    candidates: dict[str, list[str]]
    gold: str | None


def _words(name: str) -> list[str]:
    return kb.fold(name).split()


def same_person(gold: str, found: str) -> bool:
    """The gold's person and the one dyad found: the same words in any order, or the same family name with
    the same initial, or one of the two a single word that is the other's first or last."""
    a, b = _words(gold), _words(found)
    if not a or not b:
        return False
    if sorted(a) == sorted(b):
        return True
    if len(a) == 1 or len(b) == 1:
        one, many = (a, b) if len(a) == 1 else (b, a)
        return one[0] in (many[0], many[-1])
    return a[-1] == b[-1] and a[0][:1] == b[0][:1]


def examples(story: Story, fold: int, stateless: list[Stateless]) -> list[Example]:
    """The story's stateless people that the gold names, each with the gold's state for them."""
    people = story.gold.get("people", [])
    out = []
    for item in stateless:
        if not item.candidates:
            continue
        match = next((g for g in people if same_person(g.get("name", ""), item.person.name)), None)
        if match is not None:
            out.append(Example(story, fold, item.candidates, match.get("country")))
    return out


def fit(items: list[Example], c: float = C, min_count: int = MIN_COUNT) -> NationalityModel:
    """One logistic regression over every (person, candidate state), right or not."""
    from collections import Counter

    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = [(features, int(state == e.gold)) for e in items for state, features in sorted(e.candidates.items())]
    counts = Counter(f for features, _ in rows for f in set(features))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: n for n, f in enumerate(names)}
    indptr, cols = [0], []
    for features, _ in rows:
        cols += sorted({index[f] for f in features if f in index})
        indptr.append(len(cols))
    matrix = csr_matrix(
        (np.ones(len(cols)), np.array(cols, dtype=np.int32), np.array(indptr, dtype=np.int32)),
        shape=(len(rows), len(names)),
    )
    truth = np.array([y for _, y in rows])
    meta = {"c": c, "min_count": min_count, "features_version": FEATURES_VERSION, "examples": len(items)}
    if len(set(truth.tolist())) < 2:
        return NationalityModel(index, np.zeros(len(names)), -10.0, 1.01, meta)
    model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=0).fit(matrix, truth)
    return NationalityModel(index, model.coef_[0].astype(np.float64), float(model.intercept_[0]), 1.01, meta)


def _tally(items: list[tuple[Example, str | None, float]], threshold: float) -> dict[str, int]:
    given = [(e, state) for e, state, p in items if state is not None and p >= threshold]
    return {
        "people": len(items),
        "with_state": sum(1 for e, _, _ in items if e.gold),
        "given": len(given),
        "right": sum(1 for e, state in given if state == e.gold),
    }


def _precise(counts: dict[str, int]) -> bool:
    """Whether the states given are right at least ``PRECISION`` of the time (none given: nothing wrong)."""
    return counts["given"] == 0 or counts["right"] >= PRECISION * counts["given"]


def train(
    items: list[Example], say: Callable[[str], None] = lambda _: None
) -> tuple[NationalityModel, dict[int, NationalityModel], dict[str, Any]]:
    """The model fitted on everything (with the threshold chosen on held-out folds), the model of each fold
    (fitted without it), and the report: per set, how many held-out people got a state and how many of those
    states were right."""
    folds = sorted({e.fold for e in items})
    per_fold: dict[int, NationalityModel] = {}
    held: list[tuple[Example, str | None, float]] = []
    for k in folds:
        model = per_fold[k] = fit([e for e in items if e.fold != k])
        held += [(e, *model.best(e.candidates)) for e in items if e.fold == k]
    threshold = next((t for t in THRESHOLDS if _precise(_tally(held, t))), 1.01)
    for model in per_fold.values():
        model.threshold = threshold
    final = fit(items)
    final.threshold = threshold
    sets = sorted({e.story.set for e in items})
    report = {
        "threshold": threshold,
        "precision_floor": PRECISION,
        "held_out": {name: _tally([h for h in held if h[0].story.set == name], threshold) for name in sets},
        "grid": [{"threshold": t, **_tally(held, t)} for t in THRESHOLDS],
        "features": len(final.features),
    }
    say(f"officials' states: threshold {threshold}, held out: " + ", ".join(
        f"{name} {c['right']}/{c['given']} right of {c['people']} officials" for name, c in report["held_out"].items()
    ))  # fmt: skip
    return final, per_fold, report
