"""The patterns real news articles use for who did what to whom, each in sentences written for these tests:
actors named by a nationality or a group noun, targets given by place, several sources, speech acts in what
people say, triggers from the CAMEO dictionary, and words that make no event."""

from __future__ import annotations

import pytest

import dyad
from tests.extract.test_event_frames import triples

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own events, not the model's say

# (sentence, (type, source, target) that must be found)
FOUND = [
    # 1. a nationality word or a group noun with one is an actor of that country
    ("Israeli tank shelling killed three people near Khan Younis in Gaza on Monday.", ("ASSAULT", "ISR", "PSE")),
    ("Russian forces shelled the city of Kharkiv overnight.", ("ASSAULT", "RUS", "UKR")),
    ("US and British activists were detained by Israeli forces in the West Bank.", ("COERCE", "ISR", "USA")),
    ("US and British activists were detained by Israeli forces in the West Bank.", ("COERCE", "ISR", "GBR")),
    ("The French military said it struck a camp of Malian militants.", ("ASSAULT", "FRA", "MLI")),
    ("Burundian militiamen attacked a camp of Congolese refugees.", ("ASSAULT", "BDI", "COD")),
    ("Somali pirates kidnapped up to 20 Indian sailors off the coast.", ("ASSAULT", "SOM", "IND")),
    ("Gunmen in Lagos abducted up to 12 Chinese engineers on Monday.", ("ASSAULT", "NGA", "CHN")),
    ("Dominican police arrested two Haitian migrants at the border.", ("COERCE", "DOM", "HTI")),
    # 2. a target given by place: the state of the place, when no other target is named
    ("Suicide bombers attacked a market southwest of Baghdad, killing twelve.", None),
    ("Turkish jets bombed targets in northern Iraq on Sunday.", ("ASSAULT", "TUR", "IRQ")),
    ("Chinese coast guard vessels fired water cannon at a boat near the Second Thomas Shoal, Manila said.", None),
    ("Two Brazilian men were arrested in Paraguay on Friday.", ("COERCE", "PRY", "BRA")),
    # people of a place named after them are of its state; what a protest is for names its target
    ("Students in Caracas marched against the Colombian government.", ("PROTEST", "VEN", "COL")),
    (
        "Farmers in Warsaw blocked a highway to protest against the European Union's trade policy.",
        ("PROTEST", "POL", "IGO"),
    ),
    ("Demonstrators in Lagos blocked the port to show their anger at the British oil firm.", ("PROTEST", "NGA", "GBR")),
    # what an invasion, occupation or bombing "of" a state is done to, its doer named before it
    ("Turkey mounted its invasion of northern Syria on Wednesday.", ("ASSAULT", "TUR", "SYR")),
    ("The American invasion of Iraq began in March.", ("ASSAULT", "USA", "IRQ")),
    ("The bombing of Gaza by Israeli jets went on overnight.", ("ASSAULT", "ISR", "PSE")),
    # a doer named above a preposition ("resorted to shelling"), CAMEO phrases of a noun and its adjective
    ("Armenian forces resorted to shelling Azerbaijani villages.", ("ASSAULT", "ARM", "AZE")),
    ("Sudanese militias carried out ethnic cleansing against Chadian villagers.", ("ASSAULT", "SDN", "TCD")),
    ("Japanese volunteers handed over 700 kg of medicine to Turkish officials.", ("AID", "JPN", "TUR")),
    ("Iran returned the seized ships and their equipment to Britain.", ("RETREAT", "IRN", "GBR")),
    # "they" in what a speaker says of themselves is the speaker, not the last state named
    (
        "Malian rebels rejected an Algerian peace plan, and said they opposed the deployment of French troops.",
        ("REJECT", "MLI", "FRA"),
    ),
    ("Georgia received a team of observers from the OSCE on Monday.", ("RETREAT", "GEO", "IGO")),
    # 3. several sources
    ("Germany and France condemned the coup in Niger.", ("ACCUSE", "FRA", "NER")),
    ("Germany and France condemned the coup in Niger.", ("ACCUSE", "DEU", "NER")),
    # 4. speech acts in what people say
    ("Pakistan said the strikes were a grave aggression by India.", ("ACCUSE", "PAK", "IND")),
    # what a statement, letter or resolution says is said by whoever issued it
    ("Nigeria sent a letter urging Chad to withdraw its troops.", ("REQUEST", "NGA", "TCD")),
    ("The Arab League passed a resolution condemning Israel.", ("ACCUSE", "IGO", "ISR")),
    ("Beijing released a statement accusing Manila of provocations.", ("ACCUSE", "CHN", "PHL")),
    ("Moscow dismissed the claims by Britain as propaganda.", ("REJECT", "RUS", "GBR")),
    ("Serbia dismissed an appeal from Albania to reopen the border crossing.", ("REJECT", "SRB", "ALB")),
    ("Ankara denied a request by Sweden for the extradition of two journalists.", ("REJECT", "TUR", "SWE")),
    ('"We call on Russia to withdraw its troops," said Finnish President Alexander Stubb.', ("REQUEST", "FIN", "RUS")),
    # 5. triggers the CAMEO dictionary and dyad's lexicon know
    ("Poland closed its border with Belarus on Tuesday.", ("COERCE", "POL", "BLR")),
    ("Niger expelled the French ambassador.", ("SANCTION", "NER", "FRA")),
    ("The United States suspended aid to Niger after the coup.", ("SANCTION", "USA", "NER")),
    ("Canada suspended part of its military aid program for Haiti.", ("SANCTION", "CAN", "HTI")),
    ("Oman launched a mediation effort between Iran and Saudi Arabia.", ("CONSULT", "IRN", "OMN")),
    ("Russia vetoed a Security Council resolution on Syria.", ("REJECT", "RUS", "IGO")),
    ("China warned Taiwan against any move toward independence.", ("THREATEN", "CHN", "TWN")),
    ("Hungary cancelled a planned visit to Sweden after the vote.", ("SANCTION", "HUN", "SWE")),
    ("Mali forced the French ambassador out of the country.", ("SANCTION", "MLI", "FRA")),
    ("Greek and Turkish warships launched joint war games in the Aegean Sea.", ("COOPERATE", "GRC", "TUR")),
    ("Indian and Japanese warships launched five days of war games in the Bay of Bengal.", ("COOPERATE", "IND", "JPN")),
    # 6. promised on a condition, a harsh act is a threat against whoever the condition names
    ("Ghana said it will withdraw its troops from Mali unless the junta holds elections.", ("THREATEN", "GHA", "MLI")),
    ("Russia threatened to stop the talks if the United States deploys new missiles.", ("THREATEN", "RUS", "USA")),
]
FOUND = [(s, t) for s, t in FOUND if t is not None]


@pytest.mark.parametrize(("sentence", "triple"), FOUND, ids=[f"{t[0]} {t[1]}>{t[2]}" for _, t in FOUND])
def test_the_event_is_found_with_both_sides(sentence, triple):
    found = triples(dyad.extract(sentence, published="2024-05-06"))
    assert triple in found, found


NOTHING = [
    # a statement released is no retreat, a greeting no concession, a state does not act on itself
    ("Russia released a statement on Monday.", None),
    ("The Russian president greeted the Russian people on the holiday.", None),
    # an agreement referred to is no new agreement; a refusal to accept accepts nothing
    ("Under the 2015 nuclear deal, Iran limited its enrichment.", None),
    ("Kenya urged both sides to adhere to the peace accord with Somalia.", ("AGREE", "KEN")),
    (
        "Refugees protested against the Russian government's refusal to accept the independence of Chechnya.",
        ("CONCEDE", "RUS"),
    ),
    # talks about a country are not talks with it
    ("Brazil and Argentina discussed the situation in Venezuela.", "VEN"),
]


def test_a_protests_demands_are_the_protest():
    doc = dyad.extract(
        "Thousands of Serbian students marched in Belgrade demanding that the Serbian government resign.",
        published="2024-05-06",
    )
    kinds = {ev["type"] for ev in doc.events if ev["modality"] == "actual"}
    assert "PROTEST" in kinds and "REQUEST" not in kinds


@pytest.mark.parametrize(
    "sentence",
    ["Kyiv accused Moscow of the shelling of the power plant.", "Ukraine blamed Russia for the bombing of a market."],
)
def test_the_misdeed_someone_is_blamed_for_is_not_the_accusers(sentence):
    doc = dyad.extract(sentence, published="2024-05-06")
    countries = {a.id: a.country for a in doc.actors}
    assert ("ACCUSE", "UKR", "RUS") in triples(doc)
    harm = [ev for ev in doc.events if ev["type"] == "ASSAULT"]
    assert not any("UKR" in {countries[x] for x in ev["sources"]} for ev in harm)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The United Nations rejected a call for its peacekeepers to be deployed in Haiti.", "MOBILIZE"),
        ("China demanded that the US cancel plans to sell weapons to Taiwan.", "COOPERATE"),
    ],
)
def test_what_a_call_or_a_plan_asks_for_has_not_happened(sentence, kind):
    doc = dyad.extract(sentence, published="2024-05-06")
    assert not [ev for ev in doc.events if ev["type"] == kind and ev["modality"] == "actual"]


def test_the_victims_country_is_not_given_to_unnamed_attackers():
    doc = dyad.extract("Militants abducted up to 12 Chinese engineers near the dam.", published="2024-05-06")
    countries = {a.id: a.country for a in doc.actors}
    kidnaps = [ev for ev in doc.events if ev["type"] == "ASSAULT"]
    assert kidnaps and all("CHN" in {countries[x] for x in ev["targets"]} for ev in kidnaps)
    assert not any("CHN" in {countries[x] for x in ev["sources"]} for ev in kidnaps)


@pytest.mark.parametrize(("sentence", "absent"), NOTHING)
def test_no_event_where_there_is_none(sentence, absent):
    doc = dyad.extract(sentence, published="2024-05-06")
    found = triples(doc)
    if absent is None:
        assert not found
    elif isinstance(absent, tuple):  # no event of this type by this state, with a target or without
        countries = {a.id: a.country for a in doc.actors}
        kind, state = absent
        assert not [
            ev
            for ev in doc.events
            if ev["type"] == kind and ev["modality"] == "actual" and state in {countries[x] for x in ev["sources"]}
        ]
    else:
        assert not {t for t in found if absent in t}


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("The Sudanese government accused Darfur rebels of attacking a convoy.", ("ACCUSE", "SDN", "SDN")),
        (
            "The ILO repeated its demand that Israel ease restrictions on Palestinian workers.",
            ("REQUEST", "IGO", "ISR"),
        ),
        ("Hungary denounced as a crime Serbia's suppression of the protests.", ("ACCUSE", "HUN", "SRB")),
        ("The United States sped up the withdrawal of its forces from Panama.", ("RETREAT", "USA", "PAN")),
    ],
)
def test_sides_named_through_places_clauses_and_possessors(sentence, triple):
    doc = dyad.extract(sentence, published="2024-05-06")
    countries = {a.id: a.country or (a.code or "")[:3] for a in doc.actors}
    found = {
        (ev["type"], s, t)
        for ev in doc.events
        if ev["modality"] == "actual"
        for s in {countries[x] for x in ev["sources"]}
        for t in {countries[x] for x in ev["targets"]}
    }
    assert triple in found, found


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Red Cross officials suspended aid deliveries to Yemen on Wednesday.", "SANCTION"),
        ("Italy announced a suspension of air links with Serbia.", "SANCTION"),
        ("The Iraqi government said it would impose martial law in Baghdad.", "THREATEN"),
        ("Qatar mobilized pressure groups in the United States.", None),
        ("Israeli troops remained on alert in the West Bank.", "MOBILIZE"),
    ],
)
def test_the_type_follows_the_object(sentence, kind):
    doc = dyad.extract(sentence, published="2024-05-06")
    kinds = {ev["type"] for ev in doc.events if ev["modality"] == "actual"}
    assert (kind in kinds) if kind else "MOBILIZE" not in kinds, kinds


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("Security forces in Guinea tortured scores of Liberian refugees.", ("ASSAULT", "GIN", "LBR")),
        ("Turkish troops captured the town of Afrin in northern Syria.", ("COERCE", "TUR", "SYR")),
        ("Swiss doctors handed over medicine to Iranian hospitals.", ("AID", "CHE", "IRN")),
    ],
)
def test_violence_ground_and_aid_the_lexicon_knows(sentence, triple):
    assert triple in triples(dyad.extract(sentence, published="2024-05-06"))


def test_the_occasion_of_an_event_told_in_passing_is_no_event_of_its_own():
    doc = dyad.extract(
        "Israel reimposed blockades in the West Bank following attacks by Palestinian militants.",
        published="2024-05-06",
    )
    kinds = {ev["type"] for ev in doc.events if ev["modality"] == "actual"}
    assert "COERCE" in kinds and "ASSAULT" not in kinds


def test_a_past_event_dated_in_its_own_words_is_an_event_even_as_an_occasion():
    doc = dyad.extract(
        "Officials in Ankara are carrying out the deals reached during the Iraqi president's visits to Turkey"
        " in 2017 and 2021.",
        published="2024-05-06",
    )
    dated = {(ev["type"], ev["date"]) for ev in doc.events if ev["modality"] == "actual"}
    assert ("CONSULT", "2017") in dated and ("CONSULT", "2021") in dated


def test_a_demand_made_by_a_verb_with_its_object_is_on_whom_the_clause_names():
    doc = dyad.extract(
        "The World Bank reiterated its demand yesterday that Ghana cut fuel subsidies.", published="2024-05-06"
    )
    assert ("REQUEST", "IGO", "GHA") in {(t, s[:3], g) for t, s, g in triples(doc)}


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("Egypt mediated between Israel and Hamas on Sunday.", ("CONSULT", "EGY", "ISR")),
        ("Egypt mediated between Israel and Hamas on Sunday.", ("CONSULT", "EGY", "PSE")),
        ("Norway undertook a mediation mission between Sudan and Chad.", ("CONSULT", "NOR", "TCD")),
        ("Brazil is opposed to Chinese mediation in the talks.", ("REJECT", "BRA", "CHN")),
        ("Peru threatened to cut diplomatic ties with Belgium and Costa Rica.", ("THREATEN", "PER", "CRI")),
    ],
)
def test_mediators_stances_and_listed_targets(sentence, triple):
    assert triple in triples(dyad.extract(sentence, published="2024-05-06"))


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("Greece is firmly opposed to Turkish mediation in the dispute.", ("REJECT", "GRC", "TUR")),
        ("Mexico opposed the US sanctions against Venezuela.", ("SUPPORT", "MEX", "VEN")),
    ],
)
def test_stances_and_opposing_harm_done_to_another(sentence, triple):
    found = triples(dyad.extract(sentence, published="2024-05-06"))
    assert triple in found
    assert ("REJECT", "MEX", "VEN") not in found and ("CONSULT", "TUR", "GRC") not in found


def test_a_mediation_opposed_is_no_mediation():
    doc = dyad.extract("Greece is firmly opposed to Turkish mediation in the dispute.", published="2024-05-06")
    assert not [ev for ev in doc.events if ev["type"] == "CONSULT" and ev["modality"] == "actual"]


def test_a_participle_describing_a_thing_is_no_event_beside_the_news():
    doc = dyad.extract(
        "The rebels said they will hand back vehicles seized last month from Kenyan aid workers.",
        published="2024-05-06",
    )
    assert not [ev for ev in doc.events if ev["type"] == "COERCE"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan shelled Armenian positions in retaliation for the drone attacks.",
        "Azerbaijan closed its border with Iran because of fighting in the region.",
    ],
)
def test_the_cause_of_an_event_told_in_passing_is_no_event_of_its_own(sentence):
    doc = dyad.extract(sentence, published="2024-05-06")
    assert len({ev["type"] for ev in doc.events if ev["modality"] == "actual"}) == 1


def test_calling_a_strike_is_a_protest_and_a_date_is_no_one_called_on():
    doc = dyad.extract("Bolivia's main union called a general strike on Monday.", published="2024-05-06")
    kinds = {(ev["type"], ev["cameo"]) for ev in doc.events}
    assert ("PROTEST", "143") in kinds
    assert not {k for k in kinds if k[0] in ("REQUEST", "CONCEDE")}


def test_the_cause_of_an_expulsion_is_not_done_by_the_expeller():
    doc = dyad.extract(
        "Serbia expelled the Croatian diplomat in response to the arrest of its consul.", published="2024-05-06"
    )
    assert not [ev for ev in doc.events if ev["type"] == "COERCE"]


@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        (
            "Ecuador has granted political asylum to four Venezuelan army officers holed up in a diplomatic compound"
            " since last week's coup, the Ecuadorian embassy said on Monday.",
            ("AID", "ECU", "VEN"),
        ),
    ],
)
def test_objects_the_parser_hangs_elsewhere(sentence, triple):
    assert triple in triples(dyad.extract(sentence, published="2024-05-06"))


def test_the_object_of_a_verb_does_what_follows_it():
    found = triples(
        dyad.extract("Turkey encouraged the Azerbaijani army to attack Armenian positions.", published="2024-05-06")
    )
    assert ("ASSAULT", "TUR", "ARM") not in found


def test_condemning_an_attack_accuses_the_attacker_never_the_victim_or_the_condemner():
    doc = dyad.extract("Jordan condemned the attacks on Lebanese villages.", published="2024-05-06")
    assert not {t for t in triples(doc) if t[0] in ("ACCUSE", "ASSAULT") and t[1] == "JOR"}
    assert ("ACCUSE", "JOR", "LBN") not in triples(doc)
    doc = dyad.extract("Jordan condemned recent rocket attacks from Lebanon.", published="2024-05-06")
    assert ("ACCUSE", "JOR", "LBN") in triples(doc)
    country = {a.id: a.country for a in doc.actors}
    assaults = [ev for ev in doc.events if ev["type"] == "ASSAULT"]
    assert assaults and all({country[x] for x in ev["sources"]} == {"LBN"} for ev in assaults)
