"""Article pages and feeds over HTTP: httpx with timeouts, a size cap and a one-line error per URL."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from dyad import __version__
from dyad.sources.decode import decode
from dyad.sources.feeds import FeedEntry, entry_record, looks_like_feed, parse_feed
from dyad.sources.html import html_to_record_fields
from dyad.sources.records import MAX_TEXT_BYTES, InputError, InputProblem, Record

MAX_RESPONSE_BYTES = 4 * MAX_TEXT_BYTES  # pages carry markup around the text
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_REDIRECTS = 5
MAX_SECONDS = 60  # a whole response, however slowly it trickles in
USER_AGENT = f"dyad/{__version__} (+https://github.com/dyad; news event extraction)"

Item = Record | InputProblem


def is_url(text: str) -> bool:
    return "://" in text and not text.startswith("file://")


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None


class Client(httpx.Client):
    """An httpx client that knows whether private addresses may be fetched (they may not, by default)."""

    allow_private: bool = False


class _PublicOnly(httpcore.SyncBackend):
    """Connects only to the public address it resolved itself: the check and the connection use one
    answer, so a host that changes its DNS answer between them (DNS rebinding) gains nothing."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001, ANN201
        return super().connect_tcp(_public_address(host, port), port, timeout, local_address, socket_options)


def client(allow_private: bool = False) -> Client:
    http = Client(timeout=TIMEOUT, follow_redirects=False, headers={"User-Agent": USER_AGENT})
    http.allow_private = allow_private
    pool = getattr(http._transport, "_pool", None)  # noqa: SLF001  (httpx has no public hook for this)
    if not allow_private and type(pool) is httpcore.ConnectionPool:  # behind a proxy, the proxy connects
        pool._network_backend = _PublicOnly()  # noqa: SLF001
    return http


def _public_address(host: str, port: int) -> str:
    """The first address of ``host``, when every address it resolves to is public; else InputError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise InputError(f"cannot resolve {host} ({getattr(exc, 'strerror', None) or exc})") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    for address in addresses:
        if not address.is_global or address.is_multicast:
            raise InputError(
                f"refused: {host} resolves to a non-public address ({address}); --allow-private fetches it"
            )
    return str(addresses[0])


def check_address(url: str, allow_private: bool = False) -> None:
    """Refuse other schemes, and hosts that resolve to private, loopback, link-local or reserved addresses.

    Checked before every request, redirects included, so a public page cannot send the
    fetcher to an intranet or a cloud metadata service.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"only http and https URLs are fetched, not {scheme or 'this'}")
    host = parts.hostname
    if not host:
        raise InputError("the URL names no host")
    if allow_private:
        return
    _public_address(host, parts.port or (443 if scheme == "https" else 80))


def fetch(http: Client, url: str, etag: str | None = None, modified: str | None = None) -> Response:
    """GET one URL; raise InputError with a one-line reason. 304 comes back with empty content."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    allow_private = getattr(http, "allow_private", False)
    started = time.monotonic()
    try:
        for _ in range(MAX_REDIRECTS + 1):
            check_address(url, allow_private)
            with http.stream("GET", url, headers=headers) as response:
                if response.is_redirect and response.headers.get("Location"):
                    url = urljoin(str(response.url), response.headers["Location"])
                    continue
                return _read(response, etag, modified, started)
        raise InputError(f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise InputError("timed out") from None
    except httpx.InvalidURL as exc:
        raise InputError(f"not a valid URL ({exc})") from None
    except httpx.HTTPError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"cannot fetch ({reason})") from None


def _read(response: httpx.Response, etag: str | None, modified: str | None, started: float) -> Response:
    if response.status_code == 304:
        return Response(str(response.url), 304, b"", "", etag, modified)
    if response.status_code >= 400:
        raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise InputError(f"response is {int(declared) / 1024 / 1024:.1f} MB, over the {_cap()} limit")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > MAX_RESPONSE_BYTES:
            raise InputError(f"response is over the {_cap()} limit")
        if time.monotonic() - started > MAX_SECONDS:
            raise InputError(f"took longer than {MAX_SECONDS} s")
    return Response(
        url=str(response.url),
        status=response.status_code,
        content=bytes(body),
        content_type=response.headers.get("Content-Type", "").split(";")[0].strip().lower(),
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
    )


def _cap() -> str:
    return f"{MAX_RESPONSE_BYTES // 1024 // 1024} MB"


def page_record(response: Response, origin: str) -> Record:
    """An article page: trafilatura finds the text, title and date; the URL is the address asked for."""
    if response.content_type and not (
        response.content_type.startswith("text/") or "html" in response.content_type or "xml" in response.content_type
    ):
        raise InputError(f"not a web page ({response.content_type})")
    text = decode(response.content)
    if response.content_type == "text/plain":
        fields: dict[str, str | None] = {"text": text}
    else:
        fields = html_to_record_fields(text)
    return Record(
        text=fields["text"] or "",
        origin=origin,
        id=origin,
        title=fields.get("title"),
        url=origin,
        published=fields.get("published"),
        source=fields.get("source") or urlsplit(response.url).hostname,
    )


def read_url(http: Client, url: str, skip=None) -> Iterator[Item]:
    """Records from one URL: the article it shows, or each entry of the feed it serves.

    ``skip(link)`` says an entry is already stored, so its page is not fetched again.
    """
    try:
        response = fetch(http, url)
    except InputError as exc:
        yield InputProblem(url, str(exc))
        return
    yield from _read_response(http, url, response, skip)


def _read_response(http: Client, url: str, response: Response, skip) -> Iterator[Item]:
    if looks_like_feed(response.content_type, response.content):
        try:
            entries = parse_feed(response.content)
        except InputError as exc:
            yield InputProblem(url, str(exc))
            return
        yield from read_entries(http, url, entries, skip)
        return
    try:
        yield page_record(response, url)
    except InputError as exc:
        yield InputProblem(url, str(exc))


def read_entries(http: Client, feed: str, entries: list[FeedEntry], skip=None) -> Iterator[Item]:
    """Each feed entry: its own full text when the feed carries it, else the page it links to."""
    for n, entry in enumerate(entries, 1):
        origin = entry.link or f"{feed}#{n}"
        if skip is not None and skip(entry.key):
            continue
        record = entry_record(entry, origin)
        if record is not None:
            yield record
            continue
        if not entry.link:
            yield InputProblem(origin, "feed entry has neither text nor a link")
            continue
        try:
            page = page_record(fetch(http, entry.link), entry.link)
        except InputError as exc:
            yield InputProblem(entry.link, str(exc))
            continue
        page.id = entry.key
        page.title = page.title or entry.title
        page.published = page.published or entry.published
        yield page


def poll(http: Client, url: str, etag: str | None, modified: str | None, skip=None):
    """One conditional poll of a feed: (records, etag, last_modified, changed)."""
    try:
        response = fetch(http, url, etag, modified)
    except InputError as exc:
        return [InputProblem(url, str(exc))], etag, modified, False
    if response.status == 304:
        return [], etag, modified, False
    items = list(_read_response(http, url, response, skip))
    return items, response.etag, response.last_modified, True
