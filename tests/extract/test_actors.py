"""Actors: people with titles and countries, states, organisations, one actor per entity."""

from __future__ import annotations

import pytest

import dyad
from tests.conftest import actor_named


def _people(text: str, published: str) -> list[str]:
    """The names of the people dyad finds in a text, in order."""
    return [a.name for a in dyad.extract(text, published=published).actors if a.kind == "person"]


DELEGATION = (
    "PYONGYANG (Agency) - The Russian leader arrived in North Korea's capital, Pyongyang, on Wednesday. "
    "The Russian delegation includes Defense Minister Andrei Belousov, Foreign Minister Sergey Lavrov, "
    "and Roscosmos head Yuri Borisov, among others.\n"
    "Russian President Vladimir Putin held talks with North Korean leader Kim Jong Un. "
    "The Russian president said the talks were useful. The North Korean leader agreed.\n"
    "The Russian head of state also thanked Pyongyang for its support."
)


def test_people_get_titles_and_the_delegation_country():
    doc = dyad.extract(DELEGATION, published="2024-06-19")
    belousov = actor_named(doc, "Andrei Belousov")
    assert (belousov.title, belousov.country, belousov.code) == ("Defense Minister", "RUS", "RUSGOV")
    assert actor_named(doc, "Sergei Lavrov").country == "RUS"  # one spelling for Sergey / Sergei
    borisov = actor_named(doc, "Yuri Borisov")
    assert borisov.title == "Head of Roscosmos" and borisov.country == "RUS"


def test_roscosmos_is_an_organisation_not_a_person():
    doc = dyad.extract(DELEGATION, published="2024-06-19")
    roscosmos = actor_named(doc, "Roscosmos")
    assert roscosmos.kind == "organization" and roscosmos.country == "RUS"
    assert not any(a.kind == "person" and "Roscosmos" in a.name for a in doc.actors)


def test_roles_resolve_to_the_person():
    doc = dyad.extract(DELEGATION, published="2024-06-19")
    putin = actor_named(doc, "Vladimir Putin")
    said = {m.text for m in putin.mentions}
    assert {"The Russian leader", "The Russian president", "The Russian head of state"} <= said
    kim = actor_named(doc, "Kim Jong Un")
    assert "The North Korean leader" in {m.text for m in kim.mentions}
    assert sum(1 for a in doc.actors if a.kind == "person") == 5


def test_states_from_names_demonyms_and_capitals_as_governments():
    doc = dyad.extract(DELEGATION, published="2024-06-19")
    north_korea = next(a for a in doc.actors if a.kind == "state" and a.country == "PRK")
    forms = {m.text for m in north_korea.mentions}
    assert {"North Korea", "North Korean", "Pyongyang"} <= forms  # "thanked Pyongyang": the government
    assert not any(m.text == "Pyongyang" and m.start < 60 for m in north_korea.mentions)  # the city
    assert [p.name for p in doc.places] == ["Pyongyang"]


def test_aliases_map_to_iso_codes():
    doc = dyad.extract(
        "The DPRK and the Democratic People's Republic of Korea are one state. "
        "Washington rejected the claim, and the U.S. envoy left."
    )
    codes = {a.country for a in doc.actors if a.kind == "state"}
    assert codes == {"PRK", "USA"}
    assert sum(1 for a in doc.actors if a.kind == "state" and a.country == "PRK") == 1


def test_mentions_index_the_text():
    doc = dyad.extract(DELEGATION, published="2024-06-19")
    for actor in doc.actors:
        for m in actor.mentions:
            assert doc.article.text[m.start : m.end] == m.text


def test_a_city_tagged_as_a_person_is_dropped():
    doc = dyad.extract("Putin said Kiev had refused to talk. The shelling of Donbass went on.")
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Vladimir Putin"]


def test_organisation_country_from_its_name():
    doc = dyad.extract("The Russian Foreign Ministry summoned the ambassador. The Kremlin declined to comment.")
    ministry = next(a for a in doc.actors if a.kind == "organization" and "Ministry" in a.name)
    assert ministry.country == "RUS" and ministry.code == "RUSGOV"
    russia = actor_named(doc, "Russia")  # the Kremlin stands for its state, as a capital does
    assert "The Kremlin" in {m.text for m in russia.mentions} or "Kremlin" in {m.text for m in russia.mentions}
    assert not [a for a in doc.actors if a.name == "Kremlin"]


def test_a_lone_surname_the_ner_missed_is_still_the_person():
    doc = dyad.extract('Chinese Foreign Minister Wang Yi spoke in Beijing. "Where is its credibility?" Wang asked.')
    wang = actor_named(doc, "Wang Yi")
    assert "Wang" in {m.text for m in wang.mentions}
    assert doc.actor(doc.quotes[0].speaker) is wang
    assert [a.name for a in doc.actors if a.kind != "state"] == ["Wang Yi"]


def test_a_two_word_family_name_the_ner_took_for_a_body_is_still_the_person():
    doc = dyad.extract(
        "Colombian Foreign Minister Mauricio Restrepo Ardila met his Brazilian counterpart in Brasilia. "
        "Restrepo Ardila thanked Brazil for its help."
    )
    minister = actor_named(doc, "Mauricio Restrepo Ardila")
    assert "Restrepo Ardila" in {m.text for m in minister.mentions}
    assert not [a for a in doc.actors if a.kind != "person" and a.name == "Restrepo Ardila"]
    thanks = next(e for e in doc.events if e["type"] == "SUPPORT")
    assert thanks["sources"] == [minister.id]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Minister of Foreign Affairs and European Integration Oleg Cebanu held a telephone conversation with his "
            "Turkish counterpart.",
            "Oleg Cebanu",
        ),
        (
            "The Minister of Defence of Peru, Alfredo Quispe Villanueva, and the Minister of Defence of Ecuador met on "
            "Monday.",
            "Alfredo Quispe Villanueva",
        ),
        (
            "The Ambassador of the Republic of Turkey, H.E. Mehmet Selçuk Aydın, handed over the documents.",
            "Mehmet Selçuk Aydın",
        ),
        # the NER's body is the rank and a given name it does not know: the rank ends at its last title word
        (
            "The Director General of military operations, Lieutenant General Sandeep Kumar Bhalla, spoke to his "
            "Pakistani counterpart.",
            "Sandeep Kumar Bhalla",
        ),
        # a form of address many bear as a given name is still no part of the name
        (
            "Foreign Minister Ashraf Hegazy spoke by phone with Kuwait's Foreign Minister Sheikh Fahad Al-Mubarak "
            "Al-Sabah on Monday. Sheikh Fahad said the views did not represent Kuwait.",
            "Fahad Al-Mubarak Al-Sabah",
        ),
    ],
)
def test_a_common_given_name_the_ner_put_in_a_body_or_place_opens_the_name(text: str, name: str) -> None:
    assert name in {a.name for a in dyad.extract(text, published="2021-06-10").actors if a.kind == "person"}


@pytest.mark.parametrize(
    "text",
    [
        "In Windsor, where the Ambassador Bridge carries a quarter of the trade between Canada and the United States, "
        "truckers waited.",
        "The two prime ministers witness the signing of a loan for Ho Chi Minh City's second metro line.",
        "The Fund said in a statement that a staff-level agreement was possible.",
        "The Embassy continues to follow the case of the two remaining sailors, the Embassy said.",
    ],
)
def test_a_place_or_a_body_by_its_last_word_or_its_article_is_no_person(text: str) -> None:
    assert not [a.name for a in dyad.extract(text, published="2024-05-06").actors if a.kind == "person"]


def test_a_known_name_inside_a_longer_name_is_not_matched():
    doc = dyad.extract("Delegates to the National People's Congress met in Beijing. The U.S. Congress did not.")
    codes = {a.name: a.code for a in doc.actors if a.kind == "organization"}
    assert codes == {"National People's Congress": "CHNLEG", "Congress": "USALEG"}


def test_titles_keep_the_order_written_except_heads():
    doc = dyad.extract("Kremlin spokesman Dmitry Peskov said Roscosmos chief Yuri Borisov would attend.")
    assert actor_named(doc, "Dmitry Peskov").title == "Kremlin spokesman"
    assert actor_named(doc, "Yuri Borisov").title == "Chief of Roscosmos"


def test_capitals_in_coordination_stand_for_governments():
    doc = dyad.extract("Turkey would host talks between Moscow and Kyiv. Ministers met in Kyiv on Monday.")
    states = {a.country: [m.text for m in a.mentions] for a in doc.actors if a.kind == "state"}
    assert states["RUS"] == ["Moscow"] and states["UKR"] == ["Kyiv"]
    assert [(p.name, len(p.mentions)) for p in doc.places] == [("Kyiv", 1)]


def test_lower_case_words_of_a_title():
    doc = dyad.extract("EU foreign policy chief Josep Borrell and ministry spokesman Heorhiy Tykhyi spoke.")
    assert actor_named(doc, "Josep Borrell").title == "EU foreign policy chief"
    assert actor_named(doc, "Heorhiy Tykhyi").title == "Ministry Spokesman"


def test_one_word_names_need_support():
    doc = dyad.extract("Brexit dominated the talks. Mr. Barnier left early. Burma was not invited.")
    people = [a.name for a in doc.actors if a.kind == "person"]
    assert people == ["Barnier"]


def test_a_given_name_that_is_also_a_common_word_starts_a_name_but_ends_none():
    doc = dyad.extract(
        "President Bill Clinton met Chancellor Gerhard Schroeder in Berlin. "
        "Parliament passed the Online Safety Bill on Monday.",
        published="2000-06-01",
    )
    people = {a.name: a.country for a in doc.actors if a.kind == "person"}
    assert people == {"Bill Clinton": "USA", "Gerhard Schroeder": "DEU"}


def test_a_mediator_or_coordinator_of_an_international_body_acts_for_it():
    doc = dyad.extract(
        "Rebel leaders met U.N. mediator Pedro Alvarez on Monday. Hiroshi Tanaka, the United Nations "
        "Emergency Relief Coordinator, demanded access for aid workers.",
        published="2001-06-01",
    )
    codes = {a.name: (a.code or "")[:3] for a in doc.actors if a.kind == "person"}
    assert codes == {"Pedro Alvarez": "IGO", "Hiroshi Tanaka": "IGO"}


def test_an_abbreviation_is_the_body_it_abbreviates():
    doc = dyad.extract(
        "The Indian Air Force (IAF) struck targets on Monday. The IAF said its jets returned safely. "
        "Teams of the National Disaster Response Force were deployed, and the NDRF rescued 40 people.",
        published="2024-05-06",
    )
    names = sorted(a.name for a in doc.actors if a.kind == "organization")
    assert names == ["Indian Air Force", "National Disaster Response Force"]


def test_summits_forums_treaties_and_operations_are_not_bodies():
    doc = dyad.extract(
        "After the Negev Summit and the Belt and Road Forum for International Cooperation, both states ratified "
        "the Chemical Weapons Convention and ended Operation Desert Storm.",
        published="2024-05-06",
    )
    assert not [a.name for a in doc.actors if a.kind == "organization"]


def test_an_office_holder_named_with_a_bare_title_has_the_country_of_their_office_on_that_date():
    doc = dyad.extract(
        "President Ferdinand Marcos Jr. met Prime Minister Nikol Pashinyan on Monday.", published="2024-06-03"
    )
    assert {a.name: a.country for a in doc.actors if a.kind == "person"} == {
        "Ferdinand Marcos Jr.": "PHL",
        "Nikol Pashinyan": "ARM",
    }
    old = dyad.extract("President Reagan met the Soviet leader in Geneva.", published="1985-11-19")
    assert [(a.name, a.country) for a in old.actors if a.kind == "person"] == [("Ronald Reagan", "USA")]


def test_an_office_holder_named_without_a_title_gets_the_office_held_on_the_article_date():
    text = "Pete Buttigieg said the railways would get more money, and Shinjiro Koizumi agreed."
    doc = dyad.extract(text, published="2021-06-01")
    people = {a.name: (a.country, a.title) for a in doc.actors if a.kind == "person"}
    assert people["Pete Buttigieg"] == ("USA", "Secretary of Transportation")
    # two offices at once: the one begun last; the text's spelling of the name (the knowledge's is Shinjirō)
    assert people["Shinjiro Koizumi"] == ("JPN", "Minister of State for Nuclear Emergency Preparedness")
    later = dyad.extract(text, published="2024-06-01")  # past what the cabinets vouch for: the state, no office
    assert {a.name: (a.country, a.title) for a in later.actors if a.kind == "person"}["Pete Buttigieg"] == ("USA", None)


def test_a_known_person_out_of_office_keeps_the_state_of_their_offices():
    doc = dyad.extract("Emir Hamad bin Khalifa al-Thani met the French president on Monday.", published="1998-03-02")
    assert {a.name: a.country for a in doc.actors if a.kind == "person"} == {"Hamad bin Khalifa al-Thani": "QAT"}


def test_a_visiting_or_outgoing_officials_country_is_the_one_before_the_title():
    doc = dyad.extract(
        "Israeli President Isaac Herzog refused to meet Jordan's visiting King Abdullah II in Jerusalem, and "
        "Egypt's outgoing Foreign Minister Sameh Shoukry left.",
        published="2024-06-03",
    )
    people = {a.name: (a.country, a.title) for a in doc.actors if a.kind == "person"}
    assert people["Abdullah II"] == ("JOR", "King")
    assert people["Sameh Shoukry"] == ("EGY", "Foreign Minister")


def test_armed_groups_and_international_bodies_have_their_codes():
    doc = dyad.extract(
        "Hezbollah fired rockets, and the Kurdistan Workers' Party denied any role, the IAEA said.",
        published="2024-06-03",
    )
    codes = {a.name: (a.country, a.code) for a in doc.actors if a.kind == "organization"}
    assert codes["Hezbollah"][0] == "LBN" and codes["Kurdistan Workers' Party"][0] == "TUR"
    assert codes["IAEA"][1].startswith("IGO")  # named as the text names it (organisations.names_as_written)


def test_a_national_body_in_a_persons_title_gives_their_country():
    doc = dyad.extract("Pentagon Press Secretary Maj. Gen. Pat Ryder provided the readout.", published="2024-05-06")
    assert [(a.name, a.country) for a in doc.actors if a.kind == "person"] == [("Pat Ryder", "USA")]


def test_the_speaker_of_a_missions_remarks_is_of_the_missions_state():
    text = "Ambassador Robert Wood\nAlternate Representative\nMarch 27, 2023\n\nThank you. We reject these claims."
    doc = dyad.extract(text, published="2023-03-27", title="Remarks at a UN Security Council Briefing",
                       source="U.S. Mission to the United Nations")  # fmt: skip
    assert [(a.name, a.country) for a in doc.actors if a.kind == "person"] == [("Robert Wood", "USA")]


def test_a_national_armed_service_is_a_body_of_its_state():
    doc = dyad.extract(
        "The Ukrainian Armed Forces shelled the town, the Indian Air Force said.", published="2024-05-06"
    )
    bodies = {a.name: (a.country, a.code) for a in doc.actors if a.kind == "organization"}
    assert bodies["Ukrainian Armed Forces"] == ("UKR", "UKRMIL") and bodies["Indian Air Force"][0] == "IND"


def test_the_one_country_a_text_names_is_not_given_to_an_official_acting_against_it():
    doc = dyad.extract("President Kowalczyk has threatened further action against Russia.", published="2014-05-06")
    person = next(a for a in doc.actors if a.kind == "person")
    assert person.country != "RUS"


def test_an_official_in_a_story_about_one_country_is_of_that_country():
    doc = dyad.extract(
        "Zimbabwe held elections on Monday. President Mnangagwa said the vote in Zimbabwe was calm.",
        published="2023-08-28",
    )
    person = next(a for a in doc.actors if a.kind == "person")
    assert person.country == "ZWE"


def test_the_one_country_of_a_guest_is_not_the_hosts():
    doc = dyad.extract(
        "President Kowalczyk gave a warm welcome on Thursday to South African leader Sipho Dlamini.",
        published="2014-05-06",
    )
    assert actor_named(doc, "Sipho Dlamini").country == "ZAF"
    assert actor_named(doc, "Kowalczyk").country is None


AGENCIES_AND_LEGISLATURES = [
    ("The State Department said on Monday that the talks would go on.", "State Department", "USA", "USAGOV"),
    ("Interfax reported the talks, citing a source.", "Interfax", "RUS", "RUSMED"),
    ("Iran's official IRNA news agency reported the strike.", "IRNA", "IRN", "IRNMED"),
    ("Eslami said so, according to Iran's Fars news agency.", "Fars News Agency", "IRN", "IRNMED"),
    ("Syria's state news agency SANA reported the strike.", "SANA", "SYR", "SYRMED"),
    ("Turkey's Anadolu Agency reported the strike.", "Anadolu Agency", "TUR", "TURMED"),
    ("The Palestinian news agency WAFA reported the strike.", "WAFA", "PSE", "PSEMED"),
    ("Japan's Kyodo news agency reported that protests grew.", "Kyodo", "JPN", "JPNMED"),
    ("Xinhua reported the visit.", "Xinhua", "CHN", "CHNMED"),
    ("KCNA reported the launch.", "KCNA", "PRK", "PRKMED"),  # named as the text names it
    ("Yonhap reported the launch.", "Yonhap", "KOR", "KORMED"),
    ("TASS reported the visit, and RIA Novosti confirmed it.", "RIA Novosti", "RUS", "RUSMED"),
    ("Ukraine's Verkhovna Rada voted on Monday.", "Verkhovna Rada", "UKR", "UKRLEG"),
    ("North Korea's Supreme People's Assembly met on Monday.", "Supreme People's Assembly", "PRK", "PRKLEG"),
    ("The House of Commons voted on Monday.", "House of Commons", "GBR", "GBRLEG"),
    ("The Knesset voted on Monday.", "Knesset", "ISR", "ISRLEG"),
    ("The Duma voted on Monday.", "Duma", "RUS", "RUSLEG"),
    ("Congress voted on Monday.", "Congress", "USA", "USALEG"),
    ("The National Assembly of Kenya voted on Monday.", "National Assembly of Kenya", "KEN", None),
]


def test_news_agencies_and_legislatures_are_organisations_of_their_state():
    for text, name, country, code in AGENCIES_AND_LEGISLATURES:
        doc = dyad.extract(text, published="2024-06-19")
        body = actor_named(doc, name)
        assert (body.kind, body.country) == ("organization", country), text
        assert code is None or body.code == code, text


def test_a_title_that_opens_with_its_state_set_beside_a_name_gives_the_state():
    doc = dyad.extract("Kenya's foreign minister, Juma Otieno, said the talks had failed.", published="2024-06-03")
    assert (actor_named(doc, "Juma Otieno").country, actor_named(doc, "Juma Otieno").title) == (
        "KEN",
        "Foreign Minister",
    )


def test_the_capital_an_envoy_serves_in_is_not_the_envoys_state():
    doc = dyad.extract("Russia's ambassador in Prague, Igor Belov, warned on Monday.", published="2024-06-03")
    assert actor_named(doc, "Igor Belov").country in ("RUS", None)
    doc = dyad.extract("The ministry summoned the ambassador in Ljubljana, Damir Horvatic.", published="2024-06-03")
    assert actor_named(doc, "Damir Horvatic").country is None


def test_a_passing_word_before_a_state_title_keeps_the_state():
    doc = dyad.extract(
        "The deal between new Sudanese Prime Minister Abdalla Hamdok and South Sudan's President Salva Kiir holds.",
        published="2019-09-13",
    )
    assert actor_named(doc, "Abdalla Hamdok").country == "SDN"


def test_a_role_the_lead_leaves_unnamed_is_the_subject_who_follows():
    text = "Kenya's foreign minister said on Monday that the talks would go on. Juma Otieno said the border would open."
    doc = dyad.extract(text, published="2024-06-03")
    assert (actor_named(doc, "Juma Otieno").country, actor_named(doc, "Juma Otieno").title) == (
        "KEN",
        "Foreign Minister",
    )


@pytest.mark.usefixtures("rules_alone")
def test_a_role_and_a_name_that_are_two_people_do_not_share_a_state():
    doc = dyad.extract(
        "Uganda's foreign minister arrived in Nairobi on Monday. He held talks with Foreign Minister Juma Otieno.",
        published="2024-06-03",
    )
    assert actor_named(doc, "Juma Otieno").country is None
    doc = dyad.extract("Foreign Minister Juma Otieno met Uganda's foreign minister in Kampala.", published="2024-06-03")
    assert actor_named(doc, "Juma Otieno").country is None
    text = (
        "The British prime minister accused Argentina of behaving like a colonial power.\n\n"
        '"Nobody is going to war," said Mariana Kessel, a historian at the University of Buenos Aires.'
    )
    assert actor_named(dyad.extract(text, published="2024-06-03"), "Mariana Kessel").country is None


def test_an_aide_named_by_whom_they_serve_has_that_persons_state():
    text = "Erdogan spokesman Fahrettin Altun said Turkey was clear. Turkish President Recep Tayyip Erdogan left."
    assert actor_named(dyad.extract(text, published="2019-11-13"), "Fahrettin Altun").country == "TUR"


def test_a_title_of_an_international_body_gives_no_state():
    text = (
        "Kenya said the talks failed. Secretary-General Amina Odhiambo and UN Secretary-General Antonio Guterres spoke."
    )
    doc = dyad.extract(text, published="2024-06-03")
    assert actor_named(doc, "Amina Odhiambo").country is None
    assert actor_named(doc, "Antonio Guterres").country is None


def test_each_of_several_delegations_in_a_sentence_gives_its_own_state():
    text = (
        "The Ugandan delegation was led by Minister Patrick Okello, and the Rwandan delegation by Minister Jean "
        "Mugisha. The Egyptian delegation met the delegation of the Republic of the Sudan headed by Minister Kamal "
        "Babikir."
    )
    doc = dyad.extract(text, published="2010-03-18")
    assert actor_named(doc, "Patrick Okello").country == "UGA"
    assert actor_named(doc, "Jean Mugisha").country == "RWA"
    assert actor_named(doc, "Kamal Babikir").country in ("SDN", None)


def test_the_lead_paragraph_role_is_named_by_the_next_paragraphs_subject():
    text = "Somalia's defense minister has confirmed foreign troops are in the country.\n\nAbdi Warsame told reporters."
    doc = dyad.extract(text, published="2014-01-26")
    assert actor_named(doc, "Abdi Warsame").country == "SOM"


def test_a_role_that_looks_back_to_an_earlier_official_names_no_one_after_it():
    text = (
        "Minister Carlos Quispe thanked Canada for its help. The Peruvian minister said the work went on. "
        "Minister Lucia Paredes described the work as proof of peace."
    )
    assert actor_named(dyad.extract(text, published="2010-06-01"), "Lucia Paredes").country is None


def test_an_office_in_a_states_body_gives_the_state():
    """ "deputy head of Iran's maritime agency": the body's state is the official's."""
    doc = dyad.extract(
        "Jalil Eslami, deputy head of Iran's maritime agency, said Tuesday that the tanker would be released. "
        "General Anatoly Nogovitsyn, the deputy head of Russia's general staff, said the troops would stay.",
        published="2019-08-13",
    )
    assert actor_named(doc, "Jalil Eslami").country == "IRN"
    assert actor_named(doc, "Anatoly Nogovitsyn").country == "RUS"


def test_each_minister_in_a_communique_list_takes_the_state_of_the_title_before_their_name():
    """ "the Minister ... of the Republic of South Sudan, Hon. A, the Minister ... of the Republic of Kenya, Hon. B":
    the title set off by a comma before "Hon." is A's, not the one after A's name."""
    doc = dyad.extract(
        "The memorandum was signed in Juba by the Minister of Transport and Roads of the Republic of South Sudan, "
        "Hon. Anthony Lino Makana Dut, the Minister for Transport of the Republic of Kenya, Hon. Samuel Kiprono "
        "Langat, and others.",
        published="2021-03-02",
    )
    assert actor_named(doc, "Anthony Lino Makana Dut").country == "SSD"
    assert actor_named(doc, "Samuel Kiprono Langat").country == "KEN"


def test_a_capital_that_opens_a_clause_after_a_comma_is_its_government():
    doc = dyad.extract("Since then, Beijing has regularly sent patrol boats to the islands.", published="2013-01-01")
    assert "Beijing" in {m.text for m in actor_named(doc, "China").mentions}
    assert "Beijing" not in {p.name for p in doc.places}
    doc = dyad.extract("Talks were held in Tokyo, Beijing and Seoul.", published="2013-01-01")
    assert "Beijing" in {p.name for p in doc.places}


def test_a_leaders_name_that_only_names_a_government_is_the_state():
    """ "The Trump administration has ordered ...": the United States acts; the text names no person."""
    doc = dyad.extract(
        "The Trump administration has ordered the expulsion of two Cuban diplomats.", published="2019-09-19"
    )
    assert not [a for a in doc.actors if a.kind == "person"]
    assert "Trump" in {m.text for m in actor_named(doc, "United States").mentions}


def test_a_ship_is_no_person_no_body_and_no_place():
    doc = dyad.extract(
        "The USS George Washington and the hospital ship USS Mercy arrived in Manila with HMS Illustrious.",
        published="2013-11-19",
    )
    assert [(a.kind, a.name) for a in doc.actors if a.kind != "state"] == []
    assert [p.name for p in doc.places] == ["Manila"]


def test_a_reporters_occupation_is_a_title_not_part_of_the_name():
    doc = dyad.extract("Correspondent Peter Fedynsky reports that the talks failed.", published="2007-05-02")
    assert actor_named(doc, "Peter Fedynsky").title == "Correspondent"


def test_a_counterpart_gives_the_state_but_no_office():
    doc = dyad.extract(
        "Amr met with his Ethiopian counterpart, Tedros Adhanom, in Addis Ababa.", published="2013-11-19"
    )
    tedros = actor_named(doc, "Tedros Adhanom")
    assert (tedros.country, tedros.title) == ("ETH", None)
    doc = dyad.extract("Lavrov spoke with his Turkish counterpart, Foreign Minister Mevlut Cavusoglu.")
    assert actor_named(doc, "Mevlut Cavusoglu").title == "Foreign Minister"


def test_a_name_the_ner_takes_for_a_body_right_after_a_title_is_a_person():
    doc = dyad.extract("Water Minister Dawit Alemayehu Gebre said the dam would be finished.", published="2020-01-01")
    assert actor_named(doc, "Dawit Alemayehu Gebre").kind == "person"
    assert not [a for a in doc.actors if a.kind == "organization"]


def test_the_field_of_a_ministers_office_is_not_part_of_the_name_after_it():
    doc = dyad.extract("Minister of Water Paul Mayom said the talks would resume.", published="2013-04-23")
    assert actor_named(doc, "Paul Mayom").title == "Minister of Water"


def test_a_list_of_names_is_no_title_after_the_first():
    doc = dyad.extract(
        "Iran charged Haleh Esfandiari, Kian Tajbakhsh and journalist Parnaz Azima.", published="2007-05-29"
    )
    assert actor_named(doc, "Haleh Esfandiari").title is None
    assert actor_named(doc, "Parnaz Azima").title == "Journalist"


def test_the_government_of_a_titled_leader_gives_the_leaders_office_and_state():
    doc = dyad.extract(
        "Chavez said he believed the outgoing government of Colombian President Alvaro Uribe could attack.",
        published="2010-07-30",
    )
    uribe = actor_named(doc, "Alvaro Uribe")
    assert (uribe.title, uribe.country) == ("President", "COL")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Costa Rican Foreign Minister Laura Solís Quesada called the expulsion regrettable.", "Laura Solís Quesada"),
        (
            "Foreign Minister Marie-Claire Payet Hoareau told reporters that the government would wait.",
            "Marie-Claire Payet Hoareau",
        ),
    ],
)
def test_a_family_name_of_two_words_that_the_ner_cut_short_stays_whole(text: str, name: str) -> None:
    people = _people(text, "2020-01-01")
    assert people == [name]


def test_a_date_or_a_body_after_a_name_is_not_part_of_it() -> None:
    doc = dyad.extract("Secretary of State Antony Blinken Tuesday met Wang Yi in Beijing.", published="2020-01-01")
    assert sorted(a.name for a in doc.actors if a.kind == "person") == ["Antony Blinken", "Wang Yi"]


def test_a_province_the_ner_took_for_a_person_is_no_person() -> None:
    doc = dyad.extract(
        "Rwandan troops returned to Cabo Delgado on Monday, Mozambique's army said.", published="2021-08-02"
    )
    assert not [a.name for a in doc.actors if a.kind == "person"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ISLAMABAD: Saudi Arabia has rolled over its deposit with the State Bank, officials said.", "Islamabad"),
        ("KUWAIT CITY: Kuwait released 15 Iranian fishermen on Sunday, the interior ministry said.", "City"),
    ],
)
def test_a_dateline_in_capitals_is_no_speakers_label(text: str, place: str):
    doc = dyad.extract(text, published="2023-05-02")
    assert not [a for a in doc.actors if a.kind == "person"], place


def test_a_lake_or_a_mountain_is_no_person_and_keeps_the_state_it_is_named_after():
    text = (
        "Malawi protested to Tanzania after Tanzanian police detained nine fishermen on the northern part of "
        "Lake Malawi, the ministry said. Malawi wants them freed."
    )
    doc = dyad.extract(text, published="2023-05-02")
    assert not [a for a in doc.actors if a.kind == "person"]
    assert any(a.kind == "state" and a.country == "MWI" for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He met his Malaysian counterpart, Datuk Seri Azman Rahim, in Putrajaya.", "Azman Rahim"),
        ("The ministry summoned the envoy, His Excellency Julio Arriaza Palomo, on Monday.", "Julio Arriaza Palomo"),
        ("Professor Ruth Calder of the University of Otago said the deal was weak.", "Ruth Calder"),
        ("Ethiopian spokesman Ato Belay Wondimu said the talks would resume.", "Belay Wondimu"),
        ("Myanmar's ambassador U Tin Maung Htay was summoned.", "Tin Maung Htay"),
        ("The Taliban's Mawlawi Abdul Rahim Saqib said the border was open.", "Abdul Rahim Saqib"),
        ("Alhaji Sule Garba, a trader in Kano, said prices had doubled.", "Sule Garba"),
        ("Shri Vikram Raghavan met the envoy on Monday.", "Vikram Raghavan"),
        ("PCG spokesman Commodore Arnel Bautista said two crew were hurt.", "Arnel Bautista"),
        ("Junior Sergeant Narek Hovhannisyan was killed on the border.", "Narek Hovhannisyan"),
        ("Counsellor Aliaksandr Hrynkevich was declared persona non grata.", "Aliaksandr Hrynkevich"),
    ],
)
def test_honorifics_and_ranks_of_many_countries_are_no_part_of_the_name(text: str, name: str):
    assert _people(text, "2023-01-01") == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Prime Minister of the Kyrgyz Republic Nurbek Asanaliev and Prime Minister of the Republic of Tajikistan "
            "Davlat Saidzoda spoke by telephone.",
            ["Nurbek Asanaliev", "Davlat Saidzoda"],
        ),
        ("Japanese Ambassador to the Philippines Hiroshi Tanabe said the drill was routine.", ["Hiroshi Tanabe"]),
        (
            "Earlier, Russian Ambassador to the United Kingdom Pavel Gromov told reporters he had no comment.",
            ["Pavel Gromov"],
        ),
    ],
)
def test_a_name_after_a_title_and_its_state_is_a_name_though_the_ner_ran_the_state_into_it(text: str, names: list[str]):
    assert _people(text, "2023-01-01") == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The talks were held in Lusaka on 3 and 4 March 2021 between the Honourable Chanda Mwila Banda, Minister "
            "of Energy, and the Honourable Juma Said Kitwana, Minister for Water and East African Cooperation.",
            ["Chanda Mwila Banda", "Juma Said Kitwana"],
        ),
        (
            "The delegation was received by H.E. Awa Coulibaly Traoré, Minister of Agriculture and Rural Development.",
            ["Awa Coulibaly Traoré"],
        ),
    ],
)
def test_proper_nouns_after_a_form_of_address_are_a_name_whatever_the_ner_made_of_them(text: str, names: list[str]):
    assert _people(text, "2023-01-01") == names


@pytest.mark.parametrize(
    "text",
    [
        "The rust-streaked Russian trawler Kapitan Sorokin was still tied up at the quay on Wednesday.",
        "Guyana condemned the seizure of the fishing vessel Lady Shanice by a Venezuelan navy ship.",
        "Relief ships arrived as Cyclone Toofan left 61 dead, officials in Dhaka said.",
        "BRAZIL-BOLIVIA: Brazilian federal police arrested six Bolivian nationals near the border.",
        "Britain repeated its claim, and on Tuesday Mauritius replied with a statement condemning it.",
    ],
)
def test_craft_storms_pairs_of_states_and_weekdays_make_no_person(text: str):
    assert _people(text, "2023-01-01") == []


def test_a_form_of_address_that_is_part_of_a_known_name_stays():
    doc = dyad.extract("Sheikh Hasina said the border would stay open.", published="2023-01-01")
    assert [(a.name, a.country) for a in doc.actors if a.kind == "person"] == [("Sheikh Hasina", "BGD")]
    doc = dyad.extract("The emir, Sheikh Tamim bin Hamad Al Thani, met the envoy.", published="2023-01-01")
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Tamim bin Hamad Al Thani"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Rwandan defence minister and his Mozambican counterpart, Cristóvão Macuácua Nhantumbo, signed "
            "an amendment in Maputo.",
            "Cristóvão Macuácua Nhantumbo",
        ),
        (
            "The talks were led by the Guinean minister of defence, Mamadouba Camara Soumah, on Tuesday.",
            "Mamadouba Camara Soumah",
        ),
    ],
)
def test_a_name_set_beside_a_title_is_a_person_whatever_the_ner_took_it_for(text: str, name: str):
    assert name in _people(text, "2023-01-01")


@pytest.mark.parametrize(
    "text",
    [
        "The minister, Mae Sot, was busy.",  # a place beside a title stays out: it is a city the gazetteer knows
        "The talks with the minister, Foreign Affairs, ended.",
    ],
)
def test_a_place_or_a_field_beside_a_title_is_no_person(text: str):
    names = _people(text, "2023-01-01")
    assert "Foreign Affairs" not in names


def test_a_lower_case_title_opens_a_name_the_ner_missed():
    text = (
        "Addressing the weekly press briefing, Foreign Office spokesperson Sadia Mirza said the Indian envoy had "
        'been summoned. "We urge India to respect the ceasefire," she said.'
    )
    doc = dyad.extract(text, published="2023-01-01")
    mirza = actor_named(doc, "Sadia Mirza")
    assert [q.speaker for q in doc.quotes] == [mirza.id]


@pytest.mark.parametrize(
    "text",
    [
        "Sudan accused South Sudan of bombing a market near Kiir Adem in Northern Bahr el Ghazal.",
        "Thai police met Myanmar officers in Mae Sot on Tuesday.",
        "Iran's navy patrolled the waters near the island of Abu Musa.",
        "The ruling party held a rally in Svay Rieng town on Monday.",
        "Afghan forces fired on the Angoor Adda border crossing.",
    ],
)
def test_a_name_the_text_puts_somewhere_is_no_person(text: str):
    assert _people(text, "2023-01-01") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In Ramaphosa's view the talks failed, Kwame Mensah said.", "Kwame Mensah"),
        ("The ministry received a letter from Kwame Mensah on Monday.", "Kwame Mensah"),
        ('"We are ready," said Kwame Mensah in Accra. In Kwame Mensah\'s words, the border is open.', "Kwame Mensah"),
    ],
)
def test_a_person_named_beside_a_place_word_stays_a_person(text: str, name: str):
    assert name in _people(text, "2023-01-01")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tanzania's Minister of Foreign Affairs and East African Cooperation Neema Mwakalinga said the border "
            "would open.",
            "Neema Mwakalinga",
        ),
        (
            "Under Secretary for Terrorism and Financial Intelligence Daniel Corwin announced the sanctions.",
            "Daniel Corwin",
        ),
        ("Jordan's Minister of Foreign Affairs and Expatriates Marwan Haddadin met the envoy.", "Marwan Haddadin"),
    ],
)
def test_the_field_of_an_office_before_a_name_is_the_titles_not_the_names(text: str, name: str):
    assert _people(text, "2023-01-01") == [name]


def test_a_people_and_a_title_is_no_name():
    doc = dyad.extract("Russian Chargé d'Affaires Andrei Yegorov was summoned.", published="2023-01-01")
    assert [(a.name, a.country) for a in doc.actors if a.kind == "person"] == [("Andrei Yegorov", "RUS")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Migori Governor Okoth Otieno said the border was shut.", "Okoth Otieno"),
        ("Foreign Affairs CS Faith Chepkemoi told reporters the talks had failed.", "Faith Chepkemoi"),
        ("Private Elvin Gasimov was killed on the border.", "Elvin Gasimov"),
        ("Martin Luther King spoke in Memphis.", "Martin Luther King"),
    ],
)
def test_a_title_inside_what_the_ner_took_for_a_name_ends_the_title(text: str, name: str):
    assert _people(text, "2023-01-01") == [name]


def test_a_name_that_opens_with_a_common_given_name_is_a_person_when_the_ner_took_it_for_a_body():
    text = (
        "The Russian side offered to complete two power units. Oleksandr Kravets said Kyiv would study the "
        'proposal. "We are open to any project that strengthens the energy security of Ukraine," he said.'
    )
    doc = dyad.extract(text, published="2023-01-01")
    kravets = actor_named(doc, "Oleksandr Kravets")
    assert kravets.kind == "person"
    assert [q.speaker for q in doc.quotes] == [kravets.id]


@pytest.mark.parametrize("name", ["Al Ahly", "San Lorenzo", "Gor Mahia", "Ukrenergo"])
def test_clubs_places_and_bodies_do_not_open_with_a_given_name(name: str):
    from dyad import kb

    assert not kb.given_name_first(name)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "PRAGUE - Minister of Defence of Ukraine Serhiy Tkachenko today held talks in Prague.",
            "Serhiy Tkachenko",
            "Minister of Defence",
        ),
        (
            "He held talks with Minister for Foreign Affairs and Trade of Hungary Zsolt Bakos.",
            "Zsolt Bakos",
            "Minister for Foreign Affairs and Trade",
        ),
    ],
)
def test_a_name_after_a_title_with_its_field_and_state_is_found_with_its_title(text: str, name: str, title: str):
    person = actor_named(dyad.extract(text, published="2023-01-01"), name)
    assert (person.kind, person.title) == ("person", title)


def test_a_state_form_before_a_name_is_the_titles():
    doc = dyad.extract("President of the Republic Emmanuel Macron met the envoy.", published="2023-01-01")
    assert [(a.name, a.title) for a in doc.actors if a.kind == "person"] == [("Emmanuel Macron", "President")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Back home, Migori Governor Okoth Otieno launched an attack on officials, accusing them of "
            '"sleeping on the job".',
            "Okoth Otieno",
        ),
        ("Navy spokesman First Admiral Bambang Hartono says the vessel has left.", "Bambang Hartono"),
        ("Chargé Andrei Yegorov has arrived at the ministry.", "Andrei Yegorov"),
    ],
)
def test_a_title_the_ner_tagged_apart_is_no_part_of_the_name_it_runs_into(text: str, name: str):
    assert _people(text, "2023-01-01") == [name]


def test_a_province_named_by_its_kind_is_neither_person_nor_body_but_a_known_body_stays():
    doc = dyad.extract("Fighting spread to Unity State on Monday, Deng Dau Deng said.", published="2023-01-01")
    assert [(a.name, a.kind) for a in doc.actors] == [("Deng Dau Deng", "person")]
    doc = dyad.extract("Islamic State claimed the attack.", published="2023-01-01")
    assert [(a.name, a.kind) for a in doc.actors] == [("Islamic State", "organization")]


def test_a_middle_name_used_alone_is_the_one_person_who_bears_it():
    text = (
        "South Sudan's deputy minister of foreign affairs, Deng Dau Deng, said he met Hamdok. "
        '"There are issues," said Dau. Dau said Hamdok also met the leaders.'
    )
    doc = dyad.extract(text, published="2023-01-01")
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Deng Dau Deng"]
    assert [q.speaker for q in doc.quotes] == [actor_named(doc, "Deng Dau Deng").id]


@pytest.mark.parametrize(
    "text",
    [
        "The prisoners were handed over at the Kyzyl-Bel checkpoint on Thursday.",
        "Two Guyana Coast Guard boats carried out a search.",
        "Thousands of Gor Mahia supporters packed the stands.",
        "The navy says the Volna Kholmsk has left the area.",
        "Customs officers boarded the Xiang Yang Hong 18 on Monday.",
        "Protesters gathered outside the embassy on Hoang Dieu street.",
    ],
)
def test_a_name_that_only_modifies_a_noun_follows_the_or_takes_a_number_is_no_person(text: str):
    assert _people(text, "2023-01-01") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The fisherman Santos Euceda Flores, 34, was killed.", "Santos Euceda Flores"),
        ("Thousands of Rakib Hossain supporters marched. Rakib Hossain was not there.", "Rakib Hossain"),
        ("His counterpart, Bakhodir Tursunov, signed an agreement.", "Bakhodir Tursunov"),
    ],
)
def test_a_name_that_stands_alone_somewhere_is_still_a_person(text: str, name: str):
    assert name in _people(text, "2023-01-01")


@pytest.mark.parametrize(
    "text",
    [
        "By nightfall most had reached Tan-Tan, where families were waiting.",  # a town the gazetteer knows
        "The fishermen, all residents of Punta Gorda, were detained.",
        "Shells landed on the southern edge of Kfar Kila on Wednesday.",
        "Sudan bombed the area of Kiir Adem again.",
    ],
)
def test_a_name_the_text_or_the_gazetteer_makes_a_place_is_no_person(text: str):
    assert _people(text, "2023-01-01") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ministry received a letter from Kwame Mensah on Monday.", "Kwame Mensah"),
        ("For Ana Kovač, who has waited ten years, the protocol came late.", "Ana Kovač"),
    ],
)
def test_a_name_in_a_place_like_position_with_a_person_behind_it_stays_a_person(text: str, name: str):
    assert name in _people(text, "2023-01-01")


@pytest.mark.parametrize(
    "text",
    [
        "Up to 30 Australian Federal Police advisers will be deployed.",
        "The launch was witnessed by the Director General Strategic Plans Division and senior officers.",
        "The Chairman Joint Chiefs of Staff Committee congratulated the troops.",
        "Two US Marine Corps aircraft have begun ferrying rice.",
        "Karonga United's mission to stay in the Super League ended in relegation.",
        "Separately, the Director General Inter Services Public Relations said the test was a success.",
        "A destroyer of Russia's Northern Fleet entered the strait.",
    ],
)
def test_a_name_that_ends_in_a_word_for_a_body_or_a_unit_is_no_person(text: str):
    assert _people(text, "2023-01-01") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr. Guard, a local farmer, said the harvest was poor.", "Guard"),
        ("Senator Kate Fleet said the bill would pass.", "Kate Fleet"),
    ],
)
def test_a_person_whose_name_ends_in_a_word_for_a_body_stays_a_person(text: str, name: str):
    assert name in _people(text, "2023-01-01")
