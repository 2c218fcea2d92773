"""A real headless Chromium (Debian's) drives the pages: the chart draws, the table links to the evidence.

Skipped where /usr/bin/chromium is absent, unless DYAD_REQUIRE_BROWSER=1 (set by CI, which installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

from dyad.store import Store
from dyad.web import create_app
from tests.web.conftest import fill

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("DYAD_REQUIRE_BROWSER") == "1"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        if REQUIRED:
            pytest.fail("DYAD_REQUIRE_BROWSER=1 but no chromium is installed")
        pytest.skip("no chromium here (Debian package 'chromium')")
    import uvicorn

    store = Store(str(tmp_path_factory.mktemp("browser") / "dyad.db"))
    fill(store)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def test_dyad_page_draws_its_chart_and_links_to_highlighted_evidence(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{server}/dyad/PRK/RUS")
    page.wait_for_selector('#chart[data-rendered="chart"]', timeout=20_000)
    assert page.locator("#chart .main-svg").count() >= 1  # plotly drew its SVG
    assert page.locator("#chart .bars .point").count() >= 1  # with the month's bar
    assert page.evaluate("document.getElementById('chart').layout.xaxis.type") == "date"  # a true time axis
    page.wait_for_selector('#map[data-rendered="map"]', timeout=20_000)
    assert page.locator("#map .scattergeo .point").count() == 1  # the dyad's one event, in Pyongyang
    page.goto(f"{server}/dyad/PRK/RUS?by=year")
    page.wait_for_selector('#chart[data-rendered="chart"]', timeout=20_000)
    assert page.evaluate("document.getElementById('chart').data[0].x") == ["2024-01-01"]
    assert page.evaluate("document.getElementById('chart').data[0].xperiod") == "M12"
    page.goto(f"{server}/dyad/PRK/RUS")
    page.wait_for_selector('#chart[data-rendered="chart"]', timeout=20_000)
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1 and "CONSULT" in rows.first.inner_text()
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)

    page.locator("table.events tbody tr a").first.click()
    page.wait_for_url("**/event/*")
    triggers = page.locator("blockquote.evidence mark.trigger")
    assert triggers.count() == 3 and triggers.first.is_visible()
    assert page.locator("blockquote.evidence mark.source").count() >= 1
    page.screenshot(path=str(tmp_path / "event.png"), full_page=True)
    assert (tmp_path / "dyad.png").stat().st_size > 10_000 and (tmp_path / "event.png").stat().st_size > 10_000
    assert errors == []


def test_the_home_map_draws_every_place_from_dyads_own_files_and_each_point_opens_its_event(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: None if req.url.startswith(server) else outside.append(req.url))
    page.goto(server)
    page.wait_for_selector('#map[data-rendered="map"]', timeout=20_000)
    points = page.locator("#map .scattergeo .point")
    assert points.count() == 3  # Pyongyang, Beijing, Tallinn
    assert page.locator("#map .countries path, #map .countries").count() >= 1  # the world map was drawn
    assert page.evaluate("document.getElementById('map').data[0].type") == "scattergeo"
    page.screenshot(path=str(tmp_path / "map.png"), full_page=True)
    box = points.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/event/*", timeout=10_000)
    assert page.locator("blockquote.evidence mark.trigger").count() >= 1
    page.goto(f"{server}/?type=ASSAULT")
    page.wait_for_selector('#map[data-rendered="empty"]', timeout=20_000)
    assert errors == [] and outside == []  # nothing from a CDN: plotly.js and the map are dyad's own


def test_a_hostile_article_runs_no_script_in_the_browser(server, browser, tmp_path):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/article/%3Cb%3Ehostile%3C/b%3E")
    page.wait_for_selector("article.text")
    assert "<script>alert(1)</script>" in page.locator("article.text").inner_text()
    page.goto(f"{server}/quotes?q=partners")
    page.wait_for_selector("blockquote.quote")
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert dialogs == []


def test_the_api_documentation_renders_offline(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator(".opblock").count() >= 10  # every endpoint, drawn by the bundled Swagger UI
