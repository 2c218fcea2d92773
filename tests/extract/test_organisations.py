"""Organisations: a person's office and the text's own publisher are not bodies the text names as actors."""

from __future__ import annotations

import pytest

import dyad


def _orgs(doc) -> list[str]:
    return [a.name for a in doc.actors if a.kind == "organization"]


def test_the_words_of_a_ministers_title_are_not_an_organisation():
    text = (
        "The agreements were signed by the Minister of Foreign Affairs and International Cooperation, "
        "Mr Ali Hassan, and by the Minister of Foreign Affairs, Regional Integration and Nationals Abroad "
        "of Togo, Robert Dussey, and by the Minister of the Interior of the Government of National Unity of the "
        "State of Libya, Mr Imad Trabelsi, and by the Secretary of the Ministry of Health, Mr Ali Bello."
    )
    orgs = _orgs(dyad.extract(text, published="2024-03-02"))
    assert not any(w in o for o in orgs for w in ("Cooperation", "Integration", "Interior", "Minister ")), orgs
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


def test_a_person_shaped_name_the_ner_tags_as_a_body_is_no_organisation():
    from dyad.extract.organisations import _not_an_organization
    from dyad.nlp.pipeline import load

    doc = load()("The delegation met Igor Sobolev and the Wilson Center.")
    sobolev, center = doc[3:5], doc[7:9]
    assert _not_an_organization(sobolev.text, list(sobolev), set())
    assert not _not_an_organization(center.text, list(center), set())


def test_a_lone_word_the_ner_names_a_place_elsewhere_is_no_organisation():
    from dyad.extract.organisations import _named_otherwise
    from dyad.nlp.pipeline import load

    doc = load()("Troops moved into Essequibo. Guyana said Essequibo belongs to Guyana. Hamas said it agreed.")
    assert _named_otherwise(doc, "Essequibo")
    assert not _named_otherwise(doc, "Hamas")


def test_the_white_house_speaking_is_a_us_body_and_its_statements_stay_american():
    """News and the annotation treat the White House as the president's office, a body (the Kremlin, by
    contrast, mostly stands for the state); its words are still the United States' in events."""
    doc = dyad.extract(
        "The White House on Tuesday urged Beijing to stop building on the reef.",
        published="2015-05-12",
    )
    body = next(a for a in doc.actors if a.name == "White House")
    assert body.kind == "organization" and body.country == "USA"
    assert "White House" not in {p.name for p in doc.places}
    sides = {a.id: a.country for a in doc.actors}
    requests = [e for e in doc.events if e["type"] == "REQUEST"]
    assert [([sides[s] for s in e["sources"]], [sides[t] for t in e["targets"]]) for e in requests] == [
        (["USA"], ["CHN"])
    ]


def test_a_government_named_by_a_demonym_or_in_the_plural_is_states_not_a_body():
    """ "The Peruvian Government" and "the Governments of India and China" are states, which the guide lists as no
    body; "the Government of Japan" is written as a body's name, and annotators list it, with its state."""
    doc = dyad.extract(
        "The Government of Japan and the Peruvian Government signed a memorandum in Lima. "
        "Nepal thanked the Governments of India and China. "
        "The Government of National Accord rejected it.",
        published="2023-05-02",
    )
    bodies = {a.name: a.country for a in doc.actors if a.kind == "organization"}
    assert bodies.get("Government of Japan") == "JPN", bodies
    assert not any("Peruvian" in o or o.startswith("Governments") for o in bodies), bodies
    assert "Government of National Accord" in bodies  # a named government, not a state's name ("Accord" or no)
    assert {"PER", "IND", "CHN"} <= {a.country for a in doc.actors if a.kind == "state"}


def test_a_name_the_ner_breaks_at_its_and_is_one_body():
    doc = dyad.extract(
        "The Ministry of Foreign Affairs and International Cooperation of the Republic of Malawi wishes to inform "
        "the general public.",
        published="2023-05-02",
    )
    bodies = {a.name: a.country for a in doc.actors if a.kind == "organization"}
    assert bodies == {"Ministry of Foreign Affairs and International Cooperation": "MWI"}


def test_a_bodys_name_ends_before_the_formal_name_of_its_state():
    """ "Ministry of Foreign Affairs of the Arab Republic of Egypt": the body is the ministry, its state Egypt."""
    doc = dyad.extract(
        "The Ministry of Foreign Affairs of the Arab Republic of Egypt condemned the attack. "
        "The Ministry of Foreign Affairs and Cooperation of the Republic of Rwanda welcomed the talks.",
        published="2023-05-02",
    )
    bodies = {a.name: a.country for a in doc.actors if a.kind == "organization"}
    assert bodies.get("Ministry of Foreign Affairs") == "EGY", bodies
    assert bodies.get("Ministry of Foreign Affairs and Cooperation") == "RWA", bodies


def test_a_ministry_named_by_its_field_in_lower_case_is_a_body_of_its_state():
    doc = dyad.extract(
        "Turkey's foreign ministry said the talks had failed. The Chinese foreign ministry summoned the envoy. "
        "The new ministry will open in May. Officials met at the defence ministry in Ankara.",
        published="2023-05-02",
    )
    bodies = {a.name: a.country for a in doc.actors if a.kind == "organization"}
    assert bodies == {"Turkey's foreign ministry": "TUR", "Chinese foreign ministry": "CHN"}, bodies


def test_a_body_whose_name_begins_a_documents_name_is_not_named_by_it():
    doc = dyad.extract(
        "The patrol acted in full accordance with the United Nations Convention on the Law of the Sea.",
        published="2023-05-02",
    )
    assert "United Nations" not in _orgs(doc)
    doc = dyad.extract("The United Nations condemned the patrol.", published="2023-05-02")
    assert "United Nations" in _orgs(doc)


def test_a_service_named_with_a_rank_in_a_persons_title_is_no_body():
    doc = dyad.extract("Pentagon Press Secretary Air Force Brig. Gen. Pat Ryder said the drills would go on.")
    assert "Air Force Brig." not in _orgs(doc)


def test_a_ministry_that_qualifies_a_spokesmans_title_is_a_body_too():
    doc = dyad.extract("Iranian foreign ministry spokesman Nasser Kanaani said Tehran would respond.")
    assert {a.name: a.country for a in doc.actors if a.kind == "organization"} == {"Iranian foreign ministry": "IRN"}
    assert "foreign ministry" not in " ".join(_orgs(dyad.extract("A foreign ministry statement said so.")))


def test_a_commission_named_by_its_state_is_a_body_of_that_state():
    doc = dyad.extract(
        "The Russian intergovernmental commission on trade met in Moscow. The council of elders met too."
    )
    bodies = {a.name: (a.country, a.code) for a in doc.actors if a.kind == "organization"}
    assert bodies == {"Russian intergovernmental commission on trade": ("RUS", "RUSGOV")}


def test_a_known_body_is_named_as_the_text_names_it_where_its_usual_name_is_absent():
    text = (
        "The U.S. Treasury blacklisted four shipping firms on Tuesday. The UN refugee agency said 300 people had "
        "fled. The African Union welcomed the talks."
    )
    orgs = _orgs(dyad.extract(text, published="2019-07-02"))
    assert "U.S. Treasury" in orgs and "Treasury Department" not in orgs, orgs
    assert "UN refugee agency" in orgs and "UNHCR" not in orgs, orgs
    assert "African Union" in orgs, orgs
    # the usual name stays where the text gives only an acronym, or the usual name inside a longer form
    orgs = _orgs(
        dyad.extract("The U.N. threatened more sanctions, the Kyodo news agency said.", published="2017-05-29")
    )
    assert sorted(orgs) == ["Kyodo", "United Nations"], orgs
    orgs = _orgs(dyad.extract("The OSCE sent monitors to the border on Monday.", published="2017-05-29"))
    assert orgs == ["OSCE"], orgs


def test_a_name_the_text_puts_something_in_or_that_ends_in_a_place_word_is_no_body():
    text = (
        "Troops clashed at Spin Boldak on Monday and later crossed the Military Demarcation Line. Fishermen were "
        "held off Waini Point. The ministry said two soldiers were treated at Tupua Tamasese Meaole Hospital "
        "and a student from Columbia University was freed. The World Food Programme said aid was ready."
    )
    doc = dyad.extract(text, published="2021-07-14")
    orgs = _orgs(doc)
    assert not any(w in o for o in orgs for w in ("Spin Boldak", "Demarcation", "Waini")), orgs
    assert "World Food Programme" in orgs, orgs
    assert "Columbia University" in orgs and "Tupua Tamasese Meaole Hospital" in orgs, orgs
    assert "Spin Boldak" in [p.name for p in doc.places]


def test_the_news_agency_a_dateline_credits_is_a_body_unless_it_publishes_the_text():
    text = "MOYALE, 2 March (KNA) — The Kenya Defence Forces and Ethiopian troops ended a joint patrol on Wednesday."
    assert "KNA" in _orgs(dyad.extract(text, published="2022-03-02"))
    # no credit in brackets, or the text's own publisher: no body
    assert "KNA" not in _orgs(dyad.extract(text, published="2022-03-02", source="KNA"))
    plain = "MOYALE, 2 March (—) — Kenyan and Ethiopian troops ended a joint patrol on Wednesday."
    assert _orgs(dyad.extract(plain, published="2022-03-02")) == []


def test_a_name_the_text_gives_a_persons_place_in_is_no_body():
    text = (
        "Minister Albert Kayitare and his Mozambican counterpart, Cristóvão Macuácua Nhantumbo, signed the deal "
        'in the presence of Mr Jean-Marie Adjovi Kpadé. "We got a small door," said Wilmer Jaimes, a driver. '
        "The Southern African Development Community welcomed it, said Human Rights Watch."
    )
    orgs = _orgs(dyad.extract(text, published="2021-07-14"))
    assert not any(w in o for o in orgs for w in ("Nhantumbo", "Kpadé", "Jaimes")), orgs
    assert "Southern African Development Community" in orgs, orgs


def test_a_model_number_a_sum_or_a_date_is_no_body_and_a_type_after_a_service_is_cut():
    text = (
        "Jordanian air force C-130s dropped food on 21 June. A Royal New Zealand Air Force C-130 landed at "
        "Luganville, and the Group of 20 pledged NZ$12 million. Its KF-16 fighters flew past."
    )
    orgs = _orgs(dyad.extract(text, published="2021-07-14"))
    assert not any(w in o for o in orgs for w in ("C-130", "21 June", "NZ$", "KF-16")), orgs
    assert "Group of 20" in orgs, orgs


def test_a_name_does_not_end_in_a_joining_word():
    text = (
        "Lawyers marched to the Uganda High Commission on Riverside Drive. He met the Special Representative of "
        "the Chinese Government on Korean Peninsula Affairs."
    )
    orgs = _orgs(dyad.extract(text, published="2021-07-14"))
    assert not any(o.split()[-1] in ("on", "and", "&", "of") for o in orgs), orgs


def test_a_body_cut_at_its_of_belongs_to_the_state_named_after_it():
    text = (
        "The Ministry also informs that today it received a note from the Ministry of Foreign Affairs of the "
        "Plurinational State of Bolivia declaring the Chargé d'Affaires of Argentina in La Paz persona non grata."
    )
    doc = dyad.extract(text, published="2020-01-01")
    found = [(a.name, a.country) for a in doc.actors if a.kind == "organization"]
    assert ("Ministry of Foreign Affairs", "BOL") in found, found


def test_the_acronym_of_a_things_name_is_no_body():
    text = (
        "The security of the Zaporozhye Nuclear Power Plant (ZNPP) was discussed. The International Atomic "
        "Energy Agency (IAEA) sent a mission to protect the ZNPP."
    )
    orgs = _orgs(dyad.extract(text, published="2022-09-13"))
    assert "ZNPP" not in orgs and any("Atomic" in o or o == "IAEA" for o in orgs), orgs


def test_a_un_body_named_with_the_short_prefix_is_that_body_not_the_un():
    text = "The UN Command said its investigators had visited the site. The UN High Commissioner for Refugees agreed."
    orgs = _orgs(dyad.extract(text, published="2019-07-02"))
    assert "UN Command" in orgs and "UN High Commissioner for Refugees" in orgs, orgs
    assert "United Nations" not in orgs, orgs


def test_an_acronym_written_as_a_word_is_the_body_its_letters_stand_for():
    text = (
        "The U.N. Educational, Scientific and Cultural Organization, or UNESCO, listed the temple. "
        "UNESCO said the site was at risk."
    )
    orgs = _orgs(dyad.extract(text, published="2011-02-07"))
    assert len([o for o in orgs if "Educational" in o or o.upper() == "UNESCO"]) == 1, orgs


def test_a_parliament_named_alone_mid_sentence_is_the_storys_states():
    text = "Ghana's foreign minister Ezekiel Mhango told Parliament the matter was being handled calmly."
    doc = dyad.extract(text, published="2020-05-02")
    found = [(a.name, a.country) for a in doc.actors if a.kind == "organization"]
    assert ("Parliament", "GHA") in found, found
    text2 = "Parliament Speaker Alban Bagbin opened the session. The European Parliament met too."
    assert "Parliament" not in _orgs(dyad.extract(text2, published="2020-05-02"))


def test_a_name_the_text_puts_somewhere_once_is_a_place_at_every_mention():
    text = (
        "Gunfire was exchanged at Torkham, a main border crossing. Torkham traders said trade had stopped. "
        "Clinton spoke in the remote capital Naypidaw. Iran seized the British-flagged Stena Impero tanker."
    )
    orgs = _orgs(dyad.extract(text, published="2016-06-13"))
    assert not any(w in o for o in orgs for w in ("Torkham", "Naypidaw", "Stena")), orgs


def test_a_body_whose_craft_the_text_names_stays_a_body():
    orgs = _orgs(dyad.extract("A U.S. Navy destroyer passed through the Straits of Florida.", published="2019-01-02"))
    assert any("Navy" in o for o in orgs), orgs


def test_the_field_of_a_ministers_title_is_no_body():
    for text in [
        "Guyana protested what Foreign Affairs Minister Sharda Persaud called an unprovoked attack.",
        "Romanian Energy Minister Sorin Pavelescu said on Tuesday the supply would go on.",
        "Warsame held talks with Defence Cabinet Secretary Samuel Wekesa in Nairobi.",
        "Before the ceremony, the two Heads of State held a private meeting.",
    ]:
        assert _orgs(dyad.extract(text, published="2023-01-01")) == [], text


def test_a_province_named_in_one_word_is_no_organisation():
    from dyad.extract.organisations import _not_an_organization
    from dyad.nlp.pipeline import load

    doc = load()("Fishermen from Hokkaido met the Wilson Center.")
    assert _not_an_organization("Hokkaido", [doc[2]], set())
    assert not _not_an_organization("Wilson Center", list(doc[5:7]), set())


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The Thai army said two soldiers were hurt.", "Thai army", "THA"),
        ("In a statement, Turkey's military said the plane ignored three warnings.", "Turkey's military", "TUR"),
        (
            "Iranian foreign ministry officials confirmed Sunday that the deal will take effect.",
            "Iranian foreign ministry",
            "IRN",
        ),
    ],
)
def test_a_national_force_or_ministry_named_in_lower_case_that_acts_is_a_body(text: str, name: str, country: str):
    assert (name, country) in [(a.name, a.country) for a in dyad.extract(text).actors if a.kind == "organization"]


@pytest.mark.parametrize(
    "text",
    ["Israeli military action continued near the Thai army base.", "France reacted in a foreign ministry statement."],
)
def test_a_national_force_named_in_passing_is_no_body(text: str):
    assert not [a for a in dyad.extract(text).actors if a.kind == "organization"]


def test_national_forces_are_listed_in_the_order_the_text_names_them():
    text = (
        "The Swedish navy said it had shadowed the vessel. Finland's coast guard said it boarded the tanker, and "
        "Sweden's coast guard said it had towed it to port."
    )
    forces = [a.name for a in dyad.extract(text).actors if a.kind == "organization"]
    assert forces == ["Swedish navy", "Finland's coast guard", "Sweden's coast guard"]
