"""The store commands end to end: ingest, stats, dyads, timeline, events, quotes, actors, export, forget."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
from typer.testing import CliRunner

from dyad.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
VISITS = str(FIXTURES / "visits.jsonl")


def run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


def ingested(db: str):
    return run("ingest", VISITS, "--db", db, code=1)  # the broken line fails; the rest is stored


def test_ingest_reports_new_known_and_failed_and_is_idempotent(db_url):
    first = ingested(db_url)
    assert "visits.jsonl:5: malformed JSON" in first.stderr
    assert "4 new, 1 already stored, 1 failed, 0 skipped" in first.stderr
    stats = json.loads(run("stats", "--db", db_url, "--json").stdout)
    assert set(stats) == {"articles", "actors", "events", "reports", "quotes"}
    assert stats["articles"] == 4
    second = ingested(db_url)
    assert "0 new, 5 already stored, 1 failed" in second.stderr
    assert json.loads(run("stats", "--db", db_url, "--json").stdout) == stats


def test_timeline_events_quotes_actors_read_the_store(db_url, tmp_path):
    ingested(db_url)
    timeline = json.loads(run("timeline", "RUS", "North Korea", "--db", db_url, "--json").stdout)
    assert [(p["period"], p["events"], p["types"]) for p in timeline["periods"]] == [("2024-06", 1, {"CONSULT": 1})]
    assert timeline["periods"][0]["quads"]["verbal_cooperation"] == 1
    by_day = json.loads(run("timeline", "PRK", "RUS", "--by", "day", "--db", db_url, "--json").stdout)
    assert [p["period"] for p in by_day["periods"]] == ["2024-06-19"]
    directed = json.loads(run("timeline", "RUS", "PRK", "--directed", "--db", db_url, "--json").stdout)
    assert directed["periods"] == []  # a meeting is written in code order: PRK, RUS

    plot = tmp_path / "chart.png"
    run("timeline", "RUS", "PRK", "--db", db_url, "--plot", str(plot))
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    events = [
        json.loads(line) for line in run("events", "--dyad", "RUS", "PRK", "--db", db_url, "--json").stdout.splitlines()
    ]
    assert [(e["type"], e["date"], e["reports"], e["articles"]) for e in events] == [("CONSULT", "2024-06-19", 3, 3)]
    assert run("events", "--type", "ASSAULT", "--db", db_url, "--json").stdout == ""

    quotes = [
        json.loads(line)
        for line in run("quotes", "--search", "friendship", "--db", db_url, "--json").stdout.splitlines()
    ]
    assert [(q["speaker"], q["text"]) for q in quotes] == [("Vladimir Putin", "We value this friendship,")]
    assert "We value this friendship" in run("quotes", "--speaker", "putin", "--db", db_url).stdout

    actors = run("actors", "--country", "FIN", "--db", db_url).stdout
    assert "Aino Virtanen" in actors and "Putin" not in actors
    table = run("dyads", "--db", db_url).stdout
    assert "EST–FIN" in table and "PRK–RUS" in table


def test_exports_keep_each_records_source_and_licence(db_url, tmp_path):
    ingested(db_url)
    run("export", "--format", "jsonl", "-o", str(tmp_path / "docs.jsonl"), "--db", db_url)
    docs = [json.loads(line) for line in (tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 4
    wire = next(d for d in docs if d["article"]["id"] == "wire/1")
    assert wire["article"]["license"] == "CC BY 4.0"
    assert [r["ref"] for r in wire["stored_as"]] == ["wire/1", "mirror/1"]  # the same text from two sources

    run("export", "--format", "csv", "-o", str(tmp_path / "events.csv"), "--db", db_url)
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    visit = next(r for r in rows if r["type"] == "CONSULT" and r["target"] == "RUS")
    assert (visit["reports"], visit["articles"], visit["article_license"]) == ("3", "3", "CC BY 4.0")

    run("export", "--format", "parquet", "-o", str(tmp_path / "events.parquet"), "--db", db_url)
    table = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert sorted(r["id"] for r in table) == sorted(int(r["id"]) for r in rows)

    run("export", "--format", "gdelt", "-o", str(tmp_path / "events.tsv"), "--db", db_url)
    lines = list(csv.reader((tmp_path / "events.tsv").open(encoding="utf-8"), delimiter="\t"))
    header, body = lines[0], lines[1:]
    assert header[:2] == ["GLOBALEVENTID", "SQLDATE"] and header[60] == "SOURCEURL" and len(header) == 65
    gdelt = next(dict(zip(header, r, strict=True)) for r in body if r[header.index("EventCode")] == "042")
    assert (gdelt["SQLDATE"], gdelt["Actor1Code"], gdelt["Actor2Code"], gdelt["QuadClass"]) == (
        "20240619",
        "PRK",
        "RUS",
        "1",
    )
    assert gdelt["NumArticles"] == "3" and gdelt["ActionGeo_FullName"] == "Pyongyang"


def test_forget_and_its_errors(db_url):
    ingested(db_url)
    run("forget", "finn", "--db", db_url)
    assert "EST–FIN" not in run("dyads", "--db", db_url).stdout
    missing = run("forget", "finn", "--db", db_url, code=1)
    assert "finn: no such article in the store" in missing.stderr
    several = run("forget", "wire/1", "nope", "herald/3", "--db", db_url, code=1)  # the others are still forgotten
    assert several.stderr.splitlines() == [
        "dyad: forgot wire/1 (Putin in Pyongyang)",
        "dyad: error: nope: no such article in the store",
        "dyad: forgot herald/3 (untitled)",
    ]
    assert json.loads(run("stats", "--db", db_url, "--json").stdout)["articles"] == 1


def test_bad_store_options_are_one_line_errors(tmp_path):
    missing = run("stats", "--db", str(tmp_path / "nowhere" / "x.db"), code=2)
    assert missing.stderr.strip().count("\n") == 0 and "does not exist" in missing.stderr
    db = str(tmp_path / "d.db")
    assert "--by must be one of" in run("timeline", "RUS", "PRK", "--by", "fortnight", "--db", db, code=2).stderr
    assert "'Atlantis' is not a country" in run("timeline", "RUS", "Atlantis", "--db", db, code=2).stderr
    assert "not a PLOVER type" in run("events", "--type", "HUG", "--db", db, code=2).stderr
    assert "--format must be one of" in run("export", "-f", "xml", "-o", str(tmp_path / "x"), "--db", db, code=2).stderr
    assert "is not one" in run("ingest", VISITS, "--watch", "15m", "--db", db, code=2).stderr
    assert "give an interval" in run("ingest", "https://x.example/feed", "--watch", "soon", "--db", db, code=2).stderr


def test_an_article_in_another_language_is_skipped_not_failed(tmp_path):
    result = run("ingest", str(FIXTURES / "french.txt"), "--db", str(tmp_path / "d.db"))
    assert "dyad: skipped:" in result.stderr and "0 new, 0 already stored, 0 failed, 1 skipped" in result.stderr


def test_a_year_or_month_as_the_last_day_means_its_end(tmp_path):
    db = str(tmp_path / "d.db")
    ingested(db)
    june = json.loads(run("timeline", "RUS", "PRK", "--to", "2024-06", "--db", db, "--json").stdout)
    assert [p["period"] for p in june["periods"]] == ["2024-06"]
    until = [json.loads(ln) for ln in run("events", "--until", "2024", "--db", db, "--json").stdout.splitlines()]
    assert "2024-06-19" in {e["date"] for e in until}
    assert run("events", "--since", "2024-02-30", "--db", db, code=2).stderr.count("\n") == 1
