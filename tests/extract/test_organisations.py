"""Organisations: a person's office and the text's own publisher are not bodies the text names as actors."""

from __future__ import annotations

import dyad


def _orgs(doc) -> list[str]:
    return [a.name for a in doc.actors if a.kind == "organization"]


def test_the_words_of_a_ministers_title_are_not_an_organisation():
    text = (
        "The agreements were signed by the Minister of Foreign Affairs and International Cooperation, "
        "Mr Ali Hassan, and by the Minister of Foreign Affairs, Regional Integration and Nationals Abroad "
        "of Togo, Robert Dussey. The Ministry of Health also took part."
    )
    orgs = _orgs(dyad.extract(text, published="2024-03-02"))
    assert not any("Cooperation" in o or "Integration" in o or o.startswith("Minister ") for o in orgs), orgs
    assert any(o.startswith("Ministry of Health") for o in orgs), orgs


def test_the_publisher_of_the_text_is_not_an_organisation_in_it():
    text = (
        "A government spokesman told VOA that the talks with Ethiopia would resume. "
        "He said in an interview with VOA Somali that the African Union backed the plan."
    )
    orgs = _orgs(dyad.extract(text, published="2018-09-11", source="Voice of America"))
    assert not any("VOA" in o for o in orgs), orgs
    assert "African Union" in orgs
    # without the publisher, a news agency cited in the text is still a body
    text2 = "A government spokesman told Reuters that the talks with Ethiopia would resume."
    assert "Reuters" in _orgs(dyad.extract(text2, published="2018-09-11", source="Voice of America"))


def test_a_name_that_a_place_noun_follows_is_a_place_not_an_organisation():
    text = (
        "Traders crossed at the Torkham border crossing on Monday, while farmers in the al-Fashaga area fled. "
        "The Roseires reservoir was full. The World Food Programme said its trucks were waiting."
    )
    orgs = _orgs(dyad.extract(text, published="2021-05-03"))
    assert not any(w in o for o in orgs for w in ("Torkham", "Fashaga", "Roseires")), orgs
    assert "World Food Programme" in orgs
