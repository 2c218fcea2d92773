"""The records of a dyad document (schema ``dyad/document@1``).

Plain dataclasses: they know nothing of spaCy, files or persistence. Offsets are
Python string indices into ``Article.text``, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA = "dyad/document@1"


_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset({str, int, float, bool, type(None)})  # most values: known at once, not asked is_dataclass


def _plain(value: Any) -> Any:
    """A record as dicts and lists, as ``dataclasses.asdict`` makes it in half the time (records hold only
    JSON values, so no leaf needs the deep copy asdict makes): the store converts every document it writes."""
    if type(value) in _LEAVES:
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None:
        if not is_dataclass(value):
            return value
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class Article:
    id: str
    hash: str
    text: str
    extractor: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    license: str | None = None
    published: str | None = None
    language: str = "en"


@dataclass
class Actor:
    id: str
    kind: str  # person | state | organization | group
    name: str
    country: str | None = None
    code: str | None = None
    title: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place:
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class DateRef:
    text: str
    value: str | None
    start: int
    end: int


@dataclass
class Quote:
    id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None


@dataclass
class Topic:
    name: str
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Document:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, keys in the order DESIGN.md shows."""
        body = _plain(self)
        out: dict[str, Any] = {"schema": SCHEMA}
        out["article"] = body["article"]
        for key in ("actors", "places", "dates", "quotes", "events", "topics"):
            out[key] = body[key]
        return out

    @classmethod
    def from_dict(cls, body: dict[str, Any]) -> Document:
        """The records back from the JSON form (a stored or exported document)."""
        if body.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema {body.get('schema')!r})")

        def spans(items: list[dict[str, Any]]) -> list[Span]:
            return [Span(m["start"], m["end"], m["text"]) for m in items]

        return cls(
            article=Article(**body["article"]),
            actors=[Actor(**{**a, "mentions": spans(a["mentions"])}) for a in body["actors"]],
            places=[Place(**{**p, "mentions": spans(p["mentions"])}) for p in body["places"]],
            dates=[DateRef(**d) for d in body["dates"]],
            quotes=[Quote(**q) for q in body["quotes"]],
            events=[dict(e) for e in body["events"]],
            topics=[Topic(t["name"], spans(t["mentions"])) for t in body["topics"]],
        )
