"""Places that are not cities: seas, disputed territories, states and provinces, landmarks."""

from __future__ import annotations

from collections import Counter

import dyad
from dyad.extract import places


def _places(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in dyad.extract(text).places}


def test_a_sea_whose_name_holds_a_country_is_a_place():
    # "South China Sea" is listed among the phrases that are not China; it is still a place
    assert _places("The two navies held war games in the South China Sea on Monday.") == {"South China Sea": None}


def test_a_landmark_is_a_place_only_where_something_happens_in_it():
    assert "Kremlin" in _places("Rice met Putin at the Kremlin on Tuesday.")
    assert _places("The Kremlin said on Tuesday that the talks were useful.") == {}
    assert "White House" not in _places("A White House spokesman said the talks would go on.")


def test_a_state_of_a_country_with_its_type_word():
    places = _places("The closure was announced by the governor of Kassala State, the Sudanese agency said.")
    assert places.get("Kassala State") == "SDN"
    places = _places("South Sudan's army said fighting spread into Upper Nile state on Friday.")
    assert places.get("Upper Nile state") == "SSD"


def test_a_name_two_countries_share_takes_the_articles_country_or_none():
    # the small NER model rarely tags "Punjab" as a place, so the choice is tested on its own
    assert places._place("Punjab", Counter(), "P1").country is None
    assert places._place("Punjab", Counter({"PAK": 3, "USA": 1}), "P1").country == "PAK"
    assert places._place("Punjab", Counter({"IND": 1}), "P1").country == "IND"


def test_a_city_wins_over_the_subdivision_of_its_name():
    assert places._place("Kherson", Counter(), "P1").lat is not None  # the city, with its own position
    assert places._place("Kherson region", Counter(), "P1").country == "UKR"


def test_a_compass_word_makes_a_regions_part_but_a_countrys_part_stays_the_country():
    assert _places("Troops massed in eastern Ladakh after the clash.") == {"eastern Ladakh": "IND"}
    assert _places("Turkish forces struck targets in northern Syria.") == {}


def test_a_capital_speaking_for_its_government_is_no_place():
    assert _places("Beijing said the patrols were legal, and Moscow accused Kyiv of shelling.") == {}


def test_a_region_the_ner_tags_as_a_body_is_a_place():
    assert "Crimea" in _places("Russia annexed Crimea in 2014.")


def test_a_word_that_stands_for_a_place_named_before_is_no_place():
    assert _places("G-7 leaders condemned the North.") == {}
    assert _places("The destroyer was sailing through the Strait on Tuesday.") == {}


def test_a_lone_name_the_ner_takes_for_a_body_where_the_text_puts_something_is_a_place():
    """ "withdrew from Badme": a place no gazetteer knows; it has no coordinates and no body is made of it."""
    doc = dyad.extract("Ethiopian troops withdrew from Badme after the ruling.", published="2018-06-06")
    assert [(p.name, p.lat) for p in doc.places] == [("Badme", None)]
    assert not [a for a in doc.actors if a.kind == "organization"]
    # an acronym is no place: ECOWAS stays a body (named as the text names it)
    assert "ECOWAS" in {a.name for a in dyad.extract("The delegates met in ECOWAS headquarters.").actors}
