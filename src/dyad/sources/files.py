"""Read article records from files, folders and stdin.

Every failure becomes an ``InputProblem`` naming the input (file, or file:line);
the other records are still read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.model import SCHEMA, Document
from dyad.sources.decode import decode, looks_binary
from dyad.sources.html import html_to_record_fields
from dyad.sources.records import MAX_TEXT_BYTES, InputError, InputProblem, Record, check_text, parse_published

SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
FIELDS = ("id", "title", "url", "published", "source", "license")

Item = Record | InputProblem


def read_paths(paths: Iterable[str], published: str | None = None) -> Iterator[Item]:
    """Yield records (or problems) for every path: files, folders (recursively) and '-' for stdin."""
    for raw in paths:
        if raw == "-":
            yield from _with_default(_read_bytes(sys.stdin.buffer.read(), "-", kind=None), published)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputProblem(raw, "folder holds no .txt, .html, .json or .jsonl files")
            for file in files:
                yield from _with_default(_read_file(file), published)
        elif path.is_file():
            yield from _with_default(_read_file(path), published)
        elif path.exists():
            yield InputProblem(raw, "not a regular file")
        else:
            yield InputProblem(raw, "no such file or folder")


def _with_default(items: Iterator[Item], published: str | None) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Record) and item.published is None:
            item.published = published
        yield item


def _read_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        kind = path.suffix.lower()
        if kind in (".jsonl", ".ndjson") and _utf8_head(path):
            yield from _stream_jsonl(path, origin)
            return
        if kind not in (".jsonl", ".ndjson", ".json") and size > MAX_TEXT_BYTES * 4:
            yield InputProblem(origin, f"file is {size / 1024 / 1024:.1f} MB, over the 2 MB text limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(origin, f"cannot read ({exc.strerror or exc})")
        return
    yield from _read_bytes(data, origin, kind)


def _utf8_head(path: Path) -> bool:
    """Whether a file starts as UTF-8 (then JSON Lines are read a line at a time, in constant memory)."""
    with path.open("rb") as handle:
        head = handle.read(65536)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # only a character cut at the end of the sample
    return not looks_binary(head)


def _stream_jsonl(path: Path, origin: str) -> Iterator[Item]:
    seen = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            seen = True
            where = f"{origin}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield InputProblem(where, "line is not UTF-8")
                continue
            yield from _jsonl_line(line, where)
    if not seen:
        yield InputProblem(origin, "empty input")


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{") or head.startswith("["):
        return ".jsonl"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return ".html"
    return ".txt"


def _read_bytes(data: bytes, origin: str, kind: str | None) -> Iterator[Item]:
    try:
        text = decode(data)
    except InputError as exc:
        yield InputProblem(origin, str(exc))
        return
    kind = kind if kind in SUFFIXES else _sniff(text)
    if kind in (".jsonl", ".ndjson"):
        yield from _jsonl(text, origin)
    elif kind == ".json":
        yield from _json(text, origin)
    elif kind in (".html", ".htm"):
        yield _make(origin, lambda: {**html_to_record_fields(text)})
    else:
        yield _make(origin, lambda: {"text": text})


def _make(origin: str, fields_of) -> Item:
    try:
        fields = fields_of()
        if not isinstance(fields, dict):
            raise InputError("a record must be a JSON object")
        if "schema" in fields and "article" in fields:
            return _document(origin, fields)
        return Record(
            text=check_text(fields.get("text")),
            origin=origin,
            id=None if fields.get("id") is None else str(fields["id"]),
            title=_opt_str(fields.get("title")),
            url=_opt_str(fields.get("url")),
            published=parse_published(fields.get("published")),
            source=_opt_str(fields.get("source")),
            license=_opt_str(fields.get("license")),
        )
    except InputError as exc:
        return InputProblem(origin, str(exc))


EVENT_KEYS = ("id", "type", "sources", "targets", "modality", "evidence")


def _document(origin: str, body: dict) -> Record:
    """A document ``dyad extract`` wrote, read back: checked, so that a hand-edited one cannot break a store."""
    if body.get("schema") != SCHEMA:
        raise InputError(f"schema {body.get('schema')!r} is not {SCHEMA}")
    try:
        document = Document.from_dict(body)
        for event in document.events:
            missing = [k for k in EVENT_KEYS if k not in event]
            if missing:
                raise ValueError(f"event {event.get('id', '?')} lacks {', '.join(missing)}")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"not a valid {SCHEMA} document ({type(exc).__name__}: {exc})") from None
    article = document.article
    check_text(article.text)
    return Record(
        text=article.text,
        origin=origin,
        id=article.id,
        title=article.title,
        url=article.url,
        published=parse_published(article.published),
        source=article.source,
        license=article.license,
        document=document,
    )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _jsonl(text: str, origin: str) -> Iterator[Item]:
    seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        seen = True
        yield from _jsonl_line(line, f"{origin}:{number}")
    if not seen:
        yield InputProblem(origin, "empty input")


def _jsonl_line(line: str, where: str) -> Iterator[Item]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputProblem(where, f"malformed JSON ({exc.msg}, column {exc.colno})")
        return
    yield _make(where, lambda: obj)


def _json(text: str, origin: str) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputProblem(origin, f"malformed JSON ({exc.msg}, line {exc.lineno} column {exc.colno})")
        return
    if isinstance(obj, list):
        for n, item in enumerate(obj):
            yield _make(f"{origin}[{n}]", lambda item=item: item)
    else:
        yield _make(origin, lambda: obj)
