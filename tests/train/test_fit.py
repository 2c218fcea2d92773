"""`dyad train` end to end on ten stories written for the tests: five folds drawn from the ids, a model
file that extract and ingest take with --model, and a report with the cross-validated figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from dyad.extract.events.decision import EventModel
from dyad.train.corpus import Labelled
from dyad.train.fit import fit_model

FIXTURE = Path(__file__).parents[1] / "fixtures" / "labelled"


def _row(features: list[str], kind: str | None) -> Labelled:
    labels = {t: int(t == kind) for t in ("SANCTION", "ACCUSE")}
    return Labelled("s", 0, "A", "B", features, labels)


def test_fit_learns_which_features_mean_which_type_and_drops_rare_ones():
    rows = [_row(["expel", "common"], "SANCTION") for _ in range(20)]
    rows += [_row(["condemn", "common"], "ACCUSE") for _ in range(20)] + [_row(["once"], None)]
    model = fit_model(rows, c=1.0, min_count=2)
    assert "once" not in model.features
    sanction, accuse = model.types.index("SANCTION"), model.types.index("ACCUSE")
    probs = model.raw([["expel", "common"], ["condemn", "common"]])
    assert probs[0, sanction] > 0.8 > probs[0, accuse] and probs[1, accuse] > 0.8 > probs[1, sanction]
    assert np.all(probs[:, model.types.index("ASSAULT")] < 0.01)  # never seen: never fires


def test_dyad_train_writes_a_model_and_a_report_that_extract_uses(tmp_path):
    dyad = [sys.executable, "-m", "dyad.cli"]
    out, report = tmp_path / "m.npz", tmp_path / "report.json"
    done = subprocess.run(
        [*dyad, "train", "--no-corpus", "--add", str(FIXTURE), "-o", str(out), "--report", str(report)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "user, cross-validated: events" in done.stderr
    figures = json.loads(report.read_text())
    assert set(figures["overall"]) == {"user"} and len(figures["folds"]) >= 2
    assert figures["counts"]["stories"] == {"user": 10}
    assert EventModel.read(out).types
    story = FIXTURE / "articles.jsonl"
    used = subprocess.run([*dyad, "extract", str(story), "--model", str(out)], capture_output=True, text=True)
    assert used.returncode == 0 and len(used.stdout.splitlines()) == 10


def test_dyad_train_refuses_a_bad_out_name(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "dyad.cli", "train", "--no-corpus", "--add", str(FIXTURE), "-o", str(tmp_path / "m")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == f"dyad: error: --out {tmp_path / 'm'}: a model file ends in .npz"


def test_thresholds_are_chosen_on_a_plateau_not_a_lone_peak():
    from dyad.train.fit import choose_thresholds

    keeps, adds = (0.0, 0.1, 0.2, 0.3, 0.4), (0.3, 0.4, 0.5, 0.6, 0.7)
    grid = {(k, a): {"p": 0.8, "f1": 0.50} for k in keeps for a in adds}
    grid[(0.0, 0.3)]["f1"] = 0.58  # one cell a few events better than its neighbours
    for k in (0.1, 0.2, 0.3):
        for a in (0.4, 0.5, 0.6):
            grid[(k, a)]["f1"] = 0.56  # a broad region nearly as good
    assert choose_thresholds(grid, floor=0.7) == (0.2, 0.5)


def test_thresholds_keep_the_precision_floor_and_fall_back_to_the_rules():
    from dyad.train.fit import choose_thresholds

    grid = {(0.0, a): {"p": p, "f1": f1} for a, p, f1 in ((0.3, 0.6, 0.7), (0.4, 0.75, 0.6), (0.5, 0.8, 0.5))}
    assert choose_thresholds(grid, floor=0.7)[1] in (0.4, 0.5)  # 0.3 has the best F1 but too little precision
    assert choose_thresholds(grid, floor=0.9) == (0.0, 1.01)


def test_a_neighbour_below_the_precision_floor_lends_no_f1():
    from dyad.train.fit import choose_thresholds

    keeps, adds = (0.0, 0.1, 0.2, 0.3), (0.3, 0.4, 0.5, 0.6, 0.7)
    grid = {(k, a): {"p": 0.8, "f1": 0.55} for k in keeps for a in adds}
    for k in keeps:
        grid[(k, 0.3)] = {"p": 0.6, "f1": 0.70}  # more events, too many of them wrong
    good = {(k, a) for k in (0.1, 0.2) for a in (0.5, 0.6)}
    for cell in good:
        grid[cell]["f1"] = 0.56
    assert choose_thresholds(grid, floor=0.7) in good  # not (k, 0.4), beside the column below the floor
