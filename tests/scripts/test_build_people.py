"""scripts/build_people.py over cabinets rows written here, in the format of ../shared/data/cabinets/
office_holders.tsv: the build must run without ../shared, so none of these people are real."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("build_people", ROOT / "scripts" / "build_people.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_people"] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


bp = _load_script()

WIKI = "wikidata/every-politician-scrapers/testland@abc1234"
CABINETS = "\n".join(
    "\t".join(cells)
    for cells in [
        ("iso3", "position", "person", "wikidata_id", "start", "end", "source"),
        ("FRA", "Minister of Foreign Affairs", "Jeanne Exemple", "Q1", "2017-05-17", "2019-07", WIKI),
        ("FRA", "Minister of Justice", "Jeanne Exemple", "Q1", "2019", "2020", WIKI),
        ("GBR", "Lord Chancellor", "Hugh Sample, Baron Sample of Nowhere", "Q2", "2003-06-12", "", WIKI),
        ("GBR", "Attorney General", "Tom Probe, Jr.", "Q3", "2010-01-01", "2012-01-01", WIKI),
        ("BHS", "Prime Minister", 'Philip "Brave" Testman', "Q4", "2021-09-17", "", "factbook.json@8662a8b"),
        ("NZL", "Prime Minister", "Anna Placeholder", "", "2017-10-26", "", "factbook.json@e0d5604"),
        ("CAN", "Minister of Finance", "Late Starter", "Q5", "2022-07-01", "", WIKI),
        ("CAN", "Minister of Health", "Back Wards", "Q6", "2010-01-01", "2009-01-01", WIKI),
        ("CAN", "Governor", "Mononym", "Q7", "2001-01-01", "2002-01-01", WIKI),
        ("KEN", "Chief Justice", "Martha Judge (jurist)", "Q8", "2016-10-28", "2021-01-11", WIKI),
        ("KEN", "Speaker of the National Assembly", "Justin Muturi", "Q9", "2013-03-28", "2022-09-08", WIKI),
        ("ZAF", "Minister of Police", "Bheki Example", "Q10", "2018-02-27", "2019-05-29", WIKI),
        ("XXX", "President", "Nobody Known", "Q11", "2018-01-01", "", WIKI),
    ]
)


def _read() -> tuple[dict[tuple[str, str], bp.Holder], Counter]:
    problems: Counter = Counter()
    holders = bp.read_cabinets(CABINETS.splitlines(), problems)
    return {(h.name, h.title): h for h in holders}, problems


def test_each_term_is_a_dated_role_with_its_office():
    holders, _ = _read()
    foreign = holders[("Jeanne Exemple", "Minister of Foreign Affairs")]
    assert foreign.roles == [("FRA", "FRAGOV", date(2017, 5, 17), date(2019, 7, 31))]  # a month: its last day
    assert foreign.source == "cabinets"
    justice = holders[("Jeanne Exemple", "Minister of Justice")]
    assert justice.roles == [("FRA", "FRAGOV", date(2019, 1, 1), date(2020, 12, 31))]  # years: first and last day


def test_an_empty_end_is_bounded_by_what_its_source_vouches_for():
    holders, _ = _read()
    assert holders[("Hugh Sample", "Lord Chancellor")].roles[0][3] == bp.WIKIDATA_VOUCHED  # Wikidata: mid-2022
    assert holders[("Anna Placeholder", "Prime Minister")].roles[0][3] == date(2021, 12, 30)  # its last snapshot
    assert holders[("Philip Testman", "Prime Minister")].roles[0][3] is None  # the newest snapshot: open
    late = holders[("Late Starter", "Minister of Finance")].roles[0]
    assert late[2] == late[3] == date(2022, 7, 1)  # begun after the earliest snapshot: seen that day only


def test_names_lose_peerages_descriptions_and_nicknames():
    holders, _ = _read()
    names = {name for name, _ in holders}
    assert {"Hugh Sample", "Tom Probe Jr.", "Philip Testman", "Martha Judge"} <= names
    assert "Brave Testman" in holders[("Philip Testman", "Prime Minister")].aliases


def test_rows_that_name_no_one_or_no_known_state_or_a_backward_term_are_dropped():
    holders, problems = _read()
    names = {name for name, _ in holders}
    assert "Mononym" not in names and "Nobody Known" not in names and "Back Wards" not in names
    assert problems["cabinets term that ends before it starts"] == 1
    assert problems["cabinets person of one word"] == 1


def test_the_code_follows_the_office():
    holders, _ = _read()
    assert holders[("Martha Judge", "Chief Justice")].roles[0][1] == "KENJUD"
    assert holders[("Justin Muturi", "Speaker of the National Assembly")].roles[0][1] == "KENLEG"
    assert holders[("Bheki Example", "Minister of Police")].roles[0][1] == "ZAFGOV"  # a minister, not the police


def test_rows_keep_the_title_and_source():
    holders, _ = _read()
    row = bp.rows([holders[("Jeanne Exemple", "Minister of Justice")]])[0].split("\t")
    assert row == ["Jeanne Exemple", "", "FRA", "FRAGOV", "Minister of Justice", "2019-01-01", "2020-12-31", "cabinets"]
