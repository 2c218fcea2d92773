"""Article URLs and feeds, against a small HTTP server on loopback (no traffic leaves the machine)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dyad.sources import InputProblem, Record, read_inputs
from dyad.sources.web import client, poll

ARTICLE = """<html><head><title>Ministers meet in Tallinn</title></head><body>
<article><h1>Ministers meet in Tallinn</h1>
<p>Finnish Foreign Minister Aino Virtanen met Estonian Prime Minister Kristen Michal in Tallinn on Monday.</p>
<p>The two discussed energy links across the Gulf of Finland and the security of undersea cables.</p>
</article></body></html>"""

LONG_ENTRY = (
    "<p>Japanese Prime Minister Shigeru Ishiba met Australian Prime Minister Anthony Albanese in Canberra on "
    "Tuesday.</p><p>The two leaders signed an agreement on defence cooperation and discussed trade in critical "
    "minerals, liquefied natural gas and hydrogen.</p><p>Albanese said the visit showed how close the two countries "
    "had become since the security declaration of 2022.</p><p>Ishiba is to travel on to Wellington, where he will "
    "meet New Zealand's prime minister on Thursday.</p>"
)

FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example wire</title><link>http://example/</link><description>test</description>
<item><title>Ministers meet in Tallinn</title><link>{{base}}/article.html</link><guid>wire-1</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Leaders meet in Canberra</title><link>{{base}}/canberra.html</link><guid>wire-2</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[{LONG_ENTRY}]]></content:encoded></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if body is not None:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        Handler.hits[self.path] += 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/article.html":
            self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, FEED.replace("{base}", base).encode(), "application/rss+xml", {"ETag": '"v1"'})
        elif self.path == "/to-metadata":
            self._send(302, b"", "text/plain", {"Location": "http://169.254.169.254/latest/meta-data/"})
        elif self.path == "/loop":
            self._send(302, b"", "text/plain", {"Location": "/loop"})
        elif self.path == "/big":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(100 * 1024 * 1024 // len(chunk)):  # offers 100 MB
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/stall":  # headers, then nothing
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>Start")
            self.wfile.flush()
            time.sleep(3)
        elif self.path == "/many.xml":
            items = "".join(f"<item><title>t{i}</title><link>{base}/a{i}</link></item>" for i in range(10_000))
            self._send(
                200,
                f'<rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode(),
                "application/rss+xml",
            )
        elif self.path == "/file.bin":
            self._send(200, b"\x00\x01" * 100, "application/octet-stream")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_an_article_url_becomes_a_record(server):
    [record] = list(read_inputs([f"{server}/article.html"], allow_private=True))
    assert isinstance(record, Record)
    assert record.title == "Ministers meet in Tallinn"
    assert record.url == record.id == f"{server}/article.html"
    assert "Aino Virtanen met Estonian Prime Minister" in record.text


def test_a_feed_gives_each_entry_full_text_from_the_feed_or_its_page(server):
    records = list(read_inputs([f"{server}/feed.xml"], allow_private=True))
    assert [type(r) for r in records] == [Record, Record]
    teaser, full = records
    assert (teaser.id, teaser.title, teaser.published) == ("wire-1", "Ministers meet in Tallinn", "2024-03-04")
    assert "Kristen Michal" in teaser.text  # fetched from the entry's page
    assert (full.id, full.url, full.published) == ("wire-2", f"{server}/canberra.html", "2024-03-05")
    assert "Anthony Albanese" in full.text  # the feed carried the text; the page (a 404 here) is not asked for
    assert Handler.hits["/canberra.html"] == 0


def test_stored_entries_are_not_fetched_again(server):
    before = Handler.hits["/article.html"]
    records = list(read_inputs([f"{server}/feed.xml"], skip=lambda key: key == "wire-1", allow_private=True))
    assert [r.id for r in records] == ["wire-2"]
    assert Handler.hits["/article.html"] == before


def test_a_conditional_poll_of_an_unchanged_feed_is_a_304(server):
    with client(allow_private=True) as http:
        items, etag, modified, changed = poll(http, f"{server}/feed.xml", None, None)
        assert changed and etag == '"v1"' and len(items) == 2
        items, etag, _, changed = poll(http, f"{server}/feed.xml", etag, modified)
        assert (items, etag, changed) == ([], '"v1"', False)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/loop", "more than 5 redirects"),
        ("/big", "over the 8 MB limit"),
        ("/file.bin", "not a web page (application/octet-stream)"),
        ("/many.xml", "feed has 10000 entries, over the 5000 limit"),
    ],
)
def test_a_failed_url_is_one_problem_naming_it(server, path, message):
    [problem] = list(read_inputs([f"{server}{path}"], allow_private=True))
    assert isinstance(problem, InputProblem)
    assert problem.origin == f"{server}{path}"
    assert message in problem.message


def test_other_schemes_and_closed_ports_are_refused_with_a_reason():
    [ftp] = list(read_inputs(["ftp://127.0.0.1/file.html"]))
    assert "only http and https URLs are fetched, not ftp" in ftp.message
    [closed] = list(read_inputs(["http://127.0.0.1:9/article.html"], allow_private=True))
    assert closed.message.startswith("cannot fetch")


def test_watching_a_feed_says_what_each_poll_added(server, tmp_path):
    db = str(tmp_path / "watch.db")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dyad.cli",
            "ingest",
            f"{server}/feed.xml",
            "--watch",
            "1s",
            "--db",
            db,
            "--allow-private",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    deadline = time.monotonic() + 120
    try:
        while len([ln for ln in lines if "feed.xml:" in ln]) < 2 and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line.strip())
    finally:
        process.kill()
        process.wait()
    polls = [ln for ln in lines if "feed.xml:" in ln]
    assert "2 new, 0 already stored, 0 failed" in polls[0], lines
    assert polls[1].endswith("not modified"), lines


def test_a_stalled_response_times_out_with_one_line(server, monkeypatch):
    import httpx

    from dyad.sources import web

    monkeypatch.setattr(web, "TIMEOUT", httpx.Timeout(1.0, connect=1.0))
    started = time.monotonic()
    [problem] = list(read_inputs([f"{server}/stall"], allow_private=True))
    assert problem.message == "timed out" and time.monotonic() - started < 3


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8/x",
        "http://localhost:8/x",
        "http://[::1]:8/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://0.0.0.0/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused_by_default(url):
    [problem] = list(read_inputs([url]))
    assert isinstance(problem, InputProblem)
    assert "resolves to a non-public address" in problem.message and "--allow-private" in problem.message


def test_a_redirect_into_the_private_network_is_refused(server, monkeypatch):
    """The loopback server stands for a public one here: only its redirect target is checked as private."""
    from dyad.sources import web

    real = web._public_address
    monkeypatch.setattr(web, "_public_address", lambda host, port: host if host == "127.0.0.1" else real(host, port))
    [problem] = list(read_inputs([f"{server}/to-metadata"]))
    assert "169.254.169.254" in problem.message and "non-public" in problem.message


def test_ingesting_failing_urls_stores_nothing(server, tmp_path, monkeypatch):
    import httpx
    from typer.testing import CliRunner

    from dyad.cli import app
    from dyad.sources import web
    from dyad.store import Store

    monkeypatch.setattr(web, "TIMEOUT", httpx.Timeout(1.0, connect=1.0))
    urls = [f"{server}/big", f"{server}/loop", f"{server}/stall", f"{server}/many.xml", f"{server}/missing"]
    db = str(tmp_path / "d.db")
    result = CliRunner().invoke(app, ["ingest", *urls, "--db", db, "--allow-private"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("dyad: error:")]
    assert [ln.split(": ")[2].rsplit("/", 1)[1] for ln in errors] == ["big", "loop", "stall", "many.xml", "missing"]
    with Store(db) as store:
        assert store.stats() == {"articles": 0, "actors": 0, "events": 0, "reports": 0, "quotes": 0}
    refused = CliRunner().invoke(app, ["ingest", f"{server}/article.html", "--db", db])  # loopback, no --allow-private
    assert refused.exit_code == 1 and "non-public address" in refused.stderr


def test_a_host_that_rebinds_to_loopback_after_the_check_is_not_reached(server, monkeypatch):
    """First answer public (it passes the URL check), every later answer loopback: the connection checks again."""
    import socket

    port = int(server.rsplit(":", 1)[1])
    answers = {"n": 0}
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        answers["n"] += 1
        address = "192.0.43.10" if answers["n"] == 1 else "127.0.0.1"  # a public address, then loopback
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    before = Handler.hits["/article.html"]
    [problem] = list(read_inputs([f"http://rebind.example:{port}/article.html"]))
    assert isinstance(problem, InputProblem) and "non-public address (127.0.0.1)" in problem.message
    assert Handler.hits["/article.html"] == before
