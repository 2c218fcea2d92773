"""Event dates (training/README.md rule 12): which of the text's dates an event takes, on sentences written for
these tests."""

from __future__ import annotations

import pytest

import dyad

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own dating, not the model's say


def dated(text: str, published: str, kind: str) -> list[tuple[str, str, str | None]]:
    """(source, target, date) of the events of one type."""
    doc = dyad.extract(text, published=published).to_dict()
    country = {a["id"]: a.get("country") for a in doc["actors"]}
    return sorted(
        (country[s], country[t], e["date"])
        for e in doc["events"]
        if e["type"] == kind
        for s in e["sources"]
        for t in e["targets"]
    )


def dates_of(text: str, published: str, kind: str) -> list[str | None]:
    """The dates of the events of one type, whoever their sides."""
    return sorted(e["date"] for e in dyad.extract(text, published=published).to_dict()["events"] if e["type"] == kind)


def test_a_reported_event_takes_the_date_of_the_report():
    # Monday 17 June: "late Saturday" is the 15th, a weekday the NER alone does not find here
    events = dated("Israel said late Saturday that it conducted an airstrike on Syria.", "2024-06-17", "ASSAULT")
    assert events == [("ISR", "SYR", "2024-06-15")]


def test_a_joined_clause_takes_the_date_of_the_clause_it_hangs_from():
    text = "Senegal summoned the Gambian ambassador on Wednesday and demanded consular access to the fishermen."
    assert dates_of(text, "2010-03-18", "REQUEST") == ["2010-03-17"]


def test_a_clause_after_another_event_does_not_take_its_date():
    text = "Russia said on Monday that Ukraine attacked the bridge after Russia shelled the city of Kherson."
    shelling = [d for s, t, d in dated(text, "2024-06-19", "ASSAULT") if s == "RUS"]
    assert "2024-06-17" not in shelling


def test_the_dateline_is_not_the_events_date():
    text = (
        "DAKAR, March 18 (—) — Senegal summoned the Gambian ambassador on Wednesday over the detention of "
        "14 fishermen, the foreign ministry said."
    )
    assert dates_of(text, "2010-03-18", "ACCUSE") == ["2010-03-17"]


def test_a_date_after_publication_is_not_when_an_agreement_was_made():
    text = "Albania and Greece agreed to resume the joint committees, with a first session to be held in September."
    assert dates_of(text, "2015-06-10", "AGREE") == ["2015-06-10"]


def test_the_date_of_a_participle_is_not_the_events():
    assert dated("Iraq lifted the ban imposed in 2015 on imports from Saudi Arabia.", "2018-04-19", "CONCEDE") == [
        ("IRQ", "SAU", "2018-04-19")
    ]


def test_the_narrative_past_carries_on_the_date_of_the_sentence_before():
    text = (
        "Senegal summoned the Gambian ambassador on Wednesday. "
        "Senegal also demanded consular access to the fishermen from Gambia."
    )
    assert dated(text, "2010-03-18", "REQUEST") == [("SEN", "GMB", "2010-03-17")]


def test_the_narrative_past_stays_on_the_last_day_named_across_an_undated_sentence():
    text = (
        "Kenya and Uganda signed a memorandum on a railway on Wednesday. "
        "The memorandum was signed in Nairobi by the two transport ministers. "
        "Before the signing, Kenya held talks with Uganda on customs."
    )
    assert dated(text, "2011-09-15", "CONSULT") == [("KEN", "UGA", "2011-09-14")]


def test_a_month_named_earlier_is_background_not_the_narrated_day():
    text = (
        "Kenya and Uganda signed a trade pact in March. "
        "The pact was welcomed by traders on both sides of the border. "
        "Kenya held talks with Uganda on customs."
    )
    assert dated(text, "2011-09-15", "CONSULT") == [("KEN", "UGA", "2011-09-15")]


def test_a_statement_in_the_present_speaks_from_the_day_of_writing():
    text = (
        "Senegal summoned the Gambian ambassador on Wednesday. "
        "Senegal condemns the detention of its fishermen by Gambia."
    )
    assert ("SEN", "GMB", "2010-03-18") in dated(text, "2010-03-18", "ACCUSE")


def test_dates_for_reads_the_same_with_the_usable_dates_given() -> None:
    """EventCoder works out the usable dates once per story; dates_for must choose as it does alone."""
    from datetime import date

    from dyad.extract.context import Context
    from dyad.extract.dates import extract_dates
    from dyad.extract.events.dating import dates_for, usable_dates
    from dyad.nlp.pipeline import load

    text = (
        "WASHINGTON, June 14 (VOA) — Senegal summoned the envoy on Wednesday. It also demanded consular access.\n"
        "The talks will go on until Friday. Officials met again and agreed to meet in September."
    )
    doc = load()(text)
    dates = extract_dates(Context(doc=doc, published=date(2024, 6, 14)))
    usable = usable_dates(dates, text, "2024-06-14")
    assert 0 < len(usable) < len(dates)  # the dateline, the bound and the later month are no event's
    chosen = [dates_for(t, text, dates, "2024-06-14") for t in doc if t.pos_ == "VERB"]
    assert [dates_for(t, text, dates, "2024-06-14", usable) for t in doc if t.pos_ == "VERB"] == chosen
    assert {"2024-06-12", "2024-06-14"} <= {d for found in chosen for d in found}


def test_a_relative_clause_in_the_past_takes_the_date_of_the_clause_it_hangs_from():
    # Tuesday 10 February 2026: Monday is the 9th; the thanks were given in the call
    text = (
        "Jamaica sent troops to Haiti today.\n\n"
        "On Monday the Jamaican foreign minister held a telephone conversation with the Foreign Minister of Haiti, "
        "Jean-Marc Auguste, who thanked Jamaica for its commitment."
    )
    assert dates_of(text, "2026-02-10", "SUPPORT") == ["2026-02-09"]


def test_a_relative_clause_keeps_its_own_date():
    text = "Russia, which invaded Ukraine in 2022, accused Poland on Monday of hostile acts."
    assert dated(text, "2024-06-19", "ASSAULT") in ([], [("RUS", "UKR", "2022")])
