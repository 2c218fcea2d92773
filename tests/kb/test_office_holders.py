"""Office holders with their office by date (kb.office_holder and its kin) over a small table written here; and a
few real ones from the generated office_holders.tsv."""

from __future__ import annotations

from datetime import date

import pytest

from dyad import kb

TABLE = [
    # name, aliases, country, code, title, start, end, source
    ["Mehmet Ali Öztürkoğlu", "", "TUR", "TURGOV", "President", "2014-08-28", "", "factbook"],
    ["Mehmet Ali Ozturkoglu", "", "TUR", "TURGOV", "", "2003-03-14", "", "phoenix"],  # no end: both cover 2020
    ["Jeanne Exemple", "", "FRA", "FRAGOV", "Minister of Foreign Affairs", "2017-05-17", "2019-07-31", "cabinets"],
    ["Jeanne Exemple", "", "FRA", "FRAGOV", "Minister of Justice", "2019-08-01", "2022-03-02", "cabinets"],
    ["Jeanne Exemple", "", "FRA", "FRAGOV", "", "2000-01-01", "2005-01-01", "phoenix"],
    ["Dora Defence", "", "USA", "USAGOV", "Secretary of Defense", "2013-02-27", "2015-02-17", "cabinets"],
    ["Dora Defence", "", "USA", "USAGOVMIL", "", "2013-02-01", "", "phoenix"],
    ["Henryk Sample", "", "POL", "POLGOV", "Minister of the Environment", "2018-01-09", "2019-11-15", "cabinets"],
    ["Marek Sample", "", "CZE", "CZEGOV", "Vice President", "2018-01-09", "2019-11-15", "cabinets"],
    ["Pat Twostate", "", "NZL", "NZLGOV", "Minister of Finance", "2010-01-01", "2012-01-01", "cabinets"],
    ["Pat Twostate", "", "AUS", "AUSGOV", "Minister of Trade", "2011-01-01", "2014-01-01", "cabinets"],
    ["Ana Ruiz", "", "ESP", "ESPGOV", "Minister of Health", "2018-01-01", "2020-01-01", "cabinets"],
    ["Luis Ruiz", "", "ESP", "ESPGOV", "Minister of Defence", "2019-01-01", "2021-01-01", "cabinets"],
    ["Ki-hoon Exampleson", "", "KOR", "KORGOV", "Minister of Foreign Affairs", "2004-01-17", "2006-11-10", "cabinets"],
    ["Ki-hoon Exampleson", "", "", "IGOUNO", "", "2007-01-01", "2016-12-31", "phoenix"],
    ["Undated Elder", "", "KEN", "KENELI", "", "", "", "phoenix"],
    ["Gaston Formerpm", "", "HTI", "HTIGOV", "Prime Minister", "2011-10-18", "2012-05-16", "cabinets"],
    ["David Jones", "", "GBR", "GBRGOV", "Secretary of State for Wales", "2012-09-04", "2014-07-14", "cabinets"],
    ["David Other", "", "USA", "USAGOV", "Minister of Trade", "2012-09-04", "2014-07-14", "cabinets"],
    ["Anne Jones", "", "AUS", "AUSGOV", "Minister of Trade", "2012-09-04", "2014-07-14", "cabinets"],
]


@pytest.fixture
def table(office_table):
    office_table(TABLE)


def test_the_office_is_the_one_held_on_the_date(table):
    assert kb.office_holder("Jeanne Exemple", date(2018, 1, 1)).title == "Minister of Foreign Affairs"
    assert kb.office_holder("Jeanne Exemple", date(2020, 1, 1)).title == "Minister of Justice"
    assert kb.office_holder("Jeanne Exemple", date(2003, 1, 1)).title is None  # a role whose source names no office
    assert kb.office_holder("Jeanne Exemple", date(2024, 1, 1)) is None  # after what the sources vouch for
    assert kb.national_of("Jeanne Exemple") == "FRA"  # but the state stays


def test_the_dictionaries_code_wins_over_one_made_from_the_office_name(table):
    person = kb.office_holder("Dora Defence", date(2014, 1, 1))
    assert (person.code, person.title) == ("USAGOVMIL", "Secretary of Defense")


def test_a_title_with_a_surname_names_only_an_office_it_fits(table):
    on = date(2019, 1, 1)
    assert kb.office_holder_by_surname("Sample", on, "President") is None  # a minister, and a vice president
    assert kb.office_holder_by_surname("Sample", on, "Environment Minister").name == "Henryk Sample"
    assert kb.office_holder_by_surname("Sample", on, "Vice President").country == "CZE"
    assert kb.national_of_surname("Sample", "President") is None
    assert kb.national_of_surname("Sample", "Minister") == "POL"
    assert kb.office_holder_by_surname("Exemple", on, "Foreign Minister").title == "Minister of Foreign Affairs"


def test_without_a_date_no_office_is_claimed(table):
    person = kb.office_holder("Jeanne Exemple")
    assert (person.country, person.title) == ("FRA", None)


def test_accents_do_not_split_a_person(table):
    assert kb.office_holder("Mehmet Ali Ozturkoglu", date(2020, 1, 1)).title == "President"
    assert kb.office_holder("Mehmet Ali Öztürkoğlu", date(2010, 1, 1)).country == "TUR"
    # two spellings of one man in office: a title and his surname still name him
    by_surname = kb.office_holder_by_surname("Ozturkoglu", date(2020, 1, 1))
    assert (by_surname.country, by_surname.title) == ("TUR", "President")


def test_offices_in_two_states_at_once_give_no_state(table):
    assert kb.office_holder("Pat Twostate", date(2011, 6, 1)) is None
    assert kb.office_holder("Pat Twostate", date(2010, 6, 1)).country == "NZL"
    assert kb.office_holder("Pat Twostate", date(2013, 6, 1)).title == "Minister of Trade"
    assert kb.national_of("Pat Twostate") is None


def test_a_state_out_of_office_holds_only_some_years_around_the_terms(table):
    before, after = kb.STATE_YEARS_BEFORE, kb.STATE_YEARS_AFTER
    assert kb.national_of("Jeanne Exemple", date(2024, 1, 1)) == "FRA"  # terms until 2022
    assert kb.national_of("Jeanne Exemple", date(2022 + after, 3, 3)) is None  # years later: maybe someone else
    assert kb.national_of("Jeanne Exemple", date(2000 - before, 1, 1)) == "FRA"
    assert kb.national_of("Jeanne Exemple", date(1999 - before, 12, 31)) is None
    assert kb.national_of("Jeanne Exemple") == "FRA"  # no date: no window
    assert kb.national_of("Undated Elder", date(2040, 1, 1)) == "KEN"  # no dates to keep a window by
    assert kb.national_of("Gaston Formerpm", date(2012 + after + 7, 1, 1)) == "HTI"  # a head of government for good
    assert kb.national_of("Gaston Formerpm", date(2011 - before, 1, 1)) is None  # but not before


def test_an_international_office_on_the_date_gives_no_state(table):
    assert kb.national_of("Ki-hoon Exampleson", date(2006, 12, 1)) == "KOR"  # between the two
    assert kb.national_of("Ki-hoon Exampleson", date(2008, 1, 1)) is None  # the UN's, not Korea's
    assert kb.national_of("Ki-hoon Exampleson", date(2016, 6, 1)) is None


def test_a_common_name_gives_no_state(table, monkeypatch):
    monkeypatch.setattr(kb, "COMMON_GIVEN", 2)
    monkeypatch.setattr(kb, "COMMON_FAMILY", 2)
    on = date(2015, 1, 1)
    assert kb.common_name("David Jones") and not kb.common_name("Anne Jones")
    assert kb.national_of("David Jones", on) is None  # two Davids and two Joneses: a common name
    assert kb.national_of("Anne Jones", on) == "AUS"
    assert kb.office_holder("David Jones", date(2013, 1, 1)).country == "GBR"  # in office on the date: him


def test_a_surname_two_people_share_on_the_date_names_no_one(table):
    assert kb.office_holder_by_surname("Ruiz", date(2019, 6, 1)) is None
    assert kb.office_holder_by_surname("Ruiz", date(2020, 6, 1)).name == "Luis Ruiz"


# ------------------------------------------------------------------------------------------- the real table


@pytest.mark.parametrize(
    ("name", "on", "country", "title"),
    [
        ("Pete Buttigieg", date(2021, 6, 1), "USA", "Secretary of Transportation"),
        ("Bruno Rodríguez Parrilla", date(2020, 1, 1), "CUB", "Minister of Foreign Affairs"),
        ("Bruno Rodriguez Parrilla", date(2020, 1, 1), "CUB", "Minister of Foreign Affairs"),
        ("Sartaj Aziz", date(2015, 1, 1), "PAK", "Federal Minister of Foreign Affairs"),
    ],
)
def test_real_ministers_since_the_dictionaries(name, on, country, title):
    person = kb.office_holder(name, on)
    assert person is not None and (person.country, person.title) == (country, title)


def test_real_ministers_out_of_office_keep_their_state():
    assert kb.national_of("Pete Buttigieg") == "USA"
    assert kb.office_holder("Pete Buttigieg", date(2010, 1, 1)) is None


def test_real_names_out_of_their_years_or_common_give_no_state():
    assert kb.national_of("Pete Buttigieg", date(2023, 6, 1)) == "USA"  # within a few years of his term
    assert kb.national_of("Rosemary DiCarlo", date(2023, 8, 24)) is None  # a US envoy in 2013, of the UN since
    assert kb.national_of("David Jones", date(2018, 1, 1)) is None  # a Welsh secretary's name, and a common one
    assert kb.national_of("Mohamed Ahmed", date(2018, 1, 1)) is None
    assert kb.office_holder("David Jones", date(2013, 6, 1)).country == "GBR"  # in office on the date: him


def test_a_name_with_a_given_name_many_bear_and_a_known_family_name_is_person_shaped(table, monkeypatch):
    monkeypatch.setattr(kb, "PERSON_GIVEN", 2)
    assert kb.person_shaped("David Ruiz")  # two Davids in the table, and a Ruiz
    assert kb.person_shaped("David Maria Jones")
    assert not kb.person_shaped("Anne Ruiz")  # one Anne: too few to tell a given name
    assert not kb.person_shaped("David Center")  # no family of that name: "Wilson Center" is a body
    assert not kb.person_shaped("David")
    assert not kb.person_shaped("David-Other Jones")
