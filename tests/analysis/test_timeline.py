"""Timelines: periods at each grain, coarse dates kept out of finer periods (and counted), scores summed."""

from __future__ import annotations

import pytest

import dyad
from dyad.analysis import timeline
from dyad.analysis.timeline import period_of, period_start

ROWS = [
    ("2024-06-19", "CONSULT", "verbal_cooperation", 1.9, "PRK", "RUS"),
    ("2024-06-20", "SUPPORT", "verbal_cooperation", 3.4, "RUS", "PRK"),
    ("2024-06-24", "ASSAULT", "material_conflict", -10.0, "RUS", "PRK"),
    ("2024-06", "AID", "material_cooperation", 7.0, "RUS", "PRK"),
    ("2024", "ACCUSE", "verbal_conflict", -2.0, "PRK", "RUS"),
    (None, "CONSULT", "verbal_cooperation", 1.0, "PRK", "RUS"),
]


@pytest.mark.parametrize(
    ("value", "by", "period"),
    [
        ("2024-06-19", "day", "2024-06-19"),
        ("2024-06-19", "week", "2024-W25"),
        ("2024-12-30", "week", "2025-W01"),  # ISO weeks cross years
        ("2024-06-19", "month", "2024-06"),
        ("2024-06-19", "year", "2024"),
        ("2024-06", "month", "2024-06"),
        ("2024-06", "week", None),
        ("2024-06", "day", None),
        ("2024", "month", None),
        ("2024-W25", "week", "2024-W25"),
        ("2024-W25", "month", None),
        ("2024-W25", "year", "2024"),
    ],
)
def test_period_of(value, by, period):
    assert period_of(value, by) == period


@pytest.mark.parametrize(
    ("period", "start"),
    [
        ("2024-06-19", "2024-06-19"),
        ("2024-W25", "2024-06-17"),
        ("2025-W01", "2024-12-30"),
        ("2024-06", "2024-06-01"),
        ("2019", "2019-01-01"),
    ],
)
def test_each_period_starts_on_a_day_so_charts_can_place_it_on_a_time_axis(period, start):
    assert period_start(period) == start


def test_monthly_timeline_counts_types_quads_and_score():
    result = timeline(ROWS, "PRK", "RUS", by="month")
    [june] = result.periods
    assert (june.period, june.events) == ("2024-06", 4)
    assert june.to_dict()["types"] == {"AID": 1, "ASSAULT": 1, "CONSULT": 1, "SUPPORT": 1}
    assert june.to_dict()["quads"] == {
        "verbal_cooperation": 2,
        "material_cooperation": 1,
        "verbal_conflict": 0,
        "material_conflict": 1,
    }
    assert june.goldstein == pytest.approx(1.9 + 3.4 - 10.0 + 7.0)
    assert (result.too_coarse, result.undated) == (1, 1)


def test_weekly_and_yearly_timelines():
    weekly = timeline(ROWS, "PRK", "RUS", by="week")
    assert [(p.period, p.events) for p in weekly.periods] == [("2024-W25", 2), ("2024-W26", 1)]
    assert weekly.too_coarse == 2
    yearly = timeline(ROWS, "PRK", "RUS", by="year")
    assert [(p.period, p.events) for p in yearly.periods] == [("2024", 5)]


def test_an_unknown_grain_is_refused():
    with pytest.raises(ValueError, match="--by must be one of"):
        timeline(ROWS, "PRK", "RUS", by="fortnight")


GRAINS_TEXTS = [
    ("Russia accused North Korea of violating the deal on Monday.", "2024-06-17"),
    ("Russia accused North Korea of breaking the deal on Monday, officials said.", "2023-02-20"),
    ("Russia accused North Korea of breaking the deal last week.", "2023-02-22"),
    ("Russia and North Korea signed a treaty in March 2022.", "2022-05-01"),
    ("North Korea praised Russia in 2021.", "2022-01-10"),
    ("Russian forces attacked North Korean positions on Tuesday.", "2024-06-18"),
]


def test_rows_counted_by_the_store_give_the_same_timeline_as_one_row_per_event(tmp_path):
    from dyad.ingest import ingest
    from dyad.sources import read_paths
    from dyad.store import Store
    from tests.conftest import FIXTURES

    with Store(str(tmp_path / "dyad.db")) as store:
        ingest(read_paths([str(FIXTURES / "visits.jsonl")]), store)
        store.write(
            [
                # the same pair at every grain, twice on one day: counted rows must add up like single ones
                dyad.extract(text, published=day, id=f"grain-{n}")
                for n, (text, day) in enumerate(GRAINS_TEXTS)
            ]
        )
        for by in ("day", "week", "month", "year"):
            for directed in (False, True):
                one_each = timeline(store.dyad_events("RUS", "PRK", directed), "RUS", "PRK", by, directed)
                counted = timeline(store.dyad_periods("RUS", "PRK", by, directed), "RUS", "PRK", by, directed)
                assert counted.to_dict() == one_each.to_dict(), (by, directed)
