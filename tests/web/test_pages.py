"""The pages: each renders from the store, links to the next, and shows hostile text as text."""

from __future__ import annotations

import json
import re

import pytest


def test_home_lists_dyads_with_their_bars(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'href="/dyad/PRK/RUS"' in page.text
    assert re.search(r'class="coop" style="width: 100%"', page.text)


def test_dyad_page_has_chart_data_and_an_event_table(client):
    page = client.get("/dyad/RUS/PRK").text
    assert '<div id="chart"' in page and '<script src="/plotly.min.js"' in page
    data = re.search(r'<script id="timeline-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert '"periods": ["2024-06"]' in data and '"cooperation": [1]' in data
    assert re.search(r'<a href="/event/\d+">CONSULT', page)
    assert "CONSULT (1)" in page  # the type filter
    assert "No events." in client.get("/dyad/RUS/PRK?type=ASSAULT").text


def chart_data(page: str) -> dict:
    return json.loads(re.search(r'<script id="timeline-data" type="application/json">(.*?)</script>', page, re.S)[1])


@pytest.mark.parametrize(
    ("by", "start"), [("day", "2024-06-19"), ("week", "2024-06-17"), ("month", "2024-06-01"), ("year", "2024-01-01")]
)
def test_the_dyad_chart_places_each_period_on_a_time_axis_at_the_grain_chosen(client, by, start):
    page = client.get(f"/dyad/RUS/PRK?by={by}").text
    data = chart_data(page)
    assert data["by"] == by and data["x"] == [start]  # the period's first day: gaps between periods stay gaps
    assert f'href="/dyad/PRK/RUS?by={by}"' not in page  # the grain links keep the page's own sides
    assert 'class="on">' + by in page
    assert client.get("/dyad/RUS/PRK?by=decade").status_code == 404


def test_event_page_highlights_trigger_and_sides_in_each_report(client):
    event_id = client.get("/api/events?dyad=RUS,PRK").json()["items"][0]["id"]
    page = client.get(f"/event/{event_id}").text
    assert page.count('class="evidence"') == 3
    assert re.search(r'<mark class="trigger"[^>]*>(arrived|met|hosted)</mark>', page)
    assert '<mark class="source"' in page and '<mark class="target"' in page


def test_article_page_marks_every_kind_and_shows_source_and_licence(client):
    page = client.get("/article/wire/1").text
    for kind in ("person", "state", "place", "date", "quote", "trigger"):
        assert f'class="mark {kind}"' in page or f'<mark class="{kind}"' in page, kind
    assert "licence: CC BY 4.0" in page and "https://wire.example/1" in page
    assert "Also arrived as: mirror/1" in page


def test_quotes_actors_and_actor_pages(client):
    assert "We value this friendship" in client.get("/quotes?q=friendship").text
    assert "1 quote containing" in client.get("/quotes?q=friendship").text
    actors = client.get("/actors?country=FIN").text
    link = re.search(r'<a href="/actor/(\d+)">Aino Virtanen</a>', actors)
    assert link
    actor = client.get(f"/actor/{link.group(1)}").text
    assert "Foreign Minister" in actor and "FIN" in actor and "CONSULT" in actor


@pytest.mark.parametrize("path", ["/event/999999", "/article/none", "/actor/999999", "/dyad/RUS/Atlantis", "/nope"])
def test_missing_things_are_a_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]


HOSTILE = ("<script>alert", "<img src=x", "<b>hostile</b>", "<i>Evil</i>", 'href="javascript:')


def _no_live_markup(html: str) -> None:
    for bad in HOSTILE:
        assert bad not in html, bad
    assert "&lt;script&gt;alert" in html or "alert" not in html


def test_hostile_article_text_is_shown_as_text_on_every_page(client):
    article = client.get("/api/articles/%3Cb%3Ehostile%3C/b%3E").json()
    assert article["title"] == "<script>alert('title')</script>"  # the API returns the data as it is, as JSON
    pages = [
        "/",
        "/article/%3Cb%3Ehostile%3C/b%3E",
        "/quotes?q=partners",
        "/quotes?q=%3Cscript%3Ealert(5)%3C/script%3E",
        "/actors?name=%3Cscript%3E",
        "/dyad/CHN/RUS",
    ]
    event_id = client.get("/api/events?dyad=CHN,RUS").json()["items"][0]["id"]
    pages.append(f"/event/{event_id}")
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        _no_live_markup(response.text)
        assert "script-src 'self'" in response.headers["content-security-policy"]
    body = client.get("/article/%3Cb%3Ehostile%3C/b%3E").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(2)&gt;" in body


def test_hostile_text_through_the_api_stays_data(client):
    from tests.web.conftest import TOKEN

    evil = {
        "text": "Russian President Vladimir Putin met Indian Prime Minister Narendra Modi in Moscow on Monday. "
        '"</script><script>alert(6)</script> A good talk," Modi said.',
        "title": "<svg onload=alert(7)>",
        "id": "evil-2",
    }
    made = client.post("/api/articles", json=evil, headers={"Authorization": f"Bearer {TOKEN}"})
    assert made.status_code == 201, made.text
    assert client.get("/api/articles/evil-2").json()["title"] == "<svg onload=alert(7)>"
    page = client.get("/article/evil-2").text
    assert "<svg onload" not in page and "&lt;svg onload=alert(7)&gt;" in page
    assert "<script>alert(6)" not in page
    dyad = client.get("/dyad/IND/RUS").text
    data = re.search(r'<script id="timeline-data" type="application/json">(.*?)</script>', dyad, re.S).group(1)
    assert "</script" not in data.lower()


def test_long_lists_are_paged_and_keep_their_filters(client, monkeypatch):
    import dyad.web.pages

    monkeypatch.setattr(dyad.web.pages, "PAGE", 1)  # two Russian actors (Putin, Russia): two pages
    first = client.get("/actors?country=RUS").text
    assert "Page 1 of" in first and 'href="?country=RUS&amp;page=2"' in first
    second = client.get("/actors?country=RUS&page=2").text
    names = lambda html: re.findall(r'<a href="/actor/\d+">([^<]+)</a>', html)  # noqa: E731
    assert names(first) and names(second) and not set(names(first)) & set(names(second))
    assert 'href="?q=Putin&amp;page=2"' not in client.get("/quotes?q=partners").text  # one page only


def map_data(page: str) -> list[dict]:
    return json.loads(re.search(r'<script id="map-data" type="application/json">(.*?)</script>', page, re.S)[1])


def test_the_home_page_maps_events_by_their_places_filtered_by_period_and_type(client):
    points = map_data(client.get("/").text)
    assert {(p["place"], p["type"]) for p in points} >= {("Pyongyang", "CONSULT"), ("Tallinn", "CONSULT")}
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["id"] for p in points)
    june = map_data(client.get("/", params={"since": "2024-06", "until": "2024-06"}).text)
    assert [p["place"] for p in june] == ["Pyongyang"]
    assert map_data(client.get("/", params={"type": "ASSAULT"}).text) == []
    assert client.get("/", params={"since": "June"}).status_code == 404


def test_a_dyad_page_maps_only_that_dyads_events(client):
    assert [p["place"] for p in map_data(client.get("/dyad/RUS/PRK").text)] == ["Pyongyang"]


def test_a_widely_reported_event_shows_its_reports_a_page_at_a_time(client, monkeypatch):
    from dyad.web import pages

    event_id = re.search(r'href="/event/(\d+)"', client.get("/dyad/RUS/PRK").text)[1]
    whole = client.get(f"/event/{event_id}").text
    monkeypatch.setattr(pages, "REPORTS_PAGE", 1)
    first = client.get(f"/event/{event_id}").text
    assert first.count('<section class="report">') == 1 < whole.count('<section class="report">')
    assert "Page 1 of" in first and "?page=2" in first
    assert client.get(f"/event/{event_id}", params={"page": 2}).text.count('<section class="report">') == 1
