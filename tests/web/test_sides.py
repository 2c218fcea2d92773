"""Events with one side unknown are kept and reachable, but listed apart: never in dyads, their counts, or the
latest events (CLI, API and pages alike)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.sources import Record, read_paths
from tests.conftest import FIXTURES
from tests.web.conftest import app_over, store_file

ONE_SIDED = Record(
    text="Russian forces shelled a village overnight, officials said on Monday.",
    origin="one-sided",
    id="one-sided-1",
    published="2024-05-20",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return store_file(tmp_path_factory, "sides", list(read_paths([str(FIXTURES / "visits.jsonl")])), [ONE_SIDED])


@pytest.fixture(scope="module")
def client(db):
    with app_over(db) as c:
        yield c


def test_the_api_lists_two_sided_events_unless_asked_for_the_others(client):
    both = client.get("/api/events").json()
    assert both["total"] == 2 and all(e["source"] and e["target"] for e in both["items"])
    one = client.get("/api/events", params={"sides": "one"}).json()
    assert one["total"] == 1 and one["items"][0]["source"] == "RUS" and one["items"][0]["target"] is None
    assert client.get("/api/events", params={"sides": "any"}).json()["total"] == 3
    assert client.get("/api/events", params={"sides": "some"}).status_code == 422


def test_the_home_page_counts_one_sided_events_apart_and_links_to_them(client):
    home = client.get("/").text
    assert "2 events between two sides" in home
    assert 'href="/events?sides=one"' in home and "1 with one side unknown" in home
    listed = client.get("/events", params={"sides": "one"}).text
    assert "RUS → ?" in listed and "1 actual event whose source or target no report names" in listed
    default = client.get("/events").text  # the default listing: two sides only
    assert "RUS → ?" not in default and "2 actual events between two sides" in default
    assert client.get("/events", params={"sides": "some"}).status_code == 404


def test_the_cli_shows_two_sided_events_and_the_others_on_request(db):
    runner = CliRunner()
    listed = runner.invoke(app, ["events", "--db", db])
    assert listed.exit_code == 0 and "→?" not in listed.stdout and "?→" not in listed.stdout
    assert "2 events" in listed.stdout
    apart = runner.invoke(app, ["events", "--db", db, "--sides", "one"])
    assert apart.exit_code == 0 and "RUS→?" in apart.stdout
    overview = runner.invoke(app, ["overview", "--db", db])
    assert overview.exit_code == 0 and "events with one side unknown: 1" in overview.stdout
    assert "RUS→?" not in overview.stdout
    wrong = runner.invoke(app, ["events", "--db", db, "--sides", "some"])
    assert wrong.exit_code == 2 and "--sides" in wrong.output
