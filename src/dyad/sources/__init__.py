"""Sources: turn paths, folders, stdin, URLs and feeds into article records (text plus metadata)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dyad.sources.files import read_paths
from dyad.sources.records import InputError, InputProblem, Record

__all__ = ["InputProblem", "Record", "read_inputs", "read_paths"]


def read_inputs(
    inputs: Iterable[str],
    published: str | None = None,
    skip: Callable[[str | None], bool] | None = None,
    allow_private: bool = False,
) -> Iterator[Record | InputProblem]:
    """Records from files, folders, stdin ('-'), article URLs, feed URLs and feed files, in order.

    ``skip(entry_key)`` lets a store say a feed entry is already stored, so its page is not fetched.
    URLs that resolve to private, loopback or link-local addresses are refused unless ``allow_private``.
    """
    from dyad.sources import feeds, web  # httpx and feedparser load only when needed

    http = None
    try:
        for raw in inputs:
            if web.is_url(raw) or Path(raw).suffix.lower() in feeds.FEED_SUFFIXES:
                http = http or web.client(allow_private)
                items = web.read_url(http, raw, skip) if web.is_url(raw) else _feed_file(http, raw, skip)
                for item in items:
                    if isinstance(item, Record) and item.published is None:
                        item.published = published
                    yield item
            else:
                yield from read_paths([raw], published)
    finally:
        if http is not None:
            http.close()


def _feed_file(http, raw: str, skip) -> Iterator[Record | InputProblem]:
    from dyad.sources import feeds, web

    try:
        data = Path(raw).read_bytes()
    except OSError as exc:
        yield InputProblem(raw, f"cannot read ({exc.strerror or exc})")
        return
    if not feeds.looks_like_feed("", data):
        yield from read_paths([raw])
        return
    try:
        entries = feeds.parse_feed(data)
    except InputError as exc:
        yield InputProblem(raw, str(exc))
        return
    yield from web.read_entries(http, raw, entries, skip)
