"""Officials and nationals: the state a text gives a person beside their name, in words the title parser leaves."""

from __future__ import annotations

import pytest

import dyad
from tests.conftest import actor_named


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Ethiopia's minister of water resources, Tesfaye Wolde-Giorgis, made that plain.",
            "Tesfaye Wolde-Giorgis",
            "ETH",
        ),
        (
            "The Minister of Works and Transport of the Republic of Uganda, Hon. Grace Nantume Akello, signed it.",
            "Grace Nantume Akello",
            "UGA",
        ),
        (
            "Russia's ambassador in Prague, Igor Yermolov, warned in an interview that trains were targets.",
            "Igor Yermolov",
            "RUS",
        ),
        ("On Wednesday the Ukrainian consul in Lublin, Oleh Tkachenko, visited the hall.", "Oleh Tkachenko", "UKR"),
        ("Nigerian political analyst Chukwudi Odoeme warned that the deal could fail.", "Chukwudi Odoeme", "NGA"),
        ("The deportation of Polish citizen Michal Zielinski was unacceptable, he said.", "Michal Zielinski", "POL"),
    ],
)
def test_a_state_set_beside_a_name_in_a_title_or_description_is_the_persons(text: str, name: str, country: str):
    assert actor_named(dyad.extract(text, published="2020-03-02"), name).country == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the state an envoy is sent to, or a body's envoy for a state, is not the envoy's own
        (
            "Somalia recalled its Ambassador to the Republic of Kenya, H.E. Mohamed Hassan Nur, on Sunday.",
            "Mohamed Hassan Nur",
        ),
        ("The UN special envoy for Syria, Karl Lindqvist, said talks would resume.", "Karl Lindqvist"),
        # a hyphenated nationality is two states: the text does not say which one she acts for
        ("Iranian-American journalist Parnaz Azima was charged.", "Parnaz Azima"),
        ("Pro-Russian separatist commander Igor Plotnik said the town was taken.", "Igor Plotnik"),
    ],
)
def test_a_state_that_is_served_or_only_half_of_a_nationality_gives_none(text: str, name: str):
    assert actor_named(dyad.extract(text, published="2020-03-02"), name).country is None


def test_a_craft_named_after_a_demonym_gets_no_nationality():
    doc = dyad.extract("The Croatian police boat approached the Slovenian fishing vessel Sveti Jurij on Monday.")
    assert all(a.country is None for a in doc.actors if a.kind == "person")


def test_an_official_named_by_a_bare_title_after_a_sentence_about_one_state_acts_for_it():
    text = (
        "Pakistan's army said it was questioning four officers. "
        "Army spokesman Major General Athar Abbasi said they had not been detained."
    )
    assert actor_named(dyad.extract(text, published="2009-10-02"), "Athar Abbasi").country == "PAK"
    text = "Nigeria is trying to keep its allies. Its chief of army staff, General Musa Gusau, flew north on Monday."
    assert actor_named(dyad.extract(text, published="2020-03-02"), "Musa Gusau").country == "NGA"


@pytest.mark.usefixtures("rules_alone")
@pytest.mark.parametrize(
    "text",
    [
        # the sentence before names both sides
        "The Kyrgyz side thanked the leadership of Uzbekistan. Minister Ulan Rasulbek informed the press.",
        # (the sentence before the texts names another state: one state in a whole text is another rule's)
        # the official's own sentence names a state: the one answered, perhaps
        "Ukraine protested.\n\nRussia expelled two diplomats. Interior Minister Levan Gelash accused Russia of spying.",
        # an envoy serves among another state's officials
        "Congo's troops crossed the border.\n\nZambia conveyed its protest on Monday. "
        "Ambassador Theo Kalonji Mbuyi said nothing.",
    ],
)
def test_no_state_from_the_sentence_before_where_either_side_may_be_meant(text: str):
    people = [a for a in dyad.extract(text, published="2020-03-02").actors if a.kind == "person"]
    assert people and all(a.country is None for a in people)


def test_the_office_set_before_a_name_is_their_title_without_its_state_or_post():
    doc = dyad.extract("Ethiopia's minister of water resources, Tesfaye Wolde-Giorgis, made that plain.")
    assert actor_named(doc, "Tesfaye Wolde-Giorgis").title == "Minister of Water Resources"
    doc = dyad.extract("Moscow has taken notice. Russia's ambassador in Prague, Igor Yermolov, warned of it.")
    assert actor_named(doc, "Igor Yermolov").title == "Ambassador"
    doc = dyad.extract(
        "Chad's army chief of staff, General Abdelkerim Ahmat Seid, tells state radio that troops moved."
    )
    assert actor_named(doc, "Abdelkerim Ahmat Seid").country == "TCD"


def test_a_title_of_their_own_before_a_name_is_not_skipped_to_reach_an_office_before_it():
    doc = dyad.extract(
        "Ottawa announces money for training the Haitian National Police, Foreign Minister Helene Tremblay tells "
        "reporters.\n\nHaiti and Canada signed a deal."
    )
    assert actor_named(doc, "Helene Tremblay").country != "HTI"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ('"It is easy," said Mauricio Salazar, a former Colombian ambassador.', "Mauricio Salazar", "COL"),
        (
            "Jean-Bosco Murenzi, a first secretary at the Rwandan embassy in Bujumbura, was given 48 hours to leave.",
            "Jean-Bosco Murenzi",
            "RWA",
        ),
        (
            "At a news conference, a spokesman for the Chinese foreign ministry, Hong Leiwen, denied it.",
            "Hong Leiwen",
            "CHN",
        ),
        ("The driver, Tom Hartley, a Briton, was released.", "Tom Hartley", "GBR"),
    ],
)
def test_a_state_of_an_office_or_nationality_set_after_a_name_is_the_persons(text: str, name: str, country: str):
    assert actor_named(dyad.extract(text, published="2020-03-02"), name).country == country


def test_a_state_an_office_is_sent_to_after_a_name_is_not_the_persons():
    doc = dyad.extract("Lars Holm, a former adviser to the Kenyan government, said the talks had failed.")
    assert actor_named(doc, "Lars Holm").country is None


def test_a_subject_after_a_comma_is_not_set_beside_the_name_before_it():
    doc = dyad.extract(
        "Troops pulled back from the ridge over Lars Holmberg, a Thai regional army commander tells local radio."
    )
    assert all(a.country != "THA" for a in doc.actors if a.kind == "person")


def test_a_bare_titled_official_in_a_datelined_story_is_of_the_datelines_state():
    text = (
        "DAKAR, March 18 (—) — Senegal summoned the Gambian ambassador on Wednesday.\n\n"
        "Foreign Minister Mamadou Lamine Fayet told the envoy that the men must be freed."
    )
    assert actor_named(dyad.extract(text, published="2026-03-18"), "Mamadou Lamine Fayet").country == "SEN"


@pytest.mark.usefixtures("rules_alone")
def test_no_state_from_the_dateline_where_the_text_points_elsewhere():
    text = (  # the sentence before is about the other state (and gives its own)
        "GEORGETOWN, Dec 8 (—) — Venezuelan soldiers fired on a Guyanese boat.\n\n"
        "Venezuela's defence ministry said its troops had responded. Defence Minister Gustavo Rangel Ortiz said "
        "more troops had been sent."
    )
    assert actor_named(dyad.extract(text, published="2023-12-08"), "Gustavo Rangel Ortiz").country == "VEN"
    text = (  # an envoy, by the words set before the name
        "MOGADISHU, May 2 (—) — Somalia expelled an Ethiopian military attaché on Friday.\n\n"
        "The attaché, Colonel Tesfaye Gebru Alem, was given 72 hours to leave."
    )
    assert actor_named(dyad.extract(text, published="2020-05-02"), "Tesfaye Gebru Alem").country is None


@pytest.mark.usefixtures("rules_alone")
def test_an_official_with_a_counterpart_of_one_of_two_states_is_of_the_other():
    text = (
        "Senegal and Gambia ended the dispute.\n\n"
        "Foreign Minister Mamadou Lamine Fayet drove to the border and met his Gambian counterpart, Ousman Jatta."
    )
    assert actor_named(dyad.extract(text, published="2026-03-30"), "Mamadou Lamine Fayet").country == "SEN"
    text = "Senegal, Mali and Gambia met.\n\nForeign Minister Mamadou Lamine Fayet met his Gambian counterpart."
    assert actor_named(dyad.extract(text, published="2026-03-30"), "Mamadou Lamine Fayet").country is None
