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
