"""An international body on a side of a dyad or event is shown by its name, its CAMEO code beside it, smaller:
pages, the JSON API and the CLI alike ("United Nations", not "IGOUNO")."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyad import kb
from dyad.cli import app
from dyad.sources import Record
from dyad.store import Store
from tests.web.conftest import app_over, store_file

UN = Record(
    text=(
        "The United Nations condemned Russia on Monday for the strike on Kyiv. UN Secretary-General Antonio "
        "Guterres met Russian Foreign Minister Sergei Lavrov in New York on Tuesday."
    ),
    origin="un",
    id="un-1",
    published="2024-05-20",
)


def test_a_body_code_names_its_body_and_a_state_code_stays_a_code():
    assert kb.body_name("IGOUNO") == "United Nations"  # not its Security Council, which shares the code
    assert kb.body_name("IGOWSTNAT") == "North Atlantic Treaty Organization"
    assert kb.body_name("RUS") is None and kb.body_name("IGO") is None and kb.body_name(None) is None
    assert kb.side_label("IGOUNO") == "United Nations (IGOUNO)"
    assert kb.side_label("RUS") == "RUS" and kb.side_label(None) == "?"
    assert kb.side_name("RUS") == "Russia" and kb.side_name("IGOUNO") == "United Nations"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = store_file(tmp_path_factory, "bodies", [UN])
    store = Store(path)
    assert {(e["source"], e["target"]) for e in store.events()} == {("IGOUNO", "RUS")}  # what the tests rely on
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    with app_over(db) as c:
        yield c


def test_pages_show_the_body_by_name_with_its_code_secondary(client):
    home = client.get("/").text
    assert 'href="/dyad/IGOUNO/RUS">United Nations <small class="code">(IGOUNO)</small>–RUS</a>' in home
    dyad = client.get("/dyad/IGOUNO/RUS").text
    assert "<title>United Nations (IGOUNO)–RUS" in dyad
    assert '<h1>United Nations <small class="code">(IGOUNO)</small>–RUS</h1>' in dyad
    assert "<td>United Nations <small" in dyad  # the events table
    assert "United Nations (IGOUNO)\\u2013RUS, actual events" in dyad  # the chart's title
    events = client.get("/events").text
    assert "<td>IGOUNO" not in events and "United Nations <small" in events
    event_id = client.get("/api/events").json()["items"][0]["id"]
    event = client.get(f"/event/{event_id}").text
    assert "United Nations <small" in event and "<h1>ACCUSE: IGOUNO" not in event


def test_the_api_gives_each_side_its_name_beside_its_code(client):
    dyads = client.get("/api/dyads").json()
    assert (dyads[0]["a"], dyads[0]["a_name"], dyads[0]["b_name"]) == ("IGOUNO", "United Nations", "Russia")
    item = client.get("/api/events").json()["items"][0]
    assert (item["source"], item["source_name"], item["target_name"]) == ("IGOUNO", "United Nations", "Russia")
    assert client.get(f"/api/events/{item['id']}").json()["source_name"] == "United Nations"
    timeline = client.get("/api/dyads/IGOUNO/RUS/timeline").json()
    assert (timeline["a_name"], timeline["b_name"]) == ("United Nations", "Russia")


def test_the_cli_shows_the_body_by_name(db):
    runner = CliRunner()
    shown = runner.invoke(app, ["dyads", "--db", db])
    assert shown.exit_code == 0 and "United Nations (IGOUNO)–RUS" in shown.output
    listed = runner.invoke(app, ["events", "--db", db])
    flat = " ".join(listed.output.split())  # a narrow terminal may fold the pair inside its cell
    assert listed.exit_code == 0 and ("United Nations (IGOUNO)→RUS" in flat or "(IGOUNO)→RUS" in flat)
    assert "United Nations" in flat and "IGOUNO→" not in flat
    timeline = runner.invoke(app, ["timeline", "IGOUNO", "RUS", "--db", db])
    assert timeline.exit_code == 0 and "United Nations (IGOUNO)–RUS" in timeline.output
    as_json = runner.invoke(app, ["dyads", "--db", db, "--json"])
    assert json.loads(as_json.output)[0]["a_name"] == "United Nations"


def test_the_csv_export_names_the_body_beside_its_code(db, tmp_path):
    import csv

    out = tmp_path / "events.csv"
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {(r["source"], r["source_name"], r["target_name"]) for r in rows} == {("IGOUNO", "United Nations", "Russia")}
