"""RSS and Atom feeds (feedparser): one entry per article, with its link, title and date."""

from __future__ import annotations

import time
from dataclasses import dataclass

import feedparser

from dyad.sources.html import html_to_record_fields
from dyad.sources.records import InputError, Record

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MIN_ENTRY_TEXT = 400  # shorter entry bodies are teasers: the linked page holds the article
MAX_ENTRIES = 5000


@dataclass
class FeedEntry:
    key: str | None  # the entry's id (guid), else its link
    link: str | None
    title: str | None
    published: str | None
    html: str | None  # full content when the feed carries it


def looks_like_feed(content_type: str, content: bytes) -> bool:
    if content_type in FEED_TYPES:
        return True
    head = content[:1024].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
        while head.startswith(b"<!--") or head.startswith(b"<?"):
            head = head[head.find(b">") + 1 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(data: bytes) -> list[FeedEntry]:
    """Entries of an RSS/Atom document; InputError when it is not one."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        raise InputError("not a readable RSS or Atom feed")
    if len(parsed.entries) > MAX_ENTRIES:
        raise InputError(f"feed has {len(parsed.entries)} entries, over the {MAX_ENTRIES} limit")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or None
        content = item.get("content") or []
        html = max((c.get("value", "") for c in content), key=len, default="") or item.get("summary") or None
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(
            FeedEntry(
                key=item.get("id") or link,
                link=link,
                title=item.get("title") or None,
                published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
                html=html,
            )
        )
    return entries


def entry_record(entry: FeedEntry, origin: str) -> Record | None:
    """A record from the entry's own content, or None when it holds only a teaser."""
    if not entry.html or len(entry.html) < MIN_ENTRY_TEXT:
        return None
    try:
        fields = html_to_record_fields(f"<html><body><article>{entry.html}</article></body></html>")
    except InputError:
        return None
    if len(fields["text"] or "") < MIN_ENTRY_TEXT:
        return None
    return Record(
        text=fields["text"] or "",
        origin=origin,
        id=entry.key,
        title=entry.title,
        url=entry.link,
        published=entry.published,
    )
