"""Extraction gives every state's names, in running text, the state's own code: one story per state names it by
each of its forms, and the story's only state is that one, with every form among its mentions."""

from __future__ import annotations

import pytest

import dyad
from dyad import kb
from tests.kb.test_country_names import NEWS_FORMS, SHARED_FORMS, historic_codes, iso_forms


def forms_by_state() -> dict[str, tuple[set[str], set[str]]]:
    """iso3 -> (names, demonyms) as running text writes them: ISO's inverted forms ("Korea, Republic of") are
    for look-ups only."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for country in kb.countries().by_iso3.values():
        out[country.iso3] = ({country.name, *country.aliases}, set(country.demonyms))
    for form, iso3 in [*iso_forms(), *NEWS_FORMS.items()]:
        out[iso3][0].add(form)
    for iso3, (names, demonyms) in out.items():
        primary = kb.countries().by_iso3[iso3].name  # "Bonaire, Saint Eustatius and Saba" is written so
        for forms in (names, demonyms):
            forms -= {f for f in forms if ("," in f or "(" in f or f in SHARED_FORMS) and f != primary}
    return out


def story(names: set[str], demonyms: set[str]) -> str:
    lines = [f"{f[0].upper()}{f[1:]} said on Monday that the talks would go on." for f in sorted(names)]
    lines += [f"{f} officials said on Tuesday that the talks would go on." for f in sorted(demonyms)]
    return "\n\n".join(lines)


FORMS = forms_by_state()


@pytest.mark.parametrize("iso3", sorted(FORMS))
def test_every_form_of_a_state_extracts_as_that_state(iso3: str):
    names, demonyms = FORMS[iso3]
    doc = dyad.extract(story(names, demonyms), published="2024-06-19")
    states = {a.country for a in doc.actors if a.kind == "state"}
    assert states == {iso3}
    said = {m.text for a in doc.actors if a.kind == "state" for m in a.mentions}
    missing = {f[0].upper() + f[1:] for f in names} | demonyms
    missing = {f for f in missing if f.removeprefix("The ") not in said and f not in said}
    assert missing == set()


def test_no_actor_is_given_a_historic_code():
    doc = dyad.extract(
        "Serbian President Aleksandar Vucic met officials in Belgrade. Serbia and Montenegro both sent envoys. "
        "Curacao and the Czech Republic, Germany and Russia joined the talks in Willemstad.",
        published="2024-06-19",
    )
    codes = {a.country for a in doc.actors} | {a.code[:3] for a in doc.actors if a.code}
    assert codes & historic_codes() == set()
    assert {"SRB", "MNE", "CUW", "CZE", "DEU", "RUS"} <= {a.country for a in doc.actors if a.kind == "state"}


def test_a_long_state_name_is_matched_whole():
    doc = dyad.extract(
        "The Democratic Republic of the Congo accused the Republic of the Congo of harbouring rebels. "
        "The Democratic Republic of Congo then recalled its envoy.",
        published="2024-06-19",
    )
    mentions = {a.country: {m.text for m in a.mentions} for a in doc.actors if a.kind == "state"}
    assert set(mentions) == {"COD", "COG"}
    assert mentions["COD"] == {"Democratic Republic of the Congo", "Democratic Republic of Congo"}
    assert mentions["COG"] == {"Republic of the Congo"}


def test_congo_alone_takes_the_congo_the_story_names():
    doc = dyad.extract("Congo-Brazzaville said on Monday that Congo would hold talks.", published="2024-06-19")
    assert {a.country for a in doc.actors if a.kind == "state"} == {"COG"}
