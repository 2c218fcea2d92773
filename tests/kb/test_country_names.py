"""Every state's names resolve to its own ISO alpha-3 code, and no name resolves to a state that no longer exists.

The forms come from pycountry (ISO 3166-1: name, official name, common name), from the forms the news uses, and
from dyad's own country table (every name, alias and demonym).
"""

from __future__ import annotations

import pycountry
import pytest

from dyad import kb

# Forms the news uses for states, with the state each names.
NEWS_FORMS: dict[str, str] = {
    "DRC": "COD",
    "DR Congo": "COD",
    "D.R. Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD",
    "the Democratic Republic of the Congo": "COD",
    "Congo-Brazzaville": "COG",
    "Republic of the Congo": "COG",
    "Republic of Congo": "COG",
    "Ivory Coast": "CIV",
    "the Ivory Coast": "CIV",
    "Cote d'Ivoire": "CIV",
    "Côte d'Ivoire": "CIV",
    "Côte d’Ivoire": "CIV",
    "Turkey": "TUR",
    "Turkiye": "TUR",
    "Türkiye": "TUR",
    "Czechia": "CZE",
    "Czech Republic": "CZE",
    "Burma": "MMR",
    "Myanmar": "MMR",
    "Eswatini": "SWZ",
    "Swaziland": "SWZ",
    "North Macedonia": "MKD",
    "Macedonia": "MKD",
    "the Holy See": "VAT",
    "Holy See": "VAT",
    "Vatican": "VAT",
    "the Vatican": "VAT",
    "East Timor": "TLS",
    "Timor-Leste": "TLS",
    "Cape Verde": "CPV",
    "Cabo Verde": "CPV",
    "South Korea": "KOR",
    "Republic of Korea": "KOR",
    "North Korea": "PRK",
    "DPRK": "PRK",
    "Democratic People's Republic of Korea": "PRK",
    "Laos": "LAO",
    "Moldova": "MDA",
    "Republic of Moldova": "MDA",
    "Russia": "RUS",
    "Russian Federation": "RUS",
    "Syria": "SYR",
    "Iran": "IRN",
    "Vietnam": "VNM",
    "Viet Nam": "VNM",
    "Palestine": "PSE",
    "State of Palestine": "PSE",
    "Taiwan": "TWN",
    "Kosovo": "XKX",
    "the UAE": "ARE",
    "UAE": "ARE",
    "United Arab Emirates": "ARE",
    "the UK": "GBR",
    "UK": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "United Kingdom": "GBR",
    "the US": "USA",
    "US": "USA",
    "U.S.": "USA",
    "America": "USA",
    "United States": "USA",
    "the United States": "USA",
    "the Netherlands": "NLD",
    "Netherlands": "NLD",
    "Holland": "NLD",
    "Serbia": "SRB",
    "Montenegro": "MNE",
    "Sudan": "SDN",
    "South Sudan": "SSD",
    "the Gambia": "GMB",
    "Gambia": "GMB",
    "the Philippines": "PHL",
    "Bosnia": "BIH",
    "Bosnia and Herzegovina": "BIH",
    "Tanzania": "TZA",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Brunei": "BRN",
    "Micronesia": "FSM",
    "Saint Kitts and Nevis": "KNA",
    "St. Kitts and Nevis": "KNA",
    "Saint Lucia": "LCA",
    "St. Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT",
    "St. Vincent and the Grenadines": "VCT",
    "Sao Tome and Principe": "STP",
    "São Tomé and Príncipe": "STP",
}
# Forms that name several states: the ambiguity table resolves them by what else the article names.
SHARED_FORMS = {"Congo"}


def current() -> list:
    """The states and territories of ISO 3166-1 today."""
    return list(pycountry.countries)


def historic_codes() -> set[str]:
    """Codes of states that no longer exist (SCG, YUG, SUN, CSK, DDR, ANT ...), less those reassigned today."""
    return {c.alpha_3 for c in pycountry.historic_countries} - {c.alpha_3 for c in current()}


def iso_forms() -> list[tuple[str, str]]:
    out = []
    for c in current():
        for attr in ("name", "official_name", "common_name"):
            form = getattr(c, attr, None)
            if form and form not in SHARED_FORMS:
                out.append((form, c.alpha_3))
    return out


def table_forms() -> list[tuple[str, str]]:
    """Every name, alias and demonym in dyad's country table, with its row's code."""
    return [
        (form, c.iso3)
        for c in kb.countries().by_iso3.values()
        for form in (c.name, *c.aliases, *c.demonyms)
        if form not in SHARED_FORMS
    ]


def test_the_historic_codes_cover_the_known_traps():
    assert {"SCG", "YUG", "SUN", "CSK", "DDR", "ANT"} <= historic_codes()


def test_no_historic_state_is_in_the_table():
    assert set(kb.countries().by_iso3) & historic_codes() == set()


def test_every_current_iso_state_is_in_the_table():
    assert {c.alpha_3 for c in current()} <= set(kb.countries().by_iso3)


@pytest.mark.parametrize(("form", "iso3"), sorted(NEWS_FORMS.items()))
def test_news_forms_resolve_to_their_state(form: str, iso3: str):
    """In running text the article before a name is no part of it: the matcher finds "Holy See" in "the Holy
    See"; a look-up is given the name."""
    assert kb.countries().lookup(form.removeprefix("the ")) == iso3


@pytest.mark.parametrize(("form", "iso3"), iso_forms())
def test_iso_names_resolve_to_their_state(form: str, iso3: str):
    assert kb.countries().lookup(form) == iso3


def test_every_form_in_the_table_resolves_to_its_own_row():
    wrong = {form: (iso3, kb.countries().lookup(form)) for form, iso3 in table_forms()}
    wrong = {form: pair for form, pair in wrong.items() if pair[0] != pair[1]}
    assert wrong == {}


def test_no_form_or_capital_resolves_to_a_historic_state():
    c = kb.countries()
    given = {*c.names.values(), *c.demonyms.values(), *c.capitals.values()}
    assert given & historic_codes() == set()
    assert c.capitals["Belgrade"] == "SRB"
    assert c.capitals["Willemstad"] == "CUW"


def test_shared_forms_list_their_states():
    assert set(kb.ambiguous_countries()["Congo"]) == {"COD", "COG"}
