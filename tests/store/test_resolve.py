"""The store's pure rules: actor keys, dyad pairs, date precision."""

from __future__ import annotations

import pytest

from dyad.store.resolve import actor_key, coarser, norm, pairs, party, precision


def test_names_fold_case_accents_and_spacing():
    assert norm("Mevlüt  Çavuşoğlu") == norm("mevlut cavusoglu")
    assert actor_key("person", "Mevlüt Çavuşoğlu", "TUR") == actor_key("person", "Mevlut Cavusoglu", None)
    assert actor_key("state", "Russia", "RUS") == "state:RUS"
    assert actor_key("organization", "Foreign Ministry", "RUS") != actor_key("organization", "Foreign Ministry", "CHN")


def test_party_is_a_state_or_an_international_body():
    assert party("RUS", "RUSGOV") == "RUS"
    assert party(None, "IGOUNO") == "IGOUNO"
    assert party(None, "---GOV") is None


@pytest.mark.parametrize(
    ("kind", "sources", "targets", "expected"),
    [
        ("ACCUSE", ["RUS", "CHN"], ["USA"], [("CHN", "USA"), ("RUS", "USA")]),
        ("ACCUSE", ["RUS", "RUS"], ["USA", None], [("RUS", "USA")]),
        ("SUPPORT", ["RUS"], ["RUS", "PRK"], [("RUS", "PRK")]),  # Putin with his country: not RUS->RUS too
        ("COERCE", ["RUS"], ["RUS"], [("RUS", "RUS")]),  # a government on its own people
        ("COERCE", ["RUS"], [], [("RUS", None)]),
        ("COERCE", [None], ["UKR"], [(None, "UKR")]),
        ("ASSAULT", [], [], [(None, None)]),
        ("CONSULT", ["RUS"], ["PRK"], [("PRK", "RUS")]),  # unordered: code order
        ("CONSULT", ["PRK"], ["RUS"], [("PRK", "RUS")]),
        ("CONSULT", ["USA", "JPN"], ["KOR"], [("JPN", "KOR"), ("JPN", "USA"), ("KOR", "USA")]),
        ("AGREE", ["VNM"], ["RUS"], [("RUS", "VNM")]),
    ],
)
def test_pairs(kind, sources, targets, expected):
    assert pairs(kind, sources, targets) == expected


def test_precision_and_coarser():
    assert [precision(d) for d in ("2024", "2024-06", "2024-06-19", "2024-W25", None)] == [
        "year",
        "month",
        "day",
        "week",
        None,
    ]
    assert coarser("2024-06", "2024-06-19") and coarser("2024", "2024-06")
    assert not coarser("2024-06", "2024-07-01") and not coarser("2024", "2024-W25") and not coarser("2024", "2024")


def test_the_family_name_is_first_where_the_country_puts_it_first():
    from dyad.store.resolve import surname

    assert surname("person", "Xi Jinping", "CHN") == "xi"
    assert surname("person", "Kim Jong Un", "PRK") == "kim"
    assert surname("person", "Vladimir Putin", "RUS") == "putin"
    assert surname("person", "Wang Yi", None) == "yi"  # country unknown: the English order
    assert surname("state", "China", "CHN") is None


def test_day_bounds_cover_whole_years_and_months():
    from dyad.store.queries import day_bounds

    assert day_bounds("2024", "2024") == ("2024-01-01", "2024-12-31")
    assert day_bounds("2024-02", "2024-02") == ("2024-02-01", "2024-02-29")
    assert day_bounds("2023-12-05", "2023-12") == ("2023-12-05", "2023-12-31")
    assert day_bounds(None, None) == (None, None)
    for bad in ("2024-13", "2024-02-30", "24-01", "yesterday", "2024-1-1"):
        with pytest.raises(ValueError, match="is not"):
            day_bounds(bad, None)
