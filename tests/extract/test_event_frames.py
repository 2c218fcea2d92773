"""Events that only a text's frame makes complete: readouts of calls and meetings ("both sides", "the leaders",
"it was agreed"), speeches and joint statements ("we" is the speaker's state), and the words around a trigger
that make it no event. Every text is written for these tests."""

from __future__ import annotations

import pytest

import dyad
from dyad.model import Document
from dyad.ontology import SYMMETRIC_TYPES

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own events, not the model's say


def triples(doc: Document, modality: str = "actual") -> set[tuple[str, str, str]]:
    """(type, source country, target country) of every event with both sides; symmetric types in code order."""
    countries = {a.id: a.country or (a.code or "")[:3] for a in doc.actors}
    out = set()
    for ev in doc.events:
        if ev["modality"] != modality:
            continue
        for s in {countries[x] for x in ev["sources"]} - {""}:
            for t in {countries[x] for x in ev["targets"]} - {"", s}:
                out.add((ev["type"], *sorted((s, t))) if ev["type"] in SYMMETRIC_TYPES else (ev["type"], s, t))
    return out


READOUT = (
    "Chancellor of Austria Karl Nehammer had a telephone conversation with President of Kazakhstan "
    "Kassym-Jomart Tokayev.\n\n"
    "The leaders discussed the situation in Ukraine and the Middle East.\n\n"
    "Both sides expressed satisfaction with the results of the visit of the Austrian economy minister.\n\n"
    "It was agreed to hold the next meeting of the joint commission in the autumn.\n\n"
    "The leaders agreed to continue regular contacts."
)


def test_a_readout_codes_the_call_and_what_both_sides_did():
    found = triples(dyad.extract(READOUT, published="2024-05-06"))
    assert ("CONSULT", "AUT", "KAZ") in found  # "had a telephone conversation": it happened
    assert {("SUPPORT", "AUT", "KAZ"), ("SUPPORT", "KAZ", "AUT")} <= found  # both sides, each to the other
    assert ("AGREE", "AUT", "KAZ") in found  # "the leaders agreed", "it was agreed": the parties of the call
    assert not {t for t in found if "UKR" in t}  # what they discussed is no party to the call


def test_the_parties_of_a_call_are_not_changed_by_talks_it_reports():
    text = (
        "Prime Minister of Japan Fumio Kishida had a telephone conversation with President of Finland Alexander "
        "Stubb. Fumio Kishida told Alexander Stubb about the negotiations between Chinese and Korean "
        "representatives. The leaders agreed to maintain contact."
    )
    found = triples(dyad.extract(text, published="2024-05-06"))
    assert ("AGREE", "FIN", "JPN") in found
    assert ("AGREE", "CHN", "KOR") not in found


def test_talks_whose_subject_the_parser_lost_are_still_between_the_people_named():
    doc = dyad.extract(
        "In Hanoi, Vladimir Putin and President of the Socialist Republic of Vietnam To Lam held talks.",
        published="2024-06-20",
    )
    assert ("CONSULT", "RUS", "VNM") in triples(doc)


def test_speaking_with_someone_is_a_call_and_speaking_to_reporters_is_nothing():
    doc = dyad.extract(
        "Secretary of State Antony Blinken spoke today with Turkish Foreign Minister Hakan Fidan. "
        "Blinken later spoke to reporters in Washington.",
        published="2024-05-06",
    )
    assert triples(doc) == {("CONSULT", "TUR", "USA")}


def test_what_a_party_expresses_is_coded_by_what_it_expresses():
    doc = dyad.extract(
        "Indian Prime Minister Narendra Modi expressed gratitude to the Russian side for the evacuation.",
        published="2024-05-06",
    )
    assert ("SUPPORT", "IND", "RUS") in triples(doc)


SPEECH_TITLE = "Remarks by Ambassador Jane Doe at a UN Security Council Briefing on Maritime Security"
SPEECH = (
    "Ambassador Jane Doe\nU.S. Representative to the United Nations\nNew York, New York\nMarch 4, 2024\n\n"
    "Thank you, Mr. President. We condemn Iran's seizure of the tanker in the Gulf of Oman. "
    "We urge Iran to release the crew immediately. Our position has not changed, and we will keep working "
    "with our partners on this. I thank the briefers for their reports."
)


def test_in_a_speech_we_is_the_speakers_state():
    doc = dyad.extract(SPEECH, published="2024-03-04", title=SPEECH_TITLE, source="U.S. Mission to the United Nations")
    found = triples(doc)
    assert ("ACCUSE", "USA", "IRN") in found
    assert ("REQUEST", "USA", "IRN") in found


def test_in_a_news_story_we_is_only_the_quoted_speaker():
    text = (
        'Iran seized a tanker in the Gulf of Oman on Monday. "We will not accept this," said a sailor\'s '
        "relative in Athens. We reported the seizure first."
    )
    found = triples(dyad.extract(text, published="2024-03-04", title="Iran seizes tanker"))
    assert not {t for t in found if t[1] == "USA"}


def test_a_joint_statement_speaks_for_each_signatory():
    text = (
        "The following joint statement was released by the foreign ministers of Canada, Australia and New "
        "Zealand:\n\nWe strongly condemn the ballistic missile launch by North Korea on Monday."
    )
    found = triples(dyad.extract(text, published="2024-03-04", title="Joint Statement on North Korea"))
    assert {("ACCUSE", "CAN", "PRK"), ("ACCUSE", "AUS", "PRK"), ("ACCUSE", "NZL", "PRK")} <= found


def test_words_around_a_trigger_that_make_it_no_event():
    doc = dyad.extract(
        "I appreciate the opportunity to meet Foreign Minister Wang Yi. "
        "Russian troops evacuated Indian citizens from Sumy. "
        "Russia must withdraw its troops from Georgia. "
        "Ukraine is under no threat from Belarus.",
        published="2024-05-06",
    )
    actual = triples(doc)
    assert not {t for t in actual if t[0] in ("SUPPORT", "RETREAT", "THREATEN")}


def test_a_ban_on_imports_is_a_sanction():
    doc = dyad.extract("The United States banned imports of Russian oil on Tuesday.", published="2024-05-06")
    assert ("SANCTION", "USA", "RUS") in triples(doc)


def test_naming_a_misdeed_accuses_its_agent():
    doc = dyad.extract(
        "Vladimir Putin had a telephone conversation with French President Emmanuel Macron. "
        "Vladimir Putin drew attention to Georgia's flagrant violations of the ceasefire. "
        "The Russian side also pointed out the barbarous action of the Moldovan military near the border.",
        published="2024-05-06",
    )
    found = triples(doc)
    assert {("ACCUSE", "RUS", "GEO"), ("ACCUSE", "RUS", "MDA")} <= found
    assert not {t for t in found if t[0] == "ACCUSE" and t[2] == "FRA"}


def test_condemning_an_act_accuses_the_one_who_did_it_and_the_act_happened():
    doc = dyad.extract(
        "Secretary of State Antony Blinken spoke with Armenian Foreign Minister Ararat Mirzoyan to condemn "
        "Azerbaijan's attacks on Armenian villages.",
        published="2024-05-06",
    )
    found = triples(doc)
    assert ("ACCUSE", "USA", "AZE") in found
    assert ("ASSAULT", "AZE", "ARM") in found  # what is condemned is told as a fact
    assert ("ACCUSE", "USA", "ARM") not in found


def test_an_accusation_in_a_speech_is_the_speakers_and_a_date_in_passing_is_none():
    text = (
        "Ambassador Jane Doe\nMarch 4, 2024\n\nThank you, Mr. President. Syria's reckless behavior threatens "
        "the whole region. This is my third visit since the Turkish invasion in 2019."
    )
    doc = dyad.extract(text, published="2024-03-04", title="Remarks by Ambassador Jane Doe", source="U.S. Mission")
    found = triples(doc)
    assert ("ACCUSE", "USA", "SYR") in found
    assert ("ACCUSE", "USA", "TUR") not in found  # "since the invasion" dates the visit, it accuses no one


def test_asking_a_question_is_no_request():
    doc = dyad.extract("The Chinese envoy asked why the United States had abstained.", published="2024-05-06")
    assert not {t for t in triples(doc) if t[0] == "REQUEST"}


def test_a_list_the_parser_took_for_appositions_is_still_every_member():
    doc = dyad.extract(
        "The United States, Japan, and the Republic of Korea (ROK) strongly condemn the missile launch by North Korea.",
        published="2024-05-06",
    )
    found = triples(doc)
    assert {("ACCUSE", "USA", "PRK"), ("ACCUSE", "JPN", "PRK"), ("ACCUSE", "KOR", "PRK")} <= found


def test_a_description_in_apposition_adds_no_actor():
    doc = dyad.extract("Poland, a close ally of the United States, condemned Belarus.", published="2024-05-06")
    assert triples(doc) == {("ACCUSE", "POL", "BLR")}


def test_welcoming_a_visitor_is_hosting_the_visit():
    doc = dyad.extract(
        "Xi Jinping welcomed Brazilian President Lula to China on his state visit.", published="2024-05-06"
    )
    assert ("CONSULT", "BRA", "CHN") in triples(doc)


def test_in_a_speech_a_state_that_must_act_is_asked_to():
    doc = dyad.extract(SPEECH + " Iran must stop harassing commercial shipping.", published="2024-03-04",
                       title=SPEECH_TITLE, source="U.S. Mission to the United Nations")  # fmt: skip
    assert ("REQUEST", "USA", "IRN") in triples(doc)
    assert not {t for t in triples(doc, "actual") if t[0] == "COERCE"}


def test_naming_a_wrong_by_its_verb_accuses_every_wrongdoer_in_a_speech():
    text = (
        "Ambassador Jane Doe\nMarch 4, 2024\n\nThank you, Madam President. Both Syria and Belarus have violated "
        "their obligations under the convention. Venezuela's and Cuba's actions breach the sanctions regime."
    )
    doc = dyad.extract(text, published="2024-03-04", title="Remarks by Ambassador Jane Doe", source="U.S. Mission")
    found = triples(doc)
    for accused in ("SYR", "BLR", "VEN", "CUB"):
        assert ("ACCUSE", "USA", accused) in found


@pytest.mark.parametrize(
    ("sentence", "accusation"),
    [
        ("Chad has repeatedly violated the border treaty, the Sudanese minister said.", ("ACCUSE", "SDN", "TCD")),
        ("The Sudanese minister said Chad had violated the border treaty.", ("ACCUSE", "SDN", "TCD")),
        ("The Sudanese minister said Chad had not violated the border treaty.", None),
        ("Chad violated the border treaty in May.", None),  # the report's own narration accuses no one
    ],
)
def test_a_wrong_told_in_reported_speech_is_the_speakers_accusation(sentence, accusation):
    found = {t for t in triples(dyad.extract(sentence, published="2024-05-06")) if t[0] == "ACCUSE"}
    assert found == ({accusation} if accusation else set())


def test_an_aside_is_no_request_and_our_exercises_are_the_named_doers():
    text = (
        "Ambassador Jane Doe\nMarch 4, 2024\n\nAnd as a reminder, Iran has conducted four missile tests in 2022 "
        "before the U.S. and Japan resumed our naval exercises in May of that year."
    )
    doc = dyad.extract(text, published="2024-03-04", title="Remarks by Ambassador Jane Doe", source="U.S. Mission")
    found = triples(doc)
    assert not {t for t in found if t[0] == "REQUEST"}
    assert ("COOPERATE", "JPN", "USA") in found


def test_in_a_readout_what_one_side_offers_with_no_one_named_is_to_the_other():
    text = (
        "Chancellor of Austria Karl Nehammer had a telephone conversation with President of Kazakhstan "
        "Kassym-Jomart Tokayev.\n\n"
        "Kassym-Jomart Tokayev expressed readiness to render any assistance possible.\n\n"
        "Karl Nehammer said the Kazakh students managed to leave only after strong pressure was exerted on Iran."
    )
    doc = dyad.extract(text, published="2024-05-06")
    assert ("AGREE", "AUT", "KAZ") in triples(doc)  # symmetric types come in code order
    assert not [ev for ev in doc.events if ev["type"] == "REQUEST" and ev["sources"]]  # nobody named pressed


def test_in_a_transcript_you_is_whom_the_speaker_addressed_by_name():
    text = (
        "Beginning of the talks with the President of Brazil\n"
        "Olaf Scholz (via interpreter): Esteemed President Lula da Silva, colleagues!\n\n"
        "Esteemed President Lula da Silva, my great friend, I welcome you on your state visit to Germany.\n\n"
        "Last week you won a great victory. I would like to congratulate you on it. Such close ties allow us to "
        "plan ahead."
    )
    doc = dyad.extract(text, published="2024-05-06", title="Talks with the President of Brazil")
    found = triples(doc)
    assert {("CONSULT", "DEU", "BRA"), ("CONSULT", "BRA", "DEU")} & found  # the visit, welcomed by the host
    assert ("SUPPORT", "DEU", "BRA") in found
    assert not [ev for ev in doc.events if ev["type"] == "CONCEDE"]  # ties allow no concession
