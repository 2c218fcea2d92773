"""The JSON API: every endpoint, paging, filters, auth and bad parameters (never a 500)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyad.web import create_app
from tests.web.conftest import TOKEN, fill


def test_stats_and_dyads(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 5 and set(stats) == {"articles", "actors", "events", "reports", "quotes"}
    dyads = client.get("/api/dyads").json()
    assert {(d["a"], d["b"]) for d in dyads} >= {("PRK", "RUS"), ("CHN", "RUS"), ("EST", "FIN")}
    assert len(client.get("/api/dyads?limit=1").json()) == 1


def test_timeline_matches_the_cli(client):
    from typer.testing import CliRunner

    from dyad.cli import app

    body = client.get("/api/dyads/RUS/PRK/timeline?by=day").json()
    assert [(p["period"], p["events"]) for p in body["periods"]] == [("2024-06-19", 1)]
    db = client.app.state.store.target
    cli = CliRunner().invoke(app, ["timeline", "RUS", "PRK", "--by", "day", "--db", db, "--json"])
    assert cli.exit_code == 0 and __import__("json").loads(cli.stdout) == body
    assert client.get("/api/dyads/Russia/North%20Korea/timeline?from=2024-07").json()["periods"] == []


def test_events_filters_and_paging(client):
    everything = client.get("/api/events?limit=500").json()
    assert everything["total"] == len(everything["items"]) >= 3
    first = client.get("/api/events?limit=2&offset=0").json()
    second = client.get("/api/events?limit=2&offset=2").json()
    assert first["total"] == second["total"] == everything["total"]
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything["items"][:4]]
    visit = client.get("/api/events?dyad=RUS,PRK&type=consult").json()
    assert [(e["reports"], e["articles"]) for e in visit["items"]] == [(3, 3)]
    assert client.get("/api/events?dyad=RUS,PRK&directed=true").json()["total"] == 0
    assert client.get("/api/events?place=Pyongyang").json()["total"] == 1
    assert client.get("/api/events?since=2024-06-20").json()["total"] == 0
    assert client.get("/api/events?min_confidence=0.99").json()["total"] == 0
    assert client.get("/api/events?modality=any").json()["total"] >= everything["total"]


def test_one_event_with_its_reports_and_evidence(client):
    [visit] = client.get("/api/events?dyad=RUS,PRK").json()["items"]
    body = client.get(f"/api/events/{visit['id']}").json()
    assert len(body["reports"]) == 3 and body["articles"] == 3
    for report in body["reports"]:
        [evidence] = report["evidence"]
        trigger = evidence["trigger"]
        assert trigger["text"] in evidence["sentence"]
        assert {a["name"] for a in report["sources"] + report["targets"]} & {"Vladimir Putin", "Kim Jong Un"}
        assert report["license"] in ("CC BY 4.0", "public domain")


def test_one_article_with_every_span(client):
    body = client.get("/api/articles/wire/1").json()
    doc = body["document"]
    text = doc["article"]["text"]
    assert body["license"] == "CC BY 4.0" and body["source"] == "Wire" and body["url"] == "https://wire.example/1"
    assert [r["ref"] for r in body["stored_as"]] == ["wire/1", "mirror/1"]
    for actor in doc["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert client.get("/api/articles/mirror/1").json()["hash"] == body["hash"]


def test_quotes_search_and_actors(client):
    found = client.get("/api/quotes?search=partners").json()
    assert found["total"] == 1 and found["items"][0]["speaker"] == "Vladimir Putin"
    assert client.get("/api/quotes?speaker=Putin&limit=1").json()["total"] == 2
    assert client.get("/api/quotes?search=tariffs").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
    russians = client.get("/api/actors?country=Russia").json()
    assert "Vladimir Putin" in {a["name"] for a in russians["items"]}
    putin = next(a for a in russians["items"] if a["name"] == "Vladimir Putin")
    detail = client.get(f"/api/actors/{putin['id']}").json()
    assert {"Vladimir Putin", "Putin"} <= {a["alias"] for a in detail["aliases"]}
    assert client.get("/api/actors?kind=person&name=virtanen").json()["items"][0]["country"] == "FIN"


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?limit=abc", 422, "limit"),
        ("/api/events?offset=-1", 422, "offset"),
        ("/api/events?dyad=RUS", 422, "two sides"),
        ("/api/events?dyad=RUS,Atlantis", 422, "not a country"),
        ("/api/events?type=HUG", 422, "not a PLOVER type"),
        ("/api/events?since=yesterday", 422, "since"),
        ("/api/events?min_confidence=2", 422, "min_confidence"),
        ("/api/events?modality=maybe", 422, "modality"),
        ("/api/dyads/RUS/PRK/timeline?by=fortnight", 422, "by"),
        ("/api/events/999999", 404, "no event"),
        ("/api/events/abc", 422, "event_id"),
        ("/api/articles/nothing-here", 404, "no article"),
        ("/api/actors/999999", 404, "no actor"),
        ("/api/actors?kind=robot", 422, "kind"),
        ("/api/nowhere", 404, "Not Found"),
    ],
)
def test_bad_parameters_get_a_clear_4xx(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status, response.text
    assert message in response.json()["detail"]


def test_writes_need_the_token(client):
    body = {
        "text": "Japanese Prime Minister Shigeru Ishiba met Australian Prime Minister Anthony Albanese in Canberra."
    }
    assert client.post("/api/articles", json=body).status_code == 401
    wrong = client.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    before = client.get("/api/stats").json()["articles"]
    made = client.post(
        "/api/articles",
        json={**body, "published": "2024-07-01", "source": "Test", "license": "CC0", "id": "api-1"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert made.status_code == 201, made.text
    assert made.json()["new"] is True and made.json()["article"] == "api-1"
    again = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 200 and again.json()["new"] is False
    assert client.get("/api/stats").json()["articles"] == before + 1
    assert client.get("/api/events?dyad=JPN,AUS").json()["total"] == 1


def test_a_bad_article_body_is_a_422(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert "give the article's text, or a url" in client.post("/api/articles", json={}, headers=auth).json()["detail"]
    assert client.post("/api/articles", json={"text": "  "}, headers=auth).status_code == 422
    french = {"text": "Le président russe est arrivé à Pyongyang mercredi pour des entretiens avec le dirigeant."}
    assert "not English" in client.post("/api/articles", json=french, headers=auth).json()["detail"]
    assert client.post("/api/articles", content=b"not json", headers=auth).status_code == 422
    ftp = client.post("/api/articles", json={"url": "ftp://example.org/x"}, headers=auth)
    assert ftp.status_code == 422 and "only http and https" in ftp.json()["detail"]
    inside = client.post("/api/articles", json={"url": "http://127.0.0.1:8000/api/stats"}, headers=auth)
    assert inside.status_code == 422 and "non-public address" in inside.json()["detail"]  # never through the API


def test_writes_are_off_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("DYAD_API_TOKEN", raising=False)
    with TestClient(create_app(str(tmp_path / "d.db"))) as c:
        response = c.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer x"})
        assert response.status_code == 403 and "writes are disabled" in response.json()["detail"]


def test_the_api_reads_postgresql_as_it_reads_sqlite(db_url):
    from dyad.store import Store

    with Store(db_url) as store:
        fill(store)
        with TestClient(create_app(store)) as c:
            assert c.get("/api/events?dyad=RUS,PRK").json()["items"][0]["reports"] == 3
            assert c.get("/api/quotes?search=partners").json()["total"] == 1


def test_openapi_and_docs_are_served_locally(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/quotes", "/api/actors"} <= set(
        spec["paths"]
    )
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/plotly.min.js").status_code == 200


def test_request_bodies_are_capped_before_they_are_read(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = client.post(
        "/api/articles", content=b"x" * (3 * 1024 * 1024 + 1), headers={**auth, "Content-Type": "application/json"}
    )
    assert big.status_code == 413 and "over 3 MB" in big.json()["detail"]

    def chunks():
        yield b'{"text": "'
        yield b"a" * 100
        yield b'"}'

    unsized = client.post("/api/articles", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert unsized.status_code == 411


def test_an_unexpected_error_is_a_bare_500_without_a_traceback(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(client.app.state.store, "stats", broken)
    with __import__("fastapi.testclient", fromlist=["TestClient"]).TestClient(
        client.app, raise_server_exceptions=False
    ) as c:
        response = c.get("/api/stats")
    assert response.status_code == 500 and response.json() == {"detail": "internal error"}
    assert "secret" not in response.text and "Traceback" not in response.text


def test_map_points_are_served_with_the_event_filters(client):
    found = client.get("/api/map", params={"dyad": "RUS,PRK"}).json()
    assert [(p["place"], p["source"], p["target"]) for p in found["points"]] == [("Pyongyang", "PRK", "RUS")]
    assert client.get("/api/map", params={"type": "ASSAULT"}).json()["points"] == []


def test_the_world_map_is_served_by_dyad_itself(client):
    topo = client.get("/static/topojson/world_110m.json")
    assert topo.status_code == 200 and topo.json()["type"] == "Topology"
