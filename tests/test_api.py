"""The Python API."""

from __future__ import annotations

import pytest

import dyad
from dyad.errors import InputError, NotEnglishError
from dyad.sources import InputProblem, Record


def test_extract_returns_a_document():
    doc = dyad.extract("Russian President Vladimir Putin arrived in Pyongyang.", published="2024-06-19", title="Visit")
    assert doc.article.title == "Visit" and doc.article.published == "2024-06-19"
    assert doc.article.extractor == f"dyad {dyad.__version__}"
    [visit] = doc.events
    assert (visit["type"], visit["mode"], visit["modality"]) == ("CONSULT", "visit", "actual")


def test_extract_many_keeps_order_and_reports_problems():
    records = [
        Record(text="Putin met Kim.", origin="a", id="a"),
        Record(text="   ", origin="b"),
        Record(
            text="Le président est arrivé à Paris mercredi pour des entretiens avec ses homologues européens.",
            origin="c",
        ),
        "Xi Jinping visited Moscow.",
    ]
    out = list(dyad.extract_many(records, batch_size=2))
    assert [type(o).__name__ for o in out] == ["Document", "InputProblem", "InputProblem", "Document"]
    assert out[0].article.id == "a"
    assert isinstance(out[1], InputProblem) and out[1].origin == "b"
    assert "not English" in out[2].message


def test_extract_many_matches_extract():
    texts = ["Putin met Kim in Pyongyang on Wednesday.", "Blinken said the talks were useful."]
    batch = [d.to_dict() for d in dyad.extract_many(texts)]
    single = [dyad.extract(t).to_dict() for t in texts]
    assert batch == single


def test_bad_input_raises_clear_errors():
    with pytest.raises(InputError, match="empty"):
        dyad.extract("")
    with pytest.raises(NotEnglishError, match="not English"):
        dyad.extract("Der russische Präsident ist am Mittwoch in Pjöngjang angekommen, meldeten die Agenturen.")


def test_a_failing_extractor_costs_one_article_not_the_batch(monkeypatch):
    import importlib

    extract = importlib.import_module("dyad.extract")  # the package, not the dyad.extract function

    def broken(ctx, out):
        if "boom" in ctx.text:
            raise ValueError("boom")

    monkeypatch.setattr(extract, "PIPELINE", (*extract.PIPELINE, ("broken", broken)))
    out = list(dyad.extract_many(["Putin met Kim.", "The boom came.", "Xi met Lula."]))
    assert [type(o).__name__ for o in out] == ["Document", "InputProblem", "Document"]
    assert out[1].message == "extraction failed (ValueError: boom)"
