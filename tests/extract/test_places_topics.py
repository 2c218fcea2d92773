"""Places geocoded offline, topics from the lexicon."""

from __future__ import annotations

import dyad


def test_moscow_is_the_russian_city_when_the_article_is_about_russia():
    doc = dyad.extract("Russian President Vladimir Putin hosted the talks in Moscow.")
    moscow = next(p for p in doc.places if p.name == "Moscow")
    assert moscow.country == "RUS" and moscow.geonameid == 524901
    assert round(moscow.lat) == 56 and round(moscow.lon) == 38


def test_moscow_in_idaho_when_the_article_is_about_idaho():
    doc = dyad.extract(
        "American students in Idaho gathered in Moscow, home of the University of Idaho. "
        "The United States and American officials praised the town."
    )
    moscow = next(p for p in doc.places if p.name == "Moscow")
    assert moscow.country == "USA"


def test_countries_are_not_places():
    doc = dyad.extract("Japan and Vietnam signed a deal in Hanoi.")
    assert [p.name for p in doc.places] == ["Hanoi"]


def test_topics_with_their_mentions():
    doc = dyad.extract("The agenda includes security, energy, economic and transport issues.")
    names = [t.name for t in doc.topics]
    assert {"security", "energy", "economy", "transport"} <= set(names)
    energy = next(t for t in doc.topics if t.name == "energy")
    assert energy.mentions[0].text == "energy"


def test_cities_the_ner_missed_or_mislabelled_are_places_and_named_as_written():
    doc = dyad.extract(
        "The missile hit Donetsk on Monday. Russian soldiers evacuated civilians from Sumy. "
        "Bombing continued in Idlib and Aleppo governorates. Officials in Kiev denied it.",
        published="2024-05-06",
    )
    found = {(p.name, p.country) for p in doc.places}
    assert {("Donetsk", "UKR"), ("Sumy", "UKR"), ("Idlib", "SYR"), ("Aleppo", "SYR"), ("Kiev", "UKR")} <= found


def test_a_name_that_is_also_a_town_is_no_place_without_a_place_word():
    doc = dyad.extract("Jackson met Lincoln on Tuesday. In March the commission met again.", published="2024-05-06")
    assert not {p.name for p in doc.places} & {"Lincoln", "March"}


def test_a_capital_that_stands_for_its_government_is_an_actor_not_a_place():
    doc = dyad.extract(
        "Moscow urged restraint. The Kiev regime rejected the offer, and Western capitals kept up the pressure on "
        "Kiev.",
        published="2024-05-06",
    )
    assert not {p.name for p in doc.places} & {"Moscow", "Kiev"}


def test_a_dateline_without_agency_or_date_is_no_place():
    doc = dyad.extract("WASHINGTON - The Treasury banned imports of Russian oil.", published="2024-05-06")
    assert not doc.places and doc.article.text.startswith("The Treasury")


def test_a_dateline_the_cleaner_keeps_is_no_place_either():
    # the guide: datelines are not places; this one ("(—)" for an agency) is not one the cleaner strips
    doc = dyad.extract(
        "CAIRO, July 15 (—) — Egypt warned Ethiopia on Wednesday that it would not accept the dam.",
        published="2024-07-15",
    )
    assert doc.article.text.startswith("CAIRO") and not doc.places


def test_a_sea_named_with_of_is_one_place_of_no_state():
    doc = dyad.extract("Indian and Japanese warships launched five days of war games in the Bay of Bengal.")
    assert [(p.name, p.country) for p in doc.places] == [("Bay of Bengal", None)]
    states = {a.country for a in doc.actors if a.kind == "state"}
    assert states == {"IND", "JPN"}  # the sea names no state ("Bengal" is no town abroad)
